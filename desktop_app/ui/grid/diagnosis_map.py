"""The diagnosis map: each run at (behaviour score, content score), with the target corner.

A run low on content lacks facts: context work (RAG, better retrieval). A run low on
behaviour has the facts in the wrong form: LLM work (prompt, few-shot, fine-tuning). The
shaded corner is where both scores reach the target pass rate.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

import pyqtgraph as pg

from desktop_app.ui.advice.fmt import elide, fill, pct
from desktop_app.ui.advice.sentences import AdviceText
from desktop_app.ui.grid.map_view import MapView, text_item
from desktop_app.ui.grid.style import TARGET_RGB, text_colour, tint
from desktop_app.ui.language import shown

LOW, HIGH = -0.06, 1.06
TICKS = [(v, f"{round(v * 100)}%") for v in (0.0, 0.25, 0.5, 0.75, 1.0)]


class DiagnosisMap(MapView):
    def __init__(self, words: AdviceText, parent: QWidget | None = None):
        super().__init__(words, parent)
        self.target = 0.9

    def setup_axes(self) -> None:
        item = self.getPlotItem()
        item.setXRange(LOW, HIGH, padding=0)
        item.setYRange(LOW, HIGH, padding=0)
        item.getAxis("bottom").setTicks([TICKS, []])
        item.getAxis("left").setTicks([TICKS, []])
        item.setLabel("bottom", self.tr("Behaviour score: acts right (format, tone, rules) →"))
        item.setLabel("left", self.tr("Content score: right facts →"))

    def draw_background(self) -> None:
        self.clear_decor()
        t = max(0.0, min(1.0, float(getattr(self, "target", 0.9))))
        rect = QGraphicsRectItem(QRectF(t, t, HIGH - t, HIGH - t))
        rect.setPen(pg.mkPen(tint(TARGET_RGB, 170), width=1.5, style=Qt.PenStyle.DashLine))
        rect.setBrush(QBrush(tint(TARGET_RGB, 45)))
        self.add_decor(rect, -20)
        label = text_item(
            fill(self.tr("Target %1"), pct(t)), text_colour(self.palette(), 190), anchor=(1.04, 0), bold=True
        )
        label.setPos(t, HIGH)  # beside the corner, at the top: the labels of good runs sit inside it
        self.add_decor(label, -5)
        self.target_label = label

    def label_text(self, i: int) -> str:
        # Where a point sits already says its content and behaviour scores; a pass rate beside
        # it would read as a third score on these axes (the colour gives it, the tooltip says it).
        return fill(self.tr("%1. %2"), i + 1, elide(shown(self.points[i])))

    def label_obstacles(self) -> list:
        return [self.scene_rect(self.target_label)] if getattr(self, "target_label", None) else []

    def set_data(self, maps, runs) -> None:
        self.target = float(maps.target_corner[0])
        self.set_runs(maps.diagnosis, runs, maps.start)
