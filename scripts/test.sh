#!/usr/bin/env bash
# Install what is missing (first time only) and run the whole test suite with offscreen Qt.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/bootstrap.sh" test || exit 1
cd "$here"
# Lint and types first: a failure here fails the script before the (longer) test run.
.venv/bin/ruff check . || exit 1
.venv/bin/ruff format --check . || exit 1
.venv/bin/mypy || exit 1
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass" >&2
  exit 1
fi
exit "$rc"
