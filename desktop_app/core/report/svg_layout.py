"""Where the report's map labels go: boxes around each dot tried nearest first, the one that
overlaps other dots, arrows, fixed text and earlier labels least wins; a label pushed away from
its dot is marked so the map draws a leader line to it. Text widths are estimated (CJK glyphs
about twice as wide as Latin ones): the SVG is drawn without measuring fonts.
"""

from __future__ import annotations

import math

RADIUS = 9
FONT = 11
LABEL_MAX = 26


def short_label(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def text_width(text: str) -> float:
    """Rough width at FONT px: CJK glyphs are about twice as wide as Latin ones."""
    return sum(FONT * (1.0 if ord(c) >= 0x2E80 else 0.58) for c in text)


def _overlap(a: tuple, b: tuple) -> float:
    """Area shared by two boxes (x0, y0, x1, y1)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _outside(box: tuple, bounds: tuple) -> float:
    inside = _overlap(box, bounds)
    return (box[2] - box[0]) * (box[3] - box[1]) - inside


def _segment_boxes(segments) -> list[tuple]:
    """Arrows as a chain of small boxes, so a label avoids being drawn across one."""
    boxes = []
    for x0, y0, x1, y1 in segments:
        steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 4))
        for k in range(steps + 1):
            x, y = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
            boxes.append((x - 1.5, y - 1.5, x + 1.5, y + 1.5))
    return boxes


def _candidates(x: float, y: float, w: float, h: float):
    """Label boxes around a dot, nearest first; the first four touch the dot."""
    gap = RADIUS + 4
    right, left, centre = x + gap, x - gap - w, x - w / 2
    yield right, y - h / 2
    yield left, y - h / 2
    yield centre, y - gap - h
    yield centre, y + gap
    for step in (1, 2, 3, 4):
        for dy in (step * 13, -step * 13):
            yield right, y - h / 2 + dy
            yield left, y - h / 2 + dy
    for dy in (26, 39):
        yield centre, y - gap - h - dy
        yield centre, y + gap + dy


def place_labels(
    points: list[tuple[float, float, str]], bounds: tuple[float, float, float, float], segments=(), keep_clear=()
) -> list[tuple[tuple, bool]]:
    """For each label, the box that overlaps dots, arrows, fixed text and earlier labels least.

    Returns (box, displaced): displaced labels sit away from their dot and get a leader line.
    """
    dots = [(x - RADIUS - 1, y - RADIUS - 1, x + RADIUS + 1, y + RADIUS + 1) for x, y, _ in points]
    fixed = _segment_boxes(segments) + list(keep_clear)
    placed: list[tuple] = []
    out = []
    for i, (x, y, text) in enumerate(points):
        w, h = text_width(text), FONT + 3
        others = [d for j, d in enumerate(dots) if j != i] + fixed + placed
        best = None
        for rank, (x0, y0) in enumerate(_candidates(x, y, w, h)):
            box = (x0, y0, x0 + w, y0 + h)
            cost = 1000 * _outside(box, bounds) + sum(_overlap(box, o) for o in others) + rank * 0.01
            if best is None or cost < best[0]:
                best = (cost, rank, box)
            if cost < 1:
                break
        assert best is not None  # _candidates always yields
        placed.append(best[2])
        out.append((best[2], best[1] >= 4))
    return out
