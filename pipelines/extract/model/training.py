"""Training material and training of the learned parts, from labelled articles.

Used by `bench/train_extractor.py` (the committed model), `bench/extract_cv.py` (blind k-fold
scores: every learned part trained without the fold it is scored on) and the tests.
"""

from __future__ import annotations

from pathlib import Path

from ..companies import canonical_company
from ..document import Document, analyse
from .labels import LabelledArticle, name_occurrences
from .tagger import PartyTagger, sentence_features, train_tagger


def open_party_names(articles: list[LabelledArticle]) -> set[str]:
    """Labelled party names the registry does not know: what the tagger must learn to find."""
    return {n for a in articles for n in a.party_names() if not canonical_company(n)}


def tagger_sequences(articles: list[LabelledArticle], names: set[str]) -> list[tuple[list[list[str]], list[str]]]:
    """Sentences labelled B-ORG/I-ORG where a registry company (not a product) or one of `names` stands."""
    sequences = []
    for article in articles:
        doc = analyse(article.text, article.lang)
        spans = [(m.start, m.end) for m in doc.registry if not m.via_product]
        for name in names:
            spans += name_occurrences(doc.text, name)
        sequences += _labelled_sentences(doc, spans)
    return sequences


def _labelled_sentences(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[list[list[str]], list[str]]]:
    out = []
    for index in range(len(doc.sentences)):
        tokens, features = sentence_features(doc, index)
        if not tokens:
            continue
        labels = []
        for t in tokens:
            inside = [s for s in spans if s[0] <= t.start < s[1]]
            labels.append("O" if not inside else "B-ORG" if any(s[0] == t.start for s in inside) else "I-ORG")
        out.append((features, labels))
    return out


def fit_tagger(articles: list[LabelledArticle], path: Path) -> PartyTagger:
    return train_tagger(tagger_sequences(articles, open_party_names(articles)), path)
