"""The two grid pictures of the report as inline SVG (no script, no external file, prints as drawn).

Technique map (the DevDay talk's picture): x = 0 baseline prompt, 1 instructions / step-by-step,
2 few-shot, 3 fine-tuned; y = 0 no retrieval, 1 RAG, 2 tuned retrieval; runs coloured by pass
rate, numbered and linked by arrows in the order they were made. Diagnosis map: each run at
(behaviour score, content score) in 0..1 with the target corner shaded. Every text drawn is
escaped here, so a run named ``<script>`` stays text.
"""

from __future__ import annotations

import colorsys
import math
from html import escape

from desktop_app.core.phrases import phrase, translate
from desktop_app.core.report.svg_layout import FONT, RADIUS, place_labels, short_label, text_width
from desktop_app.core.report.text import pct as _pct

WIDTH, HEIGHT = 560, 410
CELL_SPREAD = 0.2  # share of a cell's size that runs sharing a cell are spread apart by (as the app does)

X_TICKS = (
    translate("ReportText", "Baseline prompt"),
    translate("ReportText", "Instructions"),
    translate("ReportText", "Few-shot"),
    translate("ReportText", "Fine-tuned"),
)
Y_TICKS = (
    translate("ReportText", "No retrieval"),
    translate("ReportText", "RAG"),
    translate("ReportText", "Tuned retrieval"),
)
QUADRANTS = (  # label, columns, rows (inclusive), fill
    (translate("ReportText", "Prompt engineering"), (0, 2), (0, 0), "#edf2fa"),
    (translate("ReportText", "RAG"), (0, 2), (1, 2), "#ecf6ee"),
    (translate("ReportText", "Fine-tuning"), (3, 3), (0, 0), "#fbf2e6"),
    (translate("ReportText", "All of the above"), (3, 3), (1, 2), "#f4eef9"),
)


def pass_colour(rate: float | None) -> str:
    """Red (0%) through amber to green (100%); grey when unknown. Dark enough for white digits."""
    if rate is None or not isinstance(rate, (int, float)) or math.isnan(rate):
        return "#9aa1ad"
    r, g, b = colorsys.hls_to_rgb(max(0.0, min(1.0, rate)) * 120 / 360, 0.40, 0.70)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _svg_open(title: str, desc: str, prefix: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{prefix}-t {prefix}-d">',
        f'<title id="{prefix}-t">{escape(title)}</title><desc id="{prefix}-d">{escape(desc)}</desc>',
        f'<defs><linearGradient id="{prefix}-grad" x1="0" x2="1" y1="0" y2="0">'
        + "".join(f'<stop offset="{s / 4:g}" stop-color="{pass_colour(s / 4)}"/>' for s in range(5))
        + "</linearGradient>"
        f'<marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]


def _legend(prefix: str, say=str) -> str:
    start, zero = say(translate("ReportText", "advice starts here")), say(translate("ReportText", "pass rate 0%"))
    y = HEIGHT - 16
    ring, grad = WIDTH - 330, WIDTH - 204
    return (
        f'<g font-size="10" fill="#4b5563">'
        f'<circle cx="{ring}" cy="{y + 4}" r="5" fill="none" stroke="#111827" stroke-width="1.6"/>'
        f'<text x="{ring + 9}" y="{y + 8}">{escape(start)}</text>'
        f'<text x="{grad}" y="{y + 8}">{escape(zero)}</text>'
        f'<rect x="{grad + 64}" y="{y}" width="90" height="9" fill="url(#{prefix}-grad)" stroke="#9ca3af" '
        f'stroke-width="0.5"/><text x="{grad + 160}" y="{y + 8}">100%</text></g>'
    )


def _dots(
    coords: list[tuple[float, float]], points: list[dict], bounds, segments=(), keep_clear=(), say=str
) -> list[str]:
    """Circles numbered in run order, a ring on the start run, and labels (name, pass rate) placed clear."""
    texts = [f"{short_label(p['label'])} {_pct(p.get('pass_rate'))}" for p in points]
    spots = place_labels([(x, y, t) for (x, y), t in zip(coords, texts)], bounds, segments, keep_clear)
    out = []
    for (x, y), (box, displaced) in zip(coords, spots):
        if displaced:  # a leader line ties a label pushed away by its neighbours to its dot
            lx = min(max(x, box[0]), box[2])
            ly = box[3] if y > box[3] else box[1] if y < box[1] else (box[1] + box[3]) / 2
            out.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" stroke="#9ca3af" stroke-width="0.8"/>'
            )
    for i, ((x, y), p) in enumerate(zip(coords, points)):
        tip = say(
            phrase(translate("ReportText", "{run}: pass rate {share}"), run=p["label"], share=_pct(p.get("pass_rate")))
        )
        out.append(f'<g class="dot"><title>{escape(tip)}</title>')
        if p.get("start"):
            out.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS + 4}" fill="#ffffff" fill-opacity="0.6" '
                'stroke="#111827" stroke-width="1.8"/>'
            )
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}" fill="{pass_colour(p.get("pass_rate"))}" '
            'stroke="#ffffff" stroke-width="1.2"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle" font-size="10" font-weight="bold" '
            f'fill="#ffffff">{i + 1}</text></g>'
        )
    for (box, _), text in zip(spots, texts):
        out.append(
            f'<text x="{box[0]:.1f}" y="{box[3] - 3:.1f}" font-size="{FONT}" fill="#111827" class="label">'
            f"{escape(text)}</text>"
        )
    return out


