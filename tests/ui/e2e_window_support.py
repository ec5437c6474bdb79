"""Helpers for the end-to-end window test: a scripted model that knows only what it reads,
and small readers of what the pages show.

The model (``ReadingModel``) answers a question of the sample dataset correctly only when the
expected answer is written in the passages of the prompt (the RAG template's "Context:" block);
otherwise it answers something wrong. So the runs' pass rates come from what retrieval put in
front of it, as with a real model on facts it never saw, and the advice has real gaps to explain.
"""

from __future__ import annotations

import csv
import threading
from collections import Counter
from pathlib import Path

from tests.scripted_server import Reply, last_user_text

REPO = Path(__file__).resolve().parents[2]
SAMPLE_DATASET = REPO / "resources" / "sample_project" / "dataset.csv"
WRONG = "I am not sure; please contact the support centre."
QUESTION_MARK = "\n\nQuestion: "  # variants.RAG_TEMPLATE = "Context:\n{context}\n\nQuestion: {input}"


def sample_rows(pool: str = "eval") -> dict[str, tuple[str, str]]:
    """question -> (row id, expected answer) for the sample dataset's rows of ``pool``."""
    with SAMPLE_DATASET.open(encoding="utf-8-sig", newline="") as fh:
        return {r["question"]: (r["id"], r["answer"]) for r in csv.DictReader(fh) if r["pool"] == pool}


def split_prompt(request: dict) -> tuple[str, str]:
    """(question, passages) of a chat request: passages only for the RAG template."""
    text = last_user_text(request)
    if text.startswith("Context:") and QUESTION_MARK in text:
        context, question = text[len("Context:") :].rsplit(QUESTION_MARK, 1)
        return question.strip(), context
    return text.strip(), ""


class ReadingModel:
    """A chat rule: right only when the fact is in the passages; records what it was asked.

    ``hold(after, seconds)``: the next ``after`` questions are answered at once and every later
    one only after ``seconds``, so a test can cancel a run at a known row count while requests
    are still in flight (the server wakes held requests when it stops).
    """

    def __init__(self) -> None:
        self.rows = sample_rows("eval")
        self._lock = threading.Lock()
        self.asked: list[tuple[str, bool, bool]] = []  # (row id, with passages, answered right)
        self._free = -1  # questions still answered at once; -1: no hold
        self._hold_s = 0.0

    def hold(self, after: int, seconds: float) -> None:
        with self._lock:
            self._free, self._hold_s = after, seconds

    def release(self) -> None:
        with self._lock:
            self._free, self._hold_s = -1, 0.0

    def __call__(self, request: dict) -> Reply:
        question, passages = split_prompt(request)
        found = self.rows.get(question)
        if found is None:  # the Connection page's Test probe, or anything else
            return Reply("OK")
        row_id, answer = found
        right = answer in passages
        with self._lock:
            self.asked.append((row_id, bool(passages), right))
            delay = 0.0
            if self._free == 0:
                delay = self._hold_s
            elif self._free > 0:
                self._free -= 1
        return Reply(answer if right else WRONG, delay=delay)

    def mark(self) -> int:
        """A position in the log of questions, to look at what was asked after it."""
        with self._lock:
            return len(self.asked)

    def asked_rows(self, since: int = 0, until: int | None = None) -> Counter:
        with self._lock:
            return Counter(row for row, _, _ in self.asked[since:until])

    def answered_right(self, since: int = 0, until: int | None = None, *, with_passages: bool) -> set[str]:
        with self._lock:
            return {row for row, rag, right in self.asked[since:until] if right and rag == with_passages}


def grid_ready(page) -> bool:
    """The Grid page drew a result and is not computing another."""
    return page.result is not None and not page.source.is_running() and page.technique is not None


def advice_ready(page) -> bool:
    return page.result is not None and not page.source.is_running()


def run_idle(page) -> bool:
    """The Run page is neither running, reading the project nor estimating."""
    return not (page.is_running() or page.load_runner.is_running() or page.plan_runner.is_running())
