"""Is the expected answer asserted by an answer? right, wrong, or unsure - decided from text alone.

Order of questions, each answered on the normalized reading of both texts (quantities.reading):
1. A refusal ("I don't have that information", 「わかりません」) is wrong.
2. A date expected: the same date asserted is right; another date, or another year, is wrong;
   the same month without the day is unsure.
3. Numbers expected: among the answer's numbers of the same unit (or bare), the expected value
   asserted - not negated, not one of several candidates, and, when the answer gives other
   values too, the one attached to what the question asks about - is right; other values
   only are wrong; numbers in other units only ("24 months" for "2 years") are unsure.
4. Otherwise the phrase: found as whole words (CJK as characters), asserted -> right; found
   but negated or hedged -> wrong; a code of the same shape but different (IP67 for IP68) ->
   wrong; a short answer sharing nothing with it -> wrong; partial overlap -> unsure.
The reason is a plain sentence for the person reading the verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from desktop_app.core.checks.assertion import hedged, negated, refuses
from desktop_app.core.checks.quantities import Quantity, Reading, amounts, compatible, day_span, in_base, reading
from desktop_app.core.text import is_cjk, tokens
from desktop_app.core.checks import reasons as R
from desktop_app.core.phrases import phrase

_STOP = frozenset(
    """a an the of to in on at by for with from and or but is are was were be been it its this that
there it's what which who how many much does do did has have had will can you your i we they about per""".split()
)
_HIRAGANA = re.compile(r"^[\u3040-\u309f]+$")
SHORT_ANSWER_TOKENS = 14  # a sentence or so: long enough to say something else, too short to paraphrase at length
WINDOW_TOKENS, WINDOW_CHARS = 3, 6  # how near a word must be to a number to count as what it is attached to


@dataclass(frozen=True)
class Decision:
    outcome: str  # "right" | "wrong" | "unsure"
    score: float  # 0..1, ranks near misses
    reason: str  # a plain sentence


def _right(reason: str) -> Decision:
    return Decision("right", 1.0, reason)


def _wrong(reason: str, score: float = 0.0) -> Decision:
    return Decision("wrong", score, reason)


def decide(expected: str, answer: str, question: str = "") -> Decision:
    exp, ans = reading(expected), reading(answer)
    if refuses(ans.text):
        return _wrong(R.DECLINES)
    other_address = _other_address(exp.text, ans.text)
    if other_address is not None:
        return other_address
    polarity = _polarity(exp.text), _polarity(ans.text)
    if None not in polarity and polarity[0] != polarity[1]:
        return _wrong(R.YES_NO_FLIPPED)
    full = [d for d, _, _ in exp.dates if isinstance(d, date)]
    if full:
        return _decide_date(full[0], ans)
    if exp.quantities:
        found = _decide_numbers(exp, ans, reading(question) if question else None, question)
        if found is not None:
            return found
        if _says_free(exp, ans):
            return _wrong(
                phrase(R.SAYS_FREE, want=_show(next(q for q in exp.quantities if q.unit in _MONEY), exp.text))
            )
        if _no_amount(ans, exp):
            return _wrong(R.NO_AMOUNT)
        no_number = Decision("unsure", 0.0, R.NO_NUMBER_IN_UNIT)
        if not _content(exp.text, without=exp.quantities):
            return no_number
        found = _decide_text(exp, ans)
        # Numbers in other units may say the same ("3日" for 「3営業日」): never wrong for sharing no word.
        return no_number if found.outcome == "wrong" and found.reason == R.SOMETHING_ELSE else found
    return _decide_text(exp, ans)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _other_address(expected: str, answer: str) -> Decision | None:
    """An e-mail address is exact: an answer that gives only other addresses is wrong."""
    want = set(_EMAIL.findall(expected))
    got = _EMAIL.findall(answer)
    if not want or not got or want & set(got):
        return None
    return _wrong(phrase(R.OTHER_VALUE, got=got[0], want=sorted(want)[0]))


_MONEY = ("usd", "jpy")
_FREE = re.compile(r"\b(?:free|no charge|at no cost|no cost|no fee)\b|無料|タダ")


