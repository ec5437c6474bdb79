"""An unexpected error shows a dialog with what happened and where the log is; the app goes on.

``CrashReporter.install()`` takes over ``sys.excepthook`` (exceptions in Qt slots and event
handlers end up there), ``threading.excepthook`` and the task runner's hook for failures that
are bugs rather than AppErrors. The dialog is non-modal, so a test or a second error never
blocks on it; further errors while it is open are counted in it instead of stacking windows.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui import tasks
from desktop_app.ui.logging_setup import log_file_path, mask_secrets
from desktop_app.ui.tasks import ErrorRecord

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """Error summary, log location, details on demand; never modal."""

    def __init__(self, record: ErrorRecord, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.log_path = log_path
        self.extra_errors = 0

        intro = QLabel(
            self.tr(
                "The app ran into an unexpected problem. What you saved is not affected and you can keep working. If it happens again, please send the log file."
            )
        )
        intro.setWordWrap(True)
        self.summary = QLabel(mask_secrets(record.summary()))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # error text may quote user data
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.log_label = QLabel(self.tr("Log file: %1").replace("%1", str(log_path)))
        self.log_label.setTextFormat(Qt.TextFormat.PlainText)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = QLabel()
        self.more.setVisible(False)
        self.details = QPlainTextEdit(mask_secrets(record.traceback or record.summary()))
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.details_button = QPushButton(self.tr("Show details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        copy_button = QPushButton(self.tr("Copy details"))
        copy_button.clicked.connect(self._copy)
        folder_button = QPushButton(self.tr("Open log folder"))
        folder_button.clicked.connect(self._open_folder)
        for button in (self.details_button, copy_button, folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        for widget in (intro, self.summary, self.log_label, self.more, self.details, buttons):
            layout.addWidget(widget)

    def add_error(self, record: ErrorRecord) -> None:
        """Another error arrived while this one is open: count it, keep one window."""
        self.extra_errors += 1
        self.more.setText(self.tr("%n more error(s) happened since; all are in the log.", "", self.extra_errors))
        self.more.setVisible(True)
        self.details.appendPlainText("\n" + mask_secrets(record.traceback or record.summary()))

    @Slot(bool)
    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    @Slot()
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


DialogFactory = Callable[[ErrorRecord, Path, "QWidget | None"], QDialog]


class CrashReporter(QObject):
    """Turns uncaught exceptions from any thread into a dialog on the GUI thread."""

    _report = Signal(object)

    def __init__(
        self,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        dialog_factory: DialogFactory = CrashDialog,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._parent_widget = parent_widget
        self._factory = dialog_factory
        self.dialog: QDialog | None = None
        self._previous: tuple | None = None
        # Queued when emitted from a worker thread: the dialog is always built on the GUI thread.
        self._report.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook
        tasks.set_unhandled_error_hook(self.report)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        tasks.set_unhandled_error_hook(None)

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        record = ErrorRecord.from_exception(exc)
        self.report(record)

    def _thread_excepthook(self, args) -> None:
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def report(self, record: ErrorRecord) -> None:
        """Show ``record`` (from any thread); the app keeps running."""
        self._report.emit(record)

    @Slot(object)
    def _show(self, record: ErrorRecord) -> None:
        if self.dialog is not None and not shiboken6.isValid(self.dialog):
            self.dialog = None  # closed and deleted (WA_DeleteOnClose)
        if self.dialog is not None and self.dialog.isVisible() and hasattr(self.dialog, "add_error"):
            self.dialog.add_error(record)
            return
        self.dialog = self._factory(record, log_file_path(), self._parent_widget())
        self.dialog.show()
        self.dialog.raise_()