def _ring(index: int, count: int, rx: float, ry: float) -> tuple[float, float]:
    if count <= 1:
        return 0.0, 0.0
    angle = math.pi / 2 + 2 * math.pi * index / count
    return rx * math.cos(angle), -ry * math.sin(angle)


def _spread(keys: list) -> list[tuple[int, int]]:
    """(index within its group, group size) for each key, in order."""
    sizes: dict = {}
    for k in keys:
        sizes[k] = sizes.get(k, 0) + 1
    seen: dict = {}
    out = []
    for k in keys:
        out.append((seen.get(k, 0), sizes[k]))
        seen[k] = seen.get(k, 0) + 1
    return out


def _clamp_int(value, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value)))
    except (TypeError, ValueError):
        return low


def technique_map_svg(points: list[dict], prefix: str = "tm", say=str) -> str:
    """points: [{label, position: (x, y), pass_rate, start}] in the order the runs were made; ``say``
    speaks the map's own words in the reader's language."""
    left, right, top, bottom = 104, 14, 22, 70
    pw, ph = WIDTH - left - right, HEIGHT - top - bottom
    cw, ch = pw / 4, ph / 3

    def sx(x: float) -> float:
        return left + (x + 0.5) * cw

    def sy(y: float) -> float:
        return top + ph - (y + 0.5) * ch

    out = _svg_open(
        say(translate("ReportText", "Technique map")),
        say(
            translate(
                "ReportText",
                "Each run placed by the techniques it used; colour shows its pass "
                "rate; arrows follow the order the runs were made.",
            )
        ),
        prefix,
    )
    quadrant_boxes = []
    for words, (c0, c1), (r0, r1), fill in QUADRANTS:
        label = say(words)
        x0, y0 = left + c0 * cw, top + ph - (r1 + 1) * ch
        quadrant_boxes.append((x0 + 4, y0 + 3, x0 + 8 + text_width(label) * 1.05, y0 + 19))
        out.append(
            f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{(c1 - c0 + 1) * cw:.1f}" '
            f'height="{(r1 - r0 + 1) * ch:.1f}" fill="{fill}" stroke="#ffffff" stroke-width="3"/>'
        )
        out.append(
            f'<text x="{x0 + 6:.1f}" y="{y0 + 15:.1f}" font-size="11" font-style="italic" '
            f'font-weight="bold" fill="#6b7280">{escape(label)}</text>'
        )
    for c in range(1, 4):
        out.append(
            f'<line x1="{left + c * cw:.1f}" y1="{top}" x2="{left + c * cw:.1f}" y2="{top + ph}" '
            'stroke="#d1d5db" stroke-dasharray="2 3"/>'
        )
    for r in range(1, 3):
        out.append(
            f'<line x1="{left}" y1="{top + r * ch:.1f}" x2="{left + pw}" y2="{top + r * ch:.1f}" '
            'stroke="#d1d5db" stroke-dasharray="2 3"/>'
        )
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#9ca3af"/>')
    for i, t in enumerate(map(say, X_TICKS)):
        out.append(
            f'<text x="{sx(i):.1f}" y="{top + ph + 16}" text-anchor="middle" font-size="11" '
            f'fill="#374151">{escape(t)}</text>'
        )
    for i, t in enumerate(map(say, Y_TICKS)):
        out.append(
            f'<text x="{left - 8}" y="{sy(i) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#374151">{escape(t)}</text>'
        )
    act = say(translate("ReportText", "How the model needs to act: LLM optimization →"))
    know = say(translate("ReportText", "What it needs to know: context →"))
    out.append(
        f'<text x="{left + pw / 2:.1f}" y="{top + ph + 36}" text-anchor="middle" font-size="11" '
        f'fill="#111827">{escape(act)}'
        "</text>"
    )
    out.append(
        f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="11" fill="#111827">{escape(know)}'
        "</text>"
    )

    cells = [(_clamp_int(p["position"][0], 0, 3), _clamp_int(p["position"][1], 0, 2)) for p in points]
    coords = []
    for (x, y), (i, n) in zip(cells, _spread(cells)):
        dx, dy = _ring(i, n, CELL_SPREAD * cw, CELL_SPREAD * ch)
        coords.append((sx(x) + dx, sy(y) + dy))
    segments = _arrow_segments(coords)
    out += _arrows(segments, prefix)
    out += _dots(coords, points, (left + 2, top + 2, left + pw - 2, top + ph - 2), segments, quadrant_boxes, say)
    out.append(_legend(prefix, say))
    out.append("</svg>")
    return "\n".join(out)


