"""Meeting a provider's rate limits and a local server's pace without losing rows.

One ``Pacer`` per run, shared by all its workers:
- a 429 for a rate limit pauses *every* worker until the time the server gave (retry-after-ms,
  Retry-After, x-ratelimit-reset-*), instead of each worker failing on its own;
- how many requests may be in flight adapts like TCP's AIMD: halved on a 429 or a timeout (at
  most once per pause, so one burst of 429s is one cut), grown back by about one per round of
  successes, never above the run's concurrency setting. A local server that serves one request
  at a time shows as timeouts and slow answers, and the window shrinks to what it can take.

- a tokens-per-minute budget (``TokenBudget``) learned from the x-ratelimit-*-tokens headers
  OpenAI and Azure send: each request is charged its prompt tokens plus its output cap (what the
  provider counts against the limit when it accepts it), and when what is left cannot cover the
  next request the workers wait for the refill instead of collecting 429s.

Rate-limit waits are not failures: they never use up a row's retries, they only cost time,
which the run reports (``waiting_s``) so the user reads "waiting for the rate limit".

Why no rate-limiter library (aiolimiter, limits, pyrate-limiter were weighed): they meter a
rate fixed when they are made, from the client's own count. Here the budget's size is unknown
until the server's first answer and its level is the server's (the same key may be in use
elsewhere), set from a header mid-run; their buckets have no way to be told that, and a second
clock beside the pause below would be one more thing to keep in step.
"""

from __future__ import annotations

import asyncio
import re
import time

RESET_HEADERS = ("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens")
LIMIT_TOKENS, REMAINING_TOKENS = "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens"
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


_LEDGER_MAX = 4096
_MARGIN = 1.05  # send when the budget covers a request and a little more: counts and clocks are not exact
CAP_PARAMS = ("max_tokens", "max_completion_tokens")
DEFAULT_CAP = 256  # a request without an output cap (a variant may set none): a typical answer


def prompt_tokens(body: dict) -> int:
    """The prompt's tokens by our own offline count (tokens.py)."""
    from desktop_app.core.providers import tokens  # noqa: PLC0415 - tiktoken, loaded once per run

    return tokens.measure_messages(body.get("messages") or [], str(body.get("model") or ""))[0]


def request_tokens(body: dict, prompt: int | None = None) -> int:
    """What a provider counts against a tokens-per-minute limit when it accepts a request: the
    prompt's tokens (``prompt`` when already counted) plus the output cap it must reserve room for."""
    cap = next((body[k] for k in CAP_PARAMS if isinstance(body.get(k), int) and body[k] > 0), DEFAULT_CAP)
    return (prompt_tokens(body) if prompt is None else prompt) + cap


def _number(headers, name: str) -> float | None:
    try:
        value = headers.get(name) if headers else None
        return None if value in (None, "") else max(0.0, float(value))
    except (TypeError, ValueError):
        return None


