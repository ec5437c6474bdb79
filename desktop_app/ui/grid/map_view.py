"""What both maps share: a still pyqtgraph plot of runs, coloured by pass rate, with labels,
hover tooltips, clicks and PNG export. Subclasses add their axes and background.

The plot does not pan or zoom: the maps are pictures to read, and a stray drag would only
lose the view. Colours follow the widget palette and are redrawn when it changes.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Signal
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter

from desktop_app.ui.advice.fmt import elide, fill, pct, rich_tooltip
from desktop_app.ui.advice.sentences import AdviceText
from desktop_app.ui.grid.style import base_colour, pass_colour, text_colour

POINT_SIZE = 16
RING_SIZE = 26
LABEL_GAP_PX = 13  # from a point's centre to its label
EXPORT_SCALE = 2  # PNGs at twice the on-screen size: sharp in a report or a slide


class MapView(pg.PlotWidget):
    """A map of runs; ``run_clicked(index)`` gives the index into ``runs`` (the order made)."""

    run_clicked = Signal(int)

    def __init__(self, words: AdviceText, parent: QWidget | None = None):
        pg.setConfigOptions(antialias=True)
        self._ready = False  # PlotWidget's own set-up changes the palette before ours exists
        super().__init__(parent=parent)
        self.words = words
        self.runs: tuple = ()  # RunPoint records, in the order made
        self.points: tuple = ()  # MapPoint records, same order
        self.start = ""
        self.labels: list[pg.TextItem] = []
        self.decor: list = []  # background items, redrawn on palette and data changes
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self.ring = pg.ScatterPlotItem(size=RING_SIZE, brush=None, pxMode=True)
        self.scatter = pg.ScatterPlotItem(size=POINT_SIZE, pxMode=True, hoverable=True, tip=self._tip,
                                          hoverSize=POINT_SIZE + 4)
        self.scatter.sigClicked.connect(self._on_clicked)
        self.ring.setZValue(5)
        self.scatter.setZValue(10)
        item.addItem(self.ring)
        item.addItem(self.scatter)
        item.getViewBox().sigResized.connect(self.place_labels)
        self.setup_axes()
        self._ready = True
        self.apply_palette()

    # -- for subclasses ------------------------------------------------------------------------------
    def setup_axes(self) -> None:
        """Ranges, ticks and axis titles."""

    def draw_background(self) -> None:
        """Shading and its labels (called again when the palette or the data change)."""

    def clear_decor(self) -> None:
        for decor in self.decor:
            self.getPlotItem().removeItem(decor)
        self.decor = []

    def add_decor(self, decor, z: float = -10) -> None:
        decor.setZValue(z)
        self.getPlotItem().addItem(decor)
        self.decor.append(decor)

    def retranslate(self) -> None:
        self.setup_axes()
        self.draw_background()
        self._draw_points()

    # -- data ----------------------------------------------------------------------------------------
    def set_runs(self, points, runs, start: str) -> None:
        """``points``: MapPoint records; ``runs``: the Diagnosis's RunPoint records (same order)."""
        self.points, self.runs, self.start = tuple(points), tuple(runs), start
        self.draw_background()
        self._draw_points()

    def point_positions(self) -> list[tuple[float, float]]:
        return [(float(p.pos().x()), float(p.pos().y())) for p in self.scatter.points()]

    def _is_start(self, i: int) -> bool:
        return bool(self.runs) and self.runs[i].name == self.start

    def label_text(self, i: int) -> str:
        p = self.points[i]
        return fill(self.tr("%1. %2 · %3"), i + 1, elide(p.name), pct(p.pass_rate))

    def _draw_points(self) -> None:
        pal = self.palette()
        outline = pg.mkPen(text_colour(pal, 200), width=1.2)
        spots = [{"pos": (p.x, p.y), "data": i, "brush": pg.mkBrush(pass_colour(p.pass_rate)), "pen": outline}
                 for i, p in enumerate(self.points)]
        self.scatter.setData(spots)
        rings = [{"pos": (p.x, p.y), "pen": pg.mkPen(text_colour(pal), width=2)}
                 for i, p in enumerate(self.points) if self._is_start(i)]
        self.ring.setData(rings)
        for label in self.labels:
            self.getPlotItem().removeItem(label)
        self.labels = []
        for i, p in enumerate(self.points):
            # TextItem(text=...) is plain text: a run named "<b>x</b>" shows its brackets.
            label = pg.TextItem(text=self.label_text(i), color=text_colour(pal))
            if self._is_start(i):
                font = QFont(label.textItem.font())
                font.setBold(True)
                label.setFont(font)
            label.setPos(p.x, p.y)
            label.setZValue(12)
            self.getPlotItem().addItem(label)
            self.labels.append(label)
        self.place_labels()

    def place_labels(self, *_args) -> None:
        """Put each label right of its point, or left when it would run off the plot; labels of
        points in the same place are stacked downwards. Pixel sizes change with the window."""
        vb = self.getPlotItem().getViewBox()
        px_w = vb.viewPixelSize()[0] or 1e-9
        x_max = vb.viewRange()[0][1]
        seen: dict[tuple[int, int], int] = {}
        for i, (p, label) in enumerate(zip(self.points, self.labels)):
            cell = (round(p.x * 40), round(p.y * 40))  # points this close share a stack of labels
            k = seen.get(cell, 0)
            seen[cell] = k + 1
            width = max(label.textItem.boundingRect().width(), 1.0)
            room = (x_max - p.x) / px_w - LABEL_GAP_PX
            ax = -LABEL_GAP_PX / width if width <= room else 1 + LABEL_GAP_PX / width
            label.setAnchor((ax, 0.5 - 1.05 * k))

    # -- hover and click -------------------------------------------------------------------------------
    def tooltip_lines(self, i: int) -> list[str]:
        if not 0 <= i < len(self.runs):
            return []
        r = self.runs[i]
        lines = [r.name, fill(self.tr("Techniques: %1"), self.words.techniques(r.techniques)),
                 fill(self.tr("Pass rate %1 · content %2 · behaviour %3"), pct(r.pass_rate), pct(r.content_score),
                      pct(r.behaviour_score)),
                 fill(self.tr("%1 rows, %2 without an answer"), r.rows, r.errors)]
        if self._is_start(i):
            lines.append(self.tr("The advice starts from this run."))
        lines.append(self.tr("Click to open this run in Results."))
        return lines

    def tooltip(self, i: int) -> str:
        return rich_tooltip(self.tooltip_lines(i))

    def _tip(self, x=None, y=None, data=None) -> str:
        return self.tooltip(int(data)) if data is not None else ""

    def _on_clicked(self, _item, points, _event) -> None:
        if len(points):
            self.run_clicked.emit(int(points[0].data()))

    def scene_pos_of(self, i: int) -> QPoint:
        """Where point ``i`` is on screen, in the view's viewport coordinates (tests click there)."""
        p = self.points[i]
        scene = self.getPlotItem().getViewBox().mapViewToScene(QPointF(p.x, p.y))
        return self.mapFromScene(scene)

    # -- palette and export ----------------------------------------------------------------------------
    def apply_palette(self) -> None:
        pal = self.palette()
        self.setBackground(base_colour(pal))
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text_colour(pal, 140)))
            axis.setTextPen(pg.mkPen(text_colour(pal)))
        self.draw_background()
        self._draw_points()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange and self._ready:
            self.apply_palette()
        super().changeEvent(event)

    def render_image(self) -> QImage:
        exporter = ImageExporter(self.getPlotItem())
        exporter.parameters()["width"] = int(max(self.width(), 200) * EXPORT_SCALE)
        exporter.parameters()["antialias"] = True
        return exporter.export(toBytes=True)

    def export_png(self, path: str) -> bool:
        """Save the map as PNG; False when the file could not be written."""
        image = self.render_image()
        return bool(image is not None and not image.isNull() and image.save(str(path), "PNG"))


def text_item(text: str, colour: QColor, anchor=(0, 0), bold: bool = False) -> pg.TextItem:
    item = pg.TextItem(text=text, color=colour, anchor=anchor)
    if bold:
        font = QFont(item.textItem.font())
        font.setBold(True)
        item.setFont(font)
    return item
