#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh test) and runs the whole test suite, including the quality
# gates (import-linter, ruff, mypy), which run as tests. Arguments go to pytest.
# The tests run in one process per core (pytest-xdist; a test module stays in one process, the
# slow ones start first, see tests/conftest.py; `-n 0` runs them all in this one), and the 15
# slowest are listed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
cd "$root"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec "$root/.venv/bin/python" -m pytest -n auto --dist loadscope --durations=15 "$@"
