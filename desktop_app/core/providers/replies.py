"""What came back from a provider, judged before it is trusted as the model's answer.

A proxy's HTML page, a JSON list, ``choices: []`` or ``content: null`` without a refusal are not
answers: they become an error of the row with a plain reason (never stored or cached as the
model's empty text, so a resume asks again). (A 429 that is a quota or billing limit:
``providers.client.is_quota_error``.) ``error_text`` is how a failed request is written on its row.
Runs and the connection Test both judge replies here, so a server Test calls working is one a run
can use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import openai

from desktop_app.core.providers.secrets import scrub_keys


def read_answer(resp: Any) -> tuple[str | None, str | None]:
    """(the answer's text, None) or (None, why it is not an answer)."""
    choices = getattr(resp, "choices", None)
    if not isinstance(choices, list):
        shown = resp[:80] if isinstance(resp, str) else type(resp).__name__
        return None, f"the server's reply is not a chat completion ({shown!r})"
    if not choices:
        return None, "the server's reply has no answer in it (choices: [])"
    message = getattr(choices[0], "message", None)
    content = getattr(message, "content", None)
    if isinstance(content, str):
        return content, None
    refusal = getattr(message, "refusal", None)
    if isinstance(refusal, str) and refusal.strip():
        return refusal, None  # the model declined: that is its answer, judged like any other
    return None, "the answer has no text (content: null)"


def error_text(exc: BaseException, key: str | None = None) -> str:
    """The error stored on a row: short, and with anything key-shaped masked (servers echo keys)."""
    status = getattr(exc, "status_code", None)
    if isinstance(exc, (openai.APITimeoutError, TimeoutError)):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection_error"
    message = scrub_keys(getattr(exc, "message", None) or str(exc) or type(exc).__name__, key)
    if status == 400 and _CONTEXT_LENGTH.search(message):
        return (
            "prompt_too_long: the prompt is longer than the model's context; lower the variant's "
            f"top-k or the chunk size, or use a model with a longer context ({message})"
        )[:500]
    return f"http_{status}: {message}"[:500] if status else f"{type(exc).__name__}: {message}"[:500]


# How servers say the prompt does not fit: OpenAI and Azure (context_length_exceeded), vLLM,
# llama.cpp ("exceeds the available context size"), Ollama and LM Studio.
_CONTEXT_LENGTH = re.compile(
    r"context[_ ]length|maximum context|context (?:size|window)|too many tokens|"
    r"exceeds the available context|prompt is too long|n_ctx",
    re.I,
)


def commonest_error(errors: Iterable[str | None]) -> tuple[str, int, str] | None:
    """(kind, rows, one full example) of the commonest stored error; the kind is the text before
    its first ":" ("timeout", "http_429", "prompt_too_long"); None when there is no error."""
    found = [e for e in errors if e]
    if not found:
        return None
    kind, count = Counter(e.split(":", 1)[0].strip() or e for e in found).most_common(1)[0]
    return kind, count, next(e for e in found if e.startswith(kind))
