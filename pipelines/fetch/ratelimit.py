"""Per-host politeness: a minimum interval between the starts of two requests to one host."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostRateLimiter:
    """Spaces requests to the same host by at least `min_interval` seconds.

    Thread-safe: a caller reserves the next free slot for the host under a lock and sleeps
    outside it, so concurrent callers for different hosts never wait for each other.
    """

    def __init__(
        self,
        min_interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = max(0.0, min_interval)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        # robots.txt Crawl-delay may ask for more than our default for one host
        self._host_interval: dict[str, float] = {}

    def set_host_interval(self, host: str, seconds: float) -> None:
        """Raise the interval for one host (never lowers it below the default)."""
        with self._lock:
            self._host_interval[host.lower()] = max(self.min_interval, seconds)

    def interval_for(self, host: str) -> float:
        return self._host_interval.get(host.lower(), self.min_interval)

    def wait(self, host: str, max_wait: float | None = None) -> float | None:
        """Block until a request to `host` may start; returns the seconds waited. With `max_wait`,
        a slot further away than that is not taken (nothing is reserved) and None is returned."""
        host = host.lower()
        with self._lock:
            now = self._clock()
            start = max(now, self._next_slot.get(host, now))
            if max_wait is not None and start - now > max_wait:
                return None
            self._next_slot[host] = start + self.interval_for(host)
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return delay
