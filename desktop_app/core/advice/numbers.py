"""Number formats of the advice, the report and the window (ui/advice/fmt.py), and the raw-data fallback
for an item no sentence exists for: never an error, always something readable."""

from __future__ import annotations

import math
from typing import Any

DASH = "—"


def as_number(x: Any) -> float | None:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or math.isnan(x):
        return None
    return float(x)


def pct(x: Any) -> str:
    """0.8234 -> "82%"; never rounds a near-miss up to 100% or a few passes down to 0%."""
    v = as_number(x)
    if v is None:
        return DASH
    p = v * 100
    whole = round(p)
    if (whole == 100 and p < 100) or (whole == 0 and p > 0):
        return f"{math.floor(p * 10) / 10 if p > 1 else math.ceil(p * 10) / 10:.1f}%"
    return f"{whole:.0f}%"


def money(x: Any) -> str:
    """USD with as many decimals as a small amount needs: $12.34, $0.12, $0.0042."""
    v = as_number(x)
    if v is None:
        return DASH
    if v == 0:
        return "$0.00"
    if abs(v) >= 1:
        return f"${v:,.2f}"
    decimals = min(6, max(2, -math.floor(math.log10(abs(v))) + 1))
    return f"${v:.{decimals}f}"


def seconds(x: Any) -> str:
    v = as_number(x)
    if v is None:
        return DASH
    return f"{v:.2f} s" if v < 10 else f"{v:,.0f} s"


def count(x: Any) -> str:
    v = as_number(x)
    return DASH if v is None else f"{v:,.0f}"


def fallback(kind: Any, numbers: Any) -> str:
    """The raw data of an item no sentence exists for: still readable, never an error."""
    if isinstance(numbers, dict) and numbers:
        return f"{kind}: " + ", ".join(f"{k} {v}" for k, v in numbers.items())
    return str(kind)
