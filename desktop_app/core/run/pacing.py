"""Meeting a provider's rate limits and a local server's pace without losing rows.

One ``Pacer`` per run, shared by all its workers:
- a 429 for a rate limit pauses *every* worker until the time the server gave (retry-after-ms,
  Retry-After, x-ratelimit-reset-*), instead of each worker failing on its own;
- how many requests may be in flight adapts like TCP's AIMD: halved on a 429 or a timeout (at
  most once per pause, so one burst of 429s is one cut), grown back by about one per round of
  successes, never above the run's concurrency setting. A local server that serves one request
  at a time shows as timeouts and slow answers, and the window shrinks to what it can take.

Rate-limit waits are not failures: they never use up a row's retries, they only cost time,
which the run reports (``waiting_s``) so the user reads "waiting for the rate limit".
"""
from __future__ import annotations

import asyncio
import re
import time

RESET_HEADERS = ("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens")
_DURATION = re.compile(r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$")


def duration_s(text: str | None) -> float | None:
    """OpenAI's reset durations ("1s", "6m0s", "120ms", "0.5s") in seconds; None when unreadable."""
    if not text:
        return None
    text = str(text).strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    m = _DURATION.match(text)
    if not m or not any(m.groups()):
        return None
    h, mins, s, ms = (float(g) if g else 0.0 for g in m.groups())
    return h * 3600 + mins * 60 + s + ms / 1000


def limit_wait_s(headers, asked: float | None) -> float | None:
    """How long the server asked everyone to wait: the retry headers, else the longest reset."""
    if asked is not None:
        return asked
    if not headers:
        return None
    resets = [duration_s(headers.get(h)) for h in RESET_HEADERS]
    found = [r for r in resets if r is not None]
    return max(found) if found else None


class Pacer:
    """The run's shared brake: a pause everyone honours and an adaptive window of requests."""

    def __init__(self, concurrency: int, clock=time.monotonic):
        self.max = max(1, int(concurrency))
        self.window = float(self.max)
        self.active = 0
        self.paused_until = 0.0
        self.last_cut = -1e9
        self.clock = clock
        self.limited = 0  # 429s met (rate limits, not quota)
        self.waited_s = 0.0  # time workers spent held by a pause, summed over workers
        self._cond: asyncio.Condition | None = None

    @property
    def cond(self) -> asyncio.Condition:
        if self._cond is None:  # made on the run's own event loop
            self._cond = asyncio.Condition()
        return self._cond

    def waiting_s(self) -> float:
        """Seconds until the current pause ends (0: none)."""
        return max(0.0, self.paused_until - self.clock())

    async def acquire(self) -> None:
        async with self.cond:
            while True:
                wait = self.paused_until - self.clock()
                if wait > 0:
                    started = self.clock()
                    try:
                        await asyncio.wait_for(self.cond.wait(), wait)
                    except TimeoutError:
                        pass
                    self.waited_s += self.clock() - started
                    continue
                if self.active < max(1, int(self.window)):
                    self.active += 1
                    return
                await self.cond.wait()

    async def release(self) -> None:
        async with self.cond:
            self.active -= 1
            self.cond.notify_all()

    def succeeded(self) -> None:
        self.window = min(float(self.max), self.window + 1.0 / max(1.0, self.window))

    def rate_limited(self, wait_s: float | None) -> None:
        now = self.clock()
        self.limited += 1
        wait = 1.0 if wait_s is None else max(0.05, wait_s)
        self.paused_until = max(self.paused_until, now + wait)
        self._cut(now, wait)

    def timed_out(self) -> None:
        self._cut(self.clock(), 1.0)

    def _cut(self, now: float, span: float) -> None:
        # One burst of 429s (or timeouts) is one signal: cut once per span, not once per worker.
        if now - self.last_cut >= span:
            self.window = max(1.0, self.window / 2)
            self.last_cut = now
