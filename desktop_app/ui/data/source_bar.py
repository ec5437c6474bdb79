"""The file bar of the Data step: Choose file, the file's name, encoding and sheet overrides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.ui.data import work
from desktop_app.ui.data.dataframe_model import display_text
from desktop_app.ui.data.import_panel import plain_label


class SourceBar(QWidget):
    """Widgets only; ``show_preview`` makes the combos say how the shown preview was read."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choose_button = QPushButton()
        self.file_label = plain_label(word_wrap=False)
        self.show_imported_button = QPushButton()
        self.encoding_caption, self.sheet_caption = QLabel(), QLabel()
        self.encoding_combo, self.sheet_combo = QComboBox(), QComboBox()
        self.encoding_caption.setBuddy(self.encoding_combo)
        self.sheet_caption.setBuddy(self.sheet_combo)
        self.encoding_combo.addItem("", None)
        for name in work.ENCODINGS:
            self.encoding_combo.addItem(name, name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.file_label)
        layout.addStretch(1)
        for widget in (
            self.encoding_caption,
            self.encoding_combo,
            self.sheet_caption,
            self.sheet_combo,
            self.show_imported_button,
        ):
            layout.addWidget(widget)

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("&Choose file…"))
        self.show_imported_button.setText(self.tr("&Show imported rows"))
        self.encoding_caption.setText(self.tr("&Encoding:"))
        self.sheet_caption.setText(self.tr("Wor&ksheet:"))  # Alt+H is the Help menu
        self.encoding_combo.setToolTip(
            self.tr(
                "How the file's text is encoded. Automatic detection is "
                "usually right; change it if the preview shows garbled text."
            )
        )

    def tab_chain(self) -> list[QWidget]:
        return [self.choose_button, self.encoding_combo, self.sheet_combo, self.show_imported_button]

    def show_preview(self, preview, detected_label: str) -> None:
        """Set the combos to how ``preview`` was read (None: no file), e.g. after a failed re-read."""
        asked = preview.asked_encoding if preview else None
        self.encoding_combo.setCurrentIndex(max(0, self.encoding_combo.findData(asked)) if asked else 0)
        self.encoding_combo.setItemText(
            0,
            self.tr("Automatic (%1)").replace("%1", detected_label)
            if preview and not asked and detected_label
            else self.tr("Automatic"),
        )
        self.sheet_combo.clear()
        for name in preview.sheets if preview else ():
            self.sheet_combo.addItem(name, name)
        if preview and preview.sheet:
            self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(preview.sheet)))
        self.file_label.setText(Path(preview.path).name if preview else "")
        self.file_label.setToolTip(display_text(preview.path) if preview else "")

    def update_controls(self, preview, busy: bool, has_project: bool, has_dataset: bool) -> None:
        self.choose_button.setEnabled(has_project and not busy)
        xlsx = bool(preview) and preview.format == "xlsx"
        for widget in (self.encoding_caption, self.encoding_combo):
            widget.setVisible(bool(preview))  # an encoding belongs to a file being read
        self.encoding_combo.setEnabled(bool(preview) and not xlsx and not busy)  # workbooks have none
        for widget in (self.sheet_caption, self.sheet_combo):
            widget.setVisible(xlsx)
        self.sheet_combo.setEnabled(xlsx and len(preview.sheets) > 1 and not busy)
        self.show_imported_button.setVisible(bool(preview) and has_dataset)
        self.show_imported_button.setEnabled(not busy)
