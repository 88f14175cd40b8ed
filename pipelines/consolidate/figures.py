"""Figures of a deal: when two reports' figures agree, and which one is the headline.

A figure is a value with its bound ("exact", "approx", "at_least", "up_to") and, for money, a
vague flag ("tens of billions" is stored as its lower bound 1e10, vague).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

# Most specific first: an exact figure beats a rounded one, which beats a one-sided bound.
BOUND_SPECIFICITY = {"exact": 0, "approx": 1, "at_least": 2, "up_to": 3, None: 4}

# Two precise figures of the same unit agree when they differ by at most this share of the larger
# one ("over a gigawatt" vs "1.1 GW"; "rund 500 MW" vs "0.55 GW").
AGREEMENT_TOLERANCE = 0.20


@dataclass(frozen=True)
class Figure:
    value: float
    bound: str | None
    vague: bool = False

    def label(self, name: str) -> str:
        text = f"{name}={self.value:g}"
        if self.bound and self.bound != "exact":
            text += f" ({self.bound})"
        return text + (" vague" if self.vague else "")


def value_key(value: float) -> float:
    """The value as figures are compared for equality: 1.5 parsed from "1,5" and from "1.5" are
    one value, float noise from unit conversion (500 MW -> 0.5 GW) is ignored."""
    return float(f"{value:.9g}")


def _decade(value: float) -> int | None:
    return math.floor(math.log10(abs(value))) if value else None


def agree(a: Figure, b: Figure) -> bool:
    """Whether two figures of the same unit can be the same deal's figure.

    A vague amount agrees with any amount of the same power of ten ("tens of billions" and
    "$38bn"); otherwise the values may differ by at most AGREEMENT_TOLERANCE of the larger one.
    Bounds are not compared: "1 GW" and "over a gigawatt" agree.
    """
    if a.vague or b.vague:
        return _decade(a.value) == _decade(b.value)
    larger = max(abs(a.value), abs(b.value))
    return larger == 0 or abs(a.value - b.value) <= AGREEMENT_TOLERANCE * larger


def headline(figures: list[Figure]) -> tuple[Figure | None, list[Figure]]:
    """The headline figure among the reported ones (one entry per report), with the other
    figures that disagree with it.

    The headline value is the one most often reported; ties go to a precise value before a vague
    one, then to the value reported with the most specific bound, then to the larger value. Its
    bound is the bound most often reported with that value (ties: the most specific). The same
    value with another bound is not a disagreement, nor is a vague amount of the headline's power
    of ten; every other distinct value is returned (once, with its most reported bound), most
    reported first.
    """
    if not figures:
        return None, []
    by_value: dict[float, list[Figure]] = {}
    for figure in figures:
        by_value.setdefault(value_key(figure.value), []).append(figure)
    summaries = [_summarise(group) for group in by_value.values()]
    counts = {summary: len(by_value[value_key(summary.value)]) for summary in summaries}
    ranked = sorted(summaries, key=lambda f: (f.vague, -counts[f], BOUND_SPECIFICITY.get(f.bound, 4), -f.value))
    best = ranked[0]
    others = [f for f in ranked[1:] if not (f.vague and _decade(f.value) == _decade(best.value))]
    return best, others


def _summarise(group: list[Figure]) -> Figure:
    """One figure for the reports of one value: precise if any report is, its most reported bound."""
    precise = [f for f in group if not f.vague] or group
    bounds = Counter(f.bound for f in precise)
    bound = min(bounds, key=lambda b: (-bounds[b], BOUND_SPECIFICITY.get(b, 4)))
    return Figure(group[0].value, bound, vague=not any(not f.vague for f in group))
