"""What came back from a provider, judged before it is trusted as the model's answer.

A proxy's HTML page, a JSON list, ``choices: []`` or ``content: null`` without a refusal are not
answers: they become an error of the row with a plain reason (never stored or cached as the
model's empty text, so a resume asks again). (A 429 that is a quota or billing limit:
``providers.client.is_quota_error``.)
"""
from __future__ import annotations

from typing import Any

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
