"""Time budgets: a point on the monotonic clock after which no request starts and running ones stop.

A daily run gives itself a budget, and each web source a budget inside it, so that no server,
however slow or endless, can hold the run hostage. The budget travels with the HttpClient
(`client.spending(budget)`), so discovery (feeds, listings, sitemaps), robots.txt and article
fetches all stop at the same time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TimeBudget:
    """`name` says what ran out in log messages, e.g. "time budget of source 'heise' (900 s)"."""

    name: str
    deadline: float  # on `clock`
    clock: Callable[[], float] = field(default=time.monotonic, repr=False, compare=False)

    @classmethod
    def starting_now(cls, seconds: float, name: str, *, clock: Callable[[], float] = time.monotonic) -> TimeBudget:
        return cls(name=name, deadline=clock() + max(0.0, seconds), clock=clock)

    def remaining(self) -> float:
        return max(0.0, self.deadline - self.clock())

    @property
    def exhausted(self) -> bool:
        return self.clock() >= self.deadline

    def within(self, outer: TimeBudget | None) -> TimeBudget:
        """This budget, or `outer` when that one ends first (a source cannot outlive its run)."""
        if outer is not None and outer.deadline < self.deadline:
            return outer
        return self