class TokenBudget:
    """A provider's tokens-per-minute budget, as its headers tell it (OpenAI's is a bucket of
    ``limit`` tokens refilled continuously over a minute).

    Unknown (no limit to pace by) until an answer carries x-ratelimit-remaining-tokens. Every
    request is charged when it is sent and stays in the ledger until its answer is back. An
    answer's headers give what the server had left when it took that request; the level now is
    taken as that minus every other request still on its way, since requests do not reach the
    server in the order they were sent (counting one twice only holds a few tokens back). A
    refused request (429) was not counted by the server and is given back. Providers count a
    request their own way (OpenAI from its characters, not its tokens): how far the server's
    level fell, against our count of the requests answered meanwhile, gives the ``factor`` our
    counts are scaled by."""

    def __init__(self) -> None:
        self.limit: float | None = None  # tokens per minute (x-ratelimit-limit-tokens)
        self.level = 0.0  # tokens left at ``stamp``
        self.stamp = 0.0
        self.seq = 0
        self.ledger: dict[int, float] = {}  # ticket -> our count, for requests still on their way
        self.factor = 1.0  # the server's count of a request / ours
        self._last: tuple[float, float] | None = None  # (when, remaining) of the last news
        self._since = 0.0  # our count of the requests answered since then
        self._theirs = self._ours = 0.0  # totals behind ``factor``

    @property
    def known(self) -> bool:
        return self.limit is not None

    @property
    def rate(self) -> float:  # tokens per second
        return (self.limit or 0.0) / 60.0

    def _cost(self, tokens: float) -> float:
        # a request larger than the whole budget waits for a full one (the server then decides)
        return min(max(0.0, tokens) * self.factor, self.limit if self.limit is not None else float("inf"))

    def _refill(self, now: float) -> None:
        if self.limit is not None:
            self.level = min(self.limit, self.level + max(0.0, now - self.stamp) * self.rate)
            self.stamp = now

    def wait_s(self, tokens: float, now: float) -> float:
        """0 when a request of ``tokens`` may go now; else how long until the refill covers it."""
        if self.limit is None or tokens <= 0:
            return 0.0
        self._refill(now)
        need = self._cost(tokens) * _MARGIN
        if self.level >= need:
            return 0.0
        return (need - self.level) / self.rate if self.rate > 0 else 1.0

    def charge(self, tokens: float, now: float) -> int:
        self.seq += 1
        self.ledger[self.seq] = max(0.0, tokens)
        if len(self.ledger) > _LEDGER_MAX:  # answers that never come back: keep it bounded
            del self.ledger[next(iter(self.ledger))]
        if self.limit is not None:
            self._refill(now)
            self.level -= self._cost(tokens)
        return self.seq

    def done(self, ticket: int, headers, now: float, *, counted: bool = True) -> None:
        """The request is back: answered (``counted``) or refused; its headers, if any, are news."""
        tokens = self.ledger.pop(ticket, None)
        if counted and tokens is not None:
            self._since += tokens
        remaining = _number(headers, REMAINING_TOKENS)
        if remaining is None:
            if not counted and tokens is not None and self.limit is not None:  # refused: given back
                self.level = min(self.limit, self.level + self._cost(tokens))
            return
        limit = _number(headers, LIMIT_TOKENS)
        inflight = sum(self._cost(t) for t in self.ledger.values())
        # Azure may send the remaining tokens alone: the fullest level seen stands in for the limit.
        self.limit = limit if limit else max(self.limit or 0.0, remaining + inflight, 1.0)
        self._calibrate(now, remaining)
        self.level = min(self.limit, remaining) - inflight
        self.stamp = now

    def _calibrate(self, now: float, remaining: float) -> None:
        last, self._last = self._last, (now, remaining)
        since, self._since = self._since, 0.0
        if last is None or self.limit is None:
            return
        start = last[1] + max(0.0, now - last[0]) * self.rate
        if start >= 0.9 * self.limit:  # the bucket may have filled up meanwhile: its fall says nothing
            return
        self._theirs += max(0.0, start - remaining)
        self._ours += since
        if self._ours >= 3 * max(since, 1.0):  # a few requests' worth: one interval is noise
            self.factor = min(4.0, max(0.5, self._theirs / self._ours))


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
        self.budget = TokenBudget()
        self.budget_until = 0.0  # when the tokens budget covers the request waiting for it
        self.heard = False  # an answer (or a refusal) has come back

    @property
    def cond(self) -> asyncio.Condition:
        if self._cond is None:  # made on the run's own event loop
            self._cond = asyncio.Condition()
        return self._cond

    def waiting_s(self) -> float:
        """Seconds until the current pause (or the tokens budget's refill) ends (0: none)."""
        return max(0.0, max(self.paused_until, self.budget_until) - self.clock())

    async def acquire(self, tokens: float = 0.0) -> int:
        """Wait for a pause to end, a place in the window and ``tokens`` of the budget; the
        ticket names the request when it is released."""
        async with self.cond:
            while True:
                now = self.clock()
                wait = self.paused_until - now
                if wait <= 0:
                    # The first answer tells the budget: until it is back, one request, not a burst of 429s.
                    if self.active >= (max(1, int(self.window)) if self.heard else 1):
                        await self.cond.wait()
                        continue
                    wait = self.budget.wait_s(tokens, now)
                    if wait <= 0:
                        self.active += 1
                        return self.budget.charge(tokens, now)
                    self.budget_until = max(self.budget_until, now + wait)
                try:
                    await asyncio.wait_for(self.cond.wait(), wait)
                except TimeoutError:
                    pass
                self.waited_s += self.clock() - now

    async def release(self, ticket: int = 0, headers=None, *, refused: bool = False) -> None:
        """The request is done; ``headers``: its answer's or 429's (the budget's news),
        ``refused``: the server turned it away, so it used none of the budget."""
        async with self.cond:
            self.active -= 1
            self.heard = True
            self.budget.done(ticket, headers, self.clock(), counted=not refused)
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
