#!/usr/bin/env bash
# Builds Löften for Linux: a one-folder PyInstaller bundle (installer/loften.spec) packed into
#   <out>/loften-<version>-linux-<arch>.tar.gz
# which holds loften-<version>/ with the bundle (loften/), install.sh, the .desktop file and the
# icons. Unpacked anywhere, `./install.sh` installs it for the current user without root.
# Every build starts from nothing (a fresh work folder, PyInstaller's --clean and its own empty
# cache), so an earlier build can never hide a broken one.
# Usage: installer/build-linux.sh [--out DIR]     (default DIR: dist/ in the checkout)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--out DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

say() { printf '[löften build] %s\n' "$*" >&2; }

# The virtual environment with PyInstaller (a dev extra) and the compiled translations.
"$root/scripts/setup.sh" test
python="$root/.venv/bin/python"

read -r name version < <("$python" -c '
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
print(project["name"], project["version"])' "$root/pyproject.toml")
arch="$(uname -m)"
release="$name-$version"

work="$(mktemp -d "${TMPDIR:-/tmp}/loften-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "PyInstaller: $release"
PYINSTALLER_CONFIG_DIR="$work/pyinstaller-cache" "$python" -m PyInstaller \
  --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" \
  "$root/installer/loften.spec"

stage="$work/stage/$release"
mkdir -p "$stage"
mv "$work/dist/$name" "$stage/loften"
cp "$root/installer/linux/install.sh" "$root/installer/linux/loften.desktop" "$stage/"
chmod 755 "$stage/install.sh"
echo "$version" >"$stage/VERSION"
for png in "$root"/resources/icons/loften-*.png; do
  size="$(basename "$png" .png)"; size="${size#loften-}"
  mkdir -p "$stage/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$stage/icons/hicolor/${size}x${size}/apps/loften.png"
done
mkdir -p "$stage/icons/hicolor/scalable/apps"
cp "$root/resources/icons/loften.svg" "$stage/icons/hicolor/scalable/apps/loften.svg"

tarball="$out/$release-linux-$arch.tar.gz"
tar -czf "$tarball.part" -C "$work/stage" "$release"
mv "$tarball.part" "$tarball"
say "Klart: $tarball"
echo "$tarball"
