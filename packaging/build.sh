#!/usr/bin/env bash
# Build LLM Path Advisor as a standalone program (PyInstaller), on Linux, macOS or Windows
# (Git Bash). The app is installed into a fresh venv the way a user's wheel would be
# (`pip install <repo>`, not editable), so the build sees exactly what the package ships.
#
# Usage: packaging/build.sh [--onefile] [--reuse-venv]
#   --onefile     two single-file programs instead of one folder (starts ~3 s slower: it
#                 unpacks itself to a temp folder on every start)
#   --reuse-venv  keep packaging/build/venv from the last run (quicker when iterating; the
#                 lock is re-applied and the app reinstalled, so changes are picked up)
# Output: packaging/dist/llm-path-advisor/ (onedir, both programs), on macOS also
#         packaging/dist/LLM Path Advisor.app; with --onefile packaging/dist/llm-path-advisor[-cli].
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/packaging"
build="$here/build"
venv="$build/venv"
mode=onedir
reuse=0
for arg in "$@"; do
  case "$arg" in
    --onefile) mode=onefile ;;
    --reuse-venv) reuse=1 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "build.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '[build] %s\n' "$*" >&2; }

find_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return 0; fi
  for candidate in python3.13 python3.12 python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or newer is required (set PYTHON=/path/to/python)."; exit 1
}

started=$(date +%s)
mkdir -p "$build"
if [ "$reuse" -eq 0 ] || [ ! -d "$venv" ]; then
  say "creating a clean build venv in ${venv#$root/}"
  rm -rf "$venv"
  "$(find_python)" -m venv "$venv"
fi
if [ -x "$venv/Scripts/python.exe" ]; then py="$venv/Scripts/python.exe"; else py="$venv/bin/python"; fi

say "installing the locked dependencies and build tools (packaging/requirements.lock)"
# Exact versions with hashes: an upstream release changes nothing until packaging/lock.sh is
# run again (see packaging/README.md). The app itself is built from this checkout with the
# locked setuptools (no build isolation, so nothing unlocked is fetched), without dependencies.
"$py" -m pip install -q --require-hashes --no-deps -r "$here/requirements.lock"
"$py" -m pip install -q --no-deps --no-build-isolation --force-reinstall "$root"
# The lock must satisfy every requirement of the app (a dependency added to pyproject.toml
# without refreshing the lock stops the build here, not on a user's machine).
"$py" -m pip check
installed=$(date +%s)

say "rendering the app icon (resources/icons/app.svg -> .png/.ico/.icns)"
QT_QPA_PLATFORM=offscreen "$py" "$here/make_icons.py"

say "running PyInstaller ($mode)"
rm -rf "$here/dist"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$here/dist" --workpath "$build/work" \
  "$here/llm-path-advisor.spec" -- --$mode
finished=$(date +%s)

if [ "$mode" = onedir ]; then out="$here/dist/llm-path-advisor"; else out="$here/dist"; fi
size_mb=$(du -sk "$out" | awk '{printf "%d", $1 / 1024}')
say "done: ${out#$root/} (${size_mb} MB)"
say "time: venv+install $((installed - started)) s, PyInstaller $((finished - installed)) s, total $((finished - started)) s"
printf 'mode=%s\nsize_mb=%s\ninstall_seconds=%s\npyinstaller_seconds=%s\ntotal_seconds=%s\n' \
  "$mode" "$size_mb" "$((installed - started))" "$((finished - installed))" "$((finished - started))" \
  > "$build/build-info.txt"
