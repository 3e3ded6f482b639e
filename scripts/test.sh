#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh test) and runs the whole test suite, including the quality
# gates (import-linter, ruff, mypy), which run as tests. Arguments go to pytest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" test
cd "$root"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec "$root/.venv/bin/python" -m pytest "$@"
