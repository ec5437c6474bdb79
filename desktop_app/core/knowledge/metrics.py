"""Retrieval metrics per row, computed without a model (RAGAS's names, lexical definitions).

- context_recall: is the expected answer (or most of its content) in the retrieved passages.
- context_precision: RAGAS's rank-weighted precision: mean of precision@k over the ranks k
  that hold a relevant passage (one that carries the expected answer).
- faithfulness: share of the answer's statements whose content words appear in the passages;
  with a ``judge`` (an LLM) its 0..1 rating is used instead.
Tokens are words for Latin scripts and character bigrams for Japanese (text.tokens), so
answers without spaces are compared by content, not as one long word. An expected answer
written as JSON is compared by its values: its key names are format, not facts a passage holds.
"""

from __future__ import annotations

import json
import re

from desktop_app.core.records import Passage, Row, Verdict
from desktop_app.core.text import contains_run, normalize, run_in, tokens

FAMILY = "retrieval"
CHECK_IDS = ("context_recall", "context_precision", "faithfulness")
THRESHOLDS = {"context_recall": 0.8, "context_precision": 0.5, "faithfulness": 0.7}
RELEVANT = 0.8  # a passage is relevant when it carries this share of the expected answer's content
SUPPORTED = 0.6  # a statement is supported when this share of its content words is in the passages

_STOP = frozenset(
    """a an the of to in on at by for with from and or but is are was were be been being it its
this that these those as not no do does did has have had will would can could should may might i you he she we
they them his her our your their there here what which who whom when where why how all any some than then so
if into about over under also only just very more most such up out""".split()
) | frozenset(
    "です ます でし まし した して する され れて ある いる この その あの こと もの ため よう から まで".split()
)
_SENTENCE = re.compile(r"(?<=[。．！？!?])|(?<=[.;])\s+|\n+")


def _content(text: str) -> list[str]:
    toks = tokens(text, cjk="bigram")
    kept = [t for t in toks if t not in _STOP]
    return kept or toks


def _json_values(value) -> list[str]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _json_values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _json_values(item)]
    if isinstance(value, bool) or value is None:  # true/false/null are not words a passage holds
        return []
    return [str(value)]


def answer_content(expected: str) -> str:
    """The facts of an expected answer: a JSON object's or array's values, else the text itself."""
    text = (expected or "").strip()
    if text.startswith(("{", "[")):
        try:
            values = _json_values(json.loads(text))
        except (json.JSONDecodeError, RecursionError):
            return expected
        if values:
            return "\n".join(values)
    return expected


# Answers a passage states in other words, never literally: "yes" is not a word the manual holds.
_NOT_LITERAL = frozenset(
    """yes no y n true false correct incorrect right wrong ok none
はい いいえ ええ いえ 正しい 誤り 正解 不正解 あり なし ある ない できる できない 可能 不可""".split()
)


def literal_answer(expected: str) -> bool:
    """False for answers a passage cannot contain literally (yes/no, true/false, はい/いいえ):
    retrieval cannot be judged by looking for them, so recall and readiness leave such rows out."""
    text = normalize(answer_content(expected or ""))
    if not text or text in _NOT_LITERAL:
        return not text
    words = tokens(text, cjk="bigram")  # "No, it does not." is a no: nothing but the verdict and stop words
    return not (any(t in _NOT_LITERAL for t in words) and all(t in _NOT_LITERAL or t in _STOP for t in words))


# "いいえ、日本国内専用です" / "No, only in Japan": the verdict word leads; the facts after it are
# what a passage states ("日本国内専用（AC100V）です" holds this answer, with no "いいえ" in it).
_VERDICT_FIRST = re.compile(r"^\s*(?:yes|no|はい|いいえ|ええ|いえ)\s*[,、。.!！:：]\s*(?=\S)", re.IGNORECASE)


