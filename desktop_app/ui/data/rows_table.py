"""The table of the Data step: a QTableView tuned for a model of any length."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from desktop_app.ui.data.dataframe_model import DataFrameModel, display_text

MEASURED_ROWS = 50  # column widths come from the header and the first rows only
MAX_WIDTH = 280  # px; a long question column must leave room for the expected answer


class RowsTable(QTableView):
    """Owns its DataFrameModel; ``show_frame`` swaps the frame and sizes the columns."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dataTable")
        self.frame_model = DataFrameModel(self)
        self.setModel(self.frame_model)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        # Fixed heights: with ResizeToContents Qt would measure all 100k rows before drawing one.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)

    def show_frame(self, frame, headers: list[str] | None = None) -> None:
        self.frame_model.set_frame(frame, headers)
        if frame is None:
            return
        cell_metrics, header = self.fontMetrics(), self.horizontalHeader()
        header_metrics = header.fontMetrics()
        for column in range(frame.shape[1]):
            name = str(self.frame_model.headerData(column, Qt.Orientation.Horizontal))
            width = header_metrics.horizontalAdvance(name[:60]) + 28
            for row in range(min(MEASURED_ROWS, len(frame))):
                width = max(width, cell_metrics.horizontalAdvance(display_text(frame.iat[row, column])[:60]) + 16)
            header.resizeSection(column, max(60, min(MAX_WIDTH, width)))
        self.scrollToTop()
