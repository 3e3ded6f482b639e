#!/usr/bin/env bash
# Sets up everything Löften needs inside this checkout, and nothing more than is missing:
#   1. system libraries that Qt and the tests need (apt-get, through sudo when not root),
#   2. a virtual environment at .venv/,
#   3. the package itself (editable) with its dependencies, plus the development tools for "test",
#   4. the compiled translations (resources/translations/*.qm) from their .ts sources.
# A second run with nothing changed installs nothing and takes about a second.
# Usage: scripts/setup.sh run|test
set -euo pipefail

mode="${1:-run}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '[löften] %s\n' "$*" >&2; }

# --- 1. System libraries -------------------------------------------------------------------
# Each entry: a file that must exist (a shared library as ldconfig knows it, or a path), then
# the Debian/Ubuntu package that provides it.
needs=(
  "libEGL.so.1 libegl1"
  "libGL.so.1 libgl1"
  "libxkbcommon.so.0 libxkbcommon0"
  "libfontconfig.so.1 libfontconfig1"
  "libdbus-1.so.3 libdbus-1-3"
  "libglib-2.0.so.0 libglib2.0-0"
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core"
  # QtPdf (the report viewer) links QtNetwork, which needs GSSAPI.
  "libgssapi_krb5.so.2 libgssapi-krb5-2"
)
if [ "$mode" = "test" ]; then
  # PyInstaller checks the libraries it packs with objdump (the installer test builds a bundle).
  needs+=("/usr/bin/objdump binutils")
fi
if [ "$mode" = "run" ]; then
  # A real window (X11/XWayland) needs the xcb platform plugin's libraries too.
  needs+=(
    "libxcb-cursor.so.0 libxcb-cursor0"
    "libxcb-icccm.so.4 libxcb-icccm4"
    "libxcb-keysyms.so.1 libxcb-keysyms1"
    "libxcb-image.so.0 libxcb-image0"
    "libxcb-render-util.so.0 libxcb-render-util0"
    "libxcb-shape.so.0 libxcb-shape0"
    "libxcb-xkb.so.1 libxcb-xkb1"
    "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
  )
fi

known_libs="$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true)"
missing=()
for entry in "${needs[@]}"; do
  file="${entry%% *}"; pkg="${entry##* }"
  if [[ "$file" == /* ]]; then
    [ -e "$file" ] || missing+=("$pkg")
  else
    grep -q "	$file " <<<"$known_libs" || missing+=("$pkg")
  fi
done

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  say "python3 saknas. Installera det först (sudo apt-get install python3)."
  exit 1
fi
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  pyver="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  missing+=("python3-venv" "python${pyver}-venv")
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    say "Dessa systempaket saknas och kan inte installeras utan root eller sudo: ${missing[*]}"
    exit 1
  fi
  say "Installerar systempaket: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. The virtual environment --------------------------------------------------------------
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
  say "Skapar den virtuella miljön i .venv/"
  "$python" -m venv "$venv"
fi

# --- 3. The package ----------------------------------------------------------------------------
# The stamp records what was installed: the dependency list and the interpreter. The package is
# installed editable, so changes to the code need no reinstall.
if [ "$mode" = "test" ]; then target=".[dev]"; else target="."; fi
fingerprint="$( { cat pyproject.toml; "$venv/bin/python" -VV; echo "$target"; } | sha256sum | cut -d' ' -f1)"
stamp_run="$venv/.loften-installed-run"
stamp_test="$venv/.loften-installed-test"
stamp="$venv/.loften-installed-$mode"
fingerprint_test="$( { cat pyproject.toml; "$venv/bin/python" -VV; echo ".[dev]"; } | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ] &&
   ! { [ "$mode" = "run" ] && [ "$(cat "$stamp_test" 2>/dev/null)" = "$fingerprint_test" ]; }; then
  say "Installerar Löften och dess beroenden i .venv/ (${target})"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$target"
  echo "$fingerprint" >"$stamp"
  [ "$mode" = "test" ] && rm -f "$stamp_run"
fi

# --- 4. The translations -----------------------------------------------------------------------
# The English .qm that the application loads is built from the .ts (git keeps only the .ts), again
# whenever the .ts is newer.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    say "Bygger ${qm}"
    "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done
exit 0
