"""One article analysed once: sentences, tokens, cue words and the registry's company mentions.

Every later stage (the party tagger, candidate pairs, their features, figures) reads this view
instead of scanning the text again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .companies import CompanyMention, find_companies
from .lexicon import lexicon
from .numbers import Amount, find_amounts
from .sentences import split_sentences
from .tokens import Token, tokenize

# Texts longer than this are cut before extraction (a 10 MB page is no news article); the cut is
# reported by the caller. Keeps extraction time bounded and linear.
MAX_TEXT_CHARS = 200_000


@dataclass
class Document:
    text: str
    lang: str
    sentences: list[tuple[int, int]]
    tokens: list[Token]
    cues: list[tuple[str, int, int]]  # (word class, start, end), see lexicon/
    registry: list[CompanyMention]  # companies of the registry, in order
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    # what later stages derive from the text once and read several times (the name runs of a sentence)
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def sentence_index(self, position: int) -> int:
        """The index of the sentence holding character `position`."""
        return max(0, bisect_right(self._sentence_starts, position) - 1)

    def sentence_tokens(self, index: int) -> list[Token]:
        start, end = self.sentences[index]
        lo = bisect_right(self._token_starts, start - 1)
        hi = bisect_right(self._token_starts, end - 1)
        return self.tokens[lo:hi]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        lo = bisect_right(self._token_starts, start - 1)
        hi = bisect_right(self._token_starts, end - 1)
        return [t for t in self.tokens[lo:hi] if t.end <= end]

    def cues_between(self, start: int, end: int) -> list[tuple[str, int, int]]:
        lo = bisect_right(self._cue_starts, start - 1)
        hi = bisect_right(self._cue_starts, end - 1)
        return [c for c in self.cues[lo:hi] if c[2] <= end]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _cue_starts(self) -> list[int]:
        return [c[1] for c in self.cues]

    @cached_property
    def amounts(self) -> list[Amount]:
        """Every amount in the text, per sentence (offsets into the text)."""
        found = []
        for start, end in self.sentences:
            for a in find_amounts(self.text[start:end], self.lang):
                found.append(Amount(a.kind, a.value, a.bound, a.vague, a.start + start, a.end + start, a.excluded_as))
        return found


def analyse(text: str, lang: str) -> Document:
    """The shared analysis of one article (text cut at MAX_TEXT_CHARS)."""
    text = text[:MAX_TEXT_CHARS]
    sentences = split_sentences(text)
    return Document(
        text=text, lang=lang, sentences=sentences, tokens=tokenize(text),
        cues=lexicon().matches(text), registry=find_companies(text),
        _sentence_starts=[s for s, _ in sentences],
    )
