"""The example list's filters: run, failed only, category, gap kind; the "rows sent from another
page" note; the row count; Copy row. ``changed`` fires when the user changes a filter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.ui.results import words

GAPS = ("", "knowledge", "behaviour", "retrieval", "generation", "error", "unsure")


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.run_combo, self.category_combo, self.gap_combo = QComboBox(), QComboBox(), QComboBox()
        self.failed_box = QCheckBox()
        self.run_caption, self.category_caption, self.gap_caption = QLabel(), QLabel(), QLabel()
        for caption, combo in (
            (self.run_caption, self.run_combo),
            (self.category_caption, self.category_combo),
            (self.gap_caption, self.gap_combo),
        ):
            caption.setBuddy(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.changed)
        self.failed_box.toggled.connect(self.changed)
        self.ids_label = QLabel()
        self.ids_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_ids_button = QPushButton()
        self.count_label = QLabel()
        self.copy_button = QPushButton()
        self.review_button = QPushButton()
        self.export_button = QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.run_caption,
            self.run_combo,
            self.failed_box,
            self.category_caption,
            self.category_combo,
            self.gap_caption,
            self.gap_combo,
            self.ids_label,
            self.clear_ids_button,
        ):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.count_label)
        row.addWidget(self.copy_button)  # Review… and Export… sit in the page's top row (room at 1024 px)
        self.show_ids(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.run_caption.setText(self.tr("R&un:"))
        self.failed_box.setText(self.tr("Failed &only"))
        self.category_caption.setText(self.tr("C&ategory:"))
        self.gap_caption.setText(self.tr("&Gap:"))
        self.clear_ids_button.setText(self.tr("Sho&w all rows"))
        self.copy_button.setText(self.tr("&Copy row"))
        self.review_button.setText(self.tr("Re&view…"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(
            self.tr("Save every row of every run, with its verdicts, as an Excel workbook or a CSV file")
        )
        self.review_button.setToolTip(
            self.tr(
                "Say right or wrong for the answers listed, with the keyboard; your verdicts replace the automatic ones"
            )
        )
        self.copy_button.setToolTip(self.tr("Copy the selected row, one line per run, as tab-separated text"))
        if self.run_combo.count():
            self.run_combo.setItemText(0, self.tr("All runs"))
        if getattr(self, "_count", None) is not None:
            self.show_count(*self._count)
            self.category_combo.setItemText(0, self.tr("All categories"))
            for i, g in enumerate(GAPS):
                self.gap_combo.setItemText(i, words.gap_filter_label(g))

    def fill(self, runs, categories, run_id, category: str, gap: str) -> None:
        """New choices (after a reload), keeping the chosen values where they still exist; silent."""
        for combo in (self.run_combo, self.category_combo, self.gap_combo):
            combo.blockSignals(True)
            combo.clear()
        self.run_combo.addItem(self.tr("All runs"), None)
        for entry in runs:
            self.run_combo.addItem(entry.label, entry.run_id)
        self.category_combo.addItem(self.tr("All categories"), "")
        for c in categories:
            self.category_combo.addItem(c, c)
        for g in GAPS:
            self.gap_combo.addItem(words.gap_filter_label(g), g)
        for combo, value in ((self.run_combo, run_id), (self.category_combo, category), (self.gap_combo, gap)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        for w in (self.category_caption, self.category_combo):
            w.setVisible(bool(categories))

    def values(self) -> dict:
        """The filters as RowsFilter.set_filters keywords."""
        return {
            "run_id": self.run_combo.currentData(),
            "failed_only": self.failed_box.isChecked(),
            "category": self.category_combo.currentData() or "",
            "gap": self.gap_combo.currentData() or "",
        }

    def select_run(self, run_id) -> None:
        self.run_combo.setCurrentIndex(max(0, self.run_combo.findData(run_id)))

    def reset(self) -> None:
        """Every filter off but the run (a list of rows from another page shows all of them)."""
        self.failed_box.setChecked(False)
        self.category_combo.setCurrentIndex(0)
        self.gap_combo.setCurrentIndex(0)

    def show_ids(self, count: int | None) -> None:
        if count is not None:
            self.ids_label.setText(self.tr("Only the %1 rows sent from another page.").replace("%1", str(count)))
        self.ids_label.setVisible(count is not None)
        self.clear_ids_button.setVisible(count is not None)

    def show_count(self, shown: int, total: int) -> None:
        self._count = (shown, total)
        self.count_label.setText(self.tr("%1 of %2 rows").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))
