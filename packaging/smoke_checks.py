"""Checks for packaging/smoke_frozen.sh, run with the build venv's Python (never frozen).

Kept out of bash so the same checks run on Linux, macOS and Windows (Git Bash):
  app-dirs                       the app's own data/config/cache/log dirs for this environment
  data-dir                       the app's data dir (where the sample project is built)
  log-dir                        the app's log dir
  check-log DIR                  fail on any ERROR/CRITICAL line or traceback in the app's logs
  check-self-test DIR            the GUI's --self-test visited all ten pages cleanly, a screenshot each
  snapshot DIR...                every path under DIR (one per line, files marked with their size)
  check-writes BEFORE AFTER DIR... fail if a path appeared or changed outside the allowed DIRs
  check-results FILE N           `results --json` lists at least N runs with scores
  check-advice FILE              `advise --json` has a known recommendation
  check-search FILE              `knowledge-search --json` found passages
  check-report FILE              the HTML report is a real, non-trivial HTML page
  make-docx PATH                 a small .docx (python-docx) so the frozen app reads one
  wait-screen DISPLAY OUT SECS   grab the X display until something is drawn, save a PNG
  check-png FILE                 the screenshot is non-empty and not one flat colour
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

RECOMMENDATIONS = {"prompt_engineering", "rag", "improve_retrieval", "fine_tuning",
                   "fine_tuning_and_rag", "good_enough"}


def fail(message: str) -> None:
    print(f"FAIL: {message}", file=sys.stderr)
    raise SystemExit(1)


def app_dirs() -> list[str]:
    """The same directories desktop_app/core/appdirs.py uses (same platformdirs, same env)."""
    override = os.environ.get("LLM_PATH_ADVISOR_HOME")
    if override:
        return [override]
    import platformdirs

    dirs = [getter("llm-path-advisor", appauthor=False) for getter in (
        platformdirs.user_config_dir, platformdirs.user_data_dir,
        platformdirs.user_log_dir, platformdirs.user_cache_dir)]
    if sys.platform == "darwin":
        # macOS keeps per-app state for every Cocoa app under the bundle id (window restoration,
        # defaults): the app's own files, though the OS writes them, not the app.
        library = Path.home() / "Library"
        dirs += [str(library / "Preferences" / "io.github.llm-path-advisor.plist"),
                 str(library / "Saved Application State" / "io.github.llm-path-advisor.savedState")]
    return dirs


def data_dir(kind: str = "data") -> str:
    override = os.environ.get("LLM_PATH_ADVISOR_HOME")
    if override:
        return str(Path(override) / kind)
    import platformdirs

    getter = platformdirs.user_log_dir if kind == "log" else platformdirs.user_data_dir
    return getter("llm-path-advisor", appauthor=False)


# A log line starts "2026-12-04 18:26:10,123 LEVEL   thread logger: message" (ui/logging_setup.py).
_BAD_LEVELS = (" ERROR ", " CRITICAL ")


def check_log(folder: str) -> None:
    """What a user would send us as a bug: an ERROR or CRITICAL record, or any traceback."""
    logs = sorted(Path(folder).glob("*.log*"))
    if not logs:
        fail(f"the app wrote no log in {folder}")
    bad = []
    for path in logs:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if any(level in line[:40] for level in _BAD_LEVELS) or line.startswith("Traceback"):
                bad.append(f"{path.name}:{number}: {line[:300]}")
    if bad:
        fail("the app's log has errors:\n  " + "\n  ".join(bad[:40]))
    lines = sum(len(p.read_text(encoding="utf-8", errors="replace").splitlines()) for p in logs)
    print(f"ok: {lines} log lines in {len(logs)} file(s), no ERROR and no traceback")


def check_self_test(folder: str) -> None:
    """The verdict the GUI's --self-test wrote, and a real picture of every page."""
    verdict = load_json(str(Path(folder) / "self-test.json"))
    pages = verdict.get("pages", [])
    visited = [page["step"] for page in pages]
    if visited != verdict.get("steps_expected") or len(visited) != 10:
        fail(f"the self-test visited {visited}, not the ten steps {verdict.get('steps_expected')}")
    for page in pages:
        check_png(str(Path(folder) / page["screenshot"]))
    if not verdict.get("passed"):
        problems = verdict.get("general", []) + [
            f"{page['step']}: {problem}" for page in pages for problem in page["problems"]]
        fail("the self-test found problems:\n  " + "\n  ".join(problems))
    print(f"ok: all ten pages visited cleanly ({', '.join(visited)})")


def snapshot(roots: list[str]) -> list[str]:
    lines = []
    for root in roots:
        for base, dirs, files in os.walk(root):
            for name in dirs:
                lines.append(f"D {Path(base, name)}")
            for name in files:
                path = Path(base, name)
                try:
                    stat = path.stat()
                    lines.append(f"F {path} {stat.st_size} {stat.st_mtime_ns}")
                except OSError:
                    lines.append(f"F {path} ? ?")
    return sorted(lines)