def _says_free(exp: Reading, ans: Reading) -> bool:
    """A price is expected; the answer calls it free and names no price ("Delivery is free." for $4.95)."""
    if not any(q.unit in _MONEY and q.value > 0 for q in exp.quantities):
        return False
    if any(q.unit in _MONEY for q in ans.quantities):
        return False
    return any(not negated(ans.text, m.start(), m.end()) for m in _FREE.finditer(ans.text))


_YES = re.compile(r"^\W*(?:yes|はい|ええ)(?![a-z])")
_NO = re.compile(r"^\W*(?:no|いいえ|いえ)(?![a-z])")


def _polarity(text: str) -> bool | None:
    """True / False for an answer that opens with yes / no (はい / いいえ), else None."""
    return True if _YES.match(text) else False if _NO.match(text) else None


_AMOUNT_WORDS = re.compile(r"\b(?:a|an|half|dozen|couple|few|several|once|twice|free|none|zero)\b|半|数|倍|無料")


def _no_amount(ans: Reading, exp: Reading) -> bool:
    """A short answer with no digit, no amount word ("an hour and a half", 「半年」) and no word of
    the expected answer cannot be giving the expected number in other words."""
    return (
        not re.search(r"\d", ans.text)
        and not _AMOUNT_WORDS.search(ans.text)
        and len(_content(ans.text)) <= SHORT_ANSWER_TOKENS
        and not set(_content(exp.text, without=exp.quantities)) & set(_content(ans.text))
    )


# -- dates -----------------------------------------------------------------------------------
def _decide_date(want: date, ans: Reading) -> Decision:
    same = [(s, e) for d, s, e in ans.dates if d == want]
    if any(not negated(ans.text, s, e) and not hedged(ans.text, s, e) for s, e in same):
        return _right(phrase(R.SAME_DATE, date=want.isoformat()))
    if same:
        return _wrong(R.DATE_DENIED)
    other = [d for d, _, _ in ans.dates if isinstance(d, date)]
    if other:
        return _wrong(phrase(R.OTHER_DATE, got=other[0].isoformat(), want=want.isoformat()))
    partial = [d for d, _, _ in ans.dates if not isinstance(d, date)]
    if any(y != want.year or (m is not None and m != want.month) for y, m in partial):
        return _wrong(phrase(R.OTHER_YEAR_MONTH, want=want.isoformat()))
    if partial:
        return Decision("unsure", 0.5, R.DATE_NO_DAY)
    return Decision("unsure", 0.0, R.NO_DATE)


# -- numbers ---------------------------------------------------------------------------------
_SUPERSCRIPT = {"m2": ("m2", "m²"), "m3": ("m3", "m³"), "m3/h": ("m3", "m³")}  # normalization wrote ² as 2


def _show(q: Quantity, text: str) -> str:
    """The quantity as the text wrote it (after normalization): "2年間", "150 kg", "9:00", "32 m²"."""
    shown = text[q.start : q.end].strip()
    plain, sup = _SUPERSCRIPT.get(q.unit or "", ("", ""))
    return shown.replace(plain, sup) if plain else shown


def _decide_numbers(exp: Reading, ans: Reading, asked: Reading | None, question: str) -> Decision | None:
    needed = list({(q.value, q.unit): q for q in exp.quantities}.values())
    in_question = {(q.value, q.unit) for q in asked.quantities} if asked else set()
    # Numbers the question itself holds ("orders under $50", 「1回の服用量」) are not the answer's own.
    pool = [q for q in ans.quantities if (q.value, q.unit) not in in_question or any(q.same(x) for x in needed)]
    for want in needed:
        converted = _converted(want, pool, ans.text)
        if converted is not None:
            if len(needed) == 1:
                return converted
            continue
        cands = [q for q in pool if compatible(want, q)]
        if not cands:
            return _other_amount(want, pool, ans.text, exp.text) if len(needed) == 1 else None
        matches = [q for q in cands if q.same(want)]
        if not matches:
            return _wrong(phrase(R.OTHER_VALUE, got=_show(cands[0], ans.text), want=_show(want, exp.text)))
        asserted = [q for q in matches if not negated(ans.text, q.start, q.end)]
        if not asserted:
            return _wrong(phrase(R.VALUE_DENIED, want=_show(want, exp.text)))
        if all(hedged(ans.text, q.start, q.end) for q in asserted):
            return _wrong(phrase(R.VALUE_HEDGED, want=_show(want, exp.text)))
        if len(needed) == 1 and any(not q.same(want) for q in cands):
            best = _attached(cands, ans.text, question)
            if not best.same(want):
                return _wrong(phrase(R.VALUE_FOR_OTHER, got=_show(best, ans.text), want=_show(want, exp.text)))
    return _right(phrase(R.SAME_VALUES, values=", ".join(_show(q, exp.text) for q in needed)))


