"""The new-project dialog: a name and where to keep it; the folder path follows from both.

It only decides the folder; the window creates the project there (its usual create flow), so
creating from the menu and from the Project step behave the same. Names may hold characters
a file system refuses (``/``, ``:``...): the folder gets a safe version, the project keeps the
name as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
PROJECT_FILE = "project.json"  # as core.project.PROJECT_FILE; not imported to keep this light


def folder_name(name: str) -> str:
    """A folder name every OS accepts for the project name ``name`` ('' when nothing is left)."""
    safe = _UNSAFE.sub("_", name.strip()).rstrip(". ").strip()
    if not any(ch.isalnum() for ch in safe):
        return ""  # "///" would make a folder called "___": ask for a real name instead
    if safe.lower().split(".")[0] in _RESERVED:
        safe = f"_{safe}"  # Windows refuses CON, NUL, COM1... even with an extension
    return safe[:120]


def unused_name(parent: Path, base: str) -> str:
    """``base``, or ``base 2``, ``base 3``... whichever has no folder in ``parent`` yet."""
    name, n = base, 2
    while (parent / folder_name(name)).exists():
        name, n = f"{base} {n}", n + 1
    return name


class NewProjectDialog(QDialog):
    """Asks for a project name and a location; ``folder()`` and ``project_name()`` when accepted."""

    def __init__(self, parent: QWidget | None, location: Path, default_name: str = ""):
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle(self.tr("New project"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "A project is one folder: your evaluation set, settings, index and results "
                "all live in it. Next you will import the evaluation set."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(unused_name(Path(location), default_name or self.tr("My project")))
        self.name_edit.setPlaceholderText(self.tr("e.g. Support chatbot evaluation"))
        self.location_edit = QLineEdit(str(location))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location_edit, 1)
        location_row.addWidget(self.browse_button)
        self.folder_label = QLabel()
        self.problem_label = QLabel()
        for label in (self.folder_label, self.problem_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # typed names and paths are user data
            label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        name_caption, location_caption = QLabel(self.tr("Project &name:")), QLabel(self.tr("&Location:"))
        name_caption.setBuddy(self.name_edit)
        location_caption.setBuddy(self.location_edit)
        form.addRow(name_caption, self.name_edit)
        form.addRow(location_caption, location_row)
        form.addRow("", self.folder_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create and import data"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        self.location_edit.textChanged.connect(self._validate)
        self.name_edit.selectAll()
        self.name_edit.setFocus()
        self._validate()

    def project_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def folder(self) -> Path:
        return Path(self.location_edit.text().strip()).expanduser() / folder_name(self.project_name())

    def problem(self) -> str:
        """Why the folder cannot be used ('' when it can)."""
        location = self.location_edit.text().strip()
        if not self.project_name():
            return self.tr("Give the project a name.")
        if not folder_name(self.project_name()):
            return self.tr("Use at least one letter or digit in the name.")
        if not location or not Path(location).expanduser().is_absolute():
            return self.tr("Choose where to keep the project (a full folder path).")
        if Path(location).expanduser().exists() and not Path(location).expanduser().is_dir():
            return self.tr("The location is a file, not a folder.")
        folder = self.folder()
        if (folder / PROJECT_FILE).exists():
            return self.tr("A project with this name already exists there. Open it instead, or pick another name.")
        if folder.exists() and not folder.is_dir():
            return self.tr("A file with this name already exists there. Pick another name.")
        return ""

    @Slot()
    def _validate(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)
        folder = self.folder() if self.project_name() and folder_name(self.project_name()) else None
        self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(folder)) if folder else "")

    @Slot()
    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Where to keep the project"), self.location_edit.text().strip() or str(Path.home())
        )
        if path:
            self.location_edit.setText(path)

    def accept(self) -> None:
        if not self.problem():
            super().accept()
