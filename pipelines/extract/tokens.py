"""Words with their character offsets, for the tagger and the features of the decision layer.

A token is a run of word characters joined by inner hyphens, dots or ampersands ("KI-Rechenzentren",
"U.S", "AT&T"), or one punctuation character. Apostrophes split ("Nvidia", "’", "s"), so that a
genitive never becomes part of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:[-.&]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with offsets into `text`.

    >>> [t.text for t in tokenize("Quokka Compute Inc. signed with AMD’s cloud.")]
    ['Quokka', 'Compute', 'Inc', '.', 'signed', 'with', 'AMD', '’', 's', 'cloud', '.']
    """
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def shape(word: str) -> str:
    """The word's shape with runs collapsed: "Nvidia" -> "Xx", "GB300" -> "Xd", "x.AI" -> "x.X".

    >>> shape("KI-Rechenzentren"), shape("10.000")
    ('X-Xx', 'd.d')
    """
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)
