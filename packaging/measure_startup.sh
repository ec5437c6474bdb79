#!/usr/bin/env bash
# Start-up time to a visible window: the frozen build against the same app run from source,
# measured the same way for both (Linux, under Xvfb with the real xcb platform).
#
# Each run is `--measure-startup`: the app prints startup_ms, the time from its process start
# (/proc/self/stat) to the moment the main window is exposed, and quits. The wall time from
# launching the command to its exit is measured outside too (it also covers a onefile build's
# unpacking, which happens before the app's own process starts).
# Cold = after dropping the page cache (needs root; otherwise the first run is reported and
# is only "cooler"). Warm = the median of the next runs.
#
# Usage: packaging/measure_startup.sh [RUNS]        (default 5 warm runs each)
# Env: SOURCE_PYTHON (default .venv/bin/python: `python -m desktop_app`), DIST (packaging/dist)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-5}"
dist="${DIST:-$here/dist}"
source_python="${SOURCE_PYTHON:-$root/.venv/bin/python}"

sandbox="$(mktemp -d)"; trap 'kill "$xvfb" 2>/dev/null; rm -rf "$sandbox"' EXIT
export HOME="$sandbox/home" TMPDIR="$sandbox/tmp"; mkdir -p "$HOME" "$TMPDIR"
unset LLM_PATH_ADVISOR_HOME
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5> "$sandbox/display" 2>/dev/null &
xvfb=$!
for _ in $(seq 1 100); do [ -s "$sandbox/display" ] && break; sleep 0.1; done
export DISPLAY=":$(tr -d '[:space:]' < "$sandbox/display")" QT_QPA_PLATFORM=xcb

drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; }
now_ms() { date +%s%3N; }
one_run() {  # prints "startup_ms wall_ms"
  local start end line
  start=$(now_ms)
  line="$("$@" --measure-startup 2>/dev/null | grep -o 'startup_ms=[0-9]*' | cut -d= -f2)"
  end=$(now_ms)
  echo "${line:-NA} $((end - start))"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
measure() {  # measure LABEL COMMAND...
  local label="$1"; shift
  "$@" --measure-startup >/dev/null 2>&1            # first launch writes settings; not counted
  if drop_caches; then cold_kind="cold (page cache dropped)"; else cold_kind="first run"; fi
  read -r cold_app cold_wall < <(one_run "$@")
  : > "$sandbox/warm"
  for _ in $(seq 1 "$runs"); do one_run "$@" >> "$sandbox/warm"; done
  warm_app=$(cut -d' ' -f1 "$sandbox/warm" | median)
  warm_wall=$(cut -d' ' -f2 "$sandbox/warm" | median)
  printf '%-22s %-26s app %5s ms  wall %5s ms | warm (median of %s): app %5s ms  wall %5s ms\n' \
    "$label" "$cold_kind:" "$cold_app" "$cold_wall" "$runs" "$warm_app" "$warm_wall"
}

if [ -x "$dist/llm-path-advisor/llm-path-advisor" ]; then
  measure "frozen onedir" "$dist/llm-path-advisor/llm-path-advisor"
elif [ -x "$dist/llm-path-advisor" ]; then
  measure "frozen onefile" "$dist/llm-path-advisor"
else
  echo "no frozen build in $dist"
fi
if [ -x "$source_python" ]; then
  measure "from source" "$source_python" -m desktop_app
else
  echo "no source Python at $source_python"
fi
