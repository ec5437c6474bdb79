"""Optional re-ranking by an LLM's relevance rating (the talk's case gained most from
re-ranking). Off by default; KnowledgeBase uses it when the `rerank` setting is on and a
``rerank(query, passages)`` callable is given, e.g. ``llm_reranker(judge)`` or a ``RerankGate``.

A rating is one chat call per passage, so a run must not make them while it is only being
planned: the estimate is shown before the user agrees to pay, and re-ranking there meant 100
chat calls to estimate a 10-call run. ``RerankGate`` re-ranks from ratings already known (the
request cache) and notes the calls still to make; the run makes them after the user agreed
(``run.rerank_phase``) and plans its RAG rows again with the gate open.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Callable

from desktop_app.core.records import Passage

MAX_RATED = 10  # passages rated per question; the rest keep their place below them
RATING_SYSTEM = "You rate how useful a passage is for answering a question."


def rating_messages(query: str, passage: Passage) -> list[dict]:
    """The one chat call that rates ``passage`` for ``query`` (its exact text is its cache key)."""
    return [
        {"role": "system", "content": RATING_SYSTEM},
        {
            "role": "user",
            "content": f"Question: {query}\n\nPassage:\n{passage.text}\n\nRate from 0 (useless) to "
            "10 (answers it). Reply with the number only.",
        },
    ]


def read_rating(reply: str | None) -> float | None:
    """The number in a rating reply, or None when there is none."""
    m = re.search(r"\d+(?:\.\d+)?", reply or "")
    return float(m.group()) if m else None


def order_by_ratings(passages: list[Passage], ratings: list[float | None]) -> list[Passage]:
    """Highest rating first; ties keep the retrieval order and an unreadable or missing rating
    sinks below the rated. A rated passage's score becomes its rating / 10."""
    rated = [
        (-1.0 if r is None else r, rank, p if r is None else replace(p, score=round(r / 10, 4)))
        for rank, (p, r) in enumerate(zip(passages, ratings))
    ]
    rated.sort(key=lambda t: (-t[0], t[1]))
    return [p for _, _, p in rated]


def llm_reranker(judge, max_passages: int = MAX_RATED):
    """A ``rerank(query, passages)`` that asks ``judge(messages) -> str`` to rate each passage 0-10
    (every rating is a model call unless the judge has it cached)."""

    def rerank(query: str, passages: list[Passage]) -> list[Passage]:
        head, tail = list(passages[:max_passages]), list(passages[max_passages:])
        ratings = []
        for p in head:
            try:
                ratings.append(read_rating(judge(rating_messages(query, p))))
            except Exception:  # noqa: BLE001 - a failed call sinks the passage below the rated ones
                ratings.append(None)
        return order_by_ratings(head, ratings) + tail

    return rerank


def _key(messages: list[dict]) -> str:
    return json.dumps(messages, sort_keys=True, ensure_ascii=False)


class RerankGate:
    """A re-ranker that never calls a model itself. ``lookup(messages) -> reply | None`` reads a
    rating already paid for (the judge's request cache).

    Closed (planning): a question whose every rating is known is re-ranked exactly (free: its
    request and cache key are the ones the run will send); any other keeps retrieval order and
    its missing rating calls are noted in ``planned`` for the estimate. Open (after the user
    agreed and ``run.rerank_phase`` made the noted calls): every question is re-ranked from the
    known ratings; a rating whose call failed sinks its passage, as ``llm_reranker`` does."""

    def __init__(self, lookup: Callable[[list[dict]], "str | None"], max_passages: int = MAX_RATED):
        self.lookup = lookup
        self.max_passages = max_passages
        self.is_open = False
        self.planned: dict[str, tuple[str, list[dict]]] = {}  # call -> (question, messages) still to make
        self.known: set[str] = set()  # calls answered from the cache
        self.replies: dict[str, str] = {}  # replies the rating phase got (also in the cache)

    @property
    def cached(self) -> int:
        return len(self.known)

    def open(self, replies: dict[str, str] | None = None) -> None:
        self.is_open = True
        self.replies.update(replies or {})

    def _reply(self, key: str, messages: list[dict]) -> str | None:
        return self.replies[key] if key in self.replies else self.lookup(messages)

    def reply(self, messages: list[dict]) -> str | None:
        """The rating reply known for this call (just made, or cached), never a call."""
        return self._reply(_key(messages), messages)

    def __call__(self, query: str, passages: list[Passage]) -> list[Passage]:
        head, tail = list(passages[: self.max_passages]), list(passages[self.max_passages :])
        ratings, missing = [], []
        for p in head:
            messages = rating_messages(query, p)
            key = _key(messages)
            reply = self._reply(key, messages)
            if reply is None:
                missing.append((key, messages))
            elif not self.is_open:
                self.known.add(key)
            ratings.append(read_rating(reply))
        if missing and not self.is_open:
            for key, messages in missing:
                self.planned.setdefault(key, (query, messages))
            return head + tail
        return order_by_ratings(head, ratings) + tail

    @staticmethod
    def key(messages: list[dict]) -> str:
        return _key(messages)
