"""How certain a sentence is: negation and rumour (no fact), deal status, and the capacity year."""

from __future__ import annotations

import re
from enum import StrEnum

# "nicht nur … sondern", "not only", "not just", "nicht allein", "not alone", "nicht der einzige Lieferant", "not its
# only supplier" affirm (the company does not do it
# alone: it buys more elsewhere); everything else here denies or hedges.
_NEGATION = re.compile(
    r"(?:\b(?:nicht(?! nur| zuletzt| allein| ausschließlich| (?:der|die|das|den|de[mr] )?einzige| berührt| betroffen| beeinträchtigt)|kein(?:e|en|er|em)?|not(?! only| just| alone| solely| exclusively| affected| impacted| (?:be )?affected| (?:the|its|their|(?:[\w-]+ ){0,2}[\w-]+['’]s) (?:only|sole)\b)|never|nie|"
    r"weder|neither|denied|denies|dementiert\w*|bestritten|no longer|nicht mehr|"
    r"aufgekündigt|gekündigt|beendet|terminated|cancel+ed|scrapped|abgesagt|gestoppt)\b|n['’]t\b(?! just| only))",
    re.IGNORECASE,
)
_RUMOUR = re.compile(
    r"\b(?:in talks|talks|negotiat\w*|considering|considers|consider|weighing|explor(?:ing|es) (?:a|an)|"
    r"rumou?r\w*|speculat\w*|Gespräch\w*|Verhandlung\w*|verhandel\w*|erwäg\w*|prüft|Gerücht\w*|"
    r"spekul\w*|könnte|could|might|may consider|would consider|sondiert\w*)\b",
    re.IGNORECASE,
)
# "could" and "könnte" only hedge when they govern the deal verb; a "could reach $500bn" aside in
# an otherwise firm sentence still blocks, which errs on the side of precision.

_LOI = re.compile(
    r"(?i:letter of intent|Absichtserklärung|memorandum of understanding|\bMoU\b|non-binding|unverbindlich|"
    r"Rahmenvereinbarung|framework agreement)"
)
_DEFINITIVE = re.compile(
    r"(?i:\bsigned\b|\bsigns\b|unterzeichnet|unterschrieben|definitive agreement|binding agreement|"
    r"verbindliche\w* Vereinbarung|\binked\b|\bstruck\b|abgeschlossen|geschlossen|\bclosed\b|finalized|finalised)"
)
_PLANNED = re.compile(
    r"(?i:\bplans? to\b|\bplant\b|\bplanen\b|\bwill\b|\bwill\b|\bwollen\b|\bsoll\b|\bsollen\b|\bintends?\b|"
    r"beabsichtigt|\bexpected to\b|\bgeplant\w*|\bto be\b)"
)

_YEAR = re.compile(r"(?<![\w.,])(20[2-4]\d)(?![\w.,]\d)")
_CAPACITY_TIME = re.compile(
    r"(?i:\b(?:ab|bis|bis zum|bis Ende|bis Mitte|from|by|starting|starting in|beginning|beginning in|in|im|"
    r"ab dem|end of|Ende|Mitte|Anfang|early|late|mid|mid-|half of|Jahreshälfte|Quartal|quarter of|through|"
    r"until|im Jahr|in the year|ab Anfang|ab Mitte|ab Ende|online in|live in|Jahr)\s+(?:des Jahres\s+|der\s+)?)$"
)
_PAST_CONTEXT = re.compile(r"(?i:\b(?:since|seit|back in|bereits|already|founded|gegründet|in fiscal)\s+$)")
# "62 percent of its revenue in 2024", "Umsatz im Jahr 2024": the year of a company's figures, not of capacity
_FIGURES_YEAR = re.compile(r"(?i:\b(?:revenues?|sales|earnings|profits?|Umsatz\w*|Umsätze\w*|Erlöse\w*|Gewinn\w*)\s+"
                           r"(?:in|im|im Jahr|in the year|for|für)\s+$)")
_DATE_BEFORE = re.compile(
    r"(?:\d{1,2}\.?\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?)\s*$"
)


# Dashes, colons and semicolons set off asides: "after OpenAI struck a cloud deal with Amazon — Microsoft
# doesn't want …" denies nothing about the deal in the aside.
_SEGMENT_BREAK = re.compile(r"\s[—–-]\s|[;:]\s|—")


# "warrants that could give it a 5% stake", "Optionsscheine, die … entsprechen könnten": options are conditional by
# nature; the hedge describes what they are worth, not whether they were granted
_OPTION_HEDGE = re.compile(
    r"(?i:(?:warrants?|options?|Optionsschein\w*|Optionsrecht\w*|Bezugsrecht\w*)[\s,]+(?:that|which|die|der|das)\s+"
    r"(?:[\w$€.%-]+\s+){0,8}?$)"
)


def _hedges(sentence: str) -> bool:
    return any(not _OPTION_HEDGE.search(sentence[max(0, m.start() - 80) : m.start()])
               for m in _RUMOUR.finditer(sentence))


def is_negated_or_rumour(sentence: str) -> bool:
    return bool(_NEGATION.search(sentence) or _hedges(sentence))


def negated_segments(sentence: str) -> list[tuple[int, int]]:
    """Spans of the sentence's dash/semicolon segments that deny or hedge."""
    spans, start = [], 0
    for match in _SEGMENT_BREAK.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [(s, e) for s, e in spans if is_negated_or_rumour(sentence[s:e])]


class DealStatus(StrEnum):
    LOI = "loi"  # a letter of intent or an announced plan
    DEFINITIVE = "definitive"  # signed
    UNSPECIFIED = "unspecified"


def deal_status(sentence: str) -> DealStatus:
    """LOI for letters of intent and announced plans, DEFINITIVE for signed deals, else UNSPECIFIED."""
    if _LOI.search(sentence):
        return DealStatus.LOI
    if _DEFINITIVE.search(sentence):
        return DealStatus.DEFINITIVE
    if _PLANNED.search(sentence):
        return DealStatus.LOI
    return DealStatus.UNSPECIFIED


def capacity_year(sentence: str) -> int | None:
    """The year the capacity is due ("ab 2026", "by 2026", "second half of 2026"); not a dateline."""
    for match in _YEAR.finditer(sentence):
        before = sentence[max(0, match.start() - 40) : match.start()]
        if _DATE_BEFORE.search(before) or _PAST_CONTEXT.search(before) or _FIGURES_YEAR.search(before):
            continue
        if _CAPACITY_TIME.search(before):
            return int(match.group(1))
    return None
