"""Text normalization and tokenization shared by checks, retrieval and BM25.

Japanese and Chinese have no spaces, so a whitespace split would make every sentence one
token: CJK runs become characters (for F1-style overlap) or character bigrams (for search),
Latin letters and digits stay words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Hiragana, katakana (incl. half-width after NFKC), CJK ideographs, Hangul.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN_RE = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE)
_CJK_RE = re.compile(rf"^[{_CJK}]+$")
_PUNCT_SPACE_RE = re.compile(r"[\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Fold width (全角/半角), case, punctuation and whitespace so equal answers compare equal."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _PUNCT_SPACE_RE.sub(" ", text).strip()


def is_cjk(token: str) -> bool:
    return bool(_CJK_RE.match(token))


def tokens(text: str, *, cjk: str = "char") -> list[str]:
    """Words for Latin scripts; CJK runs split into characters (``cjk="char"``), bigrams, or kept
    whole (``cjk="run"``, for a morphological analyser to cut)."""
    out: list[str] = []
    for run in _TOKEN_RE.findall(normalize(text)):
        if not is_cjk(run):
            out.append(run)
        elif cjk == "run":
            out.append(run)
        elif cjk == "bigram" and len(run) > 1:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.extend(run)
    return out


_DIGIT_GROUP = re.compile(r"(?<=\d)[,'](?=\d{3}(?!\d))")


# Several checks fold the same output of a row in a row; Unicode normalization dominates the
# cost on long answers, so the last few results are kept.
@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Normalized text with '1,000' and '１，０００' both written '1000'."""
    text = unicodedata.normalize("NFKC", text or "")
    return normalize(_DIGIT_GROUP.sub("", text))


@lru_cache(maxsize=64)
def fold_tokens(text: str) -> tuple[str, ...]:
    """Folded tokens, CJK per character."""
    return tuple(tokens(fold(text), cjk="char"))


def contains_run(needle_text: str, hay_text: str) -> bool:
    """The folded tokens of needle appear contiguously in hay: CJK per character (a substring),
    Latin letters and digits as whole words ('15' is not found in '150', 'cat' not in
    'concatenate', "2 years" not in "12 years"). The one home of whole-word matching: checks,
    retrieval metrics and verdicts all call this."""
    return run_in(fold_tokens(needle_text), fold_tokens(hay_text))


def run_in(needle, hay) -> bool:
    """``needle`` (a token sequence) appears contiguously in ``hay``."""
    n = len(needle)
    if n == 0:
        return False
    first = needle[0]
    return any(hay[i] == first and tuple(hay[i : i + n]) == tuple(needle) for i in range(len(hay) - n + 1))


ROW_LABEL_CHARS = 60  # enough of a question to tell it from its neighbours in a list of links


def short_text(text: str, width: int = ROW_LABEL_CHARS) -> str:
    """The start of a row's text on one line, cut at a word where one is near, with an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    cut = flat[:width]
    space = cut.rfind(" ")
    return (cut[:space] if space >= width * 2 // 3 else cut).rstrip(" ,.;:、。") + "…"
