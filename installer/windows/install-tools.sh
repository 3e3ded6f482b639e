#!/usr/bin/env bash
# Installs the Debian packages that building and testing the Windows installer under wine needs,
# and nothing that is there already: wine 8.0 (64-bit, and 32-bit through the i386 architecture,
# since Inno Setup's compiler and setup.exe are 32-bit programs), Xvfb (Inno Setup and the
# window need a display), mingw-w64 (the stand-in DLLs in installer/windows/wine/), pdftotext,
# ImageMagick's `import` (the screenshot), xwininfo (the window's title), and npm if missing.
# Runs apt-get as root, or through sudo.
set -euo pipefail
say() { printf '[löften windows] %s\n' "$*" >&2; }

needs=(wine wine64 wine32:i386 xvfb x11-utils imagemagick gcc-mingw-w64-x86-64-win32 poppler-utils)
missing=()
for pkg in "${needs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# npm fetches Inno Setup's compiler (the innosetup package); Debian's npm only where none is.
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  say "Lägger till arkitekturen i386 (32-bitars wine för Inno Setup)"
  "${sudo[@]}" dpkg --add-architecture i386
fi
say "Installerar systempaket: ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
