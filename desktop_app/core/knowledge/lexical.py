"""BM25 beside Chroma (local Chroma has no sparse index), over CJK-bigram tokens or, with the
``sudachi`` tokenisation, Japanese words from a morphological analyser (japanese.py).

bm25s builds from a whole corpus, so a change rebuilds it from the tokens kept in the chunk
store (about a second for 10,000 chunks); the index is saved with the store generation it
was built from, and a stale one is rebuilt on open.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from desktop_app.core.knowledge.japanese import words
from desktop_app.core.text import is_cjk, tokens

if TYPE_CHECKING:
    import bm25s  # for its types only; _bm25s() imports it when an index is first built or loaded


def _bm25s():
    import bm25s  # noqa: PLC0415 - on the first build or load, not when the app starts

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every build at DEBUG; core never prints
    return bm25s


_IDENT = re.compile(r"[a-z0-9]+(?:[-_./][a-z0-9]+)*")
_DIGIT, _ALPHA, _SEP = re.compile(r"\d"), re.compile(r"[a-z]"), re.compile(r"[-_./]")


def identifiers(text: str) -> list[str]:
    """Product codes, part and model numbers ("KX-7731", "x5"): runs mixing letters and digits,
    width- and case-folded, separators dropped, so "kx7731" and "ＫＸ－７７３１" match "KX-7731"."""
    found = []
    for m in _IDENT.finditer(unicodedata.normalize("NFKC", text or "").casefold()):
        word = m.group()
        # isalpha/isdigit run in C and reject plain words and numbers before the slower checks.
        if not word.isalpha() and not word.isdigit() and _DIGIT.search(word) and _ALPHA.search(word):
            found.append(_SEP.sub("", word))
    return list(dict.fromkeys(found))


# English function words: in a small knowledge base they occur in most chunks yet still
# outscore a question's content words often enough to push the right chunk out of the top-k.
_STOPWORDS = frozenset(
    """a an and are as at be but by can do does for from has have how i if in into is it
its me my no not of on or so such that the their then there these they this to was we what when where
which who why will with you your""".split()
)


def _cjk_words(text: str) -> list[str]:
    out: list[str] = []
    for tok in tokens(text, cjk="run"):
        out.extend(words(tok) if is_cjk(tok) else (tok,))
    return out


def tokenize(text: str, tokenizer: str = "bigram") -> list[str]:
    """Words and CJK bigrams (or Japanese words), plus each identifier written as one word:
    "KX-7731" also indexes "kx7731", so a user who types the code without its hyphen finds it."""
    raw = _cjk_words(text) if tokenizer == "sudachi" else tokens(text, cjk="bigram")
    toks = [t for t in raw if t not in _STOPWORDS]
    known = set(toks)
    return toks + [c for c in identifiers(text) if c not in known]


class LexicalIndex:
    """The BM25 index and the chunk id of each of its rows. ids, index and generation are swapped
    as one tuple, so a search running while the index is rebuilt sees the old or the new one."""

    def __init__(self, folder: Path, tokenizer: str = "bigram"):
        self.folder = Path(folder)
        self.tokenizer = tokenizer  # queries must be cut the way the chunks were
        self._state: tuple[list[str], bm25s.BM25 | None, int] = ([], None, -1)

    @property
    def generation(self) -> int:
        return self._state[2]

    def build(self, ids: list[str], token_lists: list[list[str]], generation: int) -> None:
        bm25 = None
        if ids:
            bm25 = _bm25s().BM25()
            bm25.index(token_lists, show_progress=False)
        self._state = (list(ids), bm25, generation)

    def save(self) -> None:
        ids, bm25, generation = self._state
        tmp = self.folder.with_name(self.folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if bm25 is not None:
            bm25.save(str(tmp), show_progress=False)
        (tmp / "ids.json").write_text(json.dumps({"generation": generation, "ids": ids}), "utf-8")
        # Swap folders so a reader never sees half an index; a crash leaves the old one or none,
        # and a missing or stale index is rebuilt from the chunk store on open.
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(old)
        tmp.rename(self.folder)
        shutil.rmtree(old, ignore_errors=True)

    def load(self) -> bool:
        """Load the saved index; False when there is none or it cannot be read."""
        try:
            meta = json.loads((self.folder / "ids.json").read_text("utf-8"))
            ids = list(meta["ids"])
            bm25 = _bm25s().BM25.load(str(self.folder), show_progress=False) if ids else None
            generation = int(meta.get("generation", -1))
        except Exception:  # noqa: BLE001 - any damage means rebuild from the chunk store
            return False
        self._state = (ids, bm25, generation)
        return True

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        ids, bm25, _ = self._state
        if bm25 is None:
            return []
        vocab = bm25.vocab_dict
        toks = [t for t in tokenize(query, self.tokenizer) if t in vocab]
        if not toks:
            return []
        scores = bm25.get_scores(toks)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(ids[i], float(scores[i])) for i in top if scores[i] > 0]
