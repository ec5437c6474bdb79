"""Japanese words for BM25, from the Sudachi morphological analyser and its bundled dictionary.

Character bigrams (the default) index every pair of characters, so 交換 also matches 換し;
an analyser cuts 交換してください into 交換 / し / て / ください and folds spelling variants
(か月 and ヶ月 are both 箇月), which BM25 can weigh as words. Particles, auxiliaries and
symbols are dropped: in Japanese they are the stop words. The dictionary is memory-mapped
on first use (about 0.05 s); nothing is downloaded.
"""

from __future__ import annotations

import threading

from desktop_app.core.errors import KnowledgeError
from desktop_app.core.phrases import phrase, translate

_DROP = frozenset({"助詞", "助動詞", "補助記号", "空白", "記号"})
_LOCAL = threading.local()  # a Sudachi tokenizer is not safe to share between threads
_DICT_LOCK = threading.Lock()
_DICTIONARY = None


def _tokenizer():
    tok = getattr(_LOCAL, "tokenizer", None)
    if tok is None:
        global _DICTIONARY
        with _DICT_LOCK:
            if _DICTIONARY is None:
                try:
                    from sudachipy import Dictionary

                    _DICTIONARY = Dictionary(dict="core")
                except Exception as exc:  # noqa: BLE001 - a broken install shows as several kinds
                    raise KnowledgeError(
                        phrase(
                            translate("KnowledgeErrors", "The Japanese word analyser could not be loaded ({problem})."),
                            problem=exc,
                        ),
                        translate(
                            "KnowledgeErrors",
                            "Switch the keyword tokenisation back to character pairs, or reinstall the app.",
                        ),
                    ) from exc
        from sudachipy import SplitMode

        # Mode A gives the shortest units: 商品番号 also matches 番号 alone, which recall needs.
        tok = _LOCAL.tokenizer = _DICTIONARY.tokenizer(mode=SplitMode.A)
    return tok


def words(run: str) -> list[str]:
    """Content words of a run of Japanese text, each in its dictionary's normalised form."""
    out = []
    for m in _tokenizer().tokenize(run):
        if m.part_of_speech()[0] in _DROP:
            continue
        form = m.normalized_form() or m.surface()
        if form.strip():
            out.append(form)
    return out


def available() -> bool:
    """True when the analyser and its dictionary load (the self-test and the lab ask this)."""
    try:
        return bool(words("交換してください"))
    except KnowledgeError:
        return False
