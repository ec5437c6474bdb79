#!/usr/bin/env bash
# Build LLM Path Advisor as a standalone program (PyInstaller), on Linux, macOS or Windows
# (Git Bash). The app is installed into a fresh venv the way a user's wheel would be
# (`pip install <repo>`, not editable), so the build sees exactly what the package ships.
#
# Usage: packaging/build.sh [--onefile] [--reuse-venv]
#   --onefile     two single-file programs instead of one folder (starts ~3 s slower: it
#                 unpacks itself to a temp folder on every start)
#   --reuse-venv  keep packaging/build/venv from the last run (quicker when iterating; the
#                 app is still reinstalled so source changes are picked up)
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

say "installing the app (non-editable) and the pinned build tools"
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q -r "$here/build-requirements.txt"
"$py" -m pip install -q "$root"
# A reused venv already has this version, so pip would skip it: reinstall the app itself.
[ "$reuse" -eq 1 ] && "$py" -m pip install -q --force-reinstall --no-deps "$root"
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
