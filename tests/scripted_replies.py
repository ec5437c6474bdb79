"""How the scripted server answers: a reply's shape (text, refusal, usage, an HTTP status), the
deterministic hashed embedding, the texts of a request a rule reads, and ready-made rules (a
re-ranking rater that rates a passage by whether it holds the expected answer).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Callable

from desktop_app.core.text import tokens

EMBED_DIM = 64


@dataclass
class Reply:
    """What the server sends for one chat request; a rule may return this or a plain string.

    ``raw``: send these bytes as the body instead of a chat completion (an HTML page from a
    proxy, a JSON list, broken JSON, ``choices: []``), as misconfigured servers do."""

    content: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    raw: bytes | None = None
    content_type: str = "application/json"


def hashed_embedding(text: str, dim: int = EMBED_DIM) -> list[float]:
    """Deterministic bag-of-tokens vector: texts sharing words (or CJK bigrams) point alike."""
    vec = [0.0] * dim
    for tok in tokens(text, cjk="bigram"):
        h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "big")
        vec[h % dim] += 1.0 if (h >> 32) & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vec)) or 1.0
    return [v / norm for v in vec]


def prompt_tokens_of(text: str) -> int:
    """Tokens as a real tokenizer roughly counts them: about 4 characters of Latin text, about one
    CJK character each."""
    cjk = sum(1 for c in text if "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff")
    return cjk + (len(text) - cjk) // 4 + 1


def tail_of(text: str, tokens: int) -> str:
    """The end of ``text`` that holds ``tokens`` tokens: what a server that cuts from the start keeps."""
    used, start = 1.0, len(text)
    while start > 0:
        c = text[start - 1]
        used += 1.0 if ("\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff") else 0.25
        if used > tokens:
            break
        start -= 1
    return text[start:]


def prompt_text(request: dict) -> str:
    """All message text of a chat request joined, for rules that look for facts in the prompt."""
    parts = []
    for msg in request.get("messages", []):
        content = msg.get("content")
        if isinstance(content, list):
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        parts.append(str(content or ""))
    return "\n".join(parts)


def last_user_text(request: dict) -> str:
    for msg in reversed(request.get("messages", [])):
        if msg.get("role") == "user":
            content = msg.get("content")
            return content if isinstance(content, str) else json.dumps(content)
    return ""


def rating_rule(answers: dict[str, str], otherwise: Callable[[dict], "str | Reply"] | None = None):
    """A chat rule for re-ranking: a rating request ("Rate from 0 ...") gets 10 when its passage
    holds the expected answer of its question (``answers``: question -> answer), else 1; any
    other request goes to ``otherwise``."""
    import re

    def rule(request: dict) -> "str | Reply":
        text = last_user_text(request)
        if "Rate from 0" in text:
            m = re.match(r"Question: (.*?)\n\nPassage:\n(.*)\n\nRate from 0", text, re.S)
            answer = answers.get(m.group(1).strip(), "") if m else ""
            return "10" if answer and answer in m.group(2) else "1"
        return (otherwise or _default_chat_rule)(request)

    return rule


def _default_chat_rule(request: dict) -> str:
    return "scripted answer"
