"""Progress of a long step in the run's log (and so on the terminal of `compute-deals run`):
a line every few seconds while it works, and one when it is done."""

from __future__ import annotations

import time


class Progress:
    def __init__(self, log, step: str, total: int, unit: str, every_s: float = 5.0):
        self.log, self.step, self.total, self.unit, self.every_s = log, step, total, unit, every_s
        self.done = 0
        self._last = time.monotonic()

    def advance(self, n: int = 1, **counts: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.every_s and self.done < self.total:
            self._last = now
            self.log.info(f"{self.step}: {self.done}/{self.total} {self.unit}" + _counts(counts))

    def finish(self, **counts: int) -> None:
        self.log.info(f"{self.step}: {self.done} {self.unit}" + _counts(counts))


def _counts(counts: dict[str, int]) -> str:
    return "".join(f", {value} {name.replace('_', ' ')}" for name, value in counts.items())
