"""One fact per deal or investment and article, from the sentences that state it."""

from __future__ import annotations

from dataclasses import replace

from ..companies import Resource
from .drafts import Instrument
from .facts import DealStatement, InvestmentStatement

Statement = DealStatement | InvestmentStatement


def merge_facts(facts: list[tuple[Statement, int, int]], is_headline) -> list[tuple[Statement, int, int]]:
    """One statement per key (the parties): the body sentence with most figures is the base; others fill its gaps,
    and the base keeps its rule.

    Where two sentences give nearly the same figure, the more precise one wins ("$14.2B" over "$14B").
    """
    groups: dict = {}
    for fact, start, end in facts:
        groups.setdefault(fact.key, []).append((fact, start, end))
    merged = []
    for items in groups.values():
        base, start, end = max(items, key=lambda item: (item[0].figures.count(), not is_headline(item[1], item[2]),
                                                         -item[1]))
        base = _copy(base)
        for other, _, _ in sorted(items, key=lambda item: item[1]):
            base.figures.refine(other.figures)
            base.figures.fill(other.figures)
            if isinstance(base, DealStatement):
                if base.year is None:
                    base.year = other.year
                if base.resource == Resource.UNSPECIFIED:
                    base.resource = other.resource
            elif base.instrument == Instrument.UNSPECIFIED:
                base.instrument = other.instrument
        merged.append((base, start, end))
    return sorted(merged, key=lambda item: item[1])


def _copy(statement: Statement) -> Statement:
    return replace(statement, figures=replace(statement.figures))


def is_headline(text: str, start: int, end: int) -> bool:
    """A first line without closing punctuation: headlines round figures ("$14B" for $14.2B)."""
    return text.rfind("\n", 0, start) == -1 and text[end - 1 : end] not in ".!?\"”“'" and (
        end == len(text) or text[end : end + 1] == "\n"
    )
