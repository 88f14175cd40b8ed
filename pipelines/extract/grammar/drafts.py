"""What a rule proposes: a deal or an investment draft, named after the rule that found it, and the runner
that applies an ordered list of rules (first match wins)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar


class Instrument(StrEnum):
    """How an investor holds its stake."""
    EQUITY = "equity"
    WARRANT = "warrant"  # the holder may buy the issuer's shares later
    UNSPECIFIED = "unspecified"


@dataclass
class DealDraft:
    buyer: str
    providers: tuple[str, ...]
    anchor: int  # position of the cue; money closest to it belongs to this fact
    rule: str = ""  # the rule that found it


@dataclass
class InvestmentDraft:
    investor: str
    investee: str
    instrument: Instrument
    anchor: int  # position of the cue; -1: no money of the sentence belongs to this fact
    rule: str = ""


Draft = TypeVar("Draft", DealDraft, InvestmentDraft)
# A rule reads a sentence and returns None when it does not apply (the next rule is asked), or the drafts it
# decides on (an empty list: the sentence states no fact, and no later rule is asked).
Rule = Callable[..., "list | None"]
# A tuple of rules inside a list is a group: each of its rules adds what it finds (one sentence may state a
# stake and an investment verb), and the group decides when any of them found something.
RuleList = Sequence["Rule | tuple[Rule, ...]"]


def rule_names(rules: RuleList) -> list[str]:
    """The names of the rules of a list, in order (groups flattened)."""
    return [r.__name__ for item in rules for r in (item if isinstance(item, tuple) else (item,))]


def apply_rules(rules: RuleList, sentence) -> list:
    """The drafts of the first rule (or group) in `rules` that decides; each draft names its rule."""
    for item in rules:
        if isinstance(item, tuple):
            found = [d for rule in item for d in _named(rule, rule(sentence) or [])]
            if found:
                return found
            continue
        found = item(sentence)
        if found is not None:
            return _named(item, found)
    return []


def _named(rule: Callable, drafts: list) -> list:
    for draft in drafts:
        draft.rule = draft.rule or rule.__name__
    return drafts
