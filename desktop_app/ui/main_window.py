"""The main window: the step list down the side, a page per step, a status bar and the menus.

It owns the open project. Opening (and the first-launch sample) runs off the GUI thread
through a TaskRunner; the window only draws what comes back. The core is imported lazily
inside work functions where it is heavy, so the window shows before chromadb or pandas load.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.project import appdirs
from desktop_app.core.project import settings as app_settings
from desktop_app.ui import resources
from desktop_app.ui.steps import STEPS, Page, ProjectPage
from desktop_app.ui.window_menus import WindowMenus
from desktop_app.ui.project.opening import OpenResult, create_folder_task, open_folder_task, open_sample_task
from desktop_app.ui.project.watcher import ProjectFileWatcher
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui import language
from desktop_app.ui.language import localized

if TYPE_CHECKING:
    from desktop_app.core.project.folder import Project

log = logging.getLogger(__name__)
SHUTDOWN_TIMEOUT_MS = 5000


def window_settings() -> QSettings:
    """Window geometry only (app settings are JSON in core.settings); lives in the config dir."""
    return QSettings(str(appdirs.config_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(WindowMenus):
    project_changed = Signal(object)
    self_test: object | None = None  # the --self-test driver (ui/self_test.py), kept alive while it runs

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.project: Project | None = None
        self.settings = app_settings.load()
        self.setWindowIcon(resources.app_icon())

        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setFrameShape(QFrame.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for key, page_class in STEPS:
            page = page_class()
            page.setObjectName(f"{key}Page")
            self.pages[key] = page
            # Pages scroll instead of forcing a minimum window size, so small screens work.
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(page)
            self.stack.addWidget(scroller)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.step_list.addItem(item)
            self.project_changed.connect(page.set_project)
            page.navigate.connect(self.navigate)
            page.project_modified.connect(lambda what, src=key: self._broadcast_modified(src, what))
            page.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.step_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.file_watcher = ProjectFileWatcher(self)
        self.file_watcher.changed_outside.connect(self._on_changed_outside)
        self.file_watcher.failed.connect(lambda exc: self.show_error(localized(exc.message), localized(exc.hint)))

        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel()
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)  # errors may quote file contents
        self.banner_text.setWordWrap(True)
        self.banner_close = QToolButton()
        self.banner_close.setText("✕")
        self.banner_close.setAutoRaise(True)
        self.banner_close.clicked.connect(self.banner.hide)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.step_list)
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(separator)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: "working", the page shows real progress
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)

        self.project_runner = TaskRunner(self)
        self.project_runner.finished.connect(self._on_project_loaded)
        self.project_runner.failed.connect(self._on_project_failed)
        self.project_runner.running_changed.connect(self.busy.setVisible)

        project_page = self.pages["project"]
        assert isinstance(project_page, ProjectPage)  # STEPS puts it under "project"
        self.project_page = project_page
        project_page.create_requested.connect(self.create_project)
        project_page.open_requested.connect(self.ask_open_project)
        project_page.sample_requested.connect(self.open_sample)
        project_page.recent_requested.connect(self.open_project)
        project_page.set_recent(self.settings.get("recent_projects", []))

        self._build_menus()
        self.retranslate()
        self._restore_geometry()

    # -- building ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every visible string of the window itself (pages translate their own)."""
        for row, (key, _) in enumerate(STEPS):
            number = str(row + 1).rjust(2, "\u2007")  # figure space: digits line up in any font
            self.step_list.item(row).setText(f"{number}   {self.pages[key].title()}")
        self.step_list.setFixedWidth(max(170, self.step_list.sizeHintForColumn(0) + 48))
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.banner_close.setToolTip(self.tr("Dismiss"))
        self.banner_close.setAccessibleName(self.tr("Dismiss"))
        self.retranslate_menus()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        if self.project is None:
            self.setWindowTitle(APP_NAME)
        else:
            self.setWindowTitle(self.tr("%1 — %2").replace("%1", self.project.name).replace("%2", APP_NAME))

    # -- steps ------------------------------------------------------------------------------
    def select_step(self, key: str) -> None:
        self.step_list.setCurrentRow([k for k, _ in STEPS].index(key))

    def current_step(self) -> str:
        return STEPS[max(0, self.stack.currentIndex())][0]

    # -- projects ---------------------------------------------------------------------------
    def first_launch(self) -> None:
        """Open the sample project the first time the app runs, so there is something to see;
        later, reopen the project the user had open last, as desktop apps do."""
        if not self.settings.get("sample_opened", False):
            self.open_sample()
            return
        recent = self.settings.get("recent_projects", [])
        if recent and (Path(recent[0]) / "project.json").exists():
            self.open_project(recent[0])

    @Slot()
    def open_sample(self) -> None:
        # The sample in the interface's language: a Japanese QA lead's first sight is Japanese data.
        self._start_open(
            open_sample_task,
            str(resources.sample_project_source(language.current())),
            self.tr("Opening the sample project…"),
        )

    @Slot(str)
    def open_project(self, path: str) -> None:
        self._start_open(open_folder_task, str(path), self.tr("Opening the project…"))

    def create_project(self, path: str) -> None:
        self._start_open(create_folder_task, str(path), self.tr("Creating the project…"))

    @Slot()
    def ask_open_project(self) -> None:
        start = appdirs.default_projects_dir()
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Open a project folder"), str(start if start.is_dir() else start.parent)
        )
        if path:
            self.open_project(path)

    @Slot()
    def ask_new_project(self) -> None:
        self.select_step("project")
        self.project_page.start_new_project()

    @Slot(str, object)
    def navigate(self, key: str, payload=None) -> None:
        """Show step ``key`` and hand it ``payload`` (a run to select, rows to show...)."""
        self.select_step(key)
        self.pages[key].focus(payload)

    def _broadcast_modified(self, source: str, what: str) -> None:
        if what == "settings":
            self._update_title()  # the project may have been renamed
        for key, page in self.pages.items():
            if key != source:
                page.on_project_modified(what)

    def _start_open(self, fn, arg: str, message: str) -> None:
        self.banner.hide()
        self.statusBar().showMessage(message)
        self.project_page.show_opening(message)
        self.project_runner.start(fn, arg)

    @Slot(object)
    def _on_project_loaded(self, result: OpenResult) -> None:
        self.project_page.show_opening("")
        if result.project is None:
            self.statusBar().showMessage(self.tr("The sample project is not available in this build."), 10000)
            self.select_step("project")
            return
        self.set_project(result.project)
        if result.sample and not self.settings.get("sample_opened"):
            self.settings["sample_opened"] = True
            self.select_step("grid")  # a first look at what the app is for: runs on the grid, advice above
        app_settings.add_recent(self.settings, result.project.root)
        self._save_settings()
        self.project_page.set_recent(self.settings["recent_projects"])

    @Slot(object)
    def _on_project_failed(self, error: ErrorRecord) -> None:
        self.statusBar().clearMessage()
        self.project_page.show_opening("")
        if error.is_app_error:  # bugs go to the crash dialog through the task hook
            self.show_error(error.message, error.hint)

    def _on_changed_outside(self, whats: list) -> None:
        self.statusBar().showMessage(
            self.tr("The project was changed by another program; its changes are shown now."), 8000
        )
        for what in whats:
            self._broadcast_modified("", what)

    def set_project(self, project) -> None:
        self.project = project
        self.file_watcher.watch(project)
        self._update_title()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", project.name), 5000)
        self.project_changed.emit(project)

    def show_error(self, message: str, hint: str = "") -> None:
        self.banner_text.setText(f"{message}\n{hint}".strip())
        self.banner.show()

    def _save_settings(self) -> None:
        try:
            app_settings.save(self.settings)
        except OSError as exc:
            log.warning("Could not save settings: %s", exc)

    # -- geometry and closing ---------------------------------------------------------------
    def _restore_geometry(self) -> None:
        qs = window_settings()
        geometry = qs.value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = qs.value("state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self._default_geometry()
        step = qs.value("step", "project")
        self.select_step(step if step in self.pages else "project")

    def _default_geometry(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1100, int(screen.width() * 0.9)), min(720, int(screen.height() * 0.9)))
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())

    def save_geometry(self) -> None:
        qs = window_settings()
        qs.setValue("geometry", self.saveGeometry())
        qs.setValue("state", self.saveState())
        qs.setValue("step", self.current_step())
        qs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        # Ask all work under this window to stop first, then wait: they wind down in parallel.
        runners = self.findChildren(TaskRunner)
        busy = [runner for runner in runners if runner.pending_workers()]
        for runner in runners:
            runner.cancel()
        if busy:  # a run winding down can take seconds: say so before the window stops painting
            self.statusBar().showMessage(self.tr("Closing: finishing the work in progress…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QApplication.processEvents()
        try:
            for runner in runners:
                runner.shutdown(SHUTDOWN_TIMEOUT_MS)
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        super().closeEvent(event)
