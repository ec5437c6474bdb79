"""Where a search's words occur in a passage, and a relevance a person can read.

The Knowledge search preview marks the passage's words that the query shares (whole words for
Latin scripts, character pairs for Japanese, as BM25 matched them), and shows a relevance from
0 to 1 instead of a raw fusion score: 1 is a passage both rankings put first.
"""

from __future__ import annotations

import re

from desktop_app.core.knowledge.index import RRF_K
from desktop_app.core.knowledge.lexical import _STOPWORDS
from desktop_app.core.text import is_cjk, tokens


def _pattern(term: str) -> str:
    if is_cjk(term):
        return re.escape(term)
    return rf"(?<![^\W_]){re.escape(term)}(?![^\W_])"  # a whole word, not part of one


def matched_spans(query: str, text: str) -> list[tuple[int, int]]:
    """Merged (start, end) character spans of ``text`` that hold the query's words."""
    terms = {t for t in tokens(query, cjk="bigram") if t not in _STOPWORDS and (is_cjk(t) or len(t) > 1)}
    if not terms or not text:
        return []
    mask = bytearray(len(text))
    for term in sorted(terms, key=len, reverse=True):
        for m in re.finditer(_pattern(term), text, flags=re.IGNORECASE):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    spans, start = [], None
    for i, flag in enumerate(mask):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def relevance(score: float, mode: str, top: float) -> float:
    """0..1: hybrid scores against a passage ranked first by both lists (identifier matches
    can pass it: capped), meaning-only scores are cosine similarity, keyword-only scores
    against the best passage of the search (``top``)."""
    if mode == "hybrid":
        value = score * (RRF_K + 1)
    elif mode == "vector":
        value = score
    else:
        value = score / top if top > 0 else 0.0
    return max(0.0, min(1.0, value))
