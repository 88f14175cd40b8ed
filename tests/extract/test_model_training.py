"""The learned decision layer: training on labelled articles is reproducible, and a saved model predicts as trained.

Trained here on a small fixture of our own labelled sentences (tests/extract/fixtures/training_sample.jsonl,
German and English); the committed model is trained on real articles by bench/train_extractor.py.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from pipelines.extract.extractor import ExtractionMode, extract
from pipelines.extract.grammar import grammar_facts
from pipelines.extract.learned import analyse_article
from pipelines.extract.model.decide import DECISION_FILE, TREES_FILE, ExtractorModel
from pipelines.extract.model.labels import read_labelled
from pipelines.extract.model.linear import LinearModel, fit_linear
from pipelines.extract.model.scorer import PairScorer
from pipelines.extract.model.training import fit_model
from pipelines.extract.model.trees import TREE_SETTINGS, TreeEnsemble, fit_trees

FIXTURE = Path(__file__).parent / "fixtures" / "training_sample.jsonl"


def _analyse(article, tagger):
    return analyse_article(article.text, article.lang, grammar_facts(article.text, article.lang), tagger)


def _train(folder: Path) -> ExtractorModel:
    model = fit_model(read_labelled(FIXTURE), _analyse, folder, cross_fit=2, seed=7)
    model.thresholds = {"deal": 0.5, "investment": 0.5}
    model.save(folder)
    (folder / "party_tagger.crfsuite").write_bytes(model.tagger.path.read_bytes())
    return model


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    _train(first)
    _train(second)
    return first, second


def test_training_is_deterministic(trained):
    first, second = trained
    assert (first / DECISION_FILE.name).read_bytes() == (second / DECISION_FILE.name).read_bytes()
    assert (first / TREES_FILE.name).read_bytes() == (second / TREES_FILE.name).read_bytes()
    assert (first / "party_tagger.crfsuite").read_bytes() == (second / "party_tagger.crfsuite").read_bytes()


def test_model_file_records_what_it_learned_from(trained):
    data = json.loads((trained[0] / DECISION_FILE.name).read_text(encoding="utf-8"))
    assert data["meta"]["articles"] == 12
    assert data["meta"]["deal_positives"] > 0 and data["meta"]["investment_positives"] > 0
    assert data["deal"]["weights"] and data["investment"]["weights"]
    trees = json.loads((trained[0] / TREES_FILE.name).read_text(encoding="utf-8"))
    assert trees["deal"]["trees"] and trees["investment"]["trees"]


@pytest.mark.parametrize("text, lang", [
    ("Quokka Compute Inc. has signed a contract to rent GPU capacity from Oracle for $2 billion.", "en"),
    ("Die Quokka Compute Inc. mietet für 2 Milliarden Dollar GPU-Kapazität bei Oracle.", "de"),
])
def test_saved_model_loads_and_predicts_the_same(trained, tmp_path, text, lang):
    folder, _ = trained
    in_memory = fit_model(read_labelled(FIXTURE), _analyse, tmp_path, cross_fit=2, seed=7)
    in_memory.thresholds = {"deal": 0.5, "investment": 0.5}
    loaded = ExtractorModel.load(folder)
    assert extract(text, lang, model=loaded, floor=0.0).to_dict() == extract(text, lang, model=in_memory,
                                                                              floor=0.0).to_dict()


def test_linear_model_gives_what_scikit_learn_gives():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    rows = [{f"f{j}": 1.0 for j in rng.choice(20, 4, replace=False)} for _ in range(200)]
    labels = [int("f1" in r or "f7" in r) for r in rows]
    model = fit_linear(rows, labels, c=0.5, seed=0)
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(rows).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    reference = LogisticRegression(C=0.5, solver="liblinear", random_state=0, max_iter=1000).fit(x, labels)
    expected = reference.predict_proba(x)[:, 1]
    assert [model.probability(r) for r in rows] == pytest.approx(expected.tolist(), abs=1e-9)
    assert LinearModel.from_dict(json.loads(json.dumps(model.to_dict()))).probability(rows[0]) == pytest.approx(
        expected[0], abs=1e-6)


def test_trees_give_what_scikit_learn_gives():
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    rng = np.random.default_rng(5)
    rows = [{**{f"f{j}": 1.0 for j in rng.choice(12, 4, replace=False)}, "distance": float(rng.integers(0, 9))}
            for _ in range(400)]
    labels = [int(("f1" in r and "f2" in r) or ("f7" in r and r["distance"] < 3)) for r in rows]  # interactions
    model = fit_trees(rows, labels, seed=0)
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(rows).toarray()
    reference = HistGradientBoostingClassifier(**TREE_SETTINGS, early_stopping=False, random_state=0).fit(x, labels)
    expected = reference.predict_proba(x)[:, 1]
    assert [model.probability(r) for r in rows] == pytest.approx(expected.tolist(), abs=1e-9)
    assert model.probabilities(rows) == pytest.approx(expected.tolist(), abs=1e-9)  # all rows at once
    assert model.probabilities([]) == []
    assert TreeEnsemble.from_dict(json.loads(json.dumps(model.to_dict()))).probability(rows[0]) == pytest.approx(
        expected[0], abs=1e-6)


def test_pair_scorer_is_the_mean_of_the_linear_model_and_the_trees():
    rows = [{"a": 1.0}, {"b": 1.0}] * 20
    labels = [1, 0] * 20
    scorer = PairScorer(fit_linear(rows, labels, c=1.0, seed=0), fit_trees(rows, labels, seed=0))
    row = {"a": 1.0}
    assert scorer.probability(row) == pytest.approx((scorer.linear.probability(row) + scorer.trees.probability(row)) / 2)
    assert PairScorer(scorer.linear).probability(row) == scorer.linear.probability(row)  # a model without trees


@pytest.mark.parametrize("lang", ["de", "en"])
def test_trained_model_ranks_labelled_facts_above_the_rest(trained, lang):
    """A tuning check, not a score: on the text it was trained on, labelled pairs score above unlabelled ones."""
    from pipelines.extract.model.decide import score_candidates
    from pipelines.extract.names import fold

    model = ExtractorModel.load(trained[0])
    right = total = 0
    for article in [a for a in read_labelled(FIXTURE) if a.lang == lang]:
        scored = score_candidates(model, _analyse(article, model.tagger).featurized)
        for kind, gold in (("deal", article.deal_pairs()), ("investment", article.investment_pairs())):
            p = {(fold(s.candidate.a), fold(s.candidate.b)): getattr(s, kind) for s in scored}
            positives = [v for k, v in p.items() if k in gold]
            negatives = [v for k, v in p.items() if k not in gold]
            right += sum(x > y for x in positives for y in negatives)
            total += len(positives) * len(negatives)
    assert total and right / total >= 0.8


def test_rules_mode_needs_no_model():
    result = extract("OpenAI mietet für 10 Milliarden Dollar Rechenleistung bei Oracle.", "de",
                     mode=ExtractionMode.RULES)
    assert [(d["buyer"], d["providers"]) for d in result.deals] == [("OpenAI", ["Oracle"])]
