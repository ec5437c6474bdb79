"""Content checks: does the answer carry the facts of the expected answer?

Comparisons run on folded text (text.normalize: NFKC width folding 全角/半角, case, punctuation
and whitespace; plus digit-group separators, so "12,000円" equals "１２０００円").

Token F1 is the SQuAD definition (multiset overlap of tokens, English articles dropped),
computed here in a few lines: rapidfuzz's scores are edit-distance ratios, a different
metric. Japanese and Chinese are tokenized per character (text.tokens(cjk="char")), since a
whitespace split would make each sentence a single token and F1 all-or-nothing.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from desktop_app.core.checks.spec import CheckSpec
from desktop_app.core.records import Verdict
from desktop_app.core.text import normalize, tokens

_DIGIT_GROUP = re.compile(r"(?<=\d)[,'](?=\d{3}(?!\d))")
_ARTICLES = frozenset({"a", "an", "the"})


# Several checks fold the same output of a row in a row; Unicode normalization dominates the
# cost on long answers, so the last few results are kept.
@lru_cache(maxsize=32)
def fold(text: str) -> str:
    """Normalized text with '1,000' and '１，０００' both written '1000'."""
    text = unicodedata.normalize("NFKC", text or "")
    return normalize(_DIGIT_GROUP.sub("", text))


@lru_cache(maxsize=32)
def fold_tokens(text: str) -> tuple[str, ...]:
    """Folded tokens, CJK per character."""
    return tuple(tokens(fold(text), cjk="char"))


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


def contains_run(needle_text: str, hay_text: str) -> bool:
    """The folded tokens of needle appear contiguously in hay: CJK per character (a substring),
    Latin as whole words ('15' is not found in '150', 'cat' not in 'concatenate')."""
    return _contains_tokens(fold_tokens(needle_text), fold_tokens(hay_text))


def _contains_tokens(needle: tuple[str, ...], hay: tuple[str, ...]) -> bool:
    n = len(needle)
    if n == 0:
        return False
    first = needle[0]
    return any(hay[i] == first and hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def _recall(expected: list[str], output: list[str]) -> float:
    if not expected:
        return 0.0
    return sum((Counter(expected) & Counter(output)).values()) / len(expected)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


# -- the checks: (spec, expected, output[, embed]) -> Verdict --------------------------------
def check_normalized_match(spec: CheckSpec, expected: str, output: str) -> Verdict:
    ok = fold(expected) == fold(output)
    return Verdict(spec.id, spec.family, ok, float(ok), "match" if ok else "no_match")


def check_token_f1(spec: CheckSpec, expected: str, output: str) -> Verdict:
    f1, threshold = token_f1(expected, output), spec.threshold or 0.0
    ok = f1 >= threshold
    return Verdict(spec.id, spec.family, ok, round(f1, 4),
                   f"f1={f1:.2f}{'>=' if ok else '<'}{threshold:.2f}")


def check_contains(spec: CheckSpec, expected: str, output: str) -> Verdict:
    exp, out = fold_tokens(expected), fold_tokens(output)
    if _contains_tokens(exp, out):
        return Verdict(spec.id, spec.family, True, 1.0, "contained")
    recall = _recall(exp, out)  # partial credit, so the score still ranks near misses
    return Verdict(spec.id, spec.family, False, round(recall, 4), f"not_contained recall={recall:.2f}")


def check_semantic(spec: CheckSpec, expected: str, output: str,
                   embed: Callable[[list[str]], list[list[float]]]) -> Verdict | None:
    """Cosine similarity of the embeddings; None (left out, not failed) when the embedding call failed."""
    try:
        vectors = embed([expected, output])
        cos = cosine(vectors[0], vectors[1])
    except Exception:  # noqa: BLE001 - a model failure must not stop a run, nor fail the row
        return None
    threshold = spec.threshold or 0.0
    ok = cos >= threshold
    return Verdict(spec.id, spec.family, ok, round(max(0.0, min(1.0, cos)), 4),
                   f"cos={cos:.2f}{'>=' if ok else '<'}{threshold:.2f}")


CONTENT_CHECKS = {
    "normalized_match": check_normalized_match,
    "token_f1": check_token_f1,
    "contains": check_contains,
}
