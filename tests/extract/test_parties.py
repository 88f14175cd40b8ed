"""Open-world parties: organisations outside the registry, recognised from the text in both languages."""

import pytest

from pipelines.extract.document import analyse
from pipelines.extract.names import clean_name, fold
from pipelines.extract.parties import OpenKind, PartySource, find_parties, group_entities, open_kind


def _names(text: str, lang: str) -> dict[str, PartySource]:
    return {m.name: m.source for m in find_parties(analyse(text, lang))}


@pytest.mark.parametrize("text, lang", [
    ("Die Stadtwerke Musterstadt GmbH liefert Strom an das Rechenzentrum von Nebius.", "de"),
    ("Stadtwerke Musterstadt GmbH supplies power to the Nebius data centre.", "en"),
])
def test_legal_form_names_a_party(text, lang):
    names = _names(text, lang)
    assert names["Stadtwerke Musterstadt"] == PartySource.LEGAL_FORM
    assert names["Nebius"] == PartySource.REGISTRY


@pytest.mark.parametrize("text, lang", [
    ("Quokka Compute Inc. signed a $4 billion cloud contract with Oracle.", "en"),
    ("Die Quokka Compute Inc. hat einen Cloud-Vertrag über 4 Milliarden Dollar mit Oracle unterzeichnet.", "de"),
])
def test_legal_form_names_the_same_company_in_both_languages(text, lang):
    assert "Quokka Compute" in _names(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Angeführt wurde die Runde von Brightwater Capital; beteiligt waren außerdem Harbor Peak Ventures, "
     "Lindqvist Partners und Nvidia.", "de"),
    ("The round was led by Brightwater Capital, with Harbor Peak Ventures, Lindqvist Partners and Nvidia "
     "participating.", "en"),
])
def test_investor_list_names_parties(text, lang):
    names = _names(text, lang)
    assert {"Harbor Peak Ventures", "Lindqvist Partners"} <= set(names)
    assert names["Nvidia"] == PartySource.REGISTRY


@pytest.mark.parametrize("text, lang", [
    ("Nvidia liefert Chips, Server und Netzwerktechnik.", "de"),
    ("Nvidia supplies chips, servers and networking.", "en"),
])
def test_list_of_common_words_names_no_party(text, lang):
    assert set(_names(text, lang)) == {"Nvidia"}


def test_clean_name_drops_genitive_legal_form_and_article():
    assert clean_name("Quokka Compute Inc.’s") == "Quokka Compute"
    assert clean_name("der Stadtwerke Musterstadt GmbH") == "Stadtwerke Musterstadt"
    assert fold("Quokka Compute Inc.") == fold("Quokka Compute") == "quokka compute"
    assert fold("Google Cloud") == "google"


def test_short_name_is_the_long_one_named_before():
    text = ("Brightwater Capital Partners LLC invests in Lindenhof AI, Harbor Peak Ventures and Quokka Compute. "
            "Brightwater, Harbor Peak Ventures and Nvidia also back Lindenhof AI.")
    entities = group_entities(find_parties(analyse(text, "en")))
    assert "Brightwater Capital Partners" in entities
    assert "Brightwater" not in entities


@pytest.mark.parametrize("name, kind", [
    ("Brightwater Capital", OpenKind.INVESTOR), ("Harbor Peak Ventures", OpenKind.INVESTOR),
    ("Stadtwerke Musterstadt", OpenKind.ENERGY), ("Nordlicht Energy", OpenKind.ENERGY),
    ("Universität Musterstadt", OpenKind.RESEARCH), ("Quokka National Laboratory", OpenKind.RESEARCH),
    ("Quokka Compute", OpenKind.COMPANY),
])
def test_open_kind_from_the_words_of_the_name(name, kind):
    assert open_kind(name) == kind


@pytest.mark.parametrize("text, lang", [
    ("The round was led by Nvidia, with Tallowin, Merovan and AMD participating. Tallowin said it would add "
     "more later.", "en"),
    ("Angeführt wurde die Runde von Nvidia; beteiligt waren außerdem Tallowin, Merovan und AMD. Tallowin will "
     "später mehr investieren.", "de"),
])
def test_other_occurrences_of_a_recognised_name_are_mentions(text, lang):
    """A name recognised where a cue vouches for it (here an investor list) is the same party where the article
    writes it again without a cue."""
    mentions = [m for m in find_parties(analyse(text, lang)) if m.name == "Tallowin"]
    assert [m.start for m in mentions] == [text.index("Tallowin"), text.rindex("Tallowin")]
