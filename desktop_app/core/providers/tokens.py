"""Exact token counts for OpenAI models, offline.

``tiktoken.get_encoding()`` downloads its BPE table at first use and fails without a network,
which the desktop app cannot rely on. The o200k_base and cl100k_base tables ship gzipped in
``core/encodings/`` and are loaded into tiktoken's own ``Encoding`` (so the BPE code is OpenAI's,
maintained upstream). Each table is checked against the SHA-256 that tiktoken pins for the
official file, so a count here equals tiktoken's online count, token for token.

Models whose tokenizer we do not have (local Llama, Qwen, ...) are counted with o200k_base as
an approximation and flagged by ``is_exact(model) == False``: a cost/time estimate needs a
number, not an exact one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
import threading
from pathlib import Path
from typing import Any, Iterable

import tiktoken

from desktop_app.core.errors import AppError

ENCODINGS_DIR = Path(__file__).resolve().parent.parent / "encodings"
DEFAULT_ENCODING = "o200k_base"

# Chat-format overhead as OpenAI documents it for current chat models (cookbook
# "How to count tokens with tiktoken"): each message costs 3 tokens around its content
# (<|start|>role<|message|>...<|end|>), a `name` field 1 more, and every reply is primed
# with 3 tokens (<|start|>assistant<|message|>).
TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING = 3

# The encoding definitions, as in tiktoken_ext/openai_public.py (tiktoken 0.7-0.14). The hash is
# the one tiktoken pins for the downloaded file; a test compares all of this with tiktoken's.
_O200K_PATTERN = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
_CL100K_PATTERN = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|"""
    r""" ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
)
SPECS: dict[str, dict[str, Any]] = {
    "o200k_base": {
        "pat_str": _O200K_PATTERN,
        "special_tokens": {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
        "sha256": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    },
    "cl100k_base": {
        "pat_str": _CL100K_PATTERN,
        "special_tokens": {
            "<|endoftext|>": 100257,
            "<|fim_prefix|>": 100258,
            "<|fim_middle|>": 100259,
            "<|fim_suffix|>": 100260,
            "<|endofprompt|>": 100276,
        },
        "sha256": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    },
}

# Model id -> encoding, first match wins (same families as tiktoken.model, which needs no download
# for this lookup but knows no local models). "ft:" fine-tunes use their base model's tokenizer.
_MODEL_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(chatgpt-4o|gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o\d)(\b|[-_.:])"), "o200k_base"),
    (
        re.compile(r"^(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)"),
        "cl100k_base",
    ),
)

_lock = threading.Lock()
_loaded: dict[str, tiktoken.Encoding] = {}


def _table_path(name: str) -> Path:
    return ENCODINGS_DIR / f"{name}.tiktoken.gz"


def _load_ranks(name: str) -> dict[bytes, int]:
    import base64

    path = _table_path(name)
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise AppError(
            f"The token table {name} is missing or damaged ({path.name}).",
            "Reinstall LLM Path Advisor; token counts and cost estimates need it.",
        ) from exc
    if hashlib.sha256(raw).hexdigest() != SPECS[name]["sha256"]:
        raise AppError(
            f"The token table {name} does not match OpenAI's published file.",
            "Reinstall LLM Path Advisor; token counts and cost estimates need it.",
        )
    ranks: dict[bytes, int] = {}
    for line in raw.splitlines():
        if line:
            token, rank = line.split()
            ranks[base64.b64decode(token)] = int(rank)
    return ranks


def get_encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    """The tiktoken ``Encoding`` for ``name`` built from the bundled table (no network, cached)."""
    if name not in SPECS:
        raise AppError(f"Unknown token encoding '{name}'.", f"Use one of: {', '.join(SPECS)}.")
    with _lock:  # one load even when several threads ask at once (~0.3 s for o200k)
        enc = _loaded.get(name)
        if enc is None:
            spec = SPECS[name]
            enc = tiktoken.Encoding(
                name=name,
                pat_str=spec["pat_str"],
                mergeable_ranks=_load_ranks(name),
                special_tokens=dict(spec["special_tokens"]),
            )
            _loaded[name] = enc
        return enc


def _base_model(model: str) -> str:
    model = (model or "").strip().lower()
    if model.startswith("ft:"):  # ft:gpt-4o-mini-2024-07-18:org::id
        model = model[3:].split(":", 1)[0]
    return model.rsplit("/", 1)[-1]  # "openai/gpt-4o" style ids of routers and proxies


def encoding_name_for(model: str) -> tuple[str, bool]:
    """(encoding name, exact) for a model id; unknown models get o200k_base with exact=False."""
    base = _base_model(model)
    for pattern, name in _MODEL_RULES:
        if pattern.match(base):
            return name, True
    return DEFAULT_ENCODING, False


def is_exact(model: str) -> bool:
    """True when counts for ``model`` are the provider's own; False for an approximation."""
    return encoding_name_for(model)[1]


def encoding_for(model: str) -> tiktoken.Encoding:
    return get_encoding(encoding_name_for(model)[0])


# Beyond this many characters a text's tokens are extrapolated from its first part: one 300 MB
# spreadsheet cell took 98 s and 15.9 GB to tokenise exactly, for an estimate.
EXACT_CHARS = 200_000


def _length(enc: tiktoken.Encoding, text: str) -> tuple[int, bool]:
    """(tokens, extrapolated): exact up to EXACT_CHARS, else scaled from the first EXACT_CHARS."""
    if len(text) <= EXACT_CHARS:
        return len(enc.encode_ordinary(text)), False
    head = len(enc.encode_ordinary(text[:EXACT_CHARS]))
    return math.ceil(head * len(text) / EXACT_CHARS), True


def count(text: str, model: str = "gpt-4o-mini") -> int:
    """Tokens in ``text`` for ``model``. Special-token strings in user text count as plain text,
    as the API treats them. A text over EXACT_CHARS is extrapolated from its start."""
    if not text:
        return 0
    return _length(encoding_for(model), text)[0]


def count_many(texts: Iterable[str], model: str = "gpt-4o-mini") -> list[int]:
    """Token counts of many texts at once (tiktoken batches them in its native code)."""
    texts = [t or "" for t in texts]
    if not texts:
        return []
    enc = encoding_for(model)
    if all(len(t) <= EXACT_CHARS for t in texts):
        return [len(ids) for ids in enc.encode_ordinary_batch(texts)]
    return [_length(enc, t)[0] for t in texts]


def _content_text(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts: count the text parts; images are not estimated
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type", "text") == "text")
    return json.dumps(content, ensure_ascii=False)


def count_messages(messages: Iterable[dict], model: str = "gpt-4o-mini") -> int:
    """Prompt tokens a chat request with ``messages`` costs, per OpenAI's documented overhead."""
    return measure_messages(messages, model)[0]


def measure_messages(messages: Iterable[dict], model: str = "gpt-4o-mini") -> tuple[int, bool]:
    """(``count_messages``, whether a very long text in them was extrapolated rather than counted)."""
    enc = encoding_for(model)
    total, extrapolated = REPLY_PRIMING, False
    for message in messages:
        total += TOKENS_PER_MESSAGE
        for key, value in message.items():
            if key == "content":
                text = _content_text(value)
            elif isinstance(value, str):
                text = value
            else:  # tool_calls and the like: their JSON is a fair approximation
                text = json.dumps(value, ensure_ascii=False)
            if text:
                n, guessed = _length(enc, text)
                total += n
                extrapolated = extrapolated or guessed
            if key == "name":
                total += TOKENS_PER_NAME
    return total, extrapolated
