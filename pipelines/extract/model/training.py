"""Training the learned parts from labelled articles, and blind k-fold cross-validation.

Used by `bench/train_extractor.py` (the committed model), `bench/extract_cv.py` (blind scores:
every learned part trained without the fold it is scored on) and the tests.

Labels come from the article-level gold: a candidate pair (A, B) is a deal when the article's
labels have a deal with buyer A and provider B, an investment when they have one with investor A
and investee B (names folded as names.fold does). A candidate figure is right when it equals the
labelled figure of that fact (within 1 %).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..companies import canonical_company
from ..document import Document, analyse
from ..names import fold, name_occurrences
from .decide import ExtractorModel
from .figures import DEAL_KINDS, INVESTMENT_KINDS, figure_candidates, figure_matches
from .labels import LabelledArticle
from .linear import fit_linear
from .scorer import fit_pair_scorer
from .tagger import PartyTagger, sentence_features, train_tagger

SEED = 20261204
PAIR_C = 0.1  # L2 strength of the pair scorers (chosen by cross-validation, see README)
FIGURE_C = 0.3


# --- the party tagger ----------------------------------------------------------------------------


def open_party_names(articles: list[LabelledArticle]) -> set[str]:
    """Labelled party names the registry does not know: what the tagger must learn to find."""
    return {n for a in articles for n in a.party_names() if not canonical_company(n)}


class TrainingCache:
    """What does not change between folds, computed once per article: its analysis and the grammar's facts.
    (Features of the tagger and of candidates depend on the tagger, which changes with the fold.)"""

    def __init__(self, grammar=None):
        self._docs: dict[str, Document] = {}
        self._grammar: dict[str, object] = {}
        self._grammar_fn = grammar

    def document(self, article: LabelledArticle) -> Document:
        if article.id not in self._docs:
            self._docs[article.id] = analyse(article.text, article.lang)
        return self._docs[article.id]

    def grammar(self, article: LabelledArticle):
        if article.id not in self._grammar:
            self._grammar[article.id] = self._grammar_fn(article.text, article.lang)
        return self._grammar[article.id]

    def analyse(self, article: LabelledArticle, tagger):
        from ..learned import analyse_article

        return analyse_article(article.text, article.lang, self.grammar(article), tagger, self.document(article))


_NO_CACHE = TrainingCache()


def tagger_sequences(articles: list[LabelledArticle], names: set[str],
                     cache: TrainingCache = _NO_CACHE) -> list[tuple[list[list[str]], list[str]]]:
    """Sentences labelled B-ORG/I-ORG where a registry company (not a product) or one of `names` stands."""
    sequences = []
    for article in articles:
        doc = cache.document(article) if cache is not _NO_CACHE else analyse(article.text, article.lang)
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


def fit_tagger(articles: list[LabelledArticle], path: Path, cache: TrainingCache = _NO_CACHE) -> PartyTagger:
    return train_tagger(tagger_sequences(articles, open_party_names(articles), cache), path)


# --- examples for the scorers ---------------------------------------------------------------------


@dataclass
class Examples:
    pair_rows: list[dict[str, float]] = field(default_factory=list)
    deal_labels: list[int] = field(default_factory=list)
    investment_labels: list[int] = field(default_factory=list)
    figure_rows: dict[str, list[dict[str, float]]] = field(default_factory=lambda: {"deal": [], "investment": []})
    figure_labels: dict[str, list[int]] = field(default_factory=lambda: {"deal": [], "investment": []})


def _gold_by_pair(article: LabelledArticle) -> tuple[dict, dict]:
    deals = {}
    for d in article.deals:
        for p in d.get("providers") or []:
            deals.setdefault((fold(d["buyer"]), fold(p)), d)
    investments = {}
    for i in article.investments:
        investments.setdefault((fold(i["investor"]), fold(i["investee"])), i)
    return deals, investments


UNKNOWN_SHARE = 0.15  # of the registry companies of an article, treated as unknown in an added training copy


def unknown_companies(article: LabelledArticle, analysis, share: float, seed: int) -> set[str]:
    """A reproducible random part of the article's registry companies, to be treated as never seen."""
    known = sorted(name for name, e in analysis.entities.items() if e.known)
    rng = random.Random(f"{seed}:{article.id}")
    return {name for name in known if rng.random() < share}


