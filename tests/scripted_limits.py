"""A provider's rate limits for the scripted server, enforced the way OpenAI and Azure do.

``RateLimit``: requests per minute. ``TokenRateLimit``: tokens per minute, each request charged
its prompt tokens plus its ``max_tokens`` when it is accepted (the provider must reserve room for
the answer), every answer carrying the x-ratelimit-*-tokens headers a client can pace by.
Over either limit: 429 at once with Retry-After (whole seconds) and retry-after-ms.
"""

from __future__ import annotations

import math
import threading
import time


class RateLimit:
    """A provider's request limit as OpenAI and Azure enforce it: a token bucket of ``per_minute``
    requests (``burst`` at most at once); over it, 429 at once with Retry-After (whole seconds),
    retry-after-ms and x-ratelimit-* headers."""

    def __init__(self, per_minute: float, burst: float | None = None):
        self.rate = per_minute / 60.0
        self.capacity = burst if burst is not None else max(1.0, self.rate)
        self.tokens = self.capacity
        self.stamp = time.monotonic()
        self.limited = 0
        self._lock = threading.Lock()

    def take(self) -> dict[str, str] | None:
        """None when a request may go; else the 429's headers."""
        with self._lock:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1.0:
                self.tokens -= 1.0
                return None
            self.limited += 1
            wait = (1.0 - self.tokens) / self.rate
            return {
                "Retry-After": str(max(1, math.ceil(wait))),
                "retry-after-ms": str(math.ceil(wait * 1000)),
                "x-ratelimit-limit-requests": str(round(self.rate * 60)),
                "x-ratelimit-remaining-requests": "0",
                "x-ratelimit-reset-requests": f"{math.ceil(wait * 1000)}ms",
            }


class TokenRateLimit:
    """A bucket of ``per_minute`` tokens refilled continuously (``burst``: its size, by default a
    minute's worth, as OpenAI's). Every answer, 200 or 429, says the limit, what is left and how
    long until the bucket is full again (x-ratelimit-limit/remaining/reset-tokens)."""

    def __init__(self, per_minute: float, burst: float | None = None):
        self.limit = int(per_minute)
        self.rate = per_minute / 60.0
        self.capacity = burst if burst is not None else float(per_minute)
        self.level = self.capacity
        self.stamp = time.monotonic()
        self.limited = 0  # 429s sent
        self.accepted = 0
        self._lock = threading.Lock()

    def take(self, tokens: int) -> tuple[bool, dict[str, str]]:
        """(accepted, the headers to send with the answer)."""
        with self._lock:
            now = time.monotonic()
            self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
            self.stamp = now
            need = min(tokens, self.capacity)
            accepted = self.level >= need
            if accepted:
                self.level -= need
                self.accepted += 1
            else:
                self.limited += 1
            full = (self.capacity - self.level) / self.rate
            headers = {
                "x-ratelimit-limit-tokens": str(self.limit),
                "x-ratelimit-remaining-tokens": str(max(0, math.floor(self.level))),
                "x-ratelimit-reset-tokens": f"{math.ceil(full * 1000)}ms",
            }
            if not accepted:
                wait = (need - self.level) / self.rate
                headers.update(
                    {"Retry-After": str(max(1, math.ceil(wait))), "retry-after-ms": str(math.ceil(wait * 1000))}
                )
            return accepted, headers