def _converted(want: Quantity, pool: list[Quantity], text: str) -> Decision | None:
    """The expected amount stated in other units or in parts ("2 years and 3 months" for 27
    months, "240 seconds" for 4 minutes), asserted: right; denied or hedged: wrong; None when
    the answer states no such amount (the unit-by-unit comparison then decides)."""
    target = in_base(want)
    if target is None:
        return None
    same = [
        (s, e)
        for family, value, s, e in amounts(tuple(pool), text)
        if family == target[0] and abs(value - target[1]) < 1e-6 * max(1.0, target[1])
    ]
    if not same or all(any(q.start == s and q.end == e and q.unit == want.unit for q in pool) for s, e in same):
        return None  # not stated at all, or only in the expected unit itself (compared as usual)
    if any(not negated(text, s, e) and not hedged(text, s, e) for s, e in same):
        return _right(phrase(R.OTHER_UNITS, got=text[same[0][0] : same[0][1]]))
    return _wrong(R.AMOUNT_DENIED)


def _other_amount(want: Quantity, pool: list[Quantity], text: str, expected: str) -> Decision | None:
    """One amount in other units that cannot be the expected one is another value: exactly
    converted in its family ("1 year" for 6 months, "800 g" for 1.2 kg), or, for durations in
    units with no exact conversion, too long or short whatever the calendar ("2 years" for 30
    days). Undecided when it could be ("about a month" for 30 days), or when the answer states
    more than one such amount (which one answers the question is not plain)."""
    target = in_base(want)
    if target is None:
        return None
    wanted = day_span(*target)
    stated = []
    for family, value, s, e in amounts(tuple(pool), text):
        if family == target[0]:
            stated.append((abs(value - target[1]) < 1e-6 * max(1.0, target[1]), s, e))
        elif wanted is not None and (span := day_span(family, value)) is not None:
            stated.append((span[0] <= wanted[1] and wanted[0] <= span[1], s, e))
    quantities = {(q.start, q.end) for q in pool if any(s <= q.start and q.end <= e for _, s, e in stated)}
    if len(quantities) != 1 or any(could for could, _, _ in stated):
        return None
    asserted = [(s, e) for _, s, e in stated if not negated(text, s, e) and not hedged(text, s, e)]
    if not asserted:
        return None
    s, e = max(asserted, key=lambda span: span[1] - span[0])  # "2 years and 4 months", not "4 months"
    return _wrong(phrase(R.OTHER_VALUE, got=text[s:e].strip(), want=_show(want, expected)))


def _stem(token: str) -> str:
    return token[:5] if len(token) > 5 else token.rstrip("s")


def _question_terms(question: str) -> set[str]:
    terms = set()
    for tok in tokens(question, cjk="char"):
        if is_cjk(tok):
            if not _HIRAGANA.match(tok):
                terms.add(tok)
        elif tok not in _STOP and not tok.isdigit():
            terms.add(_stem(tok))
    return terms


