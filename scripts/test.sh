#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh test) and runs the whole test suite, including the quality
# gates (import-linter, ruff, mypy), which run as tests. Arguments go to pytest.
# The tests run in one process per core (pytest-xdist; a test module stays in one process; the
# modules in the order of tests/conftest.py, slow ones first, not xdist's largest-first; `-n 0`
# runs them all in this one), and the 15 slowest are listed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
cd "$root"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec "$root/.venv/bin/python" -m pytest -n auto --dist loadscope --no-loadscope-reorder --durations=15 "$@"
