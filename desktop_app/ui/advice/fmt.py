"""Filling translated templates and formatting numbers for the advice and grid pages.

Templates use Qt's %1, %2 ... placeholders (what translators know); ``fill`` (one pass, from
desktop_app/ui/words.py) is re-exported here with the number formats.
"""

from __future__ import annotations

from html import escape

from desktop_app.core.report.text import count, pct, seconds  # pure number formats, shared with the report
from desktop_app.ui.words import fill

__all__ = ["fill", "pct", "count", "seconds", "points", "ratio", "elide", "num", "rich_tooltip"]


def num(x) -> float | None:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    return float(x)


def points(delta) -> str:
    """A change of pass rate in percentage points with its sign: "+17", "−3", "±0"."""
    v = num(delta)
    if v is None:
        return "—"
    p = round(v * 100)
    return "±0" if p == 0 else f"+{p}" if p > 0 else f"−{-p}"


def ratio(x) -> str:
    v = num(x)
    return "—" if v is None else f"{v:.1f}"


def elide(text: str, limit: int = 28) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def rich_tooltip(lines) -> str:
    """A tooltip from plain lines (run names, paths are user text): escaped, then forced to rich text.

    Qt guesses whether a tooltip is rich text; an escaped name on its own could be shown with
    its entities visible, and an unescaped one could become markup. <qt> settles the guess.
    """
    return "<qt>" + "<br>".join(escape(str(line), quote=False) for line in lines) + "</qt>"
