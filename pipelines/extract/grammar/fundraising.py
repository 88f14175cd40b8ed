"""Which company a sentence says raised money: the investee of investors that the next sentences list
("Nscale has closed a $1.1bn Series B round. The round was led by …")."""

from __future__ import annotations

import re

from ..companies import CompanyMention, Role, company_info
from .cues import RAISE_VERB, ROUND_NOUN

# verbs that say money was raised even without a round: "raised $1bn", "sammelt 1 Mrd. Dollar ein"
_FUNDRAISING_VERB = re.compile(
    r"(?i:\brais(?:es|ed|ing)\b(?:[^.;]|\.(?=\d)){0,40}?(?:[$€]|\d)|sammel\w*\b[^.;]{0,60}?\bein\b|eingesammelt)"
)
_RELATIVE_SUBJECT_BEFORE = re.compile(r",\s*(?:die|der|das|which|that)\s+$")


def fundraiser(sentence: str, mentions: list[CompanyMention]) -> str | None:
    """The company a sentence says raised a funding round ("Nscale has closed a $1.1bn Series B round")."""
    round_ = ROUND_NOUN.search(sentence)
    verb = RAISE_VERB.search(sentence)
    if not verb or not round_ and not _FUNDRAISING_VERB.search(sentence):
        return None
    limit = min(verb.start(), round_.start()) if round_ else verb.start()
    subjects = [m for m in mentions if m.end <= limit and not m.via_product
                and company_info(m.name).role != Role.INVESTOR]
    if not subjects and round_:
        # "eine Series-B-Runde über 1,1 Mrd. Dollar, die Nscale im September abgeschlossen hatte", "a round, which
        # Nscale closed in September": the subject of the relative clause on the round
        subjects = [m for m in mentions if round_.end() <= m.start and m.end <= verb.start() and not m.via_product
                    and _RELATIVE_SUBJECT_BEFORE.search(sentence[max(0, m.start - 12) : m.start])]
    return subjects[0].name if subjects else None
