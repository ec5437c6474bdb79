"""The checklist of variants: ticked = what Run runs. Also the hint bar under the page title."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QStyle, QWidget

from desktop_app.core.variants.variant import Variant
from desktop_app.ui.variants.ladder import needs_model_id, variant_label

NAME_ROLE = Qt.ItemDataRole.UserRole


class VariantList(QListWidget):
    """One checkable row per variant; the name (the run's name) is kept in the item's data."""

    ticked_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._filling = False
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.setIconSize(QSize(size, size))  # flagged rows keep the height of the others
        self.itemChanged.connect(self._on_item_changed)

    def fill(self, variants: list[Variant], ticked: set[str], current: str = "") -> None:
        self._filling = True
        try:
            self.clear()
            for variant in variants:
                item = QListWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(NAME_ROLE, variant.name)
                item.setCheckState(Qt.CheckState.Checked if variant.name in ticked else Qt.CheckState.Unchecked)
                self.addItem(item)
                self.describe(item, variant)
                if variant.name == current:
                    self.setCurrentItem(item)
        finally:
            self._filling = False

    def describe(self, item: QListWidgetItem, variant: Variant) -> None:
        """Text, tooltip and warning icon of a row (all plain text: names are user data)."""
        self._filling, was = True, self._filling
        try:
            item.setData(NAME_ROLE, variant.name)
            item.setText(variant_label(variant))
            if needs_model_id(variant):
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setToolTip(self.tr("Needs the fine-tuned model's id (select it and fill in Model)."))
            else:
                item.setIcon(self._blank_icon())  # keeps the names aligned with the flagged rows
                item.setToolTip("")
        finally:
            self._filling = was

    def _blank_icon(self) -> QIcon:
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        return QIcon(pixmap)

    def item_named(self, name: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(NAME_ROLE) == name:
                return self.item(row)
        return None

    def ticked(self) -> list[str]:
        return [
            self.item(r).data(NAME_ROLE)
            for r in range(self.count())
            if self.item(r).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, name: str, on: bool) -> None:
        item = self.item_named(name)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def current_name(self) -> str:
        item = self.currentItem()
        return item.data(NAME_ROLE) if item is not None else ""

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.ticked_changed.emit()


class HintBar(QFrame):
    """An info line with one action button (e.g. "Go to Knowledge"); hidden when there is nothing to say."""

    action = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hintBar")
        self.setStyleSheet(
            "QFrame#hintBar { background: rgba(255, 193, 7, 0.16); "
            "border: 1px solid rgba(255, 193, 7, 0.6); border-radius: 4px; }"
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self.action)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_hint(self, text: str, button_text: str = "") -> None:
        self.label.setText(text)
        self.button.setText(button_text)
        self.button.setVisible(bool(button_text))
        self.setVisible(bool(text))