def _attached(cands: list[Quantity], text: str, question: str) -> Quantity:
    """The candidate whose neighbouring words the question uses most (the first on a tie)."""
    terms = _question_terms(question)
    from desktop_app.core.checks.assertion import _CLAUSE, _bounds  # noqa: PLC0415 - one home for clauses

    def score(q: Quantity) -> int:
        left, right = _bounds(_CLAUSE, text, q.start, q.end)
        before, after = tokens(text[left : q.start], cjk="char"), tokens(text[q.start : right], cjk="char")
        latin = [t for t in before if not is_cjk(t)][-WINDOW_TOKENS:] + [t for t in after if not is_cjk(t)][
            : 1 + WINDOW_TOKENS
        ]
        cjk = [t for t in before if is_cjk(t)][-WINDOW_CHARS:] + [t for t in after if is_cjk(t)][:WINDOW_CHARS]
        return len(({_stem(t) for t in latin} | set(cjk)) & terms)

    return max(cands, key=lambda q: (score(q), -q.start))


# -- phrases ---------------------------------------------------------------------------------
def _content(text: str, without: tuple[Quantity, ...] = ()) -> list[str]:
    """Content units of a text: Latin words (no stop words), CJK bigrams holding a non-hiragana
    character (a lone CJK character where the run is one long)."""
    for q in sorted(without, key=lambda q: -q.start):
        text = text[: q.start] + " " + text[q.end :]
    out: list[str] = []
    for run in re.findall(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+|[^\W_]+", text):
        if is_cjk(run):
            grams = [run[i : i + 2] for i in range(len(run) - 1)] or [run]
            out += [g for g in grams if not _HIRAGANA.match(g)]
        elif run not in _STOP:
            out.append(run)
    return out


def _phrase_pattern(text: str) -> re.Pattern | None:
    parts = tokens(text, cjk="char")
    if not parts:
        return None
    body = r"[\W_]*".join(re.escape(p) for p in parts)
    head = "" if is_cjk(parts[0]) else r"(?<![a-z0-9])"
    tail = "" if is_cjk(parts[-1]) else r"(?:s|es)?(?![a-z0-9])"
    return re.compile(head + body + tail)


def _decide_text(exp: Reading, ans: Reading) -> Decision:
    pattern = _phrase_pattern(exp.text)
    spans = [m.span() for m in pattern.finditer(ans.text)] if pattern else []
    if spans:
        if any(not negated(ans.text, s, e) and not hedged(ans.text, s, e) for s, e in spans):
            return _right(R.STATES)
        if all(negated(ans.text, s, e) for s, e in spans):
            return _wrong(R.DENIES)
        return _wrong(R.HEDGES)
    compact_exp, compact_ans = re.sub(r"[\W_]", "", exp.text), re.sub(r"[\W_]", "", ans.text)
    if compact_exp and compact_exp in compact_ans:
        return _right(R.STATES_RESPACED)
    want, have = _content(exp.text), _content(ans.text)
    if not want:
        return Decision("unsure", 0.0, R.NOTHING_TO_FIND)
    if _other_code(want, have):
        return _wrong(R.OTHER_CODE)
    found = sum(1 for w in set(want) if _seen(w, have))
    recall = found / len(set(want))
    if recall >= 1.0:
        return _right(R.EVERY_WORD)
    # Nothing shared: a short answer says something else, and so does a long one that never names
    # a one- or two-word expected answer; a longer expected answer may be paraphrased at length.
    if recall == 0.0 and (len(have) <= SHORT_ANSWER_TOKENS or len(set(want)) <= 2):
        return _wrong(R.SOMETHING_ELSE)
    return Decision("unsure", round(recall, 4), phrase(R.SOME_WORDS, found=found, total=len(set(want))))


def _seen(word: str, have: list[str]) -> bool:
    if word in have:
        return True
    if is_cjk(word[0]) or len(word) < 4:
        return False
    return any(len(h) >= 4 and fuzz.ratio(word, h) >= 85 for h in have)


def _other_code(want: list[str], have: list[str]) -> bool:
    """An expected code (letters and digits: IP68, HF220) missing while one of the same shape is there."""

    def shape(t: str) -> str:
        return re.sub(r"\d", "#", t)

    codes = [w for w in want if re.search(r"\d", w) and re.search(r"[a-z]", w)]
    return any(w not in have and any(h != w and shape(h) == shape(w) for h in have) for w in codes)
