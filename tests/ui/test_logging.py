"""The log file (rotating, secrets masked) and the crash dialog that points to it."""

from __future__ import annotations

import logging
import threading

import pytest
import shiboken6
from PySide6.QtCore import QTimer

from desktop_app.core.project import appdirs
from desktop_app.core.errors import ProjectError
from desktop_app.ui import logging_setup
from desktop_app.ui.crash_dialog import CrashDialog, CrashReporter
from desktop_app.ui.logging_setup import mask_secrets, setup_logging
from desktop_app.ui.tasks import TaskRunner

OPENAI_KEY = "sk-proj-Abc123def456GHI789jkl012MNO345pqr678STU901"
AZURE_KEY = "0123456789abcdef0123456789abcdef"  # 32 hex characters, like an Azure key


@pytest.fixture
def log_path():
    path = setup_logging(logging.INFO)
    yield path
    logging_setup.remove_logging()


def _flush():
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_log_goes_to_a_file_in_the_user_log_dir(log_path):
    """A user can find and send one log file when something goes wrong."""
    assert log_path == appdirs.log_dir() / "llm-path-advisor.log"
    logging.getLogger("desktop_app.test").info("opened project %s", "Support bot")
    _flush()
    assert "opened project Support bot" in log_path.read_text(encoding="utf-8")


def test_api_keys_never_reach_the_log(log_path):
    """Sending the log to someone never leaks the user's API key."""
    logger = logging.getLogger("desktop_app.test")
    logger.info("client created with key %s", OPENAI_KEY)
    logger.warning("request headers: {'api-key': '%s'}", AZURE_KEY)
    logger.info("env AZURE_OPENAI_API_KEY=%s", AZURE_KEY.upper())
    logger.info("Authorization: Bearer %s", OPENAI_KEY[3:])
    try:
        raise RuntimeError(f"401 Incorrect API key provided: {OPENAI_KEY}")
    except RuntimeError:
        logger.exception("call failed")
    _flush()
    text = log_path.read_text(encoding="utf-8")
    assert OPENAI_KEY not in text and OPENAI_KEY[3:] not in text
    assert AZURE_KEY not in text.lower()
    for masked in (
        "created with key sk-***",
        "'api-key': '***'",
        "AZURE_OPENAI_API_KEY=***",
        "Authorization: Bearer ***",
        "Incorrect API key provided: sk-***",
    ):
        assert masked in text
    assert "call failed" in text and "Traceback" in text


def test_masking_leaves_ordinary_text_alone():
    """Log lines about rows, hashes and keys-as-words stay readable."""
    ordinary = (
        "key points: 42 rows; cache entry 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "
        "for model gpt-4o-mini; task-123 skipped"
    )
    assert mask_secrets(ordinary) == ordinary
    assert mask_secrets(f"key={AZURE_KEY}") == "key=***"
    assert mask_secrets(f"use {OPENAI_KEY} now") == "use sk-*** now"


def test_the_log_rotates_instead_of_growing_forever(monkeypatch):
    """Months of use never fill the disk with one endless log."""
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2000)
    path = setup_logging()
    try:
        for i in range(200):
            logging.getLogger("desktop_app.test").info("row %d evaluated", i)
        _flush()
        backups = sorted(path.parent.glob(path.name + ".*"))
        assert 1 <= len(backups) <= logging_setup.BACKUPS
        assert path.stat().st_size <= 2000
    finally:
        logging_setup.remove_logging()


@pytest.fixture
def reporter(qtbot):
    reporter = CrashReporter()
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None and shiboken6.isValid(reporter.dialog):
        reporter.dialog.close()


def _raise_in_slot():
    raise KeyError(f"missing column {OPENAI_KEY}")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_the_gui_shows_a_dialog_and_the_app_keeps_running(qtbot, reporter, log_path):
    """A bug in a button handler shows what happened and where the log is; the app goes on."""
    QTimer.singleShot(0, _raise_in_slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog) and not dialog.isModal()
    assert dialog.summary.text().startswith("KeyError: ")
    assert OPENAI_KEY not in dialog.summary.text() + dialog.details.toPlainText()
    assert str(log_path) in dialog.log_label.text()
    later = []
    QTimer.singleShot(0, lambda: later.append("event loop alive"))
    qtbot.waitUntil(lambda: later == ["event loop alive"], timeout=2000)
    _flush()
    assert "Uncaught exception" in log_path.read_text(encoding="utf-8")


def test_a_bug_in_background_work_shows_the_dialog(qtbot, reporter):
    """A crash in a background task is reported the same way, on the GUI thread."""
    runner = TaskRunner()

    def work(state):
        raise ZeroDivisionError("division by zero in scoring")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.start(work)
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    assert reporter.dialog.summary.text() == "ZeroDivisionError: division by zero in scoring"
    assert "in work" in reporter.dialog.details.toPlainText()


def test_a_user_error_in_background_work_does_not_open_the_crash_dialog(qtbot, reporter):
    """Bad input is explained by the page itself, not reported as a crash."""
    runner = TaskRunner()

    def work(state):
        raise ProjectError("No project found.", "Choose the folder with project.json.")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.start(work)
    qtbot.wait(20)
    assert reporter.dialog is None


def test_an_error_in_a_plain_thread_reaches_the_gui_thread(qtbot, reporter):
    """Errors in threads started by libraries are shown too, built on the GUI thread."""

    def target():
        raise OSError("index folder is read-only")

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=3000)
    assert reporter.dialog.summary.text() == "OSError: index folder is read-only"


def test_repeated_errors_share_one_dialog(qtbot, reporter):
    """A bug that fires on every repaint cannot bury the user under windows."""
    for i in range(3):
        try:
            raise ValueError(f"error {i}")
        except ValueError as exc:
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.extra_errors == 2, timeout=3000)
    assert reporter.dialog.summary.text() == "ValueError: error 0"
    assert "error 2" in reporter.dialog.details.toPlainText()
    assert reporter.dialog.more.isVisibleTo(reporter.dialog)


def test_the_dialog_factory_is_injectable(qtbot):
    """Tests and embedders can replace the dialog; nothing ever blocks on a modal."""
    shown = []

    class FakeDialog(CrashDialog):
        def show(self):
            shown.append(self.summary.text())

    reporter = CrashReporter(dialog_factory=FakeDialog)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        reporter.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: shown == ["RuntimeError: boom"], timeout=2000)
