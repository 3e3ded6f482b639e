#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and starts Löften. Arguments go to `loften`,
# for example: scripts/run.sh --db ~/loften-demo.db
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" run
exec "$root/.venv/bin/loften" "$@"
