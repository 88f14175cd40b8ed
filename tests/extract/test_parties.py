"""Open-world parties: organisations outside the registry, recognised from the text in both languages."""

import pytest

from pipelines.extract.document import analyse
from pipelines.extract.names import clean_name, fold
from pipelines.extract.mentions import PartySource
from pipelines.extract.parties import OpenKind, find_parties, group_entities, open_kind


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


@pytest.mark.parametrize("text, lang, name", [
    ("Den Strom liefert der Energiekonzern Vattlund an das Rechenzentrum von Nebius.", "de", "Vattlund"),
    ("Beteiligt ist auch die Private-Equity-Firma Kestrel Harbour.", "de", "Kestrel Harbour"),
    ("Zu den Kunden gehört die Großbank Orvanta.", "de", "Orvanta"),
    ("The pharmaceutical company Quillmere will run the new cluster.", "en", "Quillmere"),
    ("Korean chip startup Tessaray raised $200 million.", "en", "Tessaray"),
    ("A large share came from early backer Marlow Peak.", "en", "Marlow Peak"),
])
def test_descriptor_names_a_party(text, lang, name):
    assert _names(text, lang)[name] == PartySource.DESCRIPTOR


@pytest.mark.parametrize("text, lang", [
    ("Die Vereinbarung gibt dem Unternehmen Zugang zu Rechenleistung von Nebius.", "de"),
    ("Nebius said the company Thursday signed a cloud deal.", "en"),
])
def test_descriptor_before_a_common_word_names_no_party(text, lang):
    assert set(_names(text, lang)) == {"Nebius"}


@pytest.mark.parametrize("text, lang", [
    ("Die US-Investoren Harrow Lane und Quistbridge steuern weitere Mittel bei.", "de"),
    ("The investment firms Harrow Lane and Quistbridge add more money.", "en"),
])
def test_names_listed_after_a_descriptor_are_parties(text, lang):
    assert {"Harrow Lane", "Quistbridge"} <= set(_names(text, lang))


@pytest.mark.parametrize("text, lang", [
    ("Das Tallbrook National Laboratory (TNL) erhält ein System von Nvidia. Das TNL betreibt es ab 2027.", "de"),
    ("Tallbrook National Laboratory (TNL) will deploy Nvidia systems. TNL will run them from 2027.", "en"),
])
def test_acronym_in_brackets_names_a_party_and_its_abbreviation(text, lang):
    mentions = [m for m in find_parties(analyse(text, lang)) if m.name == "Tallbrook National Laboratory"]
    assert mentions[0].source == PartySource.ACRONYM
    assert text[mentions[-1].start:mentions[-1].end] == "TNL"  # the abbreviation in the next sentence


@pytest.mark.parametrize("text, lang", [
    ("Nvidia baut Small Modular Reactors (SMR) und Grafikprozessoren (GPUs).", "de"),
    ("Nvidia signed a Power Purchase Agreement (PPA) for Graphics Processing Units (GPUs).", "en"),
])
def test_acronym_of_common_words_names_no_party(text, lang):
    assert set(_names(text, lang)) == {"Nvidia"}


@pytest.mark.parametrize("text, lang, name", [
    ("Die University of Westbury nutzt den neuen Cluster von Nebius.", "de", "University of Westbury"),
    ("Das Forschungszentrum Kellersdorf bestellt Chips bei AMD.", "de", "Forschungszentrum Kellersdorf"),
    ("AMD will supply the Harwick National Laboratory.", "en", "Harwick National Laboratory"),
    ("The University of Westbury will use the new Nebius cluster.", "en", "University of Westbury"),
])
def test_public_body_name_is_a_party(text, lang, name):
    assert _names(text, lang)[name] == PartySource.PUBLIC_BODY


@pytest.mark.parametrize("text, lang", [
    ("Nebius investiert 60 Milliarden Dollar für Rechenzentren der Regierung.", "de"),
    ("Nebius said the Research Center will open.", "en"),
])
def test_public_body_words_without_a_name_of_their_own_name_no_party(text, lang):
    assert set(_names(text, lang)) == {"Nebius"}


@pytest.mark.parametrize("text, lang, name", [
    ("Quillmere, a German modular supercomputing company, will build the system with Nvidia.", "en", "Quillmere"),
    ("Nvidia invested in Harrowgate and Tessaray, the developers of optical components.", "en", "Tessaray"),
    ("Nebius kauft Tessaray, einen Anbieter von Kühltechnik für Rechenzentren.", "de", "Tessaray"),
    ("Den Strom liefert Vattlund, der größte Versorger der Region, an Nebius.", "de", "Vattlund"),
])
def test_apposition_names_a_party(text, lang, name):
    assert _names(text, lang)[name] == PartySource.DESCRIPTOR


@pytest.mark.parametrize("text, lang", [
    ("Nvidia invested in Harrowgate and Tessaray, the developers of optical components.", "en"),
    ("Nvidia investiert in Harrowgate und Tessaray, die Entwickler optischer Bauteile.", "de"),
])
def test_names_listed_with_an_apposition_are_parties(text, lang):
    assert {"Harrowgate", "Tessaray"} <= set(_names(text, lang))


@pytest.mark.parametrize("text, lang", [
    ("In Texas, the company will build a campus with Nebius.", "en"),
    ("In the Pacific Northwest, the utility will supply Nebius.", "en"),
    ("In Bayern, dem Standort der Firma, baut Nebius.", "de"),
])
def test_apposition_after_a_place_names_no_party(text, lang):
    assert set(_names(text, lang)) == {"Nebius"}


@pytest.mark.parametrize("text, lang", [
    ("Marla Quint, chief financial officer of the company, said Nebius will grow.", "en"),
    ("Marla Quint, Finanzchefin des Unternehmens, sagte, Nebius wachse.", "de"),
])
def test_apposition_of_a_person_names_no_party(text, lang):
    assert "Marla Quint" not in _names(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Softbank Group Corp will build the data centre.", "en"),
    ("Nebius kündigt eine Venture-Capital-Strategie an.", "de"),
])
def test_descriptor_inside_a_name_or_a_compound_names_nothing_after_it(text, lang):
    assert not [m for m in find_parties(analyse(text, lang)) if m.source == PartySource.DESCRIPTOR]


@pytest.mark.parametrize("text, lang, name", [
    ("AWS erhielt große Aufträge der US-Regierung.", "de", "US Government"),
    ("AWS won large orders from the U.S. government.", "en", "US Government"),
    ("Nvidia will supply 50,000 GPUs to the South Korean government.", "en", "South Korean Government"),
])
def test_government_is_named_by_its_country_in_both_languages(text, lang, name):
    assert _names(text, lang)[name] == PartySource.PUBLIC_BODY


@pytest.mark.parametrize("text, lang", [
    ("Laut Regierung liefert Nebius die Rechenleistung.", "de"),
    ("The government said Nebius supplies the compute.", "en"),
])
def test_government_without_a_country_names_no_party(text, lang):
    assert set(_names(text, lang)) == {"Nebius"}


@pytest.mark.parametrize("text, lang", [
    ("Das US Department of Energy bestellt zwei Supercomputer bei AMD.", "de"),
    ("The US Department of Energy ordered two supercomputers from AMD.", "en"),
])
def test_public_body_named_by_an_abbreviation_is_a_party(text, lang):
    assert _names(text, lang)["US Department of Energy"] == PartySource.PUBLIC_BODY
