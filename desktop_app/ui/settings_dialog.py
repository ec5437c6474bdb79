"""Settings… (Preferences on macOS): the interface language, System / English / 日本語.

The choice is stored in the app settings JSON ("language") and applied at once: translators
are swapped (ui/language.py) and every window and page redraws its words on LanguageChange.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import language as ui_language
from desktop_app.ui.words import fill

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: str = "system"):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for key in ui_language.CHOICES:
            self.language_combo.addItem("", key)
        index = self.language_combo.findData(current if current in ui_language.CHOICES else "system")
        self.language_combo.setCurrentIndex(max(0, index))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_combo)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.override_note = QLabel()
        self.override_note.setWordWrap(True)
        self.override_note.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.language_label, self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.override_note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        system = QLocale.system().nativeLanguageName() or QLocale.system().name()
        # Each language is named in itself, so a user lost in the wrong one still finds theirs.
        names = {"system": fill(self.tr("System (%1)"), system), "en": "English", "ja": "日本語"}
        for row in range(self.language_combo.count()):
            self.language_combo.setItemText(row, names[self.language_combo.itemData(row)])
        self.note.setText(
            self.tr(
                "The new language applies at once. A few messages already on "
                "the screen stay as they are until they are shown again."
            )
        )
        forced = ui_language.chosen(None) if os.environ.get(ui_language.ENV_VAR) else ""
        self.override_note.setVisible(bool(forced))
        self.override_note.setText(
            fill(
                self.tr(
                    "The environment variable %1 sets the language to %2 for this session, whatever is chosen here."
                ),
                ui_language.ENV_VAR,
                forced,
            )
        )

    def language(self) -> str:
        return self.language_combo.currentData()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_settings(window) -> SettingsDialog:
    """Show the dialog for ``window`` (the MainWindow: its ``settings`` dict and saving);
    on OK store the language and apply it. Non-blocking (window-modal)."""
    dialog = SettingsDialog(window, window.settings.get("language", "system"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        choice = dialog.language()
        if choice == window.settings.get("language", "system"):
            return
        window.settings["language"] = choice
        window._save_settings()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ui_language.apply(app, choice)

    dialog.accepted.connect(accepted)
    dialog.open()
    window.settings_dialog = dialog
    return dialog
