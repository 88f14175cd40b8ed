"""Amounts in German and English news: money, power, chip and share counts.

No library reads "1,5 Gigawatt", "38 Mrd. US-Dollar", "$38bn" and "eine Million TPUs" alike
(see shared notes), so this is a small grammar of its own:

    [bound] [currency] NUMBER [scale]* (currency | power unit | chip noun phrase | shares)

NUMBER is digits (decimal comma or point, decided by language and digit grouping) or a
number word; scales are words or abbreviations ("Mrd.", "bn", "B"). Vague magnitudes
("tens of billions", "mehrere zehn Milliarden") become their lower bound with vague=True.
Amounts that are not contract values (per year, per share, revenue, valuations, a
company's own project cost, currency conversions in brackets) carry `excluded_as`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

KINDS = ("usd", "eur", "gw", "chips", "shares")
_PLAUSIBLE_MAX = {"usd": 1e15, "eur": 1e15, "other_currency": 1e15, "gw": 1e4, "chips": 1e12, "shares": 1e12}


class Bound(StrEnum):
    """How a figure is qualified: "5 GW" (exact), "bis zu 5 GW" (up_to), "mehr als 5 GW" (at_least), "rund 5 GW"."""
    EXACT = "exact"
    UP_TO = "up_to"
    AT_LEAST = "at_least"
    APPROX = "approx"


@dataclass(frozen=True)
class Amount:
    kind: str  # usd | eur | gw | chips | shares | other_currency
    value: float
    bound: Bound
    vague: bool
    start: int
    end: int
    excluded_as: str | None = None  # why this is not a contract value, if it is not

    @property
    def is_contract_value(self) -> bool:
        return self.excluded_as is None and self.kind in KINDS


# --- numbers ---------------------------------------------------------------------------

_UNIT_WORDS = {  # number words; None marks "a"/"ein", which only count before a scale or unit
    "a": None, "an": None, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5, "thirteen": 13, "fourteen": 14, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "ein": None, "eine": None, "einer": None, "einen": None, "einem": None, "eins": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30,
    "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "anderthalb": 1.5, "eineinhalb": 1.5, "hundert": 100, "hundred": 100,
    "tausend": 1000, "thousand": 1000,
}
# "thirty-five": a tens word with its unit
_TENS_UNIT = re.compile(r"-(?P<unit>one|two|three|four|five|six|seven|eight|nine)(?![\w])", re.IGNORECASE)
_DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORDS = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_NUMBER = re.compile(rf"(?<![\w.,])(?:(?P<digits>{_DIGITS})|(?P<word>(?i:{_WORDS}))(?![\w]))")

# Scale words: German "Billion" is 10^12; the English "billion" is 10^9 (also capitalised in
# English headlines), so the capitalised form depends on the language.
_SCALES = [
    (r"Mill-?iarden|Milliarden|Milliarde|Mrd\.?", 1e9),
    (r"Millionen|Million|Mio\.?", 1e6),
    (r"Billionen|Bio\.?", 1e12),
    (r"Tausend|tausend|Tsd\.?", 1e3),
    (r"[Tt]rillions?|tn", 1e12),
    (r"billions?|bn", 1e9),
    (r"millions?|mn", 1e6),
    (r"thousands?|hundert|hundred", None),  # multiplier handled below
    (r"Billion", None),  # language-dependent
]
_SCALE = re.compile(r"[ \u00a0]?(?P<scale>" + "|".join(f"(?:{p})" for p, _ in _SCALES) + r")(?![\w])")
_LETTER_SCALE = re.compile(r"(?P<scale>[BbMmkKT])(?![\w])")  # only glued to digits: "$38B", "$350m"

_CURRENCY_PREFIX = re.compile(r"(?P<cur>US\$|\$|€|£|USD|EUR|GBP)[ \u00a0]?$")
_CURRENCY_SUFFIX = re.compile(
    r"[\s\"“”„»«'-]*(?:of\s+|an\s+)?(?P<cur>US-Dollars?|US[ -]dollars?|Dollars?|dollars?|USD|Euros?|euros?|EUR|€|"
    r"Pfund|pounds?|GBP|£|\$)(?![\w])"
)
_CURRENCIES = {"$": "usd", "us$": "usd", "usd": "usd", "dollar": "usd", "€": "eur", "eur": "eur",
               "euro": "eur"}
_POWER_UNIT = re.compile(r"[\s-]*(?P<unit>GW|Gigawatts?|gigawatts?|MW|Megawatts?|megawatts?)(?![\w])")
_CHIP_NOUN = (
    r"(?:[\w]+-)*(?:GPUs|TPUs|[Cc]hips|Grafikprozessoren|Grafikchips|Grafikkarten|accelerators|"
    r"Beschleuniger|Tensor Processing Units|tensor processing units|graphics processing units|Superchips|superchips|[Pp]rozessoren|processors"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:prozessoren|chips|beschleuniger))"  # German compounds: "Spezialprozessoren", "Hochleistungschips"
)
_NOT_IN_NOUN_PHRASE = (
    r"(?:\d[\d.,]*\d|servers?|Server|Systemen?|systems?|racks?|Racks|Kernen?|cores|nodes|Knoten|with|mit|von|from|"
    r"für|for|in|und|and|to|zu|bei|at|the|die|der|das|is|are|ist|sind|wird|will|werden)"
)
_CHIP_TAIL = re.compile(
    rf"[\s\"“”„]*(?:(?:of|von)\s+(?=[A-Z])|(?:der|seiner|ihrer|of the|of its|of their)\s+)?(?:(?!{_NOT_IN_NOUN_PHRASE}\s)[\w’'.:()-]+\s+){{0,5}}?[„“\"]?(?:[\w-]+[“”\"]-)?(?P<noun>{_CHIP_NOUN})(?![\w-])"
    r"(?!\s*-?\s*(?:servers?|Server|Systeme|systems|racks|hours|Stunden)\b)"
)
_SHARES_TAIL = re.compile(
    r"\s*(?:(?:of|der|seiner|its)\s+)?(?:[\w-]+\s+){0,2}?(?:[\w]+-)?(?:shares|Aktien|Stammaktien)(?![\w])"
)
_PERCENT = re.compile(r"\s*(?:%|Prozent|percent|per cent|Prozentpunkte|percentage)")

# Vague magnitudes, matched before plain numbers: (pattern, value, scale applies?)
_VAGUE = re.compile(
    r"(?i:(?P<tens>tens of|mehrere[nm]? zehn|zig|dutzende[nm]?|dozens of|zweistellige[nmr]?|double-digit)[\s-]+"
    r"(?P<s1>billions?|milliarden|millions?|millionen)"
    r"|(?P<hundreds>hundreds of|mehrere[nm]? hundert|hunderte[nm]?|several hundred|einige[nm]? hundert)\s+(?P<s2>billions?|milliarden|millions?|millionen|thousands?|tausend)"
    r"|(?P<several>several|mehrere[n]?|a few|einige[n]?|multiple)\s+(?P<s3>billions?|milliarden|millions?|millionen)"
    r"|(?P<multi>multi)-?(?P<s4>billion|million)(?=[ -](?:dollars?|euros?|pounds?)\b)"
    r"|(?P<hthousands>hunderttausende[n]?|hunderttausend))(?![\w])"
)
_VAGUE_SCALE = {"billion": 1e9, "billions": 1e9, "milliarden": 1e9, "million": 1e6, "millions": 1e6,
                "millionen": 1e6, "thousand": 1e3, "thousands": 1e3, "tausend": 1e3}

# --- bounds and exclusions --------------------------------------------------------------

_BOUND_BEFORE = [
    (Bound.UP_TO, re.compile(r"(?i:bis zu|up to|as much as|as many as|maximal|höchstens|no more than|bis hin zu)\s*$")),
    (Bound.AT_LEAST, re.compile(
        r"(?i:mehr als|more than|well over|weit über|deutlich über|at least|mindestens|upwards of|in excess of|"
        r"north of|exceed\w*|übersteig\w*|über|over)\s*$")),
    (Bound.APPROX, re.compile(
        r"(?i:rund|etwa|ca\.|circa|zirka|about|around|roughly|nearly|approximately|almost|fast|close to|knapp|"
        r"ungefähr|an estimated|some)\s*$")),
]
# German "über"/English "over" right after a noun is a preposition ("Vereinbarung über 5 Mrd."),
# not "more than"; "mehr als"/"more than" are unambiguous.
_PREPOSITION_OVER = re.compile(r"(?:\b[A-ZÄÖÜ][\w-]*[a-zäöüß]|\bspread|\bdeal)\s+(?:über|over)\s*$")

_PER_PERIOD_AFTER = re.compile(
    r"\s*(?:pro Jahr|per year|a year|each year|every year|per annum|annually|jährlich|jedes Jahr|"
    r"pro Quartal|per quarter|a quarter|pro Monat|per month|a month)\b"
)
_PER_PERIOD_BEFORE = re.compile(r"(?i:annual|yearly|jährlich\w*|per year)\s+$")
_SHARE_PRICE_AFTER = re.compile(r"\s*(?:pro Aktie|je Aktie|per share|a share)\b")
_SHARE_PRICE_BEFORE = re.compile(
    r"(?:Preis von|price of|Kurs von|Kursziel von|price target of|closed at|trading at|traded at|"
    r"notiert\w*\b[^.]{0,60}\bbei|Aktienkurs\w*[^.]{0,20})\s*$"
)
_REVENUE_NEAR = re.compile(
    r"(?i:Umsatz|Umsätze|Jahresumsatz|revenue|revenues|sales|Erlöse|earnings|Gewinn|profit|Nettogewinn)"
)
_VALUATION_NEAR = re.compile(
    r"(?i:valuation|Bewertung|bewertet|market cap|market value|Marktkapitalisierung|Börsenwert|Börsenbewertung)"
)
# "the partnership will bring $X in revenue": the provider's revenue from the deal is its value
_DEAL_REVENUE = re.compile(
    r"(?i:partnerships?|agreements?|deals?|contracts?|leases?|Partnerschaft\w*|Vereinbarung\w*|Vertr(?:ag|äge)\w*|"
    r"vertraglich\w*)\b[^.]*(?:in (?:total )?revenue|an Umsatz|Umsatz)"
)
_PROJECT_COST = re.compile(
    r"(?i:\b(?:its|their|seine[nms]?|ihre[nms]?)\s+$)"
)
_PROJECT_NOUN_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:project|Projekt|campus|Campus|complex|facility)\b")
_CONVERSION_BEFORE = re.compile(r"[\d\w.]\s*\(\s*(?:ca\.\s*|rund\s*|about\s*|etwa\s*)?$")


def _language_scale(word: str, lang: str | None) -> float:
    if word == "Billion":
        return 1e12 if lang == "de" else 1e9
    if word in ("hundert", "hundred"):
        return 100.0
    if word.startswith("thousand"):
        return 1e3
    for pattern, value in _SCALES:
        if value is not None and re.fullmatch(pattern, word):
            return value
    return 1.0


def parse_digits(text: str, lang: str | None, grouped_hint: bool = False) -> float:
    """Digits with German or English separators as a float.

    Both separators: the last one is the decimal mark. One separator used several times:
    thousands. A single separator followed by exactly three digits is the language's
    thousands mark ("10.000" in German, "10,000" in English) unless `grouped_hint` is False
    and the language is unknown; any other single separator is a decimal mark ("1,5", "4.5").
    """
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        return float(text.replace("," if decimal == "." else ".", "").replace(",", "."))
    for sep in ".,":
        count = text.count(sep)
        if count > 1:
            return float(text.replace(sep, ""))
        if count == 1:
            head, tail = text.split(sep)
            if len(tail) != 3:
                return float(f"{head}.{tail}")
            thousands = {"de": ".", "en": ","}.get(lang or "")
            if thousands == sep or (thousands is None and grouped_hint):
                return float(head + tail)
            return float(f"{head}.{tail}")
    return float(text)


def _bound_before(text: str, start: int) -> Bound:
    before = text[max(0, start - 30) : start]
    for bound, pattern in _BOUND_BEFORE:
        if pattern.search(before):
            if bound == Bound.AT_LEAST and _PREPOSITION_OVER.search(before) and not re.search(
                r"(?i:mehr als|more than|well over|at least|mindestens)\s*$", before
            ):
                return Bound.EXACT
            return bound
    return Bound.EXACT


def _exclusion(text: str, start: int, end: int, kind: str) -> str | None:
    after = text[end : end + 40]
    before = text[max(0, start - 60) : start]
    if kind in ("gw", "chips", "shares"):
        return "per_period" if _PER_PERIOD_AFTER.match(after) else None
    if _PER_PERIOD_AFTER.match(after) or _PER_PERIOD_BEFORE.search(before):
        return "per_period"
    if _SHARE_PRICE_AFTER.match(after) or _SHARE_PRICE_BEFORE.search(before):
        return "share_price"
    near = before[-30:] + " " + after[:25]
    if _VALUATION_NEAR.search(near):
        return "valuation"
    if _REVENUE_NEAR.search(near) and not _DEAL_REVENUE.search(before + after[:25]):
        return "revenue"
    if _PROJECT_COST.search(before) and _PROJECT_NOUN_AFTER.match(after):
        return "project_cost"
    if _CONVERSION_BEFORE.search(before[-12:]):
        return "conversion"
    return None


def _currency_kind(symbol: str) -> str:
    key = symbol.lower().replace("us-", "").replace("us ", "").rstrip("s")
    return _CURRENCIES.get(key, "other_currency")


@dataclass
class _Draft:
    value: float
    start: int
    end: int
    vague: bool = False
    has_scale: bool = False
    currency: str | None = None


def _read_scales(text: str, draft: _Draft, lang: str | None, glued_ok: bool) -> None:
    """Multiply by scale words following the number ("zwei Millionen", "$38bn", "hundred thousand")."""
    if glued_ok:
        letter = _LETTER_SCALE.match(text[draft.end : draft.end + 3])
        if letter and text[draft.start - 1 : draft.start] in "$€£" and draft.start > 0:
            draft.value *= {"b": 1e9, "m": 1e6, "k": 1e3, "t": 1e12}[letter.group("scale").lower()]
            draft.end, draft.has_scale = draft.end + letter.end(), True
            return
    while True:
        match = _SCALE.match(text[draft.end : draft.end + 20])
        if not match:
            return
        draft.value *= _language_scale(match.group("scale"), lang)
        draft.end, draft.has_scale = draft.end + match.end(), True


_HALF_AFTER = re.compile(r"\s+halbe[n]?(?=\s)")
_HALF_BEFORE = re.compile(r"(?i:\bhalf\s+)$")
_TIME_BEFORE = re.compile(r"(?i:\b(?:ab|bis|seit|von|vom|im|in|from|by|since|until|through|starting|beginning)\s+$)")


def _complete(text: str, draft: _Draft, lang: str | None, default_vague_currency: bool) -> Amount | None:
    """Decide what the number counts (currency, power, chips, shares) and build the Amount."""
    prefix = _CURRENCY_PREFIX.search(text[max(0, draft.start - 5) : draft.start])
    start = draft.start - (len(prefix.group(0)) if prefix else 0)
    plus = text[draft.end : draft.end + 1] == "+" and not draft.vague  # "250,000+ GPUs"
    if plus:
        draft.end += 1
    after = text[draft.end : draft.end + 80]
    kind, end = None, draft.end
    if prefix:
        kind = _currency_kind(prefix.group("cur"))
        suffix = _CURRENCY_SUFFIX.match(after)
        if suffix:  # "$5 billion dollars" / "US$"
            end = draft.end + suffix.end()
    elif suffix := _CURRENCY_SUFFIX.match(after):
        kind, end = _currency_kind(suffix.group("cur")), draft.end + suffix.end()
    elif power := _POWER_UNIT.match(after):
        kind, end = "gw", draft.end + power.end()
        if power.group("unit").lower().startswith(("mw", "megawatt")):
            draft.value /= 1000.0
    elif _PERCENT.match(after):
        return None
    elif shares := _SHARES_TAIL.match(after):
        kind, end = "shares", draft.end + shares.end()
    elif (chips := _CHIP_TAIL.match(after)) and not (
            not draft.has_scale and 1990 <= draft.value <= 2100 and draft.value == int(draft.value)
            and _TIME_BEFORE.search(text[max(0, draft.start - 12) : draft.start])):
        kind, end = "chips", draft.end + chips.end()  # but "ab 2026 Beschleuniger": a year, not a count
    elif draft.vague and draft.has_scale and draft.value >= 1e9 and default_vague_currency:
        kind = "usd"  # "poured tens of billions into …": English money talk without a currency
    if kind is None:
        return None
    if kind in ("usd", "eur", "other_currency") and not draft.has_scale and draft.value < 100_000:
        return None  # "$20–25 billion" ranges, share prices, small sums: never a contract value
    if not math.isfinite(draft.value) or draft.value > _PLAUSIBLE_MAX[kind]:
        return None  # a number no deal states (and one a bigint column could not hold)
    value = draft.value
    if kind in ("chips", "shares"):
        value = float(round(value))
    bound = _bound_before(text, start)
    if draft.vague and bound == Bound.EXACT:
        bound = Bound.AT_LEAST  # a vague magnitude is recorded as its lower bound
    if plus:
        bound = Bound.AT_LEAST
    return Amount(kind, value, bound, draft.vague, start, end, _exclusion(text, start, end, kind))


def find_amounts(text: str, lang: str | None = None) -> list[Amount]:
    """Typed amounts in `text` (money, GW, chip and share counts), in order of position."""
    amounts: list[Amount] = []
    taken_until = 0
    vague_spans = []
    for match in _VAGUE.finditer(text):
        groups = match.groupdict()
        if groups["hthousands"]:
            draft = _Draft(1e5, match.start(), match.end(), vague=True, has_scale=True)
        else:
            scale_word = (groups["s1"] or groups["s2"] or groups["s3"] or groups["s4"]).lower()
            base = 10 if groups["tens"] else 100 if groups["hundreds"] else 2
            if groups["tens"] and groups["tens"].lower().startswith(("mehrere", "dutzende", "dozens", "zig")):
                base = 20
            if groups["hundreds"] and groups["hundreds"].lower().startswith(("mehrere", "several", "einige")):
                base = 200
            draft = _Draft(base * _VAGUE_SCALE[scale_word], match.start(), match.end(), vague=True, has_scale=True)
        vague_spans.append((match.start(), match.end()))
        amount = _complete(text, draft, lang, default_vague_currency=lang != "de")
        if amount:
            amounts.append(amount)
    for match in _NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in vague_spans) or match.start() < taken_until:
            continue
        if match.group("digits"):
            raw = match.group("digits")
            next_is_scale = bool(_SCALE.match(text[match.end() : match.end() + 20]))
            value = parse_digits(raw, lang, grouped_hint=not next_is_scale)
            draft = _Draft(value, match.start(), match.end())
            _read_scales(text, draft, lang, glued_ok=True)
            if not draft.has_scale and re.fullmatch(r"\d+[.,]\d{3}", raw) and _CHIP_TAIL.match(text[draft.end : draft.end + 80]):
                draft.value = parse_digits(raw, lang, grouped_hint=True)
                if draft.value != int(draft.value) or draft.value < 1000:  # counts are whole: "10.000 GPUs"
                    draft.value = float(raw.replace(".", "").replace(",", ""))
        else:
            word = match.group("word").lower()
            value = _UNIT_WORDS[word]
            if word == "half" and re.match(r"\s+an?\s", text[match.end() : match.end() + 4]):
                continue  # "half a million": read with the "a"
            draft = _Draft(value or 1.0, match.start(), match.end())
            if value in (20, 30, 40, 50, 60, 70, 80, 90) and (unit := _TENS_UNIT.match(text, draft.end)):
                draft.value += _UNIT_WORDS[unit.group("unit").lower()]
                draft.end = unit.end()
            if value is None:  # "half a million", "eine halbe Million": half of the scale
                half_after = _HALF_AFTER.match(text, draft.end)
                half_before = _HALF_BEFORE.search(text[max(0, draft.start - 8) : draft.start])
                if half_after or half_before:
                    draft.value = 0.5
                    if half_after:
                        draft.end = half_after.end()
                    else:
                        draft.start -= len(half_before.group(0))
            _read_scales(text, draft, lang, glued_ok=False)
            if value is None and not draft.has_scale and not _POWER_UNIT.match(text[draft.end : draft.end + 20]):
                continue  # "a"/"ein" alone is an article, not a number
        amount = _complete(text, draft, lang, default_vague_currency=False)
        if amount and amount.kind in ("chips", "shares") and amount.value < 1:
            continue  # "half of the chips": a share, not a count
        if amount:
            amounts.append(amount)
            taken_until = amount.end
    amounts.sort(key=lambda a: a.start)
    return amounts
