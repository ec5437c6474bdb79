"""The main window's menus: File (new, open, sample, recent, export, settings, quit), Run and Help
(log folder, About). The base class of MainWindow, which provides the actions' targets (``open_project``,
``navigate``, ``settings``, ``close``); its words keep the window's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop_app import __version__
from desktop_app.ui.logging_setup import log_file_path
from desktop_app.ui.settings_dialog import open_settings

translate = QCoreApplication.translate


class WindowMenus(QMainWindow):
    """The window's menus; MainWindow (its subclass) opens, navigates and holds the settings."""

    # Provided by MainWindow; declared here so the menus' wiring is type-checked.
    settings: Any
    open_project: Callable[[str], None]
    navigate: Callable[..., None]
    ask_new_project: Callable[[], None]
    ask_open_project: Callable[[], None]
    open_sample: Callable[[], None]

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.open_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
        self.sample_action = QAction(self)
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.new_action.triggered.connect(self.ask_new_project)
        self.open_action.triggered.connect(self.ask_open_project)
        self.sample_action.triggered.connect(self.open_sample)
        self.quit_action.triggered.connect(self.close)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.insertActions(
            self.recent_menu.menuAction(), [self.new_action, self.open_action, self.sample_action]
        )
        self.export_action = QAction(self)
        self.export_action.triggered.connect(lambda: self.navigate("results", {"export": True}))
        self.file_menu.addAction(self.export_action)
        self.settings_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Preferences))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(lambda: open_settings(self))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.run_menu = self.menuBar().addMenu("")
        self.run_action = QAction(self, shortcut=QKeySequence("Ctrl+R"))
        self.run_action.triggered.connect(lambda: self.navigate("run", {"start": True}))
        self.run_menu.addAction(self.run_action)

        self.help_menu = self.menuBar().addMenu("")
        self.log_action = QAction(self)
        self.log_action.triggered.connect(self._open_log_folder)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addActions([self.log_action, self.about_action])

    def retranslate_menus(self) -> None:
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.new_action.setText(translate("MainWindow", "&New Project…"))
        self.open_action.setText(translate("MainWindow", "&Open Project…"))
        self.sample_action.setText(translate("MainWindow", "Open &Sample Project"))
        self.recent_menu.setTitle(translate("MainWindow", "&Recent Projects"))
        self.settings_action.setText(translate("MainWindow", "Se&ttings…"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.export_action.setText(translate("MainWindow", "E&xport Results…"))
        self.run_menu.setTitle(translate("MainWindow", "&Run"))
        self.run_action.setText(translate("MainWindow", "&Run Selected Variants"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.log_action.setText(translate("MainWindow", "Show &Log Folder"))
        self.about_action.setText(translate("MainWindow", "&About LLM Path Advisor"))

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent_projects", [])
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if not recent:
            self.recent_menu.addAction(translate("MainWindow", "No recent projects")).setEnabled(False)

    # -- help -------------------------------------------------------------------------------
    @Slot()
    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(translate("MainWindow", "About LLM Path Advisor"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            translate(
                "MainWindow",
                "LLM Path Advisor %1\n\nMeasure an LLM feature and learn what to do next: better prompts, RAG, fine-tuning, or both.",
            ).replace("%1", __version__)
        )
        box.open()  # window-modal but non-blocking: nothing waits on it
        self.about_box = box

    @Slot()
    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file_path().parent)))
