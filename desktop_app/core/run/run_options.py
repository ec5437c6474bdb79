"""What a run is set with and what it gives back: ``RunOptions`` (concurrency, timeouts, retries,
backoff; project.json's ``run`` section), ``Outcome`` (rows done, failed, cached, the time spent
waiting for rate limits), one answer as the runner holds it, and ``retry_delay`` (Retry-After
first, else exponential backoff with jitter).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from desktop_app.core.providers.client import retry_after_s


@dataclass(frozen=True)
class RunOptions:
    """Run settings (project.json ``run_settings``); retries are ours, the SDK's are off."""

    concurrency: int = 8
    timeout_s: float = 60.0
    max_retries: int = 4
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    retry_after_max_s: float = 120.0
    # Rate-limit waits use no retries; a request gives up only after this long held by them.
    rate_limit_max_wait_s: float = 600.0
    # On Cancel, answers already on their way get this long to land (and be stored): the
    # provider bills a request once it is sent, so dropping it would mean paying twice on resume.
    cancel_grace_s: float = 3.0

    @classmethod
    def from_dict(cls, data: dict | None, **overrides: Any) -> "RunOptions":
        data = {**(data or {}), **{k: v for k, v in overrides.items() if v is not None}}
        known = {
            k: data[k]
            for k in (
                "concurrency",
                "timeout_s",
                "max_retries",
                "backoff_base_s",
                "backoff_max_s",
                "retry_after_max_s",
                "cancel_grace_s",
                "rate_limit_max_wait_s",
            )
            if k in data
        }
        return cls(**known)


@dataclass
class Outcome:
    """What one execute_run did in this session (the store holds the rows themselves)."""

    run_id: int
    status: str = "running"
    completed: int = 0  # rows finished this session (answered, cached or errored)
    errors: int = 0
    cache_hits: int = 0
    calls: int = 0  # HTTP requests sent, retries included
    cost_paid: float = 0.0  # cost of answers paid for this session (cache hits are free)
    overhead_s: float = 0.0  # time spent scoring + storing, for the < 1 ms per row budget
    wall_s: float = 0.0

    @property
    def overhead_per_row_ms(self) -> float:
        return 1000.0 * self.overhead_s / self.completed if self.completed else 0.0


@dataclass
class Answer:
    text: str | None
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float | None = None
    attempts: int = 1
    error: str | None = None
    cached: bool = False
    tokens_sent: int = 0  # our count of the prompt, when this answer was sent for it (0: not counted)


class Fatal(Exception):
    """No later row can succeed either (key rejected, model missing, server gone)."""

    def __init__(self, exc: BaseException):
        super().__init__(str(exc))
        self.exc = exc


def retry_delay(exc: BaseException, attempt: int, options: RunOptions, rng: random.Random) -> float:
    """Retry-After when the server sends it (plus up to 10% so clients don't return in a herd),
    else exponential backoff with jitter: base * 2^(attempt-1), capped, times 0.5..1."""
    asked = retry_after_s(exc)
    if asked is not None:
        return min(asked, options.retry_after_max_s) * (1.0 + 0.1 * rng.random())
    return min(options.backoff_max_s, options.backoff_base_s * 2 ** (attempt - 1)) * (0.5 + 0.5 * rng.random())
