"""Take a screenshot of the real main window (for README.md and docs/).

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshot.py --step project

Without DISPLAY it starts its own Xvfb (when installed) and stops it afterwards. The app runs
with a fresh, temporary app home, so it is a first launch: the sample project opens, and
nothing of the real user's settings or recent projects shows in the picture. The PNG comes
from QScreen.grabWindow once the window is exposed and the project has loaded. It also prints
how long the window took to appear, measured from process start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _start_xvfb() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY") or not shutil.which("Xvfb"):
        return None
    for display in range(99, 120):
        if Path(f"/tmp/.X11-unix/X{display}").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                os.environ["DISPLAY"] = f":{display}"
                return proc
            time.sleep(0.05)
        proc.terminate()
    raise SystemExit("Could not start Xvfb; start one and set DISPLAY.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help="PNG to write (default docs/screenshots/STEP.png)")
    parser.add_argument("--step", default="project", help="step to show (project, data, ..., advice)")
    parser.add_argument("--size", default="1100x720", help="window size WIDTHxHEIGHT")
    parser.add_argument("--project", help="open this project folder instead of the first-launch sample")
    parser.add_argument(
        "--lang",
        default="en",
        choices=("en", "ja", "system"),
        help="interface language (default en; ja for docs/screenshots/ja/)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the project")
    parser.add_argument(
        "--knowledge",
        metavar="lab|adopt|search:QUERY",
        help="with --step knowledge: run the retrieval lab (adopt: and use its best setting, then measure "
        "readiness), or search for QUERY, before the shot",
    )
    parser.add_argument(
        "--test-server",
        metavar="URL",
        help="with --step connection: choose a local server at URL (model gpt-4o-mini), press "
        "Test and shoot the verdict (e.g. the URL tests/scripted_server.py prints)",
    )
    parser.add_argument(
        "--judge-dialog",
        metavar="project|URL",
        help="with --step checks: open the judge's setting over the window; with a URL, choose "
        "its own local server there (model gpt-4o) and press Test",
    )
    args = parser.parse_args()
    args.out = args.out or REPO / "docs" / "screenshots" / f"{args.step}.png"

    xvfb = _start_xvfb()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    home = tempfile.mkdtemp(prefix="lpa-screenshot-")
    os.environ["LLM_PATH_ADVISOR_HOME"] = home
    try:
        return _shoot(args)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def _shoot(args) -> int:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    from desktop_app.ui.app import create_application, process_age_s
    from desktop_app.ui.logging_setup import setup_logging
    from desktop_app.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    setup_logging()
    from desktop_app.ui import language

    language.apply(app, args.lang)
    window = MainWindow()
    width, height = (int(v) for v in args.size.lower().split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.show()

    def pump_until(condition, seconds: float) -> bool:
        deadline = QDeadlineTimer(int(seconds * 1000))
        while not condition():
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)
        return True

    handle = window.windowHandle()
    if not pump_until(lambda: handle is not None and handle.isExposed(), 10):
        raise SystemExit("The window was never exposed; is DISPLAY a running X server?")
    age, origin = process_age_s()
    print(f"window shown {age * 1000:.0f} ms after {origin} (includes this script's set-up)")

    if args.project:
        window.open_project(args.project)
    else:
        window.first_launch()
    pump_until(lambda: not window.project_runner.is_running(), args.timeout)
    if window.project is None:
        print(f"note: no project is open in the screenshot: {window.statusBar().currentMessage()!r}")
    window.select_step(args.step)
    from desktop_app.ui.tasks import network_pool, quick_pool

    # Pages load their data in the background after a project opens; shoot once they are done.
    pump_until(lambda: False, 0.3)
    pump_until(lambda: quick_pool().activeThreadCount() == 0 and network_pool().activeThreadCount() == 0, args.timeout)
    if args.knowledge:
        _knowledge_action(window.pages["knowledge"], args.knowledge, pump_until, args.timeout)
    if args.test_server:
        _test_connection(window.pages["connection"], args.test_server, pump_until, args.timeout)
    dialog = (
        _judge_dialog(window.pages["checks"], args.judge_dialog, pump_until, args.timeout)
        if args.judge_dialog
        else None
    )
    pump_until(lambda: False, 0.4)  # let layouts and the repaint settle

    if dialog is not None:  # the screen where the window is, the dialog on top of it
        frame = window.frameGeometry()
        image = window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    else:
        image = window.screen().grabWindow(window.winId())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.out), "PNG"):
        raise SystemExit(f"Could not write {args.out}")
    print(f"saved {args.out} ({image.width()}x{image.height()}, device pixel ratio {image.devicePixelRatio()})")
    window.close()
    return 0


def _knowledge_action(page, action: str, pump_until, timeout: float) -> None:
    """Show the Knowledge page at work: the lab's table, or a search's passages."""
    if action == "lab":
        page.tabs.setCurrentWidget(page.lab)
        page.lab.run_button.click()
        pump_until(lambda: page.lab.runner.is_running(), 5)
        pump_until(lambda: not page.lab.runner.is_running(), max(timeout, 120))
    elif action == "adopt":  # the lab's best setting used, then readiness measured again
        _knowledge_action(page, "lab", pump_until, timeout)
        page.lab.use_button.click()
        pump_until(lambda: page.index_runner.is_running(), 5)
        pump_until(lambda: not page.index_runner.is_running(), max(timeout, 120))
        pump_until(lambda: not page.readiness_runner.is_running(), max(timeout, 120))  # the page checks it
    elif action.startswith("search:"):
        page.tabs.setCurrentWidget(page.search)
        page.search.query.setText(action.partition(":")[2])
        page.search.search_button.click()
        pump_until(lambda: page.search.card_count() > 0, timeout)
    else:
        raise SystemExit(f"--knowledge: unknown action {action!r} (use lab or search:QUERY)")


def _test_connection(page, url: str, pump_until, timeout: float) -> None:
    """Show the Connection page after a successful Test (which saves the settings)."""
    page.form.preset_buttons["local"].click()
    page.form.fields["base_url"].setText(url)
    page.form.model.setEditText("gpt-4o-mini")
    page.test_button.click()
    pump_until(lambda: page.test_runner.is_running(), 5)
    pump_until(lambda: not page.test_runner.is_running(), timeout)


def _judge_dialog(page, how: str, pump_until, timeout: float):
    """The judge's setting, opened from the Checks page; with a URL, its own server tested."""
    page.judge_line.button.click()
    dialog = page.judge_dialog
    pump_until(lambda: dialog.isVisible() and not dialog.load_runner.is_running(), timeout)
    if how != "project":
        dialog.use_own.click()
        dialog.form.preset_buttons["local"].click()
        dialog.form.fields["base_url"].setText(how)
        dialog.form.model.setEditText("gpt-4o")
        dialog.test_button.click()
        pump_until(lambda: dialog.test_runner.is_running(), 5)
        pump_until(lambda: not dialog.test_runner.is_running(), timeout)
    return dialog


if __name__ == "__main__":
    raise SystemExit(main())
