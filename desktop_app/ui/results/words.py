"""The Results step's words: techniques, row outcomes, check verdicts, and number formats.

Literal contexts and strings throughout: lupdate extracts only literal translate() calls.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.language import joined
from desktop_app.ui.run.words import fill, money  # noqa: F401 - shared formats, re-exported

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal") calls


def technique_label(key: str) -> str:
    if key == "instructions":
        return translate("ResultsWords", "instructions")
    if key == "step_by_step":
        return translate("ResultsWords", "step-by-step")
    if key == "few_shot":
        return translate("ResultsWords", "few-shot")
    if key == "rag":
        return translate("ResultsWords", "RAG")
    if key == "rag_tuned":
        return translate("ResultsWords", "tuned retrieval")
    if key == "fine_tuned":
        return translate("ResultsWords", "fine-tuned")
    return key


def techniques_text(techniques) -> str:
    names = [technique_label(t) for t in techniques or ()]
    return joined(names) if names else translate("ResultsWords", "none (baseline)")


def outcome_label(kind: str | None) -> str:
    """A row's outcome in one run, short enough for a table cell."""
    if kind is None:
        return "—"
    if kind == "pass":
        return translate("ResultsWords", "✓ pass")
    if kind == "error":
        return translate("ResultsWords", "error")
    if kind == "knowledge":
        return translate("ResultsWords", "✗ knowledge")
    if kind == "behaviour":
        return translate("ResultsWords", "✗ behaviour")
    if kind == "retrieval":
        return translate("ResultsWords", "✗ retrieval")
    if kind == "generation":
        return translate("ResultsWords", "✗ generation")
    if kind == "unsure":
        return translate("ResultsWords", "? unsure")
    return kind


def outcome_sentence(kind: str | None) -> str:
    """What the outcome means, for the detail view."""
    if kind is None:
        return translate("ResultsWords", "not in this run")
    if kind == "pass":
        return translate("ResultsWords", "passed")
    if kind == "error":
        return translate("ResultsWords", "no answer: the request failed")
    if kind == "knowledge":
        return translate("ResultsWords", "knowledge gap: facts missing or wrong")
    if kind == "behaviour":
        return translate("ResultsWords", "behaviour gap: facts right, form wrong")
    if kind == "retrieval":
        return translate("ResultsWords", "retrieval gap: the passages lacked the answer")
    if kind == "generation":
        return translate("ResultsWords", "generation gap: the passages had it, the answer ignored it")
    if kind == "unsure":
        return translate(
            "ResultsWords",
            "unsure: the text alone cannot tell; a judge model or your review decides (counted apart, never a gap)",
        )
    return kind


def gap_filter_label(kind: str) -> str:
    if kind == "":
        return translate("ResultsWords", "Any outcome")
    if kind == "knowledge":
        return translate("ResultsWords", "Knowledge gap")
    if kind == "behaviour":
        return translate("ResultsWords", "Behaviour gap")
    if kind == "retrieval":
        return translate("ResultsWords", "Retrieval gap")
    if kind == "generation":
        return translate("ResultsWords", "Generation gap")
    if kind == "error":
        return translate("ResultsWords", "Error (no answer)")
    if kind == "unsure":
        return translate("ResultsWords", "Unsure (to review)")
    return kind


def family_label(family: str) -> str:
    if family == "content":
        return translate("ResultsWords", "content")
    if family == "behaviour":
        return translate("ResultsWords", "behaviour")
    if family == "retrieval":
        return translate("ResultsWords", "retrieval")
    return family


def verdict_label(passed: bool) -> str:
    return translate("ResultsWords", "✓ pass") if passed else translate("ResultsWords", "✗ fail")


def pct(x) -> str:
    """0.8234 -> "82%"; never rounds a near miss up to 100% or a few passes down to 0%."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    p = float(x) * 100
    whole = round(p)
    if (whole == 100 and p < 100) or (whole == 0 and p > 0):
        return f"{math.floor(p * 10) / 10 if p > 1 else math.ceil(p * 10) / 10:.1f}%"
    return f"{whole:.0f}%"


def latency(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1:
        return fill(translate("ResultsWords", "%1 ms"), f"{seconds * 1000:,.0f}")
    return fill(translate("ResultsWords", "%1 s"), f"{seconds:.2f}")


def number(x: float | None, decimals: int = 0) -> str:
    return "—" if x is None else f"{x:,.{decimals}f}"
