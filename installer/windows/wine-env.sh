# Sourced by build-on-wine.sh and test-on-wine.sh: how Windows programs run under Debian's wine
# 8.0 here. tests/installer/test_windows.py does the same in Python (its Wine class).
#   WINEDLLOVERRIDES  mscoree,mshtml=  no Mono or Gecko download dialog when a prefix is made;
#                     wbemprox=d       WMI off: platform.machine() queries WMI, which aborts on wine
#                                      (Python falls back to the environment);
#                     mscms=n,b        the stand-in mscms.dll (wine/mscms.c) before wine's own.
#   WINEDEBUG=-all    wine's own fixme/err lines would drown the programs' output.
export WINEDLLOVERRIDES="mscoree,mshtml=;wbemprox=d;mscms=n,b"
export WINEDEBUG="${WINEDEBUG:--all}"

# Runs a Windows program with pipes for its standard streams: wine 8.0 gives a Windows program a
# broken handle for a regular file or a terminal, which stops Python's start-up with "Invalid
# handle". The program's exit status is the function's.
win_run() {
  : | wine "$@" 2>&1 | cat
  return "${PIPESTATUS[1]}"
}

# The Windows path of a Linux path: wine's drive Z: is the Linux root.
win_path() {
  local path
  path="$(realpath -m "$1")"
  printf 'Z:%s' "${path//\//\\}"
}

# Makes a new 64-bit wine prefix at $1 (WINEPREFIX) with no crash dialog (a crash must end the
# program, not wait for a click) and the stand-in DLLs from wine/ in its system32, for what
# Windows 10 has and wine 8.0 lacks: icuuc.dll (Qt6Core), mscms.dll's WcsCreateIccProfile (the
# window) and bcryptprimitives.dll's ProcessPrng (Qt6Pdf, the report viewer).
make_prefix() {
  local prefix="$1" here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  export WINEPREFIX="$prefix" WINEARCH=win64
  wineboot -i >/dev/null 2>&1
  wine reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null 2>&1
  wineserver -w
  local system32="$prefix/drive_c/windows/system32"
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$system32/icuuc.dll" "$here/wine/icuuc.c"
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$system32/mscms.dll" "$here/wine/mscms.c"
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$system32/bcryptprimitives.dll" \
    "$here/wine/bcryptprimitives.c" -lbcrypt
}
