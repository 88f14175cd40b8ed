"""Generic descriptors that refer back to a company named before: "das Start-up", "the chip giant", "der
Softwarekonzern", "the company".

News text names the parties once and then describes them ("Anthropic … Das Start-up wird …"). A descriptor
of a kind (lab, chip maker, cloud, software company; descriptors.yaml) stands for the company of that kind in
the nearest sentence before (up to `WINDOW` sentences back, or earlier in its own sentence) that names one, when
that sentence names exactly one: with two candidates ("Nvidia und AMD … der Chipkonzern") it stays unresolved.
The plain "das Unternehmen" / "the company" needs the nearest sentence naming companies to name only one. A
descriptor right before a name is an apposition ("der Chipkonzern Nvidia"), not a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .companies import CompanyMention, company_info

DESCRIPTORS_PATH = Path(__file__).with_name("descriptors.yaml")
WINDOW = 3  # sentences back a descriptor may reach

_DETERMINER = r"(?:[Dd]e[rmns]|[Dd]ie|[Dd]as|[Tt]he|[Tt]his|[Dd]iese[mnrs]?)"
# between article and descriptor: at most two modifiers ("der kalifornische", "the Santa Clara-based"), no figures
_MODIFIERS = r"(?:(?!(?:beiden|two|both|other|anderen?|neue[nms]?|new|an|a|ein\w*)\s)[\w-]+\s+){0,2}?"
# "US-Chipkonzern", "KI-Chiphersteller": a compound prefix
_PREFIX = r"(?:[A-ZÄÖÜ][\w]*-)?"
# a name right after the descriptor: an apposition ("der Chipkonzern Nvidia", "the chip giant's rival AMD")
_APPOSITION_GAP = re.compile(r"[\s\"„“”'’:,-]{0,3}$")
_PLURAL_GENERIC = re.compile(r"^(?:die|den|Die|Den)$")


@dataclass(frozen=True)
class _Kind:
    roles: frozenset[str]
    companies: frozenset[str]
    any: bool

    def matches(self, name: str) -> bool:
        if self.any:
            return company_info(name) is not None and company_info(name).role != "investor"
        info = company_info(name)
        return name in self.companies or bool(info and info.role in self.roles)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, _Kind], dict[str, str], re.Pattern]:
    data = yaml.safe_load(DESCRIPTORS_PATH.read_text(encoding="utf-8"))
    kinds = {
        name: _Kind(frozenset(spec.get("roles", [])), frozenset(spec.get("companies", [])), bool(spec.get("any")))
        for name, spec in data["kinds"].items()
    }
    surface_kind = {}
    for kind, surfaces in data["descriptors"].items():
        for surface in surfaces:
            surface_kind.setdefault(surface, kind)
    alternation = "|".join(re.escape(s) for s in sorted(surface_kind, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<det>{_DETERMINER})\s+{_MODIFIERS}(?P<desc>{_PREFIX}(?P<word>{alternation}))"
        rf"(?:e?s|['’]s?)?(?![\w-])"
    )
    return kinds, surface_kind, pattern


def _resolve(kind: _Kind, before: list[str], history: list[list[str]]) -> str | None:
    """The only company of `kind` in the nearest place that names one: earlier in the sentence, then back."""
    for names in [before, *reversed(history[-WINDOW:])]:
        candidates = list(dict.fromkeys(n for n in names if kind.matches(n)))
        if not kind.any and len(candidates) == 1:
            return candidates[0]
        if kind.any and names:
            named = list(dict.fromkeys(n for n in names if company_info(n) and company_info(n).role != "investor"))
            return named[0] if len(named) == 1 else None
        if candidates:
            return None  # two of a kind: ambiguous
    return None


def descriptor_mentions(sentence: str, mentions: list[CompanyMention],
                        history: list[list[str]]) -> list[CompanyMention]:
    """Mentions for the descriptors in `sentence` that resolve; `history` holds the names of the sentences before."""
    return resolve_descriptors(sentence, mentions, history)[0]


def resolve_descriptors(sentence: str, mentions: list[CompanyMention],
                        history: list[list[str]]) -> tuple[list[CompanyMention], set[str]]:
    """The mentions of the descriptors that resolve, and the kinds of those that do not: an unresolved "the chip
    giant" is a supplier the sentence speaks of, so no other supplier may be assumed from context for it."""
    kinds, surface_kind, pattern = _table()
    found = []
    unresolved: set[str] = set()
    for match in pattern.finditer(sentence):
        start, end = match.start("desc"), match.end("desc")
        if any(m.start < match.end() and start < m.end for m in mentions):
            continue  # part of a name or alias ("Softwarekonzern aus Redmond")
        word = match.group("word")
        kind_name = surface_kind[word]
        if kind_name == "company" and word == "Unternehmen" and _PLURAL_GENERIC.match(match.group("det")):
            continue  # "die Unternehmen": plural
        following = [m for m in mentions if m.start >= end]
        if following and _APPOSITION_GAP.fullmatch(sentence[match.end() : following[0].start]):
            continue  # "der Chipkonzern Nvidia": the name follows
        if following and re.fullmatch(r"\s+(?:[A-Z][\w.-]*\s+){0,2}", sentence[match.end() : following[0].start]):
            continue
        before = [m.name for m in mentions if m.end <= start] + [m.name for m in found]
        # "The chip giant will buy Intel stock": not the company the sentence names after it
        later = {m.name for m in mentions if m.start >= end}
        name = _resolve(kinds[kind_name], before, history)
        if name is None and later:  # of two candidates, the one the sentence names itself is not meant
            name = _resolve(kinds[kind_name], before, [[n for n in names if n not in later] for names in history])
        if name:
            found.append(CompanyMention(name, start, end, False))
        else:
            unresolved.add(kind_name)
    return found, unresolved
