"""A read-only table model over a list of records (dicts or dataclasses), column by column.

Cells are plain ``str`` for DisplayRole (file names and passages are data, never markup);
tooltips are wrapped so Qt shows them literally whatever they contain.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 7


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: Qt guesses rich text from a leading tag, so the
    text is escaped inside an explicit rich-text wrapper instead of being left to the guess."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]  # called on retranslate, so headers follow the language
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False  # numbers
    sort: Callable[[Any], Any] | None = None  # the value a click on the header sorts by (SORT_ROLE)
    header_tip: Callable[[], str] | None = None  # what a short header means, on hover


class RecordsModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.records: list[Any] = []

    def set_records(self, records) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.records[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(column.text(record))
        if role == SORT_ROLE:
            return column.sort(record) if column.sort is not None else str(column.text(record))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return plain_tooltip(str(column.tooltip(record)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        tip = self.columns[section].header_tip
        if role == Qt.ItemDataRole.ToolTipRole and tip is not None:
            return plain_tooltip(tip())
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
            if self.records:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, len(self.columns) - 1))
