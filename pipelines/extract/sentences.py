"""Split German and English news text into sentences, as (start, end) character spans.

A full stop ends a sentence unless it belongs to an abbreviation ("Mrd.", "z. B.", "Inc.",
"U.S."), an ordinal date ("24. Oktober") or a number ("1.5", "10.000"). Newlines always end
a sentence: news bodies put headlines, bullets and paragraphs on lines of their own.
"""

from __future__ import annotations

import re

# Lower-cased abbreviations (without their final dot) after which a dot does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mrd mio bio tsd ca bzw evtl ggf inkl usw vgl z b u a d h o s. nr no dr prof hr fr st str abs
    jan feb febr mär mrz apr jun jul aug sep sept okt oct nov dez dec
    inc corp co ltd llc plc mr mrs ms jr sr vs etc approx est dept gov u.s u.k e.g i.e mt bn mn
    """.split()
)
_MONTHS = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez|Jahrhundert|Jahrhunderts|Quartal|Platz|Stelle"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”“»«’)\]]*(?=\s)")
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)\d{1,2}$")
_MONTH_AFTER = re.compile(rf"\s+(?:{_MONTHS})\b")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIAL_OR_SINGLE = re.compile(r"(?:^|[\s(])(?:[A-Za-zÄÖÜäöü]\.)*[A-Za-zÄÖÜäöü]$")


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation run text[dot:after] ends a sentence."""
    if text[dot] != ".":
        return True
    before = text[max(0, dot - 40) : dot]
    next_text = text[after : after + 30].lstrip(" \t")
    if next_text[:1].islower() or next_text[:1].isdigit() and not re.match(r"\d+\s*[.)]\s", next_text):
        # "… Mrd. US-Dollar" is caught below; a lower-case or numeric continuation never starts a sentence
        return False
    if _ORDINAL_BEFORE.search(before) and _MONTH_AFTER.match(text, after):
        return False
    word = _WORD_BEFORE.search(before)
    if word:
        token = word.group(1).lower().rstrip(".")
        if token in _ABBREVIATIONS or token.split(".")[-1] in _ABBREVIATIONS and "." in token:
            return False
    if _INITIAL_OR_SINGLE.search(before):  # "z. B.", "U.S.", "J. Smith"
        return False
    return True


# A line ending in a word that cannot end a sentence is a hard-wrapped line, not a paragraph end
# ("Meta hat mit\nGoogle Cloud einen Vertrag …"): the newline does not break there.
_SOFT_WRAP = re.compile(
    r"(?:\b(?:mit|und|oder|der|die|das|den|dem|des|ein|eine|einen|einem|von|vom|für|an|am|auf|aus|bei|zu|zum|zur|"
    r"im|in|über|hat|haben|ist|sind|wird|the|a|an|of|and|or|with|to|for|from|by|at|on|has|have|is|are|its|their)"
    r"|[,;(]|\w-)[ \t]*$"
)


_LIST_ITEM = re.compile(r"\s*(?:[-–•*·]|\d{1,2}[.)])\s")


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines, with hard-wrapped lines joined to the next."""
    spans: list[tuple[int, int]] = []
    start = 0
    position = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        end = position + len(line)
        next_is_item = i + 1 < len(lines) and _LIST_ITEM.match(lines[i + 1])
        if next_is_item or not _SOFT_WRAP.search(line[-40:]):
            spans.append((start, end))
            start = end + 1
        position = end + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans over `text`, trimmed of surrounding whitespace, in order."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text):
        start = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            if _is_boundary(text, match.start(), match.end()):
                spans.append((start, match.end()))
                start = match.end()
        spans.append((start, line_end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