def _arrow_segments(coords: list[tuple[float, float]]) -> list[tuple[float, float, float, float]]:
    """Consecutive runs joined edge to edge; runs drawn on top of each other get no arrow."""
    out = []
    for (x0, y0), (x1, y1) in zip(coords, coords[1:]):
        d = math.hypot(x1 - x0, y1 - y0)
        if d < 2 * RADIUS + 8:
            continue
        ux, uy = (x1 - x0) / d, (y1 - y0) / d
        a, b = RADIUS + 3, RADIUS + 5
        out.append((x0 + ux * a, y0 + uy * a, x1 - ux * b, y1 - uy * b))
    return out


def _arrows(segments, prefix: str) -> list[str]:
    return [
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" stroke="#6b7280" stroke-width="1.6" '
        f'stroke-opacity="0.8" marker-end="url(#{prefix}-arrow)"/>'
        for x0, y0, x1, y1 in segments
    ]


def _unit(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return 0.0
    return max(0.0, min(1.0, float(value)))


def diagnosis_map_svg(points: list[dict], target: float, prefix: str = "dm", say=str) -> str:
    """points: [{label, behaviour, content, pass_rate, start}]; the target corner is (target, target)..(1, 1)."""
    left, right, top, bottom = 64, 24, 22, 70
    pw, ph = WIDTH - left - right, HEIGHT - top - bottom

    def sx(v: float) -> float:
        return left + v * pw

    def sy(v: float) -> float:
        return top + ph - v * ph

    t = _unit(target)
    out = _svg_open(
        say(translate("ReportText", "Diagnosis map")),
        say(
            translate(
                "ReportText",
                "Each run at its behaviour score (x) and content score (y); the shaded corner is the target.",
            )
        ),
        prefix,
    )
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#9ca3af"/>')
    out.append(
        f'<rect x="{sx(t):.1f}" y="{top}" width="{sx(1) - sx(t):.1f}" height="{sy(t) - top:.1f}" '
        'fill="#dcf2e1" stroke="#4f9d63" stroke-dasharray="4 3"/>'
    )
    for i in range(5):
        v = i / 4
        out.append(f'<line x1="{sx(v):.1f}" y1="{top}" x2="{sx(v):.1f}" y2="{top + ph}" stroke="#e5e7eb"/>')
        out.append(f'<line x1="{left}" y1="{sy(v):.1f}" x2="{left + pw}" y2="{sy(v):.1f}" stroke="#e5e7eb"/>')
        out.append(
            f'<text x="{sx(v):.1f}" y="{top + ph + 16}" text-anchor="middle" font-size="11" '
            f'fill="#374151">{i * 25}%</text>'
        )
        out.append(
            f'<text x="{left - 6}" y="{sy(v) + 4:.1f}" text-anchor="end" font-size="11" fill="#374151">{i * 25}%</text>'
        )
    # Name the corner just outside its inner point, where no score of 100% can sit.
    tx, ty, anchor = (sx(t) - 5, sy(t) + 14, "end") if t > 0.3 else (sx(t) + 5, top + 14, "start")
    target_text = say(phrase(translate("ReportText", "target {share}"), share=_pct(t)))
    out.append(
        f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-size="11" font-weight="bold" '
        f'fill="#2f6b3f">{escape(target_text)}</text>'
    )
    w = text_width(target_text) + 4
    target_box = (tx - w if anchor == "end" else tx, ty - FONT, tx if anchor == "end" else tx + w, ty + 3)
    behaviour = say(translate("ReportText", "Behaviour score: low → needs LLM work (prompt, fine-tuning)"))
    content = say(translate("ReportText", "Content score: low → needs context (RAG)"))
    out.append(
        f'<text x="{left + pw / 2:.1f}" y="{top + ph + 36}" text-anchor="middle" font-size="11" '
        f'fill="#111827">{escape(behaviour)}'
        "</text>"
    )
    out.append(
        f'<text transform="translate(16 {top + ph / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="11" fill="#111827">{escape(content)}'
        "</text>"
    )

    raw = [(_unit(p.get("behaviour")), _unit(p.get("content"))) for p in points]
    keys = [(round(b, 2), round(c, 2)) for b, c in raw]
    coords = []
    for (b, c), (i, n) in zip(raw, _spread(keys)):  # equal scores: spread on a small ring, never hidden
        dx, dy = _ring(i, n, RADIUS + 3, RADIUS + 3)
        coords.append((sx(b) + dx, sy(c) + dy))
    out += _dots(coords, points, (4, 4, WIDTH - 4, top + ph + 2), keep_clear=[target_box], say=say)
    out.append(_legend(prefix, say))
    out.append("</svg>")
    return "\n".join(out)
