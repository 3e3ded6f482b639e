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
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  say "python3 saknas. Installera det först: sudo apt-get install python3"
  say "python3 is missing. Install it first: sudo apt-get install python3"
  exit 1
fi
python="$(command -v "$python")"
# The interpreter's version, its shared library's name (libpython3.X.so.1.0) and its prefix
# (/usr for the distribution's own Python: only then can apt provide the library).
read -r pyver pysoname pyprefix < <("$python" -c '
import sys, sysconfig
v = f"{sys.version_info[0]}.{sys.version_info[1]}"
so = sysconfig.get_config_var("INSTSONAME") or ""
print(v, so if ".so" in so else f"libpython{v}.so.1.0", sys.base_prefix)')

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
  # The tests run against a real PostgreSQL server too (tests/pg_server.py starts one in a
  # temporary folder with initdb and pg_ctl from Debian's postgresql package).
  if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    needs+=("/usr/lib/postgresql/missing/bin/pg_ctl postgresql")
  fi
  # PyInstaller packs the interpreter's shared library, which Debian's python3 does not need
  # itself and so does not bring: libpython3.11 on Debian 12, libpython3.13 on Debian 13. A
  # Python of one's own (pyenv, /usr/local) has it beside itself or is not apt's business.
  if [ "$pyprefix" = "/usr" ]; then
    needs+=("$pysoname libpython$pyver")
  fi
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
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=("python3-venv" "python${pyver}-venv")
fi

# How long apt waits for another package manager (unattended upgrades right after a boot).
apt_wait="${LOFTEN_APT_WAIT:-300}"

# Waits while another apt or dpkg holds one of their locks, saying so once, for at most
# $apt_wait seconds (then apt itself reports the lock). apt-get install waits by itself
# (DPkg::Lock::Timeout below), but apt-get update does not wait for the lists lock.
wait_for_apt_locks() {
  "${sudo[@]}" "$python" - "$apt_wait" <<'PY'
import fcntl, sys, time

LOCKS = (
    "/var/lib/dpkg/lock-frontend",
    "/var/lib/dpkg/lock",
    "/var/lib/apt/lists/lock",
    "/var/cache/apt/archives/lock",
)
deadline = time.monotonic() + int(sys.argv[1])
said = False
while True:
    held = None
    for path in LOCKS:
        try:
            lock = open(path, "rb+")
        except OSError:
            continue
        with lock:
            try:
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                held = path
                break
    if held is None or time.monotonic() > deadline:
        break
    if not said:
        minutes = max(1, int(sys.argv[1]) // 60)
        print(f"[löften] En annan pakethanterare arbetar ({held} är låst). "
              f"Väntar tills den är klar, högst {minutes} minuter …", file=sys.stderr)
        print(f"[löften] Another package manager is working ({held} is locked). "
              f"Waiting for it to finish, at most {minutes} minutes …", file=sys.stderr)
        said = True
    time.sleep(2)
PY
}

if [ "${#missing[@]}" -gt 0 ]; then
  # Root installs directly; sudo without a password, or sudo that can ask on this terminal, is
  # used; otherwise nothing is made and an administrator is told exactly what to run.
  sudo=()
  why_sv=""
  why_en=""
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif ! command -v sudo >/dev/null 2>&1; then
    why_sv="du är inte root och sudo finns inte"
    why_en="you are not root and there is no sudo"
  elif sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  elif { : </dev/tty; } 2>/dev/null; then
    sudo=(sudo)  # asks for the password on this terminal
  else
    why_sv="sudo vill ha ett lösenord och här finns ingen terminal att fråga i"
    why_en="sudo needs a password and there is no terminal to ask for it"
  fi
  if [ -n "$why_sv" ]; then
    say "Dessa systempaket saknas: ${missing[*]}"
    say "De kan inte installeras härifrån ($why_sv). Be en administratör köra:"
    say "These system packages are missing: ${missing[*]}"
    say "They cannot be installed from here ($why_en). Ask an administrator to run:"
    printf '\n    sudo apt-get install %s\n\n' "${missing[*]}" >&2
    say "Kör sedan kommandot igen. / Then run this command again."
    exit 1
  fi
  say "Installerar systempaket: ${missing[*]}"
  wait_for_apt_locks
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get update -qq -o DPkg::Lock::Timeout="$apt_wait"
  wait_for_apt_locks
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout="$apt_wait" \
    "${missing[@]}" >/dev/null
fi

# --- 2. The virtual environment --------------------------------------------------------------
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
  say "Skapar den virtuella miljön i .venv/"
  # A venv that could not be made whole is removed, so that the next run starts afresh.
  "$python" -m venv "$venv" || { rm -rf "$venv"; exit 1; }
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
