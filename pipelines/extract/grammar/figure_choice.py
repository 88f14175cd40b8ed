"""Which figure of a sentence belongs to which fact: money an investment cue follows is no deal value, money
spent on one's own sites or in a country is no deal value, and a fact takes the money closest to its cue."""

from __future__ import annotations

import re

from ..companies import CompanyMention
from ..numbers import Amount
from .cues import DEAL_CUE, INVEST_NOUN, INVEST_VERB

_MONEY_MAX_DISTANCE = 90


def _is_money(amount: Amount) -> bool:
    return amount.kind in ("usd", "eur") and amount.is_contract_value


# "15 Mrd. Dollar in Rechenzentren investieren", "8 Mrd. Dollar an dem Start-up beteiligt",
# "an $11 billion investment": money an investment cue follows
_INVEST_VERB_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:investier\w*|stecken|gesteckt|zu investieren|beteiligt)\b|"
    r"\s+(?:[\w-]+\s+)?(?:investment|Investition|capex|capital expenditure)"
)


# "invest $50bn in data centres": spending on compute, not an equity stake
CAPEX_AFTER = re.compile(
    r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|into)\s+(?:(?:new|neue\w*|its|seine\w*|eigene\w*|the|die|den)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:[\w-]*data ?cent\w*|[\w-]*Rechenzentr\w*|infrastructure|[\w-]*Infrastruktur\w*|capacity|"
    r"[\w-]*Kapazit\w*|compute|computing|Rechenleistung|chips|GPUs)"
)
# "Nvidia ist an CoreWeave beteiligt und liefert die GPUs": an investor with a supply clause of its own
OWN_SUPPLY_CLAUSE = re.compile(
    r"(?:[^.;,]){0,60}?\b(?:und|and)\s+(?:\w+\s+){0,2}?(?:liefert|liefern|supplies|supply|provides|delivers|"
    r"vermietet|rents|leases)\b"
)


def invested_money(sentence: str, amount: Amount) -> bool:
    """Money right after an investment cue ("investiert 5 Mrd.", "invest up to $10bn") is not a deal value;
    nor is money before a German verb-final investment ("will 15 Mrd. Dollar in Rechenzentren investieren")."""
    if _INVEST_VERB_AFTER.match(sentence[amount.end : amount.end + 60]):
        return True
    before = sentence[max(0, amount.start - 45) : amount.start]
    cues = [m.end() for m in INVEST_VERB.finditer(before)]
    if re.match(r"\s+(?:in|an|into)\b", sentence[amount.end : amount.end + 10]):  # "Investition von X in Y"
        cues += [m.end() for m in INVEST_NOUN.finditer(before)]
    if not cues:
        return False
    return not DEAL_CUE.search(before[max(cues) :])


_CLAUSE_BREAK = re.compile(r"[,;:–—]")


def own_project_money(sentence: str, amount: Amount) -> bool:
    """Money next to a company's own sites ("in die eigenen Rechenzentren …, die 30 Mrd. Dollar kosten", "its own
    data centres, which cost $30bn") is what it spends on them, not the value of a deal."""
    return any(m.end() <= amount.start <= m.end() + 60 or 0 <= m.start() - amount.end <= 40
               for m in OWN_PROJECT.finditer(sentence))


# "is spending $11bn on buildings, power and cooling", "a pledge to spend $500bn in the US", "will 20 Mrd. Euro in
# Deutschland investieren": money spent on construction or in a country is no value of a deal with someone else
_SPEND_BEFORE = re.compile(r"(?i:\b(?:spend\w*|spent|pledg\w*|ausgeben|ausgegeben|gibt|steck\w*|invest\w*)\b"
                           r"(?:\s+(?:up to|bis zu|about|rund|etwa|more than|mehr als|über|nearly|fast))?\s*$)")
_ON_OWN_SITES_AFTER = re.compile(
    r"(?i:\s+(?:on|in|for|für|into)\s+(?:(?:the|new|neue\w*|de[mnr]|die|das)\s+)?"
    r"(?:buildings?|construction|Bau\b|Gebäude|Neubau\w*|land|Grundstück\w*|power and cooling|cooling|Kühlung|"
    r"the US|the U\.S\.|the United States|America|the UK|Britain|Germany|Europe|"
    r"den USA|den Vereinigten Staaten|Amerika|Deutschland|Europa|Großbritannien|Frankreich|France|Japan|India|Indien)\b)"
)


_SPEND_AFTER = re.compile(r"(?i:(?:[^.;,]){0,50}?\b(?:steck\w*|investier\w*|ausgeben|ausgibt|aus)\b)")


def construction_money(sentence: str, amount: Amount) -> bool:
    """Money spent on buildings, land or in a country ("spend $500bn in the US")."""
    site = _ON_OWN_SITES_AFTER.match(sentence, amount.end)
    return bool(site and (_SPEND_BEFORE.search(sentence[max(0, amount.start - 40) : amount.start])
                          or _SPEND_AFTER.match(sentence, site.end())))


def closest_money(amounts: list[Amount], anchor: int, taken: set[int], sentence: str = "") -> list[Amount]:
    """The money closest to a fact's cue at `anchor` that no other fact took (and mark it taken)."""
    candidates = [a for a in amounts if _is_money(a) and a.start not in taken]
    # money after the cue belongs to it only within its clause ("Nvidia will 10 Mrd. investieren, Microsoft 5 Mrd.")
    candidates = [a for a in candidates if a.start < anchor or not _CLAUSE_BREAK.search(sentence, anchor, a.start)]
    candidates = [a for a in candidates if abs(a.start - anchor) <= _MONEY_MAX_DISTANCE]
    if not candidates:
        return []
    # money follows its cue ("investiert 5 Mrd. in", "a $350m stake") or sits right before it
    candidates = [a for a in candidates if a.start >= anchor or anchor - a.end <= 30]
    if not candidates:
        return []
    best = min(candidates, key=lambda a: (a.start < anchor, abs(a.start - anchor)))
    taken.add(best.start)
    return [best]


# spending on one's own sites is no figure of a deal with someone else
OWN_PROJECT = re.compile(
    r"(?i:\b(?:its own|their own|eigene[nmrs]?|seine[nmrs]? eigene\w*|ihre[nmrs]? eigene\w*)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[\w-]*data ?cent\w*|[\w-]*Rechenzentr\w*|campus\w*|facilit\w*|infrastructure|"
    r"[\w-]*Infrastruktur))"
)


_DEAL_NOUN_WITH = re.compile(
    r"(?i:^[\w\s-]{0,25}?\b(?:deal|agreement|contract|order|letter of intent|pact|commitment|Vertrag|Auftrag|"
    r"Vereinbarung|Absichtserklärung|Bestellung|Deal)s?\s+(?:with|mit|from|von|bei)\s+(?:(?:the|de[mnr])\s+)?$)"
)


def deal_phrase_before(sentence: str, amount: Amount, anchor: int, parties: list[CompanyMention]) -> bool:
    """Whether `amount` sizes the deal noun right before the party at `anchor` ("a 6-gigawatt agreement with AMD",
    "ein 6-Gigawatt-Vertrag mit AMD")."""
    if not 0 <= anchor - amount.end <= 45 or any(amount.end <= m.start < anchor for m in parties):
        return False
    return bool(_DEAL_NOUN_WITH.match(sentence[amount.end : anchor]))

