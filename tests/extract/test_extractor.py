"""The extraction entry point with the committed model: facts with confidence and evidence, in both languages.

These sentences are our own; the model was trained on real articles (bench/train_extractor.py). The tests
check what the model is for (confidence, evidence, direction, open-world names, warrants by the format), not
its score: the scores are measured blind by bench/extract_cv.py.
"""

import pytest

from pipelines.extract.extractor import ExtractionMode, ModelMissingError, default_model, extract
from pipelines.extract.model.decide import load_model


@pytest.mark.parametrize("text, lang", [
    ("OpenAI has signed a $38 billion agreement to rent cloud capacity from Amazon Web Services over seven years.",
     "en"),
    ("OpenAI hat eine Vereinbarung über 38 Milliarden Dollar unterzeichnet, um über sieben Jahre "
     "Cloud-Kapazität bei Amazon Web Services zu mieten.", "de"),
])
def test_deal_with_confidence_and_evidence(text, lang):
    deals = extract(text, lang).deals
    deal = next(d for d in deals if d["buyer"] == "OpenAI" and d["providers"] == ["Amazon"])
    assert 0.0 < deal["confidence"] <= 1.0
    assert text[deal["evidence_start"] : deal["evidence_end"]] == deal["evidence"]
    assert "Amazon" in deal["evidence"]
    assert not any(d["buyer"] == "Amazon" and d["providers"] == ["OpenAI"] for d in deals)


@pytest.mark.parametrize("text, lang", [
    ("AMD granted OpenAI a warrant for up to 160 million shares of AMD common stock as part of the GPU deal.", "en"),
    ("AMD gewährt OpenAI im Rahmen des GPU-Deals Optionsscheine auf bis zu 160 Millionen AMD-Aktien.", "de"),
])
def test_warrant_holder_is_the_investor(text, lang):
    """GOLD_FORMAT: AMD granting OpenAI a warrant is investor OpenAI, investee AMD, instrument warrant."""
    investments = extract(text, lang).investments
    warrant = next(i for i in investments if {i["investor"], i["investee"]} == {"OpenAI", "AMD"})
    assert (warrant["investor"], warrant["investee"], warrant["instrument"]) == ("OpenAI", "AMD", "warrant")


@pytest.mark.parametrize("text, lang", [
    ("Die Stadtwerke Musterstadt GmbH liefert ab 2027 Strom mit einer Leistung von 300 Megawatt an das "
     "Rechenzentrum von Nebius. Nebius hat dafür einen Stromliefervertrag mit den Stadtwerken unterzeichnet.", "de"),
    ("Stadtwerke Musterstadt GmbH will supply 300 megawatts of power to Nebius's data centre from 2027 under a "
     "power purchase agreement Nebius signed with the utility.", "en"),
])
def test_open_world_party_keeps_the_name_the_text_uses(text, lang):
    result = extract(text, lang)
    names = {d["buyer"] for d in result.deals} | {p for d in result.deals for p in d["providers"]}
    assert "Stadtwerke Musterstadt" in names
    assert any(p["name"] == "Stadtwerke Musterstadt" and p["kind"] == "energy" for p in result.parties)


@pytest.mark.parametrize("text, lang", [
    ("Nvidia, AMD und Intel melden eine hohe Nachfrage nach KI-Beschleunigern.", "de"),
    ("Nvidia, AMD and Intel all report strong demand for AI accelerators.", "en"),
])
def test_companies_named_together_are_no_confident_deal(text, lang):
    model = default_model()
    assert all(d["confidence"] < model.thresholds["deal"] for d in extract(text, lang).deals)


def test_rules_mode_takes_its_confidence_from_the_measured_precision():
    model = load_model()
    result = extract("OpenAI mietet für 10 Milliarden Dollar Rechenleistung bei Oracle.", "de",
                     mode=ExtractionMode.RULES)
    precision = model.meta["rules_precision"]
    assert result.deals
    for deal in result.deals:
        assert deal["confidence"] == precision.get(f"deal:{deal['rule']}", precision["deal"])


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelMissingError, match="no extraction model"):
        default_model(tmp_path)


def test_long_text_is_cut_and_says_so():
    text = "OpenAI mietet Rechenleistung bei Oracle. " + "Füllwort " * 40_000
    result = extract(text, "de")
    assert result.text_cut
    assert any(d["buyer"] == "OpenAI" for d in result.deals)


_LOWER_CASE_EN = ("openai has signed a $38 billion agreement to rent cloud capacity from amazon web services over seven "
                  "years. the contract runs until 2032, the company said on monday, and analysts call it one of the "
                  "largest of its kind so far; both sides declined to say how many chips it covers.")
_LOWER_CASE_DE = ("openai hat eine vereinbarung über 38 milliarden dollar unterzeichnet, um über sieben jahre "
                  "cloud-kapazität bei amazon web services zu mieten. der vertrag läuft bis 2032, teilte das "
                  "unternehmen am montag mit, und er gilt als einer der größten seiner art; wie viele chips er "
                  "umfasst, sagten beide seiten nicht.")


@pytest.mark.parametrize("text, lang", [
    (_LOWER_CASE_EN, "en"), ("Copy 17.\n" + _LOWER_CASE_EN, "en"),
    (_LOWER_CASE_DE, "de"), ("Kopie 17.\n" + _LOWER_CASE_DE, "de"),
])
def test_text_written_in_lower_case_names_its_companies(text, lang):
    """Registry names in any case when the text has (nearly) no capitals, also under a normal-case first line."""
    deals = extract(text, lang, floor=0.0).deals
    assert any(d["buyer"] == "OpenAI" and d["providers"] == ["Amazon"] for d in deals)