def add_examples(examples: Examples, article: LabelledArticle, analysis, unknown_share: float = 0.0,
                 seed: int = SEED) -> None:
    """The labelled candidate pairs and candidate figures of one analysed article; with `unknown_share`, also a
    copy of the pairs in which part of the registry companies are unknown (features.as_unknown)."""
    from ..parties import open_kind
    from .features import as_unknown

    gold_deals, gold_investments = _gold_by_pair(article)
    unknown = unknown_companies(article, analysis, unknown_share, seed) if unknown_share else set()
    for cand, pooled, _ in analysis.featurized:
        key = (fold(cand.a), fold(cand.b))
        copies = [pooled]
        if cand.a in unknown or cand.b in unknown:
            copies.append(as_unknown(pooled, cand.a in unknown, cand.b in unknown,
                                     f"open_{open_kind(cand.a).value}", f"open_{open_kind(cand.b).value}"))
        for row in copies:
            examples.pair_rows.append(row)
            examples.deal_labels.append(int(key in gold_deals))
            examples.investment_labels.append(int(key in gold_investments))
        for fact, gold, kinds in (("deal", gold_deals, DEAL_KINDS), ("investment", gold_investments, INVESTMENT_KINDS)):
            labelled = gold.get(key)
            if labelled is None:
                continue  # figures are learned on facts that are real
            grammar_fact = (analysis.grammar.deal_facts if fact == "deal" else analysis.grammar.investment_facts).get(
                (cand.a, cand.b))
            grammar_figures = {k: getattr(grammar_fact, k) for k in kinds
                               if grammar_fact is not None and getattr(grammar_fact, k, None) is not None}
            for fc in figure_candidates(analysis.doc, analysis.entities, cand, fact, grammar_figures):
                value = labelled.get(fc.amount.kind)
                vague = bool(labelled.get(fc.amount.kind + "_vague"))
                examples.figure_rows[fact].append(fc.features)
                examples.figure_labels[fact].append(int(figure_matches(value, fc.amount, vague)))


# --- fitting ---------------------------------------------------------------------------------------


AnalyseFn = Callable[[LabelledArticle, PartyTagger | None], object]


def folds(articles: list[LabelledArticle], k: int, seed: int = SEED) -> list[list[LabelledArticle]]:
    """k folds stratified by language (the same split for the same articles and seed)."""
    rng = random.Random(seed)
    out: list[list[LabelledArticle]] = [[] for _ in range(k)]
    for lang in sorted({a.lang for a in articles}):
        group = sorted((a for a in articles if a.lang == lang), key=lambda a: a.id)
        rng.shuffle(group)
        for i, article in enumerate(group):
            out[i % k].append(article)
    return out


