"""The data both grid maps draw, so the ui only places points and writes labels.

Technique map: each run at its technique position (x: 0 none, 1 instructions / step-by-step,
2 few-shot, 3 fine-tuned; y: 0 none, 1 RAG, 2 tuned retrieval), coloured by pass rate, with
arrows in the order runs were made. Runs sharing a cell get an index and a small offset.
Diagnosis map: each run at (behaviour score, content score) with the target corner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop_app.core.advice.model import Diagnosis, RunPoint
from desktop_app.core.advice.stats import RunStats
from desktop_app.core.variants import run_label

CELL_SPREAD = 0.18  # radius, in grid units, of the ring runs sharing a cell sit on


def run_points(stats: list[RunStats]) -> tuple[RunPoint, ...]:
    """One point per run in the order made; shared cells numbered 0, 1, 2 ... in that order."""
    cells: dict[tuple[int, int], int] = {}
    for s in stats:
        cells[s.position] = cells.get(s.position, 0) + 1
    seen: dict[tuple[int, int], int] = {}
    points = []
    for s in stats:
        index = seen.get(s.position, 0)
        seen[s.position] = index + 1
        points.append(
            RunPoint(
                id=s.info.id,
                name=s.name,
                techniques=s.techniques,
                order=s.order,
                technique_position=s.position,
                cell_index=index,
                cell_count=cells[s.position],
                content_score=s.content_score,
                behaviour_score=s.behaviour_score,
                pass_rate=s.pass_rate,
                rows=s.rows,
                errors=s.errors,
                unsure=s.unsure,
                gaps=s.gaps,
                is_rag=s.is_rag,
                imported=s.info.imported,
                status=s.info.status,
                tokens_per_request=s.tokens_per_request,
                cost=s.cost,
                latency_p50=s.latency_p50,
                label=run_label(s.name, s.info.variant),
            )
        )
    return tuple(points)


def cell_offset(index: int, count: int, spread: float = CELL_SPREAD) -> tuple[float, float]:
    """A deterministic offset on a small ring, so runs in one cell never hide each other."""
    if count <= 1:
        return 0.0, 0.0
    angle = math.pi / 2 + 2 * math.pi * index / count
    return round(spread * math.cos(angle), 4), round(spread * math.sin(angle), 4)


@dataclass(frozen=True)
class MapPoint:
    name: str
    order: int
    x: float
    y: float
    pass_rate: float  # the colour
    label: str = ""  # what the run is called on screen (variants.run_label); "" = its name


@dataclass(frozen=True)
class GridMaps:
    technique: tuple[MapPoint, ...]  # offset positions, in the order runs were made
    arrows: tuple[tuple[int, int], ...]  # (from order, to order): consecutive runs
    diagnosis: tuple[MapPoint, ...]  # x = behaviour score, y = content score
    target_corner: tuple[float, float]
    start: str  # the run the advice starts from (highlighted)


def grid_maps(diagnosis: Diagnosis) -> GridMaps:
    technique, diag = [], []
    for p in diagnosis.runs:
        dx, dy = cell_offset(p.cell_index, p.cell_count)
        x, y = p.technique_position
        technique.append(MapPoint(p.name, p.order, x + dx, y + dy, p.pass_rate, p.label))
        diag.append(MapPoint(p.name, p.order, p.behaviour_score, p.content_score, p.pass_rate, p.label))
    orders = [p.order for p in diagnosis.runs]
    return GridMaps(
        tuple(technique), tuple(zip(orders, orders[1:])), tuple(diag), diagnosis.target_corner, diagnosis.from_run
    )
