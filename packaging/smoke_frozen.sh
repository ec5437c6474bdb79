#!/usr/bin/env bash
# Prove the frozen build does the main job, the way a user's machine runs it: an empty home,
# an empty temp folder, no Python, no network.
#
#  1. headless (llm-path-advisor-cli): new project, add knowledge (md/txt/csv/pdf/docx),
#     search it, import three runs from files, results, advice, HTML report;
#  2. the window program offscreen: starts and quits;
#  3. the window as a user sees it (Linux: a real X window under Xvfb): the first launch builds
#     and opens the sample project, then the app's self-test visits all ten pages, waits for
#     their background work, keeps a screenshot of each (SMOKE_OUT/pages) and fails on an
#     error banner, a crash dialog, or an ERROR line or traceback in the log;
#  then: the app's log has no ERROR line and no traceback (kept in SMOKE_OUT/logs); nothing was written outside the app's own data/config/cache/log dirs, and nothing
#  tried to reach the network (Linux: run inside `unshare -rn`, so any attempt fails, and
#  traced with strace so any attempt is seen; everywhere: the runtime tripwire in
#  hooks/rth_net_audit.py records and refuses Python-level lookups and connections).
#
# Usage: packaging/smoke_frozen.sh [--allow-pending] [DIST]   (DIST default packaging/dist)
#   --allow-pending  a CLI command this build does not have yet is reported PENDING instead
#                    of failing the run (for use while the app is being written)
# Env: SMOKE_PYTHON  Python with platformdirs, Pillow, python-docx (default: the build venv)
#      SMOKE_OUT     where the page screenshots, report and logs are kept (default packaging/build/smoke)
#      SMOKE_REQUIRE_NETNS=1  fail (instead of warn) when no network namespace can be made
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
allow_pending=0
dist="$here/dist"
for arg in "$@"; do
  case "$arg" in
    --allow-pending) allow_pending=1 ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) dist="$arg" ;;
  esac
done
out="${SMOKE_OUT:-$here/build/smoke}"
rm -rf "$out"; mkdir -p "$out"

case "$(uname -s)" in
  Linux*) os=linux ;; Darwin*) os=mac ;; MINGW*|MSYS*|CYGWIN*) os=windows ;; *) os=other ;;
esac
exe=""
if [ "$os" = windows ]; then
  # Native Windows programs get C:/... paths (Git Bash's /c/... or /tmp/... mean nothing to them).
  exe=".exe"; here="$(cygpath -m "$here")"; root="$(cygpath -m "$root")"; dist="$(cygpath -m "$dist")"
  out="$(cygpath -m "$out")"
fi
if [ -n "${SMOKE_PYTHON:-}" ]; then py="$SMOKE_PYTHON"
elif [ -x "$here/build/venv/Scripts/python.exe" ]; then py="$here/build/venv/Scripts/python.exe"
else py="$here/build/venv/bin/python"; fi

failures=0; pending=()
step() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok: %s\n' "$*"; }
bad() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
check() { "$py" "$here/smoke_checks.py" "$@" || failures=$((failures + 1)); }

# -- the programs under test ------------------------------------------------------------------
if [ "$os" = mac ] && [ -d "$dist/LLM Path Advisor.app" ]; then
  bin="$dist/LLM Path Advisor.app/Contents/MacOS"      # what a Mac user double-clicks
elif [ -d "$dist/llm-path-advisor" ]; then
  bin="$dist/llm-path-advisor"                          # onedir
else
  bin="$dist"                                           # onefile
fi
gui="$bin/llm-path-advisor$exe"; cli="$bin/llm-path-advisor-cli$exe"
for program in "$gui" "$cli"; do
  [ -x "$program" ] || { echo "smoke: $program not found; run packaging/build.sh first" >&2; exit 1; }
done
echo "smoke: testing $bin ($os)"

# -- the sandbox: empty HOME and TMPDIR; the app's dirs come from platformdirs under it ---------
sandbox="$(mktemp -d "${TMPDIR:-/tmp}/llm-path-advisor-smoke.XXXXXX")"
[ "$os" = windows ] && sandbox="$(cygpath -m "$sandbox")"
[ -n "${SMOKE_KEEP:-}" ] || trap 'rm -rf "$sandbox"' EXIT
home="$sandbox/home"; tmp="$sandbox/tmp"; work="$sandbox/work"
mkdir -p "$home" "$tmp" "$work/inputs"
unset LLM_PATH_ADVISOR_HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME
export HOME="$home" TMPDIR="$tmp" TEMP="$tmp" TMP="$tmp" USERPROFILE="$home"
if [ "$os" = windows ]; then
  # platformdirs asks Windows for the real profile folders (ignoring env vars), so the only
  # way to keep a Windows run inside the sandbox is the app's own redirect.
  export LLM_PATH_ADVISOR_HOME="$home/AppData/llm-path-advisor"
