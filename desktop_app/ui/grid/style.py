"""The maps' shared look: the pass-rate colours, tints that read on light and dark palettes,
and the colour legend.

No pyqtgraph here, so the legend can show before the plots exist.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


# Red -> amber -> green: the familiar "bad -> good" reading; each stop readable on white and black.
PASS_STOPS = ((0.0, (214, 48, 49)), (0.5, (240, 170, 20)), (1.0, (46, 160, 67)))
# Quadrant tints of the technique map (alpha keeps them light on any background).
TINTS = {"prompt": (13, 110, 253), "rag": (25, 135, 84), "fine_tuning": (253, 126, 20), "all": (111, 66, 193)}
TINT_ALPHA = 30
TARGET_RGB = (46, 160, 67)


def pass_colour(rate: float | None) -> QColor:
    """The colour of a pass rate in [0, 1] (grey when unknown)."""
    if rate is None:
        return QColor(128, 128, 128)
    v = max(0.0, min(1.0, float(rate)))
    for (p0, c0), (p1, c1) in zip(PASS_STOPS, PASS_STOPS[1:]):
        if v <= p1:
            t = (v - p0) / (p1 - p0)
            return QColor(*(round(a + (b - a) * t) for a, b in zip(c0, c1)))
    return QColor(*PASS_STOPS[-1][1])


def tint(rgb: tuple[int, int, int], alpha: int = TINT_ALPHA) -> QColor:
    return QColor(rgb[0], rgb[1], rgb[2], alpha)


def text_colour(palette: QPalette, alpha: int = 255) -> QColor:
    colour = QColor(palette.color(QPalette.ColorRole.Text))
    colour.setAlpha(alpha)
    return colour


def base_colour(palette: QPalette) -> QColor:
    return QColor(palette.color(QPalette.ColorRole.Base))


class PassRateLegend(QWidget):
    """A small gradient bar, "0%" to "100%", titled with the caller's (translated) caption.

    The bar takes the width it gets (down to MIN_BAR px), so the legend never widens the page.
    """

    BAR = 120
    MIN_BAR = 40

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def set_caption(self, caption: str) -> None:
        self.caption = caption
        self.setAccessibleName(caption)
        self.updateGeometry()
        self.update()

    def _texts_width(self) -> int:
        fm = self.fontMetrics()
        return (
            fm.horizontalAdvance(self.caption)
            + 8
            + fm.horizontalAdvance("0%")
            + 4
            + 4
            + fm.horizontalAdvance("100%")
            + 2
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._texts_width() + self.BAR, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._texts_width() + self.MIN_BAR, self.fontMetrics().height() + 4)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        h = self.height()
        bar_width = max(self.MIN_BAR, min(self.BAR, self.width() - self._texts_width()))
        x = 0
        for part, after in ((self.caption, 8), ("0%", 4)):
            painter.setPen(text)
            painter.drawText(QRectF(x, 0, fm.horizontalAdvance(part) + 1, h), Qt.AlignmentFlag.AlignVCenter, part)
            x += fm.horizontalAdvance(part) + after
        bar = QRectF(x, h / 2 - 5, bar_width, 10)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for pos, rgb in PASS_STOPS:
            gradient.setColorAt(pos, QColor(*rgb))
        painter.setBrush(gradient)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(text)
        x += bar_width + 4
        painter.drawText(QRectF(x, 0, fm.horizontalAdvance("100%") + 2, h), Qt.AlignmentFlag.AlignVCenter, "100%")
        painter.end()
