"""Text normalization and tokenization shared by checks, retrieval and BM25.

Japanese and Chinese have no spaces, so a whitespace split would make every sentence one
token: CJK runs become characters (for F1-style overlap) or character bigrams (for search),
Latin letters and digits stay words.
"""
from __future__ import annotations

import re
import unicodedata

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
    """Words for Latin scripts; CJK runs split into characters (``cjk="char"``) or bigrams."""
    out: list[str] = []
    for run in _TOKEN_RE.findall(normalize(text)):
        if not is_cjk(run):
            out.append(run)
        elif cjk == "bigram" and len(run) > 1:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
        else:
            out.extend(run)
    return out
