"""Names of organisations: the registry's canonical name, or the name the text uses, folded alike.

A party the registry does not know is extracted under the name the text gives it, without the
legal form, a genitive or a leading article ("der Energieversorger Stadtwerke Musterstadt GmbH"
-> "Stadtwerke Musterstadt", "Quokka Compute Inc.'s" -> "Quokka Compute"), so that the same
company gets the same name in German and English articles.
"""

from __future__ import annotations

import re
import unicodedata

from .companies import canonical_company
from .lexicon import lexicon

_GENITIVE_TAIL = re.compile(r"(?:['’]s?|’)$")
_SPACES = re.compile(r"\s+")


def _legal_forms() -> re.Pattern[str]:
    return lexicon().pattern("legal_form")


def strip_legal_form(name: str) -> str:
    """ "Quokka Compute Inc." -> "Quokka Compute"; "Stadtwerke Musterstadt GmbH & Co. KG" -> "Stadtwerke Musterstadt"."""
    words = name.split()
    pattern = _legal_forms()
    while len(words) > 1 and (pattern.fullmatch(words[-1].rstrip(",")) or words[-1] in {"&", "Co.", "KG"}):
        words.pop()
    return " ".join(words).rstrip(" ,")


def clean_name(surface: str) -> str:
    """The name a party the registry does not know goes by: no genitive, legal form or leading function word."""
    name = _SPACES.sub(" ", unicodedata.normalize("NFKC", surface)).strip(" ,;:-–—\"“”„'")
    name = _GENITIVE_TAIL.sub("", name)
    words = name.split()
    function = lexicon().pattern("function_word")
    while len(words) > 1 and function.fullmatch(words[0]):
        words.pop(0)
    return strip_legal_form(" ".join(words))


def fold(name: str | None) -> str:
    """A key under which two spellings of one organisation are equal: the registry's canonical name for
    known companies and aliases, otherwise the cleaned name in lower case."""
    if not name:
        return ""
    known = canonical_company(name)
    if known:
        return known.lower()
    cleaned = clean_name(name)
    known = canonical_company(cleaned)
    return (known or cleaned).lower()


def name_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` stands in `text` as a whole word (a genitive after it is not part of the span)."""
    pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?=(?:['’]s?)?(?![\w]))")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
