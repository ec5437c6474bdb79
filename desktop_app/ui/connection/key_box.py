"""The API key row of the Connection page.

A key is typed once into a masked field and, on Save, goes to the OS keychain; from then on
only its masked form is shown ("Key saved in the system keychain (sk-…abcd)") with Replace
and Forget. A key read from an environment variable is named, masked, and not editable here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.connection.verdicts import fill


class KeyBox(QWidget):
    changed = Signal()
    forget_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = None  # work.KeyStatus of the saved connection
        self.preset = "offline"
        self.replacing = False
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setClearButtonEnabled(True)
        self.entry.textChanged.connect(self.changed)
        self.keep_button = QPushButton()  # leaves "Replace" without changing the saved key
        self.keep_button.clicked.connect(self._keep)
        self.saved_label = QLabel()
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.replace_button = QPushButton()
        self.replace_button.clicked.connect(self._replace)
        self.forget_button = QPushButton()
        self.forget_button.clicked.connect(self.forget_requested)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # names an environment variable the user chose
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.entry, self.saved_label):
            row.addWidget(w, 1)
        for button in (self.keep_button, self.replace_button, self.forget_button):
            row.addWidget(button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.note)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.keep_button.setText(self.tr("Keep the saved key"))
        self.replace_button.setText(self.tr("Re&place…"))
        self.forget_button.setText(self.tr("For&get"))
        self.entry.setAccessibleName(self.tr("API key"))
        self._update()

    # -- state -----------------------------------------------------------------------------
    def set_status(self, status, preset: str, keep_typed: bool = False) -> None:
        """Where the key of the connection comes from (work.KeyStatus); a key being typed is
        kept when only the lookup was repeated (``keep_typed``) and it still can be used."""
        self.status = status
        self.preset = preset
        self.replacing = False
        if not keep_typed:
            self.entry.clear()
        self._update()

    def set_preset(self, preset: str) -> None:
        self.preset = preset
        self._update()

    def typed_key(self) -> str:
        return self.entry.text().strip()  # cleared whenever the entry is hidden

    def clear(self) -> None:
        self.entry.clear()

    def _replace(self) -> None:
        self.replacing = True
        self._update()
        self.entry.setFocus()

    def _keep(self) -> None:
        self.replacing = False
        self.entry.clear()
        self._update()

    def _update(self) -> None:
        s = self.status
        source = s.source if s is not None else "none"
        masked, env_var = (s.masked, s.env_var) if s is not None else ("", "")
        saved = source in ("keychain", "session") and not self.replacing
        env = source == "env"
        if saved or env:
            self.entry.clear()  # a hidden field must not carry a key into Save
        self.entry.setVisible(not saved and not env)
        self.keep_button.setVisible(self.replacing)
        self.saved_label.setVisible(saved or env)
        self.replace_button.setVisible(saved)
        self.forget_button.setVisible(saved)
        if saved and source == "session":
            self.saved_label.setText(fill(self.tr("Key kept for this session only (%1)"), masked))
        elif saved:
            self.saved_label.setText(fill(self.tr("Key saved in the system keychain (%1)"), masked))
        elif env:
            self.saved_label.setText(
                fill(self.tr("Using the key in the environment variable %1 (%2)"), env_var, masked)
            )
        self.entry.setPlaceholderText(
            self.tr("Optional: local servers usually accept any key")
            if self.preset == "local"
            else self.tr("Paste the API key; it is kept in the system keychain, never in the project")
        )
        notes = []
        if env:
            notes.append(self.tr("To use a key saved here instead, remove that environment variable."))
        elif s is not None and not s.keychain and self.preset != "local":
            notes.append(
                self.tr(
                    "This computer has no system keychain: a key saved here is kept until the app "
                    "closes, and you paste it again next time."
                )
            )
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
