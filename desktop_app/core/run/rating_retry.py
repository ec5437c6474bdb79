"""Retrying the judge's calls that are made outside the runner (re-ranking's ratings), the way
the runner retries answers: a 429 is waited out (Retry-After honoured) without using up a
retry, and pauses every worker, since the provider's limit is shared; timeouts, lost
connections and 5xx get ``max_retries`` attempts with backoff; a spent quota is never retried.
"""

from __future__ import annotations

import random
import threading
import time
from typing import Callable

from desktop_app.core.providers.client import is_quota_error, is_retryable
from desktop_app.core.run.run_options import RunOptions, retry_delay
from desktop_app.core.run.scoring import ModelCalls, collect_calls

_NAP_S = 0.2  # how often a waiting worker looks at Cancel


class Pause:
    """Until when every call waits, after a 429 on any of them."""

    def __init__(self) -> None:
        self._until = 0.0
        self._lock = threading.Lock()
        self.limited = 0  # 429s met

    def hold(self, seconds: float) -> None:
        with self._lock:
            self._until = max(self._until, time.monotonic() + seconds)
            self.limited += 1

    def left(self) -> float:
        return max(0.0, self._until - time.monotonic())


class Retrying:
    def __init__(self, options: RunOptions, should_stop: Callable[[], bool]):
        self.options, self.should_stop = options, should_stop
        self.pause = Pause()
        self._rng = random.Random()

    def _sleep(self, seconds: float) -> bool:
        """Sleep, looking at Cancel; False when stopped."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.should_stop():
                return False
            time.sleep(min(left, _NAP_S))
        return True

    def call(self, judge, messages: list[dict]) -> tuple[str | None, ModelCalls]:
        """The judge's reply, or None when it failed for good or Cancel came (the failure is in the
        calls, as the judge noted it); only the last attempt's calls are kept."""
        attempt, held = 0, 0.0
        while True:
            if not self._sleep(self.pause.left()):
                return None, ModelCalls()
            with collect_calls() as calls:
                try:
                    return judge(messages), calls
                except Exception as exc:  # noqa: BLE001 - the judge noted it; decided below
                    error: BaseException = exc
            if self.should_stop() or not is_retryable(error) or is_quota_error(error):
                return None, calls
            limited = getattr(error, "status_code", None) == 429
            attempt += 0 if limited else 1
            delay = retry_delay(error, max(1, attempt), self.options, self._rng)
            if limited:
                held += delay
                if held > self.options.rate_limit_max_wait_s:
                    return None, calls
                self.pause.hold(delay)
            elif attempt > self.options.max_retries or not self._sleep(delay):
                return None, calls
