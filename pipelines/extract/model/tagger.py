"""Recognise organisations the registry does not know, from the words around them (a CRF tagger).

A daily pipeline meets new companies every day: a utility in a power deal, a research centre, a
fund in an investor list. The tagger labels tokens B-ORG / I-ORG / O from features of the word
(shape, suffix, capitals), its neighbours, the cue words around it (lexicon classes such as
"led by", "from", "invest") and how common the word is in German and English. It is trained by python-crfsuite
on real articles (see `training.py`); no downloaded model is used.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from ..document import Document
from ..tokens import Token, shape
from .vocabulary import zipf

TAGGER_FILE = Path(__file__).with_name("files") / "party_tagger.crfsuite"
LABELS = ("B-ORG", "I-ORG", "O")


@dataclass(frozen=True)
class TaggedSpan:
    start: int
    end: int
    text: str


def _zipf_bucket(value: float) -> str:
    return "0" if value == 0 else "<3" if value < 3 else "<4" if value < 4 else "<5" if value < 5 else "5+"


@lru_cache(maxsize=200_000)
def _word_features(w: str, prefix: str) -> tuple[str, ...]:
    de, en = zipf(w)
    return (
        f"{prefix}w={w.lower()}", f"{prefix}shape={shape(w)}", f"{prefix}title={w[:1].isupper()}",
        f"{prefix}upper={w.isupper() and len(w) > 1}", f"{prefix}zde={_zipf_bucket(de)}",
        f"{prefix}zen={_zipf_bucket(en)}", f"{prefix}zboth={de > 0 and en > 0}",
    )


@lru_cache(maxsize=200_000)
def _own_features(w: str, lang: str) -> tuple[str, ...]:
    return ("bias", f"lang={lang}", f"suf3={w[-3:].lower()}", f"suf2={w[-2:].lower()}", f"pre3={w[:3].lower()}",
            f"len={min(len(w), 8)}", f"digit={any(c.isdigit() for c in w)}", f"hyphen={'-' in w}",
            *_word_features(w, ""))


def _short_features(w: str, prefix: str) -> tuple[str, ...]:
    return (f"{prefix}w={w.lower()}", f"{prefix}title={w[:1].isupper()}")


def sentence_features(doc: Document, index: int) -> tuple[list[Token], list[list[str]]]:
    """The tokens of sentence `index` and each token's features."""
    tokens = doc.sentence_tokens(index)
    if not tokens:
        return [], []
    start, end = doc.sentences[index]
    starts = [t.start for t in tokens]
    cue_at: dict[int, list[str]] = {}
    for cls, cs, ce in doc.cues_between(start, end):
        for i in range(bisect_left(starts, cs), len(tokens)):
            if tokens[i].start >= ce:
                break
            cue_at.setdefault(tokens[i].start, []).append(cls)
    out = []
    for i, t in enumerate(tokens):
        f = list(_own_features(t.text, doc.lang))
        f += [f"cue={c}" for c in cue_at.get(t.start, ())]
        if i == 0:
            f.append("BOS")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(tokens):
                n = tokens[j]
                f += _word_features(n.text, f"{off}:") if abs(off) == 1 else _short_features(n.text, f"{off}:")
                f += [f"{off}:cue={c}" for c in cue_at.get(n.start, ())]
            else:
                f.append(f"{off}:none")
        # a legal form up to four words ahead ("Stadtwerke Musterstadt GmbH")
        ahead = tokens[i + 1 : i + 5]
        f += [f"legal_ahead={k}" for k, n in enumerate(ahead, 1) if "legal_form" in cue_at.get(n.start, ())]
        out.append(f)
    return tokens, out


def spans_from_labels(tokens: list[Token], labels: list[str], text: str) -> list[TaggedSpan]:
    spans, current = [], None
    for t, label in zip(tokens, labels):
        if label == "B-ORG" or (label == "I-ORG" and current is None):
            if current:
                spans.append(current)
            current = [t.start, t.end]
        elif label == "I-ORG":
            current[1] = t.end
        else:
            if current:
                spans.append(current)
            current = None
    if current:
        spans.append(current)
    return [TaggedSpan(s, e, text[s:e]) for s, e in spans]


_NAME_INNER = frozenset({"&", "of", "de", "du", "für", "for", "and", "und", "-", "’", "'"})


def _may_be_in_a_name(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word in _NAME_INNER


def _worth_tagging(doc: Document, index: int) -> bool:
    """Whether the sentence has a word that could be part of an unknown name: after its first word, not in a
    registry name, capitalised or a digit, and not a common word of either language ("Rechenzentren") unless it
    is written in capitals ("HLRS"). Other sentences are not tagged at all (most of German text)."""
    start, end = doc.sentences[index]
    registry = [(m.start, m.end) for m in doc.registry if start <= m.start < end]
    for token in doc.sentence_tokens(index)[1:]:
        word = token.text
        if not (word[:1].isupper() or word[:1].isdigit()) or any(s <= token.start < e for s, e in registry):
            continue
        de, en = zipf(word)
        if word.isupper() or max(de, en) < 3.5:
            return True
    return False



class PartyTagger:
    """A trained CRF, loaded once."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))

    def tag(self, doc: Document, min_probability: float = 0.8) -> list[TaggedSpan]:
        """Spans of tokens whose probability of being part of an organisation's name (B-ORG or I-ORG, from the
        CRF's marginals) reaches `min_probability`; a lower value finds more names and more noise."""
        spans = []
        for index in range(len(doc.sentences)):
            if not _worth_tagging(doc, index):
                continue
            tokens, features = sentence_features(doc, index)
            if not tokens:
                continue
            self._tagger.set(features)
            labels = []
            for i, token in enumerate(tokens):
                if not _may_be_in_a_name(token.text):
                    labels.append("O")  # lower-case words and punctuation: no marginals needed
                    continue
                b, inside = self._tagger.marginal("B-ORG", i), self._tagger.marginal("I-ORG", i)
                if b + inside < min_probability:
                    labels.append("O")
                else:
                    labels.append("B-ORG" if b >= inside or not labels or labels[-1] == "O" else "I-ORG")
            spans += spans_from_labels(tokens, labels, doc.text)
        return spans


def train_tagger(sequences: list[tuple[list[list[str]], list[str]]], path: Path, iterations: int = 80) -> PartyTagger:
    """Train a CRF on (features, labels) sequences and write it to `path` (deterministic for the same data)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return PartyTagger(path)


@lru_cache(maxsize=4)
def load_tagger(path: Path = TAGGER_FILE) -> PartyTagger | None:
    """The committed tagger, or None when the file is missing (extraction then uses the registry alone)."""
    return PartyTagger(path) if Path(path).exists() else None
