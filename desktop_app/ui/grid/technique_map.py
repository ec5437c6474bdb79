"""The technique map: the DevDay talk's picture with the project's runs on it.

x: how the model is asked to act (baseline prompt, instructions, few-shot, fine-tuned);
y: what it is given to know (nothing, RAG, tuned retrieval). The quadrants are the talk's:
prompt engineering bottom left, RAG top left, fine-tuning bottom right, all of the above top
right. Arrows join the runs in the order they were made, so the path taken reads at a glance.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QTextOption
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

import pyqtgraph as pg

from desktop_app.ui.advice.fmt import elide, fill, pct
from desktop_app.ui.advice.sentences import AdviceText
from desktop_app.ui.grid import label_layout as layout
from desktop_app.ui.grid.map_view import MapView, text_item
from desktop_app.ui.grid.style import TINTS, text_colour, tint

X_RANGE = (-0.75, 3.75)
Y_RANGE = (-0.55, 2.6)
X_SPLIT = 2.5  # fine-tuned (x = 3) is the LLM side of the talk's picture; few-shot is prompt work
Y_SPLIT = 0.5  # any retrieval (y >= 1) is the context side
ARROW_GAP_PX = 12  # arrows stop short of the points they join


class TechniqueMap(MapView):
    def __init__(self, words: AdviceText, parent: QWidget | None = None):
        super().__init__(words, parent)
        self.arrows: tuple[tuple[int, int], ...] = ()
        self.arrow_items: list[tuple[pg.PlotCurveItem, pg.ArrowItem, int, int]] = []
        vb = self.getPlotItem().getViewBox()
        vb.sigTransformChanged.connect(self.place_arrows)
        vb.sigResized.connect(self.place_arrows)

    def setup_axes(self) -> None:
        item = self.getPlotItem()
        item.setXRange(*X_RANGE, padding=0)
        item.setYRange(*Y_RANGE, padding=0)
        item.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # "Baseline prompt" is wider than its room
        # Two-word ticks on two lines: a cell is narrower than "Baseline prompt" in a half-width window.
        baseline = self.tr("Baseline prompt").replace(" ", "\n", 1)
        item.getAxis("bottom").setTicks(
            [[(0, baseline), (1, self.tr("Instructions")), (2, self.tr("Few-shot")), (3, self.tr("Fine-tuned"))], []]
        )
        tuned = self.tr("Tuned retrieval").replace(" ", "\n", 1)
        item.getAxis("left").setTicks([[(0, self.tr("None")), (1, self.tr("RAG")), (2, tuned)], []])
        line = QFontMetrics(self.font()).height()
        item.getAxis("bottom").setHeight(int(3.3 * line) + 14)  # two tick lines plus the title, apart
        item.setLabel("bottom", self.tr("How the model needs to act (LLM optimization) →"))
        item.setLabel("left", self.tr("What the model needs to know (context optimization) →"))

    def quadrant_names(self) -> dict[str, str]:
        return {
            "prompt": self.tr("Prompt engineering"),
            "rag": self.tr("RAG"),
            "fine_tuning": self.tr("Fine-tuning"),
            "all": self.tr("All of the above"),
        }

    def draw_background(self) -> None:
        self.clear_decor()
        self.quadrant_labels: list = []
        (x0, x1), (y0, y1) = X_RANGE, Y_RANGE
        rects = {
            "prompt": (x0, y0, X_SPLIT, Y_SPLIT),
            "rag": (x0, Y_SPLIT, X_SPLIT, y1),
            "fine_tuning": (X_SPLIT, y0, x1, Y_SPLIT),
            "all": (X_SPLIT, Y_SPLIT, x1, y1),
        }
        names = self.quadrant_names()
        colour = text_colour(self.palette(), 170)
        for key, (ax, ay, bx, by) in rects.items():
            rect = QGraphicsRectItem(QRectF(ax, ay, bx - ax, by - ay))
            rect.setPen(pg.mkPen(None))
            rect.setBrush(QBrush(tint(TINTS[key])))
            self.add_decor(rect, -20)
            # Label in the quadrant's top-left corner (y grows upwards: the top is by).
            label = text_item(names[key], colour, anchor=(0, 0), bold=True)
            label.setPos(ax + 0.04, by - 0.02)
            self.add_decor(label, -5)
            self.quadrant_labels.append((label, bx - ax))
        border = pg.mkPen(text_colour(self.palette(), 60), width=1, style=Qt.PenStyle.DashLine)
        self.add_decor(pg.InfiniteLine(pos=X_SPLIT, angle=90, pen=border, movable=False), -15)
        self.add_decor(pg.InfiniteLine(pos=Y_SPLIT, angle=0, pen=border, movable=False), -15)

    def label_text(self, i: int) -> str:
        p = self.points[i]
        if self.runs and self.runs[i].cell_count > 1:
            # Runs sharing a cell sit close together: one line each (the tooltip has the numbers).
            return fill(self.tr("%1. %2"), i + 1, elide(p.name, 16))
        return fill(self.tr("%1. %2\n%3"), i + 1, elide(p.name, 22), pct(p.pass_rate))

    label_order = layout.BELOW_FIRST  # under the point, as the talk's picture labels its dots

    def prepare_label(self, label) -> None:
        if "\n" in label.textItem.toPlainText() and label.textItem.textWidth() < 0:
            width = label.textItem.boundingRect().width()  # centre the two lines under each other
            label.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
            label.textItem.setTextWidth(width)

    def label_obstacles(self) -> list:
        return [self.scene_rect(label) for label, _ in getattr(self, "quadrant_labels", [])]

    def place_labels(self, *_args) -> None:
        px_w = self.getPlotItem().getViewBox().viewPixelSize()[0] or 1e-9
        for label, width in getattr(self, "quadrant_labels", []):
            label.setTextWidth(max(40.0, width / px_w - 10))  # "All of the above" wraps in a narrow quadrant
        super().place_labels()

    # -- arrows in the order runs were made ---------------------------------------------------------
    def set_data(self, maps, runs) -> None:
        self.arrows = tuple(maps.arrows)
        self.set_runs(maps.technique, runs, maps.start)
        self._draw_arrows()

    def _draw_arrows(self) -> None:
        for line, head, _, _ in self.arrow_items:
            self.getPlotItem().removeItem(line)
            self.getPlotItem().removeItem(head)
        self.arrow_items = []
        colour = text_colour(self.palette(), 150)
        for a, b in self.arrows:
            if not (0 <= a < len(self.points) and 0 <= b < len(self.points)):
                continue
            line = pg.PlotCurveItem(pen=pg.mkPen(colour, width=1.6))
            head = pg.ArrowItem(headLen=11, tipAngle=32, tailLen=None, pen=pg.mkPen(colour), brush=colour)
            line.setZValue(3)
            head.setZValue(4)
            self.getPlotItem().addItem(line)
            self.getPlotItem().addItem(head)
            self.arrow_items.append((line, head, a, b))
        self.place_arrows()

    def place_arrows(self, *_args) -> None:
        """Arrow heads are drawn in pixels: place and turn them from the points' screen positions."""
        vb = self.getPlotItem().getViewBox()
        for line, head, a, b in self.arrow_items:
            pa, pb = self.points[a], self.points[b]
            sa = vb.mapViewToScene(QPointF(pa.x, pa.y))
            sb = vb.mapViewToScene(QPointF(pb.x, pb.y))
            dx, dy = sb.x() - sa.x(), sb.y() - sa.y()
            length = math.hypot(dx, dy)
            if length <= 2 * ARROW_GAP_PX:  # same cell or a tiny view: no room for an arrow
                line.setData([], [])
                head.hide()
                continue
            ux, uy = dx / length, dy / length
            tail = vb.mapSceneToView(QPointF(sa.x() + ux * ARROW_GAP_PX, sa.y() + uy * ARROW_GAP_PX))
            tip = vb.mapSceneToView(QPointF(sb.x() - ux * ARROW_GAP_PX, sb.y() - uy * ARROW_GAP_PX))
            line.setData([tail.x(), tip.x()], [tail.y(), tip.y()])
            head.setPos(tip.x(), tip.y())
            # ArrowItem points left at angle 0 and turns clockwise on screen (y down).
            head.setStyle(angle=math.degrees(math.atan2(uy, ux)) + 180)
            head.show()

    def apply_palette(self) -> None:
        super().apply_palette()
        if getattr(self, "arrow_items", None):
            self._draw_arrows()
