"""Extraction scores on the bundled sample (samples/), per language, against samples/expected.jsonl.

Texts are built as the pipeline builds them: the HTML pages through `parse_document`, the wire items as
they are. Matching follows the labelled-corpus rule: per article, a predicted deal matches a gold deal when
the buyer and the set of providers are equal; an investment matches on (investor, investee). The recall
floors sit a little under what the extractor reaches today, so a change that loses recall fails here.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipelines.extract import extract_facts
from pipelines.parse import parse_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FIGURES = ("gw", "chips", "usd", "eur")
MIN_PRECISION = 0.95
# Reached when written: 1.0 for deals and investments in both languages (gold: deals de 14 / en 20,
# investments de 7 / en 10). The floors allow one miss per language and kind; the levels before the
# phrasing fixes of tests/extract/test_phrasing_classes.py were deals de 0.79, investments de 0.57.
MIN_RECALL = {("deals", "de"): 0.9, ("deals", "en"): 0.9,
              ("investments", "de"): 0.85, ("investments", "en"): 0.85}


def _documents() -> list[dict]:
    documents = []
    for page in sorted((SAMPLES / "press").glob("*.html")):
        parsed = parse_document(page.read_bytes(), url=page.as_uri(), content_type="text/html")
        documents.append({"id": page.stem, "lang": parsed.lang, "text": parsed.text})
    for line in (SAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            documents.append({"id": item["id"], "lang": item["lang"], "text": item["text"]})
    return documents


def _deal_key(fact: dict) -> tuple:
    return fact["buyer"], frozenset(fact["providers"])


def _investment_key(fact: dict) -> tuple:
    return fact["investor"], fact["investee"]


@lru_cache(maxsize=1)
def _results() -> dict:
    gold = {}
    for line in (SAMPLES / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold[item["id"]] = item
    counts: dict = {}  # (kind, lang) -> [true positives, predicted, gold]
    matched_deals = []  # (id, predicted, gold)
    documents = _documents()
    assert {d["id"] for d in documents} == set(gold), "every sample document has gold labels"
    for document in documents:
        expected = gold[document["id"]]
        facts = extract_facts(document["text"], document["lang"]).to_dict()
        for kind, key in (("deals", _deal_key), ("investments", _investment_key)):
            predicted = {key(f): f for f in facts[kind]}
            wanted = {key(f): f for f in expected[kind]}
            tally = counts.setdefault((kind, expected["lang"]), [0, 0, 0])
            tally[0] += len(predicted.keys() & wanted.keys())
            tally[1] += len(predicted)
            tally[2] += len(wanted)
            if kind == "deals":
                matched_deals += [(document["id"], predicted[k], wanted[k]) for k in predicted.keys() & wanted.keys()]
    return {"counts": counts, "matched_deals": matched_deals}


@pytest.mark.parametrize("kind", ["deals", "investments"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_precision_and_recall_per_language(kind, lang):
    hits, predicted, gold = _results()["counts"][(kind, lang)]
    precision = hits / predicted if predicted else 1.0
    recall = hits / gold if gold else 1.0
    assert precision >= MIN_PRECISION, f"{kind} {lang}: precision {precision:.3f} ({hits}/{predicted})"
    assert recall >= MIN_RECALL[(kind, lang)], f"{kind} {lang}: recall {recall:.3f} ({hits}/{gold})"


def test_every_predicted_figure_of_a_matched_deal_is_the_gold_figure():
    wrong = []
    for doc_id, predicted, gold in _results()["matched_deals"]:
        for figure in FIGURES:
            value, expected = predicted.get(figure), gold.get(figure)
            if value is None:
                continue  # a missing figure costs recall, not correctness
            if expected is None or abs(value - expected) > 0.01 * abs(expected):
                wrong.append(f"{doc_id} {predicted['buyer']}←{predicted['providers']} {figure}: {value} vs {expected}")
            elif predicted.get(figure + "_bound") != gold.get(figure + "_bound"):
                wrong.append(f"{doc_id} {predicted['buyer']}←{predicted['providers']} {figure} bound: "
                             f"{predicted.get(figure + '_bound')} vs {gold.get(figure + '_bound')}")
    assert not wrong, "\n".join(wrong)


def test_the_scorer_matches_on_parties_only():
    # the matching rule itself: provider order does not matter; the buyer does
    assert _deal_key({"buyer": "A", "providers": ["B", "C"]}) == _deal_key({"buyer": "A", "providers": ["C", "B"]})
    assert _deal_key({"buyer": "A", "providers": ["B"]}) != _deal_key({"buyer": "B", "providers": ["A"]})
    assert _investment_key({"investor": "A", "investee": "B"}) != _investment_key({"investor": "B", "investee": "A"})