fi
export LLM_PATH_ADVISOR_NET_AUDIT="$sandbox/network-attempts.log"   # the tripwire (outside HOME)
allowed=()
while IFS= read -r dir; do allowed+=("${dir%$'\r'}"); done < <("$py" "$here/smoke_checks.py" app-dirs)
echo "smoke: the app may write only in: ${allowed[*]}"
"$py" "$here/smoke_checks.py" snapshot "$home" "$tmp" > "$sandbox/before.txt"

# -- no network: a namespace with no interfaces, and a trace of every connect() -----------------
wrap=()
if [ "$os" = linux ]; then
  if unshare -rn true 2>/dev/null; then
    wrap=(unshare -rn)
  elif [ "${SMOKE_REQUIRE_NETNS:-0}" = 1 ]; then
    echo "smoke: cannot create a network namespace (unshare -rn)" >&2; exit 1
  else
    echo "smoke: WARNING: no network namespace (unshare -rn failed); relying on the tripwire"
  fi
  if command -v strace >/dev/null 2>&1; then
    # -ff: one file per process, so runs never overwrite each other's trace
    wrap+=(strace -f -ff -qq --seccomp-bpf -e trace=connect,sendto,sendmsg -o "$sandbox/trace/sock")
    mkdir -p "$sandbox/trace"
  else
    echo "smoke: WARNING: strace not installed; native connect() calls are not traced"
  fi
fi
# run [VAR=value...] PROGRAM ARGS...: a frozen program inside the sandbox (bash 3.2-safe arrays)
run() { ${wrap[@]+"${wrap[@]}"} env "$@"; }

has_command() { grep -Eq "^ +$1( |$)" "$sandbox/cli-help.txt"; }
cli_step() {  # cli_step NAME OUTFILE ARGS...: run one CLI command, keep and show its output
  local name="$1" outfile="$2"; shift 2
  if ! has_command "$name"; then
    if [ "$allow_pending" = 1 ]; then pending+=("$name"); echo "PENDING: '$name' is not a command of this build"
    else bad "'$name' is not a command of this build"; fi
    return 1
  fi
  echo "\$ llm-path-advisor-cli $name $*"
  run "$cli" "$name" "$@" > "$outfile" 2> "$outfile.err"; local rc=$?
  if [ "$rc" -eq 0 ]; then
    head -n 12 "$outfile"; [ -s "$outfile.err" ] && sed 's/^/  (stderr) /' "$outfile.err" | head -n 5
    return 0
  fi
  bad "$name exited $rc:"; cat "$outfile" "$outfile.err"; return 1
}

# == 1. headless: the main job from the command line ============================================
step "1. headless: llm-path-advisor-cli does the main job"
run "$cli" --version || bad "--version"
run "$cli" --help > "$sandbox/cli-help.txt" 2>&1 || bad "--help"
sample="$root/resources/sample_project"      # the user's files: an evaluation set, documents, outputs
cp -R "$sample/knowledge" "$work/inputs/knowledge"
cp "$root/tests/core/data/knowledge_ja.pdf" "$work/inputs/knowledge/" 2>/dev/null || echo "(no test PDF in this checkout)"
"$py" "$here/smoke_checks.py" make-docx "$work/inputs/knowledge/smoke.docx" || bad "could not write a test .docx"
project="$work/AirLoop project"
cli_step new "$out/new.txt" "$project" --dataset "$sample/dataset.csv" \
  --id id --input question --expected answer --category category
cli_step knowledge-add "$out/knowledge-add.txt" "$project" "$work/inputs/knowledge"
cli_step knowledge-search "$out/search.json" "$project" "How often should the HL-4020 filter be replaced?" --json \
  && check check-search "$out/search.json"
cli_step readiness "$out/sweep.json" "$project" --sweep --k 3 --json && check check-sweep "$out/sweep.json"
cli_step import-run "$out/import-baseline.txt" "$project" Baseline "$sample/runs/baseline.csv" --techniques none
cli_step import-run "$out/import-fewshot.txt" "$project" "Few-shot" "$sample/runs/few_shot.csv" --techniques few_shot
cli_step import-run "$out/import-rag.txt" "$project" RAG "$sample/runs/rag.csv" --techniques rag --contexts-col contexts
cli_step results "$out/results.json" "$project" --json && check check-results "$out/results.json" 3
cli_step advise "$out/advice.json" "$project" --json && check check-advice "$out/advice.json"
cli_step report "$out/report.txt" "$project" "$out/report.html" && check check-report "$out/report.html"