def fit_model(articles: list[LabelledArticle], analyse_fn: AnalyseFn, workdir: Path, *, use_tagger: bool = True,
              cross_fit: int = 4, seed: int = SEED, log: Callable[[str], None] = lambda _: None,
              cache: TrainingCache = _NO_CACHE, unknown_share: float = UNKNOWN_SHARE) -> ExtractorModel:
    """Train the tagger, the pair scorers and the figure scorers on `articles`.

    The tagger's output on text it was trained on is better than on new text; so that the scorers learn
    from the tagger as it behaves on unseen articles, the training articles are analysed with taggers
    trained without them (`cross_fit` inner folds)."""
    workdir.mkdir(parents=True, exist_ok=True)
    tagger = fit_tagger(articles, workdir / "party_tagger.crfsuite", cache) if use_tagger else None
    examples = Examples()
    if use_tagger and cross_fit > 1:
        inner = folds(articles, cross_fit, seed + 1)
        for i, part in enumerate(inner):
            rest = [a for j, other in enumerate(inner) if j != i for a in other]
            inner_tagger = fit_tagger(rest, workdir / f"inner_tagger_{i}.crfsuite", cache)
            for article in part:
                add_examples(examples, article, analyse_fn(article, inner_tagger), unknown_share, seed)
            log(f"  inner fold {i + 1}/{cross_fit} analysed")
    else:
        for article in articles:
            add_examples(examples, article, analyse_fn(article, tagger), unknown_share, seed)
    deal = fit_pair_scorer(examples.pair_rows, examples.deal_labels, c=PAIR_C, seed=seed)
    investment = fit_pair_scorer(examples.pair_rows, examples.investment_labels, c=PAIR_C, seed=seed)
    figures = {fact: fit_linear(examples.figure_rows[fact], examples.figure_labels[fact], c=FIGURE_C, seed=seed)
               for fact in ("deal", "investment")}
    meta = {"articles": len(articles), "pair_examples": len(examples.pair_rows),
            "deal_positives": sum(examples.deal_labels), "investment_positives": sum(examples.investment_labels),
            "figure_examples": {k: len(v) for k, v in examples.figure_rows.items()}, "seed": seed}
    return ExtractorModel(deal, investment, tagger, figures, {}, meta)


# --- blind predictions and thresholds ---------------------------------------------------------------


@dataclass
class HeldOut:
    """One article extracted blind: the model was trained without it."""
    article: LabelledArticle
    analysis: object
    model: ExtractorModel


def cross_validated(articles: list[LabelledArticle], analyse_fn: AnalyseFn, workdir: Path, k: int = 5,
                    seed: int = SEED, use_tagger: bool = True, log: Callable[[str], None] = lambda _: None,
                    cache: TrainingCache = _NO_CACHE) -> list[HeldOut]:
    """Every article analysed by a model trained on the other folds."""
    out = []
    split = folds(articles, k, seed)
    for i, held_out in enumerate(split):
        training = [a for j, part in enumerate(split) if j != i for a in part]
        model = fit_model(training, analyse_fn, workdir / f"fold{i}", use_tagger=use_tagger, seed=seed, cache=cache)
        for article in held_out:
            out.append(HeldOut(article, analyse_fn(article, model.tagger), model))
        log(f"fold {i + 1}/{k}: trained on {len(training)}, extracted {len(held_out)} blind")
    return out


@dataclass(frozen=True)
class Counts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pair_counts(predicted: list[tuple[LabelledArticle, list[tuple[str, str]]]], kind: str) -> Counts:
    tp = fp = fn = 0
    for article, pairs in predicted:
        gold = article.deal_pairs() if kind == "deal" else article.investment_pairs()
        found = {(fold(a), fold(b)) for a, b in pairs}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    return Counts(tp, fp, fn)


MIN_RECALL_AT_TARGET = 0.2  # a precision target reached only below this recall leaves the tables nearly empty


def choose_threshold(scored: list[tuple[LabelledArticle, list[tuple[str, str, float]]]], kind: str,
                     target_precision: float, grid: tuple[float, ...]) -> tuple[float, float, dict]:
    """(the counting threshold, the F1-best threshold, the counts per threshold).

    The counting threshold is the lowest at which precision reaches `target_precision` while recall stays at
    least MIN_RECALL_AT_TARGET; where no threshold does both, the one with the best F0.5 (an F-measure that
    weighs precision twice as much as recall: a wrong deal costs a reader more than a missing one)."""
    table = {}
    for t in grid:
        table[t] = pair_counts([(a, [(x, y) for x, y, p in pairs if p >= t]) for a, pairs in scored], kind)
    f1_best = max(grid, key=lambda t: (table[t].f1, -t))
    reaching = [t for t in grid if table[t].precision >= target_precision and table[t].recall >= MIN_RECALL_AT_TARGET]
    if reaching:
        return min(reaching), f1_best, table

    def f_half(c: Counts) -> float:
        p, r = c.precision, c.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    return max(grid, key=lambda t: (f_half(table[t]), -t)), f1_best, table
