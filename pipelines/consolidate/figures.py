"""Choosing a deal's headline figure among the figures its reports give."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# Most specific first: an exact figure beats a rounded one, which beats a one-sided bound.
BOUND_SPECIFICITY = {"exact": 0, "approx": 1, "at_least": 2, "up_to": 3, None: 4}


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


def headline(figures: list[Figure]) -> tuple[Figure | None, list[Figure]]:
    """The figure most often reported (ties: precise before vague, then the most specific bound);
    returns it with the other distinct figures, which are kept, not hidden."""
    if not figures:
        return None, []
    counts = Counter(figures)
    ranked = sorted(counts, key=lambda f: (f.vague, -counts[f], BOUND_SPECIFICITY.get(f.bound, 4), -f.value))
    best = ranked[0]
    # The same value with another bound, or a vague lower bound, is not a disagreement.
    others = [f for f in ranked[1:] if f.value != best.value and not f.vague]
    return best, others