# == 2. the window program, offscreen ===========================================================
# Stop a background program and everything it started (unshare/strace/the app): on Linux and
# macOS it runs in its own process group (set -m); on Windows taskkill ends the process tree.
stop() {
  if [ "$os" = windows ]; then
    taskkill //PID "$(cat "/proc/$1/winpid" 2>/dev/null || echo "$1")" //T //F >/dev/null 2>&1
  else
    kill -TERM -- "-$1" 2>/dev/null; sleep 1; kill -KILL -- "-$1" 2>/dev/null
  fi
  wait "$1" 2>/dev/null
}
# wait_for SECONDS PID FILE: true once FILE exists; false if the program died or time ran out
wait_for() {
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    [ -e "$3" ] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

platform=(QT_QPA_PLATFORM=offscreen)
[ "$os" = linux ] || platform=(LLM_PATH_ADVISOR_SMOKE=1)  # macOS/Windows runners have a desktop
step "2. the window program starts (${platform[0]}) and quits"
if text="$(run "${platform[@]}" "$gui" --measure-startup 2>&1)"; then
  ok "started and quit: ${text:-(a windowed program prints nothing on Windows)}"
else
  bad "--measure-startup exited non-zero: $text"
fi

# == 3. every page, as a user sees it ============================================================
# The window's hidden self-test (desktop_app/ui/self_test.py): with the empty home, the first
# launch builds and opens the sample project; the test then visits all ten steps, waits for
# each page's background work, saves a screenshot of each, and fails on an error banner, a
# crash dialog, or an ERROR line or traceback logged meanwhile. Linux: a real X window (Xvfb).
pages_out="$out/pages"
self_test() {  # self_test ENV... : run the walk, wait for its verdict, return its exit code
  set -m; run "$@" "$gui" --self-test "$pages_out" > "$out/gui-self-test.txt" 2>&1 & local pid=$!; set +m
  if ! wait_for 400 "$pid" "$pages_out/self-test.json"; then
    bad "the self-test gave no verdict within 400 s (or the program died):"; cat "$out/gui-self-test.txt"
    stop "$pid"; return 1
  fi
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then bad "the window did not quit after its self-test"; stop "$pid"; return 1; fi
  wait "$pid"
}
xvfb=""
if [ "$os" = linux ]; then
  step "3. a real window under Xvfb (xcb): start-up, then every page"
  if ! command -v Xvfb >/dev/null 2>&1; then
    bad "Xvfb is not installed (apt-get install xvfb)"
  else
    # Xvfb runs outside the sandbox (it is the display, not the app); -displayfd picks a free
    # display number. Its socket in /tmp/.X11-unix is a file, so the app reaches it from
    # inside the empty network namespace.
    Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5> "$sandbox/display" > "$sandbox/xvfb.log" 2>&1 &
    xvfb=$!
    for _ in $(seq 1 100); do [ -s "$sandbox/display" ] && break; sleep 0.1; done
    display=":$(tr -d '[:space:]' < "$sandbox/display")"
    platform=(QT_QPA_PLATFORM=xcb DISPLAY="$display")
    if text="$(run "${platform[@]}" "$gui" --measure-startup 2>&1)"; then ok "xcb window shown: $text"
    else bad "--measure-startup under xcb failed: $text"; fi
  fi
else
  step "3. the window visits every page"
fi
if [ "$os" != linux ] || [ -n "$xvfb" ]; then
  self_test "${platform[@]}"; code=$?
  cat "$out/gui-self-test.txt"
  check check-self-test "$pages_out"
  [ "$code" -eq 0 ] || bad "the self-test exited $code"
  # The same walk in Japanese: the Japanese sample (resources/sample_project_ja) is built and opened
  # as a first launch on a Japanese system would, and every page is seen in Japanese.
  pages_out="$out/pages-ja"
  self_test "${platform[@]}" LLM_PATH_ADVISOR_LANG=ja; code=$?
  cat "$out/gui-self-test.txt"
  check check-self-test "$pages_out"
  [ "$code" -eq 0 ] || bad "the Japanese self-test exited $code"
fi
[ -n "$xvfb" ] && { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; }

# == 4. what the runs touched =====================================================================
step "4. nothing written outside the app's dirs, no network attempted"
"$py" "$here/smoke_checks.py" snapshot "$home" "$tmp" > "$sandbox/after.txt"
check check-writes "$sandbox/before.txt" "$sandbox/after.txt" "${allowed[@]}"
if [ -s "$LLM_PATH_ADVISOR_NET_AUDIT" ]; then
  bad "the app tried to reach the network (Python level):"; cat "$LLM_PATH_ADVISOR_NET_AUDIT"
else
  ok "no host lookup or connection attempted at the Python level"
fi
if [ -d "$sandbox/trace" ]; then
  cat "$sandbox"/trace/sock.* > "$out/socket-calls.txt" 2>/dev/null
  if grep -E 'sa_family=AF_INET6?[,}]' "$out/socket-calls.txt" > "$out/network-syscalls.txt"; then
    bad "the app tried to reach the network (syscalls):"; head -n 20 "$out/network-syscalls.txt"
  else
    ok "no connect()/sendto() to an internet address among $(wc -l < "$out/socket-calls.txt" | tr -d ' ') traced socket calls"
  fi
fi
log_dir="$("$py" "$here/smoke_checks.py" log-dir | tr -d '\r')"
mkdir -p "$out/logs"; cp "$log_dir"/*.log* "$out/logs/" 2>/dev/null
check check-log "$out/logs"
cp "$sandbox"/*.txt "$out/" 2>/dev/null

printf '\n'
[ ${#pending[@]} -gt 0 ] && echo "PENDING (commands this build does not have yet): ${pending[*]}"
true
if [ "$failures" -gt 0 ]; then echo "smoke: $failures check(s) FAILED (outputs in $out)"; exit 1; fi
echo "smoke: all checks passed (outputs in $out)"
