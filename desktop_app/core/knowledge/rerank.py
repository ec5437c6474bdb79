"""Optional re-ranking by an LLM's relevance rating (the talk's case gained most from
re-ranking). Off by default; KnowledgeBase uses it when the `rerank` setting is on and a
``rerank(query, passages)`` callable is given, e.g. ``llm_reranker(judge)``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from desktop_app.core.records import Passage


def llm_reranker(judge, max_passages: int = 10):
    """A ``rerank(query, passages)`` that asks ``judge(messages) -> str`` to rate each passage 0-10;
    ties keep the retrieval order and a passage whose rating cannot be read sinks below the rated."""

    def rerank(query: str, passages: list[Passage]) -> list[Passage]:
        head, tail = list(passages[:max_passages]), list(passages[max_passages:])
        rated = []
        for rank, p in enumerate(head):
            messages = [
                {"role": "system", "content": "You rate how useful a passage is for answering a question."},
                {"role": "user", "content": f"Question: {query}\n\nPassage:\n{p.text}\n\nRate from 0 (useless) to "
                                            "10 (answers it). Reply with the number only."},
            ]
            try:
                m = re.search(r"\d+(?:\.\d+)?", judge(messages) or "")
            except Exception:  # noqa: BLE001 - a failed call leaves the passage where retrieval put it
                m = None
            rating = float(m.group()) if m else -1.0
            rated.append((rating, rank, replace(p, score=round(rating / 10, 4) if m else p.score)))
        rated.sort(key=lambda t: (-t[0], t[1]))
        return [p for _, _, p in rated] + tail

    return rerank
