"""The Batch API's files: input JSONL built from planned requests, split over the provider's limits,
and the output and error files read back into one answer (or one error) per custom id.

Pure functions, no network: ``run.batch`` uploads and downloads, this module only spells and reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Iterator, Literal

from desktop_app.core.providers.secrets import scrub_keys

# Documented limits per input file: OpenAI 50,000 requests and 200 MB; Azure OpenAI's Global Batch
# takes up to 100,000 requests (and 200 MB). Bytes are counted in decimal megabytes, under the limit
# whichever way the provider counts.
LIMITS = {"openai": (50_000, 200_000_000), "azure": (100_000, 200_000_000)}
BATCH_PRESETS = tuple(LIMITS)
COMPLETION_WINDOW: Literal["24h"] = "24h"
COMPLETION_WINDOW_S = 24 * 3600


def endpoint_path(preset: str) -> str:
    """The url of each line and the batch's endpoint: Azure names it without the /v1 prefix."""
    return "/chat/completions" if preset == "azure" else "/v1/chat/completions"


def custom_id(run_id: int, row_id: str, key: str) -> str:
    """Readable in the provider's console (run, row, request hash), unique per request: the hash
    is whole, the row id only a hint (the store's request map is what a result is filed by)."""
    hint = "".join(c if c.isalnum() or c in "-_." else "_" for c in row_id)[:32]
    return f"run{run_id}-{hint}-{key}"


def input_line(custom: str, body: dict, url: str) -> bytes:
    return (
        json.dumps(
            {"custom_id": custom, "method": "POST", "url": url, "body": body}, ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
    ).encode("utf-8")


class TooLargeForBatch(ValueError):
    """One request larger than an input file may be; ``size`` in bytes (run.batch words it for the user)."""

    def __init__(self, size: int):
        super().__init__(f"one request is larger than a batch file may be ({size:,} bytes)")
        self.size = size


def split_lines(
    lines: Iterable[tuple[str, bytes]], max_requests: int, max_bytes: int
) -> Iterator[list[tuple[str, bytes]]]:
    """Consecutive chunks of (custom id, line) that each fit one input file."""
    chunk: list[tuple[str, bytes]] = []
    size = 0
    for custom, line in lines:
        if len(line) > max_bytes:
            raise TooLargeForBatch(len(line))
        if chunk and (len(chunk) >= max_requests or size + len(line) > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append((custom, line))
        size += len(line)
    if chunk:
        yield chunk


@dataclass(frozen=True)
class BatchAnswer:
    """One line of an output or error file: the model's answer, or why there is none."""

    custom_id: str
    text: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    error: str | None = None


def _answer_from_body(custom: str, body: dict) -> BatchAnswer:
    from desktop_app.core.providers.replies import read_answer  # noqa: PLC0415
    from openai.types.chat import ChatCompletion  # noqa: PLC0415

    try:
        completion = ChatCompletion.model_validate(body)
    except ValueError:
        return BatchAnswer(custom, error=f"broken_answer: the batch returned no chat completion ({str(body)[:80]!r})")
    text, problem = read_answer(completion)
    if problem is not None:
        return BatchAnswer(custom, error=f"broken_answer: {problem}")
    usage = completion.usage
    return BatchAnswer(
        custom, text, getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0
    )


def _error_from(custom: str, status: int | None, body: object, error: object) -> BatchAnswer:
    source = error if isinstance(error, dict) else (body.get("error") if isinstance(body, dict) else None)
    found: dict = source if isinstance(source, dict) else {}
    # Servers echo keys in their messages: what is stored on a row never carries one.
    message = scrub_keys(str(found.get("message") or found.get("code") or "no reason given"))
    return BatchAnswer(custom, error=(f"batch_http_{status}: {message}" if status else f"batch_error: {message}")[:500])


def read_results(text: str) -> Iterator[BatchAnswer]:
    """Every line of an output or error file (both have one shape: response or error per custom id)."""
    for raw in text.splitlines():
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError:
            continue  # a torn line names no custom id: its row stays unanswered and is reported so
        if not isinstance(line, dict) or not isinstance(line.get("custom_id"), str):
            continue
        custom = line["custom_id"]
        response: dict = line["response"] if isinstance(line.get("response"), dict) else {}
        status = response.get("status_code")
        body = response.get("body")
        if line.get("error") or status != 200 or not isinstance(body, dict):
            yield _error_from(custom, status if isinstance(status, int) else None, body, line.get("error"))
        else:
            yield _answer_from_body(custom, body)
