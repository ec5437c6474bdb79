"""The Run step's words: numbers a user reads (tokens, dollars, minutes) and stored errors in plain language.

The core hands back numbers and machine-ish error codes ("timeout", "http_503: ..."); this module
turns them into short sentences. Templates use Qt's %1, %2 placeholders and are filled in one pass
(``fill``, desktop_app/ui/words.py), so a run name containing "%2" is never substituted again.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.words import fill, plural  # noqa: F401 - shared, re-exported for the Run step's modules

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal") calls


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: escaped inside a paragraph, so Qt's rich-text guess
    can never turn data like "<b>x</b>" into markup."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text or '')}</p>" if text else ""


def tokens(n: int | None) -> str:
    """410234 -> "410k", 4123 -> "4.1k", 1234567 -> "1.2M": estimates are never exact anyway."""
    if n is None:
        return "—"
    n = int(n)
    if n < 1000:
        return str(n)
    if n < 10_000:
        return f"{n / 1000:.1f}k"
    if n < 1_000_000:
        return f"{round(n / 1000):,}k"
    return f"{n / 1_000_000:.1f}M"


def money(value: float | None) -> str:
    """$12.34, $0.21, $0.0042; None -> a word, since a missing price is not zero."""
    if value is None:
        return translate("RunWords", "price unknown")
    if value == 0:
        return "$0.00"
    if value >= 0.01:
        return f"${value:,.2f}"
    return f"${value:.4f}" if value >= 0.0001 else "<$0.0001"


def duration(seconds: float | None) -> str:
    """A rounded duration: "40 s", "2 min", "1 h 20 min"."""
    if seconds is None:
        return "—"
    s = max(0, int(round(seconds)))
    if s < 60:
        return fill(translate("RunWords", "%1 s"), s)
    minutes = int(round(s / 60)) if s < 3600 else s // 60
    if minutes < 60:
        return fill(translate("RunWords", "%1 min"), minutes)
    return fill(translate("RunWords", "%1 h %2 min"), minutes // 60, minutes % 60)


def about_duration(seconds: float | None) -> str:
    if seconds is not None and seconds < 1:
        return translate("RunWords", "under a second")
    return fill(translate("RunWords", "about %1"), duration(seconds))


def status_word(status: str) -> str:
    if status == "complete":
        return translate("RunWords", "complete")
    if status == "cancelled":
        return translate("RunWords", "cancelled")
    if status == "failed":
        return translate("RunWords", "stopped by an error")
    if status == "running":
        return translate("RunWords", "interrupted")
    if status == "batch":
        return translate("RunWords", "waiting for its batch")
    return status


_HTTP = re.compile(r"^http_(\d{3}):\s*(.*)$", re.S)


def error_text(raw: str | None) -> str:
    """A stored row error ("timeout", "connection_error", "http_503: ...") as a sentence."""
    text = (raw or "").strip()
    if text == "timeout":
        return translate("RunWords", "The server did not answer in time.")
    if text == "connection_error":
        return translate("RunWords", "The server could not be reached.")
    if text == "cancelled":
        return translate("RunWords", "Cancelled before the server answered.")
    if text.startswith("judge_error"):  # the answer is stored; only a check's model call failed
        return fill(
            translate(
                "RunWords",
                "The answer came, but a check's judge call failed (%1); the next run "
                "judges it again without paying for the answer.",
            ),
            text.partition(":")[2].strip() or "—",
        )
    if text.startswith("batch_"):
        return _batch_error(text)
    m = _HTTP.match(text)
    if m:
        code, message = int(m.group(1)), m.group(2).strip()
        if code == 429:
            template = translate("RunWords", "Rate limit reached (HTTP 429), still refused after the retries: %1")
        elif code >= 500:
            template = translate("RunWords", "Server error (HTTP %2), still failing after the retries: %1")
        else:
            template = translate("RunWords", "The server refused the request (HTTP %2): %1")
        return fill(template, message or "—", code)
    return text or translate("RunWords", "Unknown error.")


def _batch_error(text: str) -> str:
    """A row a batch did not answer; running again (online or as a new batch) asks it again."""
    kind, _, detail = text.partition(":")
    detail = detail.strip() or "—"
    if kind == "batch_expired":
        return translate("RunWords", "The batch's 24 hours ran out before this row was answered; run again to ask it.")
    if kind == "batch_cancelled":
        return translate("RunWords", "The batch was cancelled before this row was answered; run again to ask it.")
    if kind == "batch_failed":
        return fill(translate("RunWords", "The provider refused the batch: %1"), detail)
    return fill(translate("RunWords", "The batch could not answer this row: %1"), detail)
