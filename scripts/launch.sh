#!/usr/bin/env bash
# Install what is missing (first time only) and start LLM Path Advisor.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/bootstrap.sh" gui
exec "$here/.venv/bin/llm-path-advisor" "$@"