def check_writes(before: str, after: str, allowed: list[str]) -> None:
    old = set(Path(before).read_text(encoding="utf-8").splitlines())
    new = [line for line in Path(after).read_text(encoding="utf-8").splitlines() if line not in old]
    allowed_paths = [Path(a).resolve() for a in allowed]
    bad = []
    for line in new:
        kind, rest = line[0], line[2:]
        path = Path(rest.rsplit(" ", 2)[0] if kind == "F" else rest).resolve()
        inside = any(path == a or a in path.parents for a in allowed_paths)
        # mkdir(parents=True) creates the parents of an allowed dir (~/.local, ~/.local/share ...)
        ancestor = kind == "D" and any(path in a.parents for a in allowed_paths)
        if not (inside or ancestor):
            bad.append(line)
    if bad:
        fail("written outside the app's own dirs:\n  " + "\n  ".join(bad))
    print(f"ok: {len(new)} new or changed paths, all inside the app's own dirs")


def load_json(path: str):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        fail(f"{path} is not JSON: {exc}")


def check_results(path: str, count: str) -> None:
    runs = load_json(path)
    if not isinstance(runs, list) or len(runs) < int(count):
        fail(f"results --json listed {len(runs) if isinstance(runs, list) else '?'} runs, expected {count}")
    for run in runs:
        if run.get("pass_rate") is None or run.get("rows", 0) <= 0:
            fail(f"run without scores: {run}")
    print("ok: " + "; ".join(f"{r['name']}: pass rate {r['pass_rate']:.0%} on {r['rows']} rows" for r in runs))


def check_advice(path: str) -> None:
    advice = load_json(path)
    rec = advice.get("recommendation") if isinstance(advice, dict) else None
    if rec not in RECOMMENDATIONS:
        fail(f"advise --json gave recommendation {rec!r}")
    print(f"ok: recommendation {rec}, confidence {advice.get('confidence')}, "
          f"{len(advice.get('evidence', []))} pieces of evidence")


def check_search(path: str) -> None:
    found = load_json(path)
    passages = found.get("passages", found) if isinstance(found, dict) else found
    if not passages:
        fail("knowledge-search found no passages")
    print(f"ok: knowledge-search returned {len(passages)} passages")


def check_sweep(path: str) -> None:
    """The retrieval lab ran in the frozen build, including the Japanese analyser (the sample's
    FAQ is Japanese, so Sudachi words were measured: its dictionary is inside the build)."""
    result = load_json(path)
    trials = result.get("trials") or []
    if result.get("cancelled") or not trials or not result.get("best"):
        fail("readiness --sweep measured nothing")
    if not any(t["setting"]["tokenizer"] == "sudachi" for t in trials):
        fail("readiness --sweep measured no setting with the Japanese analyser (sudachi)")
    print(f"ok: the lab measured {len(trials)} settings in {result.get('seconds')} s, Japanese words included; "
          f"best recall {result['best']['share']}")


def check_report(path: str) -> None:
    p = Path(path)
    if not p.is_file() or p.stat().st_size < 1000:
        fail(f"report {path} is missing or tiny")
    text = p.read_text(encoding="utf-8", errors="replace").lower()
    if "<html" not in text or "</html>" not in text:
        fail(f"report {path} is not an HTML page")
    print(f"ok: report {p.name} is {p.stat().st_size:,} bytes of HTML")


def make_docx(path: str) -> None:
    import docx

    document = docx.Document()
    document.add_heading("AirLoop smoke test", level=1)
    document.add_paragraph("The HL-4020 filter FX-40 should be replaced every 12 months.")
    document.save(path)


def _grab(display: str):
    from PIL import ImageGrab

    return ImageGrab.grab(xdisplay=display)


def _drawn(image) -> bool:
    """Xvfb's root window is one flat colour until a window is mapped and painted."""
    colours = image.convert("RGB").getcolors(maxcolors=4096)
    return colours is None or len(colours) > 16


def wait_screen(display: str, out: str, seconds: str) -> None:
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        image = _grab(display)
        if _drawn(image):
            time.sleep(1.0)  # let the first paint finish
            _grab(display).save(out)
            print(f"ok: screenshot {out}")
            return
        time.sleep(0.25)
    fail(f"nothing was drawn on display {display} within {seconds} s")


def check_png(path: str) -> None:
    from PIL import Image

    p = Path(path)
    if not p.is_file() or p.stat().st_size == 0:
        fail(f"screenshot {path} is missing or empty")
    image = Image.open(p)
    if not _drawn(image):
        fail(f"screenshot {path} is one flat colour")
    print(f"ok: screenshot {p.name} {image.size[0]}x{image.size[1]}, {p.stat().st_size:,} bytes")


def main(argv: list[str]) -> None:
    command, args = argv[0], argv[1:]
    if command == "app-dirs":
        print("\n".join(app_dirs()))
    elif command == "data-dir":
        print(data_dir())
    elif command == "log-dir":
        print(data_dir("log"))
    elif command == "check-log":
        check_log(*args)
    elif command == "check-self-test":
        check_self_test(*args)
    elif command == "snapshot":
        print("\n".join(snapshot(args)))
    elif command == "check-writes":
        check_writes(args[0], args[1], args[2:])
    elif command == "check-results":
        check_results(*args)
    elif command == "check-advice":
        check_advice(*args)
    elif command == "check-search":
        check_search(*args)
    elif command == "check-sweep":
        check_sweep(*args)
    elif command == "check-report":
        check_report(*args)
    elif command == "make-docx":
        make_docx(*args)
    elif command == "wait-screen":
        wait_screen(*args)
    elif command == "check-png":
        check_png(*args)
    else:
        fail(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
