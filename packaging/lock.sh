#!/usr/bin/env bash
# Refresh packaging/requirements.lock: the exact versions (with hashes) the standalone build
# installs, resolved by uv from pyproject.toml's dependencies and build-requirements.in, for
# Linux, Windows and macOS at once (--universal) on Python 3.11+.
#
# Usage: packaging/lock.sh            newest releases that satisfy pyproject.toml (a refresh)
#        packaging/lock.sh --keep     keep every pin that still fits; resolve only what changed
# After a refresh: packaging/build.sh && packaging/smoke_frozen.sh, look at the screenshots in
# packaging/build/smoke, then commit the lock. A new upstream release changes no build until then.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/packaging/build/lock-tool"
UV_VERSION=0.13.9
upgrade=(--upgrade)
case "${1:-}" in
  --keep) upgrade=() ;;
  "") ;;
  *) sed -n '2,10p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
if [ ! -x "$tool/bin/uv" ] || [ "$("$tool/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  rm -rf "$tool"
  "${PYTHON:-python3}" -m venv "$tool"
  "$tool/bin/python" -m pip install -q "uv==$UV_VERSION"
fi
cd "$root"
"$tool/bin/uv" pip compile pyproject.toml packaging/build-requirements.in \
  --universal --python-version 3.11 --generate-hashes ${upgrade[@]+"${upgrade[@]}"} \
  --custom-compile-command "packaging/lock.sh" --quiet -o packaging/requirements.lock
echo "packaging/requirements.lock: $(grep -cE '^[a-z0-9]' packaging/requirements.lock) packages pinned"
