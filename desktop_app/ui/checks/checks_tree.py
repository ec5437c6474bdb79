"""The checks grouped by family, with each one's verdict on the sample output beside it.

Column 0 is checkable (the check is on or off). Inferred defaults say "suggested from your
data". Every cell is plain text (QTreeWidgetItem never reads HTML); colours are tints that
read on light and dark palettes, and the verdict is also written out, never colour alone.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.ui.checks.wording import family_title, kind_label, reason_text, setting_text, verdict_text

ID_ROLE = Qt.ItemDataRole.UserRole
COL_CHECK, COL_SETTING, COL_VERDICT, COL_REASON = range(4)
_PASS, _FAIL = QColor(25, 135, 84), QColor(220, 53, 69)


def _plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` literally (escaped inside rich text: it may quote the data)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>" if text else ""


class ChecksTree(QTreeWidget):
    enabled_toggled = Signal(str, bool)  # check id, on

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(4)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_CHECK, QHeaderView.ResizeMode.Interactive)
        self._filling = False
        self.itemChanged.connect(self._on_changed)
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802
        # Short by preference: the splitter gives it the spare height, and the page's scroll area
        # (which sizes by preferred heights) shows no scrollbar on a 600-pixel-high screen.
        return QSize(super().sizeHint().width(), 110)

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Check"), self.tr("Setting"), self.tr("On the sample"), self.tr("Why")])

    def fill(self, specs: list, current_id: str = "") -> None:
        self._filling = True
        try:
            self.clear()
            for family in ("content", "behaviour"):
                group = QTreeWidgetItem([family_title(family)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(COL_CHECK)
                font.setBold(True)
                group.setFont(COL_CHECK, font)
                self.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)  # the family's question reads across the columns
                members = [s for s in specs if s.family == family]
                for spec in members:
                    group.addChild(self._item(spec))
                if not members:
                    empty = QTreeWidgetItem([self.tr("(none yet: add one)")])
                    empty.setFlags(Qt.ItemFlag.NoItemFlags)
                    group.addChild(empty)
                group.setExpanded(True)
            self.resizeColumnToContents(COL_CHECK)
            self.resizeColumnToContents(COL_SETTING)
            self.setColumnWidth(COL_SETTING, min(self.columnWidth(COL_SETTING), 260))  # schemas can be long
            self.setColumnWidth(COL_VERDICT, max(self.columnWidth(COL_VERDICT), 110))
            items = self.check_items()
            item = self.item_for(current_id) if current_id else None
            if item is None and items:
                item = items[0]  # Edit and Remove work from the keyboard straight away
            if item is not None:
                self.setCurrentItem(item)
        finally:
            self._filling = False

    def _item(self, spec) -> QTreeWidgetItem:
        label = kind_label(spec.kind)
        if spec.inferred:  # the page's legend says "suggested from your data" in full
            label = self.tr("%1 (suggested)").replace("%1", label)
        setting = setting_text(spec)
        item = QTreeWidgetItem([label, setting, "", ""])
        item.setToolTip(COL_SETTING, _plain_tip(setting))
        item.setData(COL_CHECK, ID_ROLE, spec.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(COL_CHECK, Qt.CheckState.Checked if spec.enabled else Qt.CheckState.Unchecked)
        tip = self.tr("Check id: %1").replace("%1", spec.id)
        if spec.inferred:
            tip = self.tr("Suggested from your data. %1").replace("%1", tip)
        item.setToolTip(COL_CHECK, _plain_tip(tip))
        if spec.inferred:
            font = item.font(COL_CHECK)
            font.setItalic(True)
            item.setFont(COL_CHECK, font)
        return item

    def check_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            if group is None:
                continue
            children = (group.child(j) for j in range(group.childCount()))
            out += [item for item in children if item is not None and item.data(COL_CHECK, ID_ROLE)]
        return out

    def item_for(self, check_id: str) -> QTreeWidgetItem | None:
        return next((i for i in self.check_items() if i.data(COL_CHECK, ID_ROLE) == check_id), None)

    def current_id(self) -> str:
        item = self.currentItem()
        return (item.data(COL_CHECK, ID_ROLE) or "") if item is not None else ""

    def show_verdict(self, check_id: str, verdict) -> None:
        item = self.item_for(check_id)
        if item is None:
            return
        self._filling, was = True, self._filling
        try:
            item.setText(COL_VERDICT, verdict_text(verdict))
            item.setForeground(COL_VERDICT, QBrush(_PASS if verdict.passed else _FAIL))
            reason = reason_text(verdict.reason)
            item.setText(COL_REASON, reason)
            item.setToolTip(COL_REASON, _plain_tip(reason))
        finally:
            self._filling = was

    def show_note(self, check_id: str, verdict_note: str, reason: str = "") -> None:
        """A check without a verdict on the sample: off, needs a model, no expected answer..."""
        item = self.item_for(check_id)
        if item is None:
            return
        self._filling, was = True, self._filling
        try:
            item.setText(COL_VERDICT, verdict_note)
            item.setForeground(COL_VERDICT, self.palette().placeholderText())
            item.setText(COL_REASON, reason)
        finally:
            self._filling = was

    def _on_changed(self, item: QTreeWidgetItem, column: int) -> None:
        check_id = item.data(COL_CHECK, ID_ROLE)
        if self._filling or column != COL_CHECK or not check_id:
            return
        self.enabled_toggled.emit(check_id, item.checkState(COL_CHECK) == Qt.CheckState.Checked)
