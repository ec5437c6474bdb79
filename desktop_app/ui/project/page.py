"""The Project step: which project is open, and new / open / sample / recent.

The page asks, the window acts: it emits what the user wants (``create_requested(folder)``,
``open_requested``...) and the window opens or creates the project off the GUI thread, then
hands it back through ``set_project``. A project made with the wizard gets its typed name
(the folder name may be a safe spelling of it) and the user goes straight on to the Data step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.project import appdirs
from desktop_app.ui.data.new_project_wizard import NewProjectDialog
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord, TaskRunner
from desktop_app.ui.widgets.banner import Banner


def _save_project(state, project) -> None:
    project.save()


class ProjectPage(Page):
    create_requested = Signal(str)  # the wizard chose this folder: create the project there
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def title(self) -> str:
        return self.tr("Project")

    def build(self) -> None:
        self.wizard: NewProjectDialog | None = None
        self._pending: tuple[Path, str] | None = None  # (folder, name) the wizard asked for
        self._opening = ""  # what is being opened, said while no project is open yet
        self.banner = Banner()
        self.save_runner = TaskRunner(self)
        self.save_runner.finished.connect(self._on_renamed)
        self.save_runner.failed.connect(self._on_save_failed)
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
        self.new_button.clicked.connect(self.start_new_project)
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

        # The sample is made up and its runs were written by hand: say so where it cannot be missed.
        self.sample_note = QFrame()
        self.sample_note.setObjectName("sampleNote")
        self.sample_note.setStyleSheet(
            "QFrame#sampleNote { background: rgba(13, 110, 253, 0.10); "
            "border: 1px solid rgba(13, 110, 253, 0.45); border-radius: 4px; }"
        )
        self.sample_title, self.sample_text = QLabel(), QLabel()
        for label in (self.sample_title, self.sample_text):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the notes come from the project file
            label.setWordWrap(True)
        font = self.sample_title.font()
        font.setBold(True)
        self.sample_title.setFont(font)
        note_layout = QVBoxLayout(self.sample_note)
        note_layout.setContentsMargins(10, 8, 10, 8)
        note_layout.addWidget(self.sample_title)
        note_layout.addWidget(self.sample_text)
        self.sample_note.hide()

        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.status_label)
        self.layout_.addWidget(self.sample_note)
        self.layout_.addLayout(self.form)
        self.layout_.addSpacing(8)
        self.layout_.addLayout(buttons)
        self.layout_.addSpacing(12)
        self.layout_.addWidget(self.recent_caption)
        self.layout_.addWidget(self.recent_list)
        self.layout_.addWidget(self.no_recent)
        self.layout_.addStretch(0)
        self.set_recent([])

    def retranslate(self) -> None:
        super().retranslate()
        self.name_caption.setText(self.tr("Name:"))
        self.path_caption.setText(self.tr("Folder:"))
        self.new_button.setText(self.tr("&New project…"))
        self.open_button.setText(self.tr("&Open project…"))
        self.sample_button.setText(self.tr("Open the &sample project"))
        self.recent_caption.setText(self.tr("Recent projects (double-click to open):"))
        self.no_recent.setText(self.tr("No recent projects yet."))
        self._show_project()

    def set_project(self, project) -> None:
        super().set_project(project)
        self.banner.clear()
        self._show_project()
        pending, self._pending = self._pending, None
        if project is None or pending is None or Path(project.root).resolve() != pending[0]:
            return
        # The project the wizard asked for: give it the typed name, then on to the Data step.
        if project.data.get("name") != pending[1]:
            project.data["name"] = pending[1]
            self._show_project()
            self.save_runner.start(_save_project, project)
        QTimer.singleShot(0, lambda: self.navigate.emit("data", None))

    # -- new project ------------------------------------------------------------------------
    @Slot()
    def start_new_project(self) -> None:
        """Show the new-project wizard; the chosen folder goes out as ``create_requested``."""
        self.wizard = NewProjectDialog(self, appdirs.default_projects_dir())
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.accepted.connect(self._on_wizard_accepted)
        self.wizard.finished.connect(self._forget_wizard)
        self.wizard.open()  # window-modal, non-blocking

    @Slot()
    def _on_wizard_accepted(self) -> None:
        if self.wizard is None:  # accepted is emitted before finished, which forgets the wizard
            return
        folder, name = self.wizard.folder(), self.wizard.project_name()
        self._pending = (folder.resolve(), name)
        self.create_requested.emit(str(folder))

    @Slot()
    def _forget_wizard(self) -> None:
        self.wizard = None

    @Slot(object)
    def _on_renamed(self, _result) -> None:
        self.project_modified.emit("settings")

    @Slot(object)
    def _on_save_failed(self, error: ErrorRecord) -> None:
        self.banner.show_message(
            self.tr("The project name could not be saved: %1").replace("%1", error.message), error.hint
        )

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
        # As tall as its entries (up to 10), so a short list is not a large empty box.
        rows = max(1, min(10, len(paths)))
        row_height = max(self.recent_list.sizeHintForRow(0), self.recent_list.fontMetrics().lineSpacing()) + 6
        self.recent_list.setFixedHeight(rows * row_height + 2 * self.recent_list.frameWidth() + 6)
        self.layout_.setStretch(self.layout_.count() - 1, 1)

    def show_opening(self, message: str) -> None:
        """While a project opens (a cold first launch builds the sample for seconds), say so here
        rather than "No project is open"; an empty message goes back to the usual text."""
        self._opening = message
        self._show_project()

    def _show_project(self) -> None:
        project = self.project
        for widget in (self.name_caption, self.name_value, self.path_caption, self.path_value):
            widget.setVisible(project is not None)
        sample = project is not None and bool(project.data.get("sample"))
        self.sample_note.setVisible(sample)
        if project is not None:
            self.status_label.setText(self.tr("This project is open. Use the steps on the left to work on it."))
            self.name_value.setText(project.name)
            self.path_value.setText(str(project.root))
        elif self._opening:
            self.status_label.setText(self._opening)
        else:
            self.status_label.setText(
                self.tr("No project is open. Create one, open a folder, or start with the sample project.")
            )
        if project is not None and sample:
            self.sample_title.setText(self.tr("This is the sample project."))
            notes = str(project.data.get("notes") or "").strip()
            if not notes or notes.startswith("The run outputs of this sample were written by hand"):
                # core/sample.py's default note, in English: say the same in the UI's language
                notes = self.tr("Its runs were written by hand for the tour, not produced by a model.")
            self.sample_text.setText(
                notes
                + "\n"
                + self.tr("It shows what the app does with made-up data. Create a new project to measure your own.")
            )

    @Slot(QListWidgetItem)
    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
