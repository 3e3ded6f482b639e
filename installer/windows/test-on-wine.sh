#!/usr/bin/env bash
# Builds the Windows installer under wine (build-on-wine.sh) and tests it
# (tests/installer/test_windows.py): a silent per-user install into a new wine prefix, the
# installed command line and window, the report viewer, the bundle's Qt libraries, uninstall.
# Starts what it needs itself: the tools (install-tools.sh, through build-on-wine.sh) and, when
# DISPLAY is not set, an Xvfb display of its own, stopped again at the end. Arguments go to
# pytest. .ci/run runs it after the test suite; about 20 minutes on an idle 2-core machine.
# With LOFTEN_WINDOWS_SETUP=path/to/loften-<version>-setup.exe it tests that installer and builds
# none (e.g. one from `installer/windows/build-on-wine.sh`, which writes dist/ by default).
# Usage: installer/windows/test-on-wine.sh [pytest arguments, e.g. -k report_viewer]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
started=$SECONDS
say() { printf '[löften windows %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

"$here/install-tools.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/loften-windows.XXXXXX")"
xvfb=""
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  # A display number that no other X server (or Xvfb of another run) holds.
  number=90
  while [ -e "/tmp/.X11-unix/X$number" ] || [ -e "/tmp/.X$number-lock" ]; do
    number=$((number + 1))
  done
  Xvfb ":$number" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 100); do
    [ -e "/tmp/.X11-unix/X$number" ] && break
    kill -0 "$xvfb" 2>/dev/null || { cat "$work/xvfb.log" >&2; exit 1; }
    sleep 0.1
  done
  export DISPLAY=":$number"
  say "Xvfb på $DISPLAY"
fi

if [ -n "${LOFTEN_WINDOWS_SETUP:-}" ]; then
  # While working on the tests: an installer built before (build-on-wine.sh prints its path).
  setup="$(realpath "$LOFTEN_WINDOWS_SETUP")"
  [ -f "$setup" ] || { say "$setup finns inte"; exit 1; }
  say "Bygger inte: testar $setup"
else
  "$here/build-on-wine.sh" --out "$work/out" | tee "$work/build.out"
  setup="$(tail -n 1 "$work/build.out")"
fi
say "Installationsprogrammet: $(du -h "$setup" | cut -f1) ($(stat -c %s "$setup") byte)"

cd "$root"
status=0
LOFTEN_WINDOWS_SETUP="$setup" "$root/.venv/bin/python" -m pytest -p no:cacheprovider \
  tests/installer/test_windows.py -v -rs "$@" || status=$?
say "Windows-testet tog $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
exit "$status"
