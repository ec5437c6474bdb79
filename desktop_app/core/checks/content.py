"""Content checks: does the answer carry the facts of the expected answer?

Comparisons run on folded text (text.normalize: NFKC width folding 全角/半角, case, punctuation
and whitespace; plus digit-group separators, so "12,000円" equals "１２０００円").

Token F1 is the SQuAD definition (multiset overlap of tokens, English articles dropped),
computed here in a few lines: rapidfuzz's scores are edit-distance ratios, a different
metric. Japanese and Chinese are tokenized per character (text.tokens(cjk="char")), since a
whitespace split would make each sentence a single token and F1 all-or-nothing.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence

from desktop_app.core.checks.answer import SHORT_ANSWER_TOKENS, decide
from desktop_app.core.checks.assertion import refuses
from desktop_app.core.checks.quantities import reading
from desktop_app.core.checks.spec import CheckSpec
from desktop_app.core.records import Verdict
from desktop_app.core.text import contains_run, fold, fold_tokens, run_in  # noqa: F401 - contains_run re-exported
from desktop_app.core.checks import reasons as R
from desktop_app.core.phrases import phrase

_ARTICLES = frozenset({"a", "an", "the"})
JSON_FACTS_MAX = 12  # more values than this: a record to compare by overlap, not fact by fact


def answer_tokens(text: str) -> list[str]:
    """SQuAD-style answer tokens: CJK per character, words elsewhere, no English articles."""
    return [t for t in fold_tokens(text) if t not in _ARTICLES]


def token_f1(expected: str, output: str) -> float:
    """Harmonic mean of token precision and recall (0 when either side has no tokens)."""
    exp, out = answer_tokens(expected), answer_tokens(output)
    if not exp or not out:
        return float(exp == out)
    common = sum((Counter(exp) & Counter(out)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(out), common / len(exp)
    return 2 * precision * recall / (precision + recall)


def _recall(expected: list[str], output: list[str]) -> float:
    if not expected:
        return 0.0
    return sum((Counter(expected) & Counter(output)).values()) / len(expected)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


# -- the checks: (spec, expected, output, question) -> Verdict --------------------------------
def _decided(spec: CheckSpec, outcome: str, score: float, reason: str) -> Verdict:
    return Verdict(
        spec.id,
        spec.family,
        outcome == "right",
        round(max(0.0, min(1.0, score)), 4),
        reason,
        unsure=outcome == "unsure",
    )


def check_normalized_match(spec: CheckSpec, expected: str, output: str, question: str = "") -> Verdict:
    ok = fold(expected) == fold(output)
    if ok:
        return _decided(spec, "right", 1.0, R.IS_EXPECTED)
    if refuses(reading(output).text):
        return _decided(spec, "wrong", 0.0, R.DECLINES)
    return _decided(spec, "wrong", 0.0, R.NOT_LABEL)


def _json_facts(expected: str) -> list[str] | None:
    """The leaf values of an expected JSON object/array (its key names are format, not facts)."""
    text = expected.strip()
    if not text.startswith(("{", "[")):
        return None
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            out.append(str(item))
    return out or None


def check_token_f1(spec: CheckSpec, expected: str, output: str, question: str = "") -> Verdict:
    """Word overlap (SQuAD F1) decides a long answer when it is high; low overlap is unsure (a
    paraphrase shares few words), no overlap in a short answer or a refusal is wrong. An
    expected JSON answer is judged by its values, each asserted as ``contains`` reads it:
    matching key names alone say nothing about the facts."""
    facts = _json_facts(expected)
    if facts is not None and len(facts) <= JSON_FACTS_MAX:
        found = [decide(fact, output, question) for fact in facts]
        f1 = token_f1(expected, output)
        for outcome in ("wrong", "unsure"):
            hit = next((d for d in found if d.outcome == outcome), None)
            if hit is not None:
                return _decided(spec, outcome, min(f1, hit.score), hit.reason)
        return _decided(spec, "right", 1.0, R.EVERY_VALUE)
    f1, threshold = token_f1(expected, output), spec.threshold or 0.0
    overlap = {"overlap": round(100 * f1), "needed": round(100 * threshold)}
    if refuses(reading(output).text):
        return _decided(spec, "wrong", f1, R.DECLINES)
    if f1 >= threshold:
        return _decided(spec, "right", f1, phrase(R.OVERLAP, **overlap))
    if f1 == 0.0 and len(answer_tokens(output)) <= SHORT_ANSWER_TOKENS:
        return _decided(spec, "wrong", 0.0, R.SOMETHING_ELSE)
    return _decided(spec, "unsure", f1, phrase(R.LOW_OVERLAP, **overlap))


def check_contains(spec: CheckSpec, expected: str, output: str, question: str = "") -> Verdict:
    """The expected answer asserted in the answer, read as a person would (answer.decide)."""
    found = decide(expected, output, question)
    return _decided(spec, found.outcome, found.score, found.reason)


def check_semantic(
    spec: CheckSpec, expected: str, output: str, embed: Callable[[list[str]], list[list[float]]]
) -> Verdict | None:
    """Cosine similarity of the embeddings; None (left out, not failed) when the embedding call failed."""
    try:
        vectors = embed([expected, output])
        cos = cosine(vectors[0], vectors[1])
    except Exception:  # noqa: BLE001 - a model failure must not stop a run, nor fail the row
        return None
    threshold = spec.threshold or 0.0
    ok = cos >= threshold
    return Verdict(
        spec.id,
        spec.family,
        ok,
        round(max(0.0, min(1.0, cos)), 4),
        f"cos={cos:.2f}{'>=' if ok else '<'}{threshold:.2f}",
    )


CONTENT_CHECKS = {"normalized_match": check_normalized_match, "token_f1": check_token_f1, "contains": check_contains}
