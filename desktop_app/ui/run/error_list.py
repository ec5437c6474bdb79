"""The rows that ended in an error, one line each: run, row id, what went wrong in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.ui.run import words


class ErrorList(QTreeWidget):
    """Plain-text items only (QTreeWidgetItem.setText never interprets markup)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("runErrors")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Run"), self.tr("Row"), self.tr("Error")])
        self.setAccessibleName(self.tr("Rows that ended in an error"))

    def set_rows(self, rows) -> None:
        """``rows``: ErrorRow items (run, row_id, raw error)."""
        self.clear()
        items = []
        for r in rows:
            item = QTreeWidgetItem([r.run, r.row_id, words.error_text(r.error)])
            item.setToolTip(2, words.plain_tooltip(r.error))  # the raw code, for a bug report
            items.append(item)
        self.addTopLevelItems(items)
        for col in (0, 1):
            self.resizeColumnToContents(col)

    def as_text(self) -> str:
        lines = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:
                lines.append("\t".join(item.text(c) for c in range(3)))
        return "\n".join(lines)
