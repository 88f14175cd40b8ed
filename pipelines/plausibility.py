"""Plausible ranges of the figures a deal or investment can state: one place for the asset check
on consolidated deals and for the validation of analysts' corrections.

Wider than any announcement so far (Stargate's $500bn, OpenAI's 26 GW across suppliers, a million
TPUs, AMD's 160-million-share warrant), narrow enough to catch a unit slip (1.5e9 GW, chips: 1e30)
before it overflows a column or distorts a total.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    unit: str

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def describe(self) -> str:
        return f"{self.low:g} to {self.high:g} {self.unit}".rstrip()


FIGURE_RANGES: dict[str, Range] = {
    "gw": Range(0.001, 100.0, "GW"),          # 1 MW .. 100 GW for one deal
    "chips": Range(1, 100_000_000, "chips"),
    "usd": Range(1_000, 10e12, "USD"),       # $1k .. $10tn
    "eur": Range(1_000, 10e12, "EUR"),
    "shares": Range(1, 100_000_000_000, "shares"),
}
YEAR_RANGE = Range(1990, 2100, "")
