"""A small picture of the technique grid: where each variant sits, the ticked ones filled.

x (how the model is asked to act): none -> prompt -> few-shot -> fine-tuned;
y (what it is given to know): none -> RAG -> tuned RAG. The positions come from
``Variant.grid_position``; this widget only draws them. Custom-painted (no pyqtgraph) so it
costs nothing at start-up and follows the palette, light or dark.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_app.ui.variants.ladder import x_labels, y_labels

COLUMNS, ROWS = 4, 3
_FLAG = QColor(220, 53, 69)


@dataclass(frozen=True)
class GridItem:
    name: str
    x: int
    y: int
    selected: bool = False
    flagged: bool = False  # e.g. a fine-tuned variant without a model id


class TechniqueGridPreview(QWidget):
    """Draws GridItems on the 4 x 3 grid; clicking a point emits its variant's name."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[GridItem] = []
        self._current = ""
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(180, 120)

    # -- data -------------------------------------------------------------------------------
    def set_items(self, items: list[GridItem]) -> None:
        self._items = list(items)
        self.update()

    def set_current(self, name: str) -> None:
        self._current = name
        self.update()

    def items(self) -> list[GridItem]:
        return list(self._items)

    def cell_of(self, name: str) -> tuple[int, int] | None:
        """(x, y) of the named variant on the grid, None when it is not shown."""
        item = next((i for i in self._items if i.name == name), None)
        return (item.x, item.y) if item else None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, 170)

    # -- geometry ---------------------------------------------------------------------------
    def _label_font(self):
        font = self.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))  # axis labels: small, the points matter
        return font

    def _plot_rect(self) -> QRectF:
        fm = QFontMetrics(self._label_font())
        left = max(fm.horizontalAdvance(t) for t in y_labels()) + 10
        bottom = fm.height() + 6
        return QRectF(left, 6, max(10, self.width() - left - 8), max(10, self.height() - bottom - 10))

    def _radius(self) -> float:
        return max(4.0, self.fontMetrics().height() * 0.32)

    def positions(self) -> dict[str, QPointF]:
        """Centre of each variant's point in widget coordinates (points sharing a cell spread out)."""
        plot = self._plot_rect()
        cw, ch = plot.width() / COLUMNS, plot.height() / ROWS
        r = self._radius()
        step = 2 * r + 3
        per_line = max(1, int((cw - 4) // step))
        cells: dict[tuple[int, int], list[GridItem]] = {}
        for item in self._items:
            cells.setdefault((item.x, item.y), []).append(item)
        out: dict[str, QPointF] = {}
        for (x, y), group in cells.items():
            cx = plot.left() + (x + 0.5) * cw
            cy = plot.bottom() - (y + 0.5) * ch  # y grows upwards, as in the talk's picture
            lines = (len(group) + per_line - 1) // per_line
            for i, item in enumerate(group):
                line, col = divmod(i, per_line)
                in_line = min(per_line, len(group) - line * per_line)
                out[item.name] = QPointF(cx + (col - (in_line - 1) / 2) * step, cy + (line - (lines - 1) / 2) * step)
        return out

    def _item_at(self, pos: QPointF) -> GridItem | None:
        r = self._radius() + 2
        for item in self._items:
            p = self.positions()[item.name]
            if (p.x() - pos.x()) ** 2 + (p.y() - pos.y()) ** 2 <= r * r:
                return item
        return None

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot_rect()
        cw, ch = plot.width() / COLUMNS, plot.height() / ROWS
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(60)
        painter.setPen(QPen(grid, 1))
        for i in range(COLUMNS + 1):
            x = plot.left() + i * cw
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        for j in range(ROWS + 1):
            y = plot.top() + j * ch
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        muted = QColor(text)
        muted.setAlpha(170)
        painter.setPen(muted)
        painter.setFont(self._label_font())
        fm = QFontMetrics(painter.font())
        for i, label in enumerate(x_labels()):
            rect = QRectF(plot.left() + i * cw, plot.bottom() + 3, cw, fm.height())
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, int(cw)),
            )
        for j, label in enumerate(y_labels()):
            rect = QRectF(0, plot.bottom() - (j + 1) * ch, plot.left() - 6, ch)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

        r = self._radius()
        fill = pal.color(QPalette.ColorRole.Highlight)
        hollow = QColor(text)
        hollow.setAlpha(150)
        positions = self.positions()
        for item in self._items:
            p = positions[item.name]
            edge = _FLAG if item.flagged else (fill if item.selected else hollow)
            width = 2.5 if item.name == self._current else 1.5
            painter.setPen(QPen(edge, width))
            painter.setBrush(fill if item.selected else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(p, r, r)
            if item.name == self._current:  # a ring around the variant being edited
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(text, 1))
                painter.drawEllipse(p, r + 3, r + 3)
        painter.end()

    # -- interaction ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        item = self._item_at(event.position())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(item.name)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self._item_at(QPointF(event.pos()))
            if item is None:
                QToolTip.hideText()
            else:
                # Names are user data: escaped inside rich text so they show literally.
                QToolTip.showText(
                    event.globalPos(), "<p style='white-space:pre'>" + html.escape(item.name) + "</p>", self
                )
            return True
        return super().event(event)
