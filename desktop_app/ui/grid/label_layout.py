"""Where the maps put their labels: beside their point, never on another label or point, always
inside the plot; when no spot near the point is free, further out with a leader line.

Pure geometry in screen pixels (y grows downwards), so it is tested without drawing: the maps
hand over the points' centres, each label's size and the plot's rectangle, and place the
labels where this says. Greedy, in the order given (the maps give the highlighted run first):
each label takes the first free candidate spot in its preference order; when none is free it
takes the one that overlaps least, so a crowded map degrades gracefully instead of hiding runs.
"""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # left, top, width, height

# Directions around a point, as (x, y) factors; the label's own size decides its offset.
RIGHT, LEFT, BELOW, ABOVE = (1, 0), (-1, 0), (0, 1), (0, -1)
BELOW_RIGHT, ABOVE_RIGHT, BELOW_LEFT, ABOVE_LEFT = (1, 1), (1, -1), (-1, 1), (-1, -1)
SIDE_FIRST = (RIGHT, LEFT, ABOVE_RIGHT, BELOW_RIGHT, ABOVE_LEFT, BELOW_LEFT, BELOW, ABOVE)
BELOW_FIRST = (BELOW, ABOVE, RIGHT, LEFT, BELOW_RIGHT, BELOW_LEFT, ABOVE_RIGHT, ABOVE_LEFT)
RINGS = (1.0, 2.0, 3.0, 4.5, 6.0)  # distances tried, in multiples of the gap; beyond the first: a leader line


@dataclass(frozen=True)
class Placement:
    rect: Rect
    leader: bool  # far from its point: draw a line from the point to the label


def overlap(a: Rect, b: Rect) -> float:
    """The area two rectangles share (0 when they only touch)."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def inside(rect: Rect, bounds: Rect) -> bool:
    return (
        rect[0] >= bounds[0]
        and rect[1] >= bounds[1]
        and rect[0] + rect[2] <= bounds[0] + bounds[2]
        and rect[1] + rect[3] <= bounds[1] + bounds[3]
    )


def clamp(rect: Rect, bounds: Rect) -> Rect:
    """``rect`` moved (not resized) to lie within ``bounds`` as far as its size allows."""
    left = min(max(rect[0], bounds[0]), bounds[0] + bounds[2] - rect[2])
    top = min(max(rect[1], bounds[1]), bounds[1] + bounds[3] - rect[3])
    return max(left, bounds[0]), max(top, bounds[1]), rect[2], rect[3]


def candidate(centre: tuple[float, float], size: tuple[float, float], direction: tuple[int, int], gap: float) -> Rect:
    """The label's rectangle ``gap`` pixels from ``centre`` in ``direction``."""
    (cx, cy), (w, h), (dx, dy) = centre, size, direction
    left = cx + gap if dx > 0 else cx - gap - w if dx < 0 else cx - w / 2
    top = cy + gap if dy > 0 else cy - gap - h if dy < 0 else cy - h / 2
    if dx and dy:  # diagonal: pull in, the corner of the label is already that far away
        left -= dx * gap * 0.3
        top -= dy * gap * 0.3
    return left, top, w, h


def place_labels(
    centres: list[tuple[float, float]],
    sizes: list[tuple[float, float]],
    bounds: Rect,
    marker: float,
    gap: float,
    order: tuple[tuple[int, int], ...] = SIDE_FIRST,
    obstacles: list[Rect] | None = None,
) -> list[Placement]:
    """One placement per label; label ``i`` belongs to the point at ``centres[i]``.

    ``marker``: the side of the square each point covers (no label goes on any point);
    ``gap``: from a point's centre to its label; ``obstacles``: other things to keep clear of
    (the quadrant names)."""
    half = marker / 2
    markers = [(x - half, y - half, marker, marker) for x, y in centres]
    taken: list[Rect] = list(obstacles or [])
    placements: list[Placement] = []
    for centre, size in zip(centres, sizes):
        best: tuple[float, Rect, bool] | None = None
        for ring_index, ring in enumerate(RINGS):
            for direction in order:
                rect = candidate(centre, size, direction, gap * ring)
                if not inside(rect, bounds):
                    continue
                cost = sum(overlap(rect, other) for other in taken + markers)
                if best is None or cost < best[0]:
                    # Beyond the first ring, or off a corner (nearer to a neighbour than to its
                    # own point, maybe), a label gets a line to its point.
                    best = (cost, rect, ring_index > 0 or all(direction))
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is None:  # larger than every free spot inside the plot: as close as it fits
            rect = clamp(candidate(centre, size, order[0], gap), bounds)
            best = (0.0, rect, False)
        taken.append(best[1])
        placements.append(Placement(best[1], best[2]))
    return placements


def groups(positions: list[tuple[float, float]], digits: int = 4) -> list[list[int]]:
    """Indices of points drawn in the same place (equal positions), in the order first seen."""
    found: dict[tuple[float, float], list[int]] = {}
    for i, (x, y) in enumerate(positions):
        found.setdefault((round(x, digits), round(y, digits)), []).append(i)
    return list(found.values())
