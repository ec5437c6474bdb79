#!/usr/bin/env bash
# Install what is missing (first time only) and start LLM Path Advisor.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/bootstrap.sh" gui
# Without a display Qt aborts with "libxcb-cursor0 is needed", whatever is installed: say why.
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
  echo "LLM Path Advisor is installed, but it is a desktop program and this session has no display" >&2
  echo "(neither DISPLAY nor WAYLAND_DISPLAY is set: SSH or a server?). Run ./scripts/launch.sh from" >&2
  echo "a desktop session, or over 'ssh -X'; the headless commands work here: .venv/bin/llm-path-advisor-cli --help" >&2
  exit 1
fi
exec "$here/.venv/bin/llm-path-advisor" "$@"