def coverage(expected: str, text: str) -> float:
    """Share of the expected answer's content found in ``text`` (1.0 when it appears whole)."""
    expected = _VERDICT_FIRST.sub("", answer_content(expected))
    if not normalize(expected):
        return 0.0
    if contains_run(expected, text):
        return 1.0
    exp = set(_content(expected))
    if not exp:
        return 0.0
    have = set(tokens(text, cjk="bigram"))
    return len(exp & have) / len(exp)


def context_recall(expected: str, passages) -> float:
    return coverage(expected, "\n".join(p.text for p in passages))


def context_precision(expected: str, passages) -> tuple[float, int]:
    """(score, number of relevant passages) with RAGAS's rank weighting."""
    hits, total = 0, 0.0
    for k, p in enumerate(passages, 1):
        if coverage(expected, p.text) >= RELEVANT:
            hits += 1
            total += hits / k
    return (total / hits if hits else 0.0), hits


def statements(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s and s.strip() and tokens(s)]


def faithfulness(output: str, passages) -> tuple[float, int, int]:
    """(score, supported statements, statements) by lexical support."""
    joined = "\n".join(p.text for p in passages)
    support = set(tokens(joined, cjk="bigram"))
    hay = tokens(joined, cjk="char")
    parts = statements(output)
    ok = 0
    for s in parts:
        words = set(_content(s))
        if run_in(tokens(s, cjk="char"), hay) or (words and len(words & support) / len(words) >= SUPPORTED):
            ok += 1
    return (ok / len(parts) if parts else 0.0), ok, len(parts)


def _judge_faithfulness(judge, output: str, passages) -> float | None:
    context = "\n\n".join(f"[{i}] {p.text}" for i, p in enumerate(passages, 1))
    messages = [
        {"role": "system", "content": "You check whether an answer is supported by the given passages."},
        {
            "role": "user",
            "content": f"Passages:\n{context}\n\nAnswer:\n{output}\n\nWhat share of the answer's "
            "statements is supported by the passages? Reply with one number from 0 to 1.",
        },
    ]
    m = re.search(r"\d+(?:\.\d+)?", judge(messages) or "")
    if not m:
        return None
    value = float(m.group())
    return value / 100 if value > 1 else value  # some models answer in percent


def _verdict(check: str, score: float, reason: str) -> Verdict:
    score = max(0.0, min(1.0, round(score, 4)))
    return Verdict(check=check, family=FAMILY, passed=score >= THRESHOLDS[check], score=score, reason=reason)


def score(row: Row, output: str | None, passages, judge=None) -> tuple[Verdict, ...]:
    """Retrieval verdicts for one row of a variant that retrieves (no passages: recall 0).

    context_recall/precision need ``row.expected`` stated literally (not a yes/no); faithfulness
    needs an output. A metric that cannot be computed is left out, not failed."""
    passages = tuple(p for p in passages or () if isinstance(p, Passage) or hasattr(p, "text"))
    out: list[Verdict] = []
    if (row.expected or "").strip() and literal_answer(row.expected):
        if not passages:
            out += [_verdict("context_recall", 0.0, "no_passages"), _verdict("context_precision", 0.0, "no_passages")]
        else:
            recall = context_recall(row.expected, passages)
            out.append(
                _verdict("context_recall", recall, "answer_in_passages" if recall >= 1.0 else f"coverage={recall:.2f}")
            )
            precision, hits = context_precision(row.expected, passages)
            out.append(_verdict("context_precision", precision, f"relevant={hits}/{len(passages)}"))
    if passages and output and output.strip():
        judged = None
        if judge is not None:
            try:
                judged = _judge_faithfulness(judge, output, passages)
            except Exception:  # noqa: BLE001 - a failed judge call falls back to the lexical measure
                judged = None
        if judged is not None:
            out.append(_verdict("faithfulness", judged, "llm_judge"))
        else:
            value, ok, n = faithfulness(output, passages)
            out.append(_verdict("faithfulness", value, f"supported={ok}/{n}"))
    return tuple(out)
