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
from desktop_app.ui.grid import label_layout as layout
from desktop_app.ui.grid.style import base_colour, pass_colour, text_colour
from desktop_app.ui.language import shown

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
        self.labels: list[pg.TextItem] = []  # one per marker (group of runs in one place)
        self.leaders: list[pg.PlotCurveItem] = []
        self.groups: list[list[int]] = []
        self.decor: list = []  # background items, redrawn on palette and data changes
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self.ring = pg.ScatterPlotItem(size=RING_SIZE, brush=None, pxMode=True)
        self.scatter = pg.ScatterPlotItem(
            size=POINT_SIZE, pxMode=True, hoverable=True, tip=self._tip, hoverSize=POINT_SIZE + 4
        )
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
        # Runs in the very same place are one marker with one label (all names in the tooltip):
        # drawn apart they would hide each other, and their labels would pile up.
        self.groups = layout.groups([(p.x, p.y) for p in self.points])
        self.draw_background()
        self._draw_points()

    def point_positions(self) -> list[tuple[float, float]]:
        """One position per marker (runs in the same place share one)."""
        return [(float(p.pos().x()), float(p.pos().y())) for p in self.scatter.points()]

    def _is_start(self, i: int) -> bool:
        return bool(self.runs) and self.runs[i].name == self.start

    def _lead(self, group: list[int]) -> int:
        """The run a shared marker stands for: the one the advice starts from, else the first."""
        return next((i for i in group if self._is_start(i)), group[0])

    def label_text(self, i: int) -> str:
        p = self.points[i]
        return fill(self.tr("%1. %2 · %3"), i + 1, elide(shown(p)), pct(p.pass_rate))

    def group_label_text(self, group: list[int]) -> str:
        if len(group) == 1:
            return self.label_text(group[0])
        names = [fill(self.tr("%1. %2"), i + 1, elide(shown(self.points[i]), 18)) for i in group]
        joined = ", ".join(names)
        if len(joined) <= 40:
            return joined
        return fill(self.tr("%1 and %2 more"), names[group.index(self._lead(group))], len(group) - 1)

    def _draw_points(self) -> None:
        pal = self.palette()
        outline = pg.mkPen(text_colour(pal, 200), width=1.2)
        groups = self.groups
        spots = []
        for g, group in enumerate(groups):
            lead = self.points[self._lead(group)]
            size = POINT_SIZE if len(group) == 1 else POINT_SIZE + 4
            spots.append(
                {
                    "pos": (lead.x, lead.y),
                    "data": g,
                    "size": size,
                    "pen": outline,
                    "brush": pg.mkBrush(pass_colour(lead.pass_rate)),
                }
            )
        self.scatter.setData(spots)
        rings = [
            {"pos": (p.x, p.y), "pen": pg.mkPen(text_colour(pal), width=2)}
            for i, p in enumerate(self.points)
            if self._is_start(i)
        ]
        self.ring.setData(rings)
        for label in self.labels:
            self.getPlotItem().removeItem(label)
        for leader in self.leaders:
            self.getPlotItem().removeItem(leader)
        self.labels, self.leaders = [], []
        fill_colour = base_colour(pal)
        fill_colour.setAlpha(215)  # arrows and shading pass under a label, dimmed, never through it
        for group in groups:
            # TextItem(text=...) is plain text: a run named "<b>x</b>" shows its brackets.
            label = pg.TextItem(
                text=self.group_label_text(group), color=text_colour(pal), fill=pg.mkBrush(fill_colour), anchor=(0, 0)
            )
            if any(self._is_start(i) for i in group):
                font = QFont(label.textItem.font())
                font.setBold(True)
                label.setFont(font)
            label.setZValue(12)
            self.getPlotItem().addItem(label)
            self.labels.append(label)
            leader = pg.PlotCurveItem(pen=pg.mkPen(text_colour(pal, 120), width=1))
            leader.setZValue(9)  # under the markers: it seems to come out of the point's edge
            self.getPlotItem().addItem(leader)
            self.leaders.append(leader)
        self.place_labels()

    # -- label placement -------------------------------------------------------------------------------
    label_order = layout.SIDE_FIRST

    def label_obstacles(self) -> list[layout.Rect]:
        """Scene rectangles labels must keep clear of (subclasses: their captions)."""
        return []

    @staticmethod
    def scene_rect(item) -> layout.Rect:
        r = item.sceneBoundingRect()
        return r.left(), r.top(), r.width(), r.height()

    def prepare_label(self, label: pg.TextItem) -> None:
        """Last touches before a label is measured (the technique map centres its lines)."""

    def place_labels(self, *_args) -> None:
        """Every label beside its marker, clear of the other labels and markers and inside the
        plot; pixel sizes change with the window, so this runs again on every resize."""
        groups = self.groups
        if not self.labels or len(self.labels) != len(groups):
            return
        vb = self.getPlotItem().getViewBox()
        centres, sizes = [], []
        for group, label in zip(groups, self.labels):
            p = self.points[self._lead(group)]
            c = vb.mapViewToScene(QPointF(p.x, p.y))
            centres.append((c.x(), c.y()))
            self.prepare_label(label)
            r = label.textItem.boundingRect()
            sizes.append((r.width(), r.height()))
        # The highlighted run's label is placed first: it gets the best spot.
        order = sorted(range(len(groups)), key=lambda g: not any(self._is_start(i) for i in groups[g]))
        placed = layout.place_labels(
            [centres[g] for g in order],
            [sizes[g] for g in order],
            self.scene_rect(vb),
            RING_SIZE + 2,
            LABEL_GAP_PX + RING_SIZE / 2 - 4,
            self.label_order,
            self.label_obstacles(),
        )
        for g, placement in zip(order, placed):
            left, top, width, height = placement.rect
            self.labels[g].setPos(vb.mapSceneToView(QPointF(left, top)))
            if placement.leader:
                cx, cy = centres[g]
                ex = min(max(cx, left), left + width)
                ey = min(max(cy, top), top + height)
                a, b = vb.mapSceneToView(QPointF(cx, cy)), vb.mapSceneToView(QPointF(ex, ey))
                self.leaders[g].setData([a.x(), b.x()], [a.y(), b.y()])
            else:
                self.leaders[g].setData([], [])

    def label_rects(self) -> list[layout.Rect]:
        """Where the labels are on screen (scene pixels), in marker order; for tests."""
        return [self.scene_rect(label) for label in self.labels]

    # -- hover and click -------------------------------------------------------------------------------
    def tooltip_lines(self, i: int) -> list[str]:
        if not 0 <= i < len(self.runs):
            return []
        r = self.runs[i]
        lines = [
            shown(r),
            fill(self.tr("Techniques: %1"), self.words.techniques(r.techniques)),
            fill(
                self.tr("Pass rate %1 · content %2 · behaviour %3"),
                pct(r.pass_rate),
                pct(r.content_score),
                pct(r.behaviour_score),
            ),
            fill(self.tr("%1 rows, %2 without an answer"), r.rows, r.errors),
        ]
        if self._is_start(i):
            lines.append(self.tr("The advice starts from this run."))
        lines.append(self.tr("Click to open this run in Results."))
        return lines

    def tooltip(self, i: int) -> str:
        return rich_tooltip(self.tooltip_lines(i))

    def group_tooltip(self, g: int) -> str:
        group = self.groups[g]
        if len(group) == 1:
            return self.tooltip(group[0])
        lines = [fill(self.tr("%1 runs in the same place:"), len(group))]
        for i in group:
            lines += [""] + [
                fill(self.tr("%1. %2"), i + 1, line) if k == 0 else line
                for k, line in enumerate(self.tooltip_lines(i)[:-1])
            ]
        lines += ["", fill(self.tr("Click to open “%1” in Results."), shown(self.points[self._lead(group)]))]
        return rich_tooltip(lines)

    def _tip(self, x=None, y=None, data=None) -> str:
        return self.group_tooltip(int(data)) if data is not None else ""

    def _on_clicked(self, _item, points, _event) -> None:
        if len(points):
            self.run_clicked.emit(self._lead(self.groups[int(points[0].data())]))

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
        # PySide6 6.11's stub types format as bytes, but at run time it refuses bytes and takes str.
        return bool(image is not None and not image.isNull() and image.save(str(path), "PNG"))  # type: ignore[call-overload]


def text_item(text: str, colour: QColor, anchor=(0, 0), bold: bool = False) -> pg.TextItem:
    item = pg.TextItem(text=text, color=colour, anchor=anchor)
    if bold:
        font = QFont(item.textItem.font())
        font.setBold(True)
        item.setFont(font)
    return item
