"""A read-only table model over a pandas DataFrame of text cells, for previews of any size.

The view asks only for the cells it draws, so ``data()`` reads ``frame.iat`` on demand: no
copy of the rows is made, and 100k rows scroll as smoothly as 100. Cells are dataset text and
are returned as plain ``str`` (the default delegate never interprets HTML); the tooltip, which
Qt would render as rich text if it looked like markup, is HTML-escaped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

SHOWN_CHARS = 300  # characters drawn in a cell; long answers would slow painting for nothing
TIP_CHARS = 2000  # characters in a cell's tooltip


def display_text(value) -> str:
    """One line of at most SHOWN_CHARS characters: line breaks drawn as ⏎, the rest cut with …"""
    text = "" if value is None else str(value)
    if len(text) > SHOWN_CHARS:
        text = text[:SHOWN_CHARS] + "…"
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ⏎ ")
    return text


def tooltip_html(value) -> str:
    """The cell in full (up to TIP_CHARS), escaped so markup in the data shows literally."""
    text = "" if value is None else str(value)
    cut = len(text) > TIP_CHARS
    body = html.escape(text[:TIP_CHARS]) + ("…" if cut else "")
    # Wrapping in <p> makes Qt treat the tip as rich text, so the escapes turn back into < and >.
    return f"<p style='white-space:pre-wrap'>{body}</p>"


class DataFrameModel(QAbstractTableModel):
    """Shows ``frame`` (any DataFrame; cells are shown with ``str``) with optional header labels."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._frame = None
        self._headers: list[str] = []
        self._rows = 0
        self._cols = 0

    @property
    def frame(self):
        return self._frame

    def set_frame(self, frame, headers: list[str] | None = None) -> None:
        """Show ``frame`` (None: empty); ``headers`` replaces the column names in the header."""
        self.beginResetModel()
        self._frame = frame
        if frame is None:
            self._rows = self._cols = 0
            self._headers = []
        else:
            self._rows, self._cols = frame.shape
            names = [str(c) for c in frame.columns]
            self._headers = list(headers) if headers is not None and len(headers) == self._cols else names
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        if len(headers) == self._cols:
            self._headers = list(headers)
            if self._cols:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._cols - 1)

    def cell(self, row: int, column: int) -> str:
        """The full text of a cell (what the tooltip and a copy would use)."""
        if self._frame is None:
            return ""
        value = self._frame.iat[row, column]
        return "" if value is None else str(value)

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._cols

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._frame is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(self._frame.iat[index.row(), index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(self._frame.iat[index.row(), index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._headers[section] if 0 <= section < len(self._headers) else None
            return str(section + 1)  # row numbers count from 1, as in a spreadsheet
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._headers):
                return tooltip_html(self._headers[section])  # header names are file data too
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
