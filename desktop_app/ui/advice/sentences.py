"""The advice's words on screen: the core's sentences (core/advice/words.py, checklist_words.py)
said in the user's language.

The window and the exported report word the same data from the same templates, so they never
say one thing in two wordings. Every method returns PLAIN text: callers put it in plain-text
labels, or html.escape it, because run names are user text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop_app.core.advice import checklist_words, evidence_words, words
from desktop_app.core.advice.numbers import fallback
from desktop_app.ui.language import localized

EVIDENCE_KINDS = tuple(evidence_words.EVIDENCE_SENTENCES)
GAP_KINDS = words.GAP_KINDS


class AdviceText(QObject):
    """One instance per page; ``use_runs`` names the runs of the diagnosis on show."""

    names: dict = {}  # run name -> what the window calls it (set per diagnosis by ``use_runs``)

    def use_runs(self, runs) -> None:
        """Name runs as the window does: a run named after its preset reads as its ladder step."""
        self.names = words.run_names(runs)

    def quoted(self, name: Any) -> str:
        return localized(words.quoted(self.names.get(name, name)))

    def technique(self, key: str) -> str:
        return localized(words.technique(key))

    def techniques(self, keys) -> str:
        return localized(words.techniques(keys))

    def gap_name(self, gap: str) -> str:
        return localized(words.gap_name(gap))

    def gap_title(self, gap: str) -> str:
        return localized(words.gap_title(gap))

    def gap_meaning(self, gap: str) -> str:
        return localized(words.gap_meaning(gap))

    def confidence_level(self, level: Any) -> str:
        return localized(words.confidence_level(level))

    def confidence_reason(self, reason: str) -> str:
        return localized(words.confidence_reason(reason))

    @staticmethod
    def fallback(kind: Any, numbers: Any) -> str:
        return fallback(kind, numbers)

    def evidence(self, item: dict) -> str:
        """One evidence dict ({kind, numbers, rows, runs}) as a sentence (its rows are shown apart)."""
        return localized(evidence_words.evidence_sentence(item, self.names))

    def chance(self, n: dict) -> str:
        return localized(evidence_words.chance(n))

    def checklist_ids(self) -> tuple[str, ...]:
        return tuple(checklist_words.CHECKLIST)

    def checklist(self, item: dict | str) -> str:
        """A checklist item ({id, costly, done, numbers} or a bare id) as a sentence."""
        return localized(checklist_words.checklist_sentence(item))
