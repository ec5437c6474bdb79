"""The Project step: which project is open, and new / open / sample / recent."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton)

from desktop_app.ui.pages.base import Page


class ProjectPage(Page):
    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def title(self) -> str:
        return self.tr("Project")

    def build(self) -> None:
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_value = QLabel()
        self.path_value = QLabel()
        for value in (self.name_value, self.path_value):
            value.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are user data
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
        self.form = QFormLayout()
        self.name_caption, self.path_caption = QLabel(), QLabel()
        self.form.addRow(self.name_caption, self.name_value)
        self.form.addRow(self.path_caption, self.path_value)

        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.sample_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent_caption = QLabel()
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        self.no_recent = QLabel()
        self.no_recent.setEnabled(False)  # drawn in the palette's muted text colour

        self.layout_.addWidget(self.status_label)
        self.layout_.addLayout(self.form)
        self.layout_.addSpacing(8)
        self.layout_.addLayout(buttons)
        self.layout_.addSpacing(12)
        self.layout_.addWidget(self.recent_caption)
        self.layout_.addWidget(self.recent_list, 1)
        self.layout_.addWidget(self.no_recent)
        self.layout_.addStretch(0)
        self.set_recent([])

    def retranslate(self) -> None:
        super().retranslate()
        self.name_caption.setText(self.tr("Name:"))
        self.path_caption.setText(self.tr("Folder:"))
        self.new_button.setText(self.tr("New project…"))
        self.open_button.setText(self.tr("Open project…"))
        self.sample_button.setText(self.tr("Open the sample project"))
        self.recent_caption.setText(self.tr("Recent projects (double-click to open):"))
        self.no_recent.setText(self.tr("No recent projects yet."))
        self._show_project()

    def set_project(self, project) -> None:
        super().set_project(project)
        self._show_project()

    def set_busy_text(self, text: str) -> None:
        self.status_label.setText(text)

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
        # An empty page keeps its content at the top; a list takes the free height.
        self.layout_.setStretch(self.layout_.count() - 1, 0 if paths else 1)

    def _show_project(self) -> None:
        has = self.project is not None
        for widget in (self.name_caption, self.name_value, self.path_caption, self.path_value):
            widget.setVisible(has)
        if has:
            self.status_label.setText(self.tr("This project is open. Use the steps on the left to work on it."))
            self.name_value.setText(self.project.name)
            self.path_value.setText(str(self.project.root))
        else:
            self.status_label.setText(
                self.tr("No project is open. Create one, open a folder, or start with the sample project."))

    @Slot(QListWidgetItem)
    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
