"""The app's hidden self-test (`--self-test DIR`): the frozen build checked the way a user sees it.

It drives the real window: waits for the project (on first launch, the sample) to open, then
visits every step in turn, waits for each page's background work to end, saves a screenshot of
the page and fails on what a user would see as broken: an error banner, a crash dialog, an
ERROR line or a traceback in the app's log. The packaging smoke test runs it on the built
program, because a build can lack a module that every test from source has (pyqtgraph 0.14
imports QtOpenGL, which the spec once excluded: the Grid said "internal error" while the
smoke test passed).

The verdict goes to ``DIR/self-test.json`` and the exit code (0 all pages clean, 1 otherwise).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui import tasks

log = logging.getLogger(__name__)
PROJECT_TIMEOUT_S = 180.0  # a cold first launch builds the sample project (index, runs)
PAGE_TIMEOUT_S = 90.0
QUIET_S = 0.6  # no background work for this long counts as "the page has settled"
POLL_MS = 50
SHOT_SIZE = (1100, 690)


class ProblemCollector(logging.Handler):
    """Keeps every ERROR record and every record that carries a traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info or record.exc_text:
            text = f"{record.levelname} {record.name}: {record.getMessage()}"
            if record.exc_info and record.exc_info[1] is not None:
                text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
            self.problems.append(text)


@dataclass
class PageReport:
    step: str
    screenshot: str = ""
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


class SelfTest(QObject):
    """Walks ``window`` through every step; ``done(code)`` is called with the exit code."""

    def __init__(self, window, out_dir: Path, done) -> None:
        super().__init__(window)
        self.window = window
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.done = done
        self.collector = ProblemCollector()
        logging.getLogger().addHandler(self.collector)
        self.reports: list[PageReport] = []
        self.general: list[str] = []
        self.steps = list(window.pages)
        self._step_index = -1
        self._phase_started = time.monotonic()
        self._quiet_since: float | None = None
        self._seen_problems = 0
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        from desktop_app.core.knowledge.japanese import available

        # The Japanese analyser's dictionary is a data file a build can leave out; 0.05 s to load.
        if not available():
            self.general.append("the Japanese word analyser (Sudachi) does not load: its dictionary is missing")
        self.window.resize(*SHOT_SIZE)
        self._phase_started = time.monotonic()
        self.timer.start()

    # -- the walk ----------------------------------------------------------------------------
    def _tick(self) -> None:
        elapsed = time.monotonic() - self._phase_started
        if self._step_index < 0:
            self._wait_for_project(elapsed)
            return
        if not self._settled():
            if elapsed > PAGE_TIMEOUT_S:
                self._current().problems.append(f"background work still running after {PAGE_TIMEOUT_S:.0f} s")
                self._finish_page()
            return
        self._finish_page()

    def _wait_for_project(self, elapsed: float) -> None:
        if self.window.project is not None and self._settled():
            self.general += self._take_problems()
            self._next_page()
        elif elapsed > PROJECT_TIMEOUT_S:
            self.general.append(f"no project opened within {PROJECT_TIMEOUT_S:.0f} s")
            self.general += self._take_problems()
            self._report()
        elif self.window.banner.isVisible():
            self.general.append("the window shows an error: " + self.window.banner_text.text())
            self._report()

    def _settled(self) -> bool:
        """True once no task of the app has run for QUIET_S (pages start work when shown)."""
        if tasks.any_running():
            self._quiet_since = None
            return False
        now = time.monotonic()
        if self._quiet_since is None:
            self._quiet_since = now
        return now - self._quiet_since >= QUIET_S

    def _next_page(self) -> None:
        self._step_index += 1
        if self._step_index >= len(self.steps):
            self._report()
            return
        step = self.steps[self._step_index]
        self.reports.append(PageReport(step))
        self._quiet_since = None
        self._phase_started = time.monotonic()
        self.window.select_step(step)

    def _current(self) -> PageReport:
        return self.reports[-1]

    def _finish_page(self) -> None:
        report = self._current()
        report.seconds = round(time.monotonic() - self._phase_started, 2)
        name = f"{self._step_index + 1:02d}-{report.step}.png"
        if self.window.grab().save(str(self.out_dir / name)):
            report.screenshot = name
        else:
            report.problems.append("the screenshot could not be saved")
        report.problems += self._visible_errors() + self._take_problems()
        log.info("Self-test: %s %s", report.step, "ok" if not report.problems else report.problems)
        self._next_page()

    # -- what a user would call broken -------------------------------------------------------
    def _visible_errors(self) -> list[str]:
        from desktop_app.ui.crash_dialog import CrashDialog
        from desktop_app.ui.widgets.banner import Banner

        found = []
        if self.window.banner.isVisible():
            found.append("window banner: " + self.window.banner_text.text())
        for banner in self.window.findChildren(Banner):
            if banner.isVisible() and banner.kind == "error":
                found.append(f"error banner: {banner.message_label.text()} {banner.hint_label.text()}".strip())
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, CrashDialog) and widget.isVisible():
                found.append("crash dialog: " + widget.summary.text())
                widget.close()  # counted once
        return found

    def _take_problems(self) -> list[str]:
        new = self.collector.problems[self._seen_problems :]
        self._seen_problems = len(self.collector.problems)
        return new

    def _report(self) -> None:
        self.timer.stop()
        logging.getLogger().removeHandler(self.collector)
        failed = bool(self.general) or any(r.problems for r in self.reports) or len(self.reports) < len(self.steps)
        verdict = {
            "passed": not failed,
            "general": self.general,
            "pages": [asdict(r) for r in self.reports],
            "steps_expected": self.steps,
        }
        (self.out_dir / "self-test.json").write_text(
            json.dumps(verdict, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        for line in self.general:
            print(f"FAIL: {line}", flush=True)
        for r in self.reports:
            status = "ok" if not r.problems else "FAIL"
            print(f"{status}: page {r.step} ({r.seconds:.1f} s) {'; '.join(r.problems)}".rstrip(), flush=True)
        print(
            f"self-test {'passed' if not failed else 'FAILED'}: {len(self.reports)} of {len(self.steps)} pages visited",
            flush=True,
        )
        self.done(1 if failed else 0)


def run_self_test(app: QApplication, window: QWidget, out_dir: str) -> SelfTest:
    """Start the walk; the app quits with the verdict as its exit code."""
    test = SelfTest(window, Path(out_dir), lambda code: app.exit(code))
    test.start()
    return test
