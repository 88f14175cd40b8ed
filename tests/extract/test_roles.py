"""Roles beyond one plain sentence: context, "the two companies", asides, chip makes, relative clauses."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_facts
from pipelines.extract.companies import find_companies
from pipelines.extract.grammar import find_deals, find_investments


def deal_parties(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((d.buyer, tuple(d.providers)) for d in extract_facts(text, lang).deals)


def investment_parties(text: str, lang: str) -> list[tuple[str, str]]:
    return sorted((i.investor, i.investee) for i in extract_facts(text, lang).investments)





def test_no_context_buyer_when_the_subject_is_an_unnamed_company():
    # the software company is none of those just named: the lab named before is not its stand-in
    text = "Auch OpenAI baut aus. Der US-Softwarekonzern will gemeinsam mit Nscale 2 Gigawatt errichten."
    assert extract_facts(text, "de").deals == []


def test_a_described_subject_is_the_company_of_its_kind_just_named():
    # (descriptors.py) "Der US-Softwarekonzern" after "Microsoft": Microsoft builds with Nscale
    text = "Auch Microsoft baut aus. Der US-Softwarekonzern will gemeinsam mit Nscale 2 Gigawatt errichten."
    (deal,) = extract_facts(text, "de").deals
    assert (deal.buyer, deal.providers, deal.gw) == ("Microsoft", ["Nscale"], 2.0)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia investiert in OpenAI. Die beiden Konzerne wollen gemeinsam Rechenzentren mit zehn Gigawatt bauen.",
         "de"),
        ("Broadcom and OpenAI met on Monday. The two companies announced a partnership to deploy 10 gigawatts of "
         "accelerators.", "en"),
    ],
)
def test_the_two_companies_are_those_just_named(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert deal.buyer == "OpenAI" and deal.gw == 10 and len(deal.providers) == 1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft betreibt die Cloud von OpenAI. Die beiden Unternehmen schlossen 2019 einen ersten "
         "Investitionsvertrag, und Microsoft hat seither 13 Milliarden Dollar investiert.", "de"),
        ("Microsoft hosts the cloud of OpenAI. The two companies signed an investment deal in 2019, and Microsoft "
         "has since invested $13 billion.", "en"),
    ],
)
def test_an_investment_by_one_of_the_two_companies(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee, inv.usd) == ("Microsoft", "OpenAI", 13e9)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI startet ein Projekt in Kooperation mit Nscale und Nvidia. In einer ersten Phase werden 8.000 GPUs "
         "eingesetzt.", "de"),
        ("OpenAI launched a project in partnership with Nscale and Nvidia. A first phase brings 8,000 GPUs.", "en"),
    ],
)
def test_a_deal_whose_compute_follows_in_the_next_sentence(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.chips) == ("OpenAI", ["Nscale", "Nvidia"], 8000)
    assert deal.evidence == text


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nachdem OpenAI einen Cloud-Vertrag mit Amazon geschlossen hat – eine Premiere – will Microsoft keine "
         "Exklusivität mehr.", "de"),
        ("After OpenAI struck a cloud deal with Amazon — its first — Microsoft said it doesn't want exclusivity.",
         "en"),
    ],
)
def test_a_denial_in_another_part_of_the_sentence_leaves_the_deal(text, lang):
    assert deal_parties(text, lang) == [("OpenAI", ("Amazon",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Zudem entwickelt OpenAI gemeinsam mit Broadcom eigene KI-Chips.", "de"),
        ("OpenAI is also co-developing its own AI chips with Broadcom.", "en"),
    ],
)
def test_co_developed_own_chips(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.resource) == ("OpenAI", ["Broadcom"], "custom_chip")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Im Vergleich zu OpenAI, das mit AMD und Nvidia bis zu 16 Gigawatt plant, wirkt Anthropic zurückhaltend.",
         "de"),
        ("Unlike OpenAI, which plans up to 16 GW together with AMD and Nvidia, Anthropic grows slowly.", "en"),
    ],
)
def test_the_lab_of_the_relative_clause_buys(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.gw) == ("OpenAI", ["AMD", "Nvidia"], 16.0)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Rechenzentrum wird zu einem Teil von Polarise betrieben; Windkraft liefert WV Energie.", "de"),
        ("The Aker–Nscale joint venture will deliver 52,000 GPUs to Microsoft.", "en"),
    ],
)
def test_joint_ventures_and_energy_suppliers_without_a_power_deal(text, lang):
    found = deal_parties(text, lang)
    assert ("Microsoft", ("Aker",)) not in found and ("Microsoft", ("Nscale",)) not in found


def test_find_deals_and_find_investments_take_sentence_relative_mentions():
    sentence = "Meta mietet bei CoreWeave Cloud-Kapazität."
    (draft,) = find_deals(sentence, find_companies(sentence), [])
    assert (draft.buyer, draft.providers) == ("Meta", ("CoreWeave",))
    sentence = "SoftBank investiert in OpenAI."
    (inv,) = find_investments(sentence, find_companies(sentence), None)
    assert (inv.investor, inv.investee, inv.instrument) == ("SoftBank", "OpenAI", "equity")








@pytest.mark.parametrize(
    "text, lang",
    [("Meta hat bei Google Cloud TPUs im Wert von mehreren Milliarden Dollar bestellt.", "de"),
     ("Meta has ordered Google Cloud TPUs worth several billion dollars.", "en")],
)
def test_an_order_is_a_deal(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.resource, deal.usd, deal.usd_vague) == ("Meta", ["Google"], "tpu", 2e9, True)


@pytest.mark.parametrize(
    "text, lang",
    [("OpenAI-Konkurrent Anthropic hat einen Vertrag mit Google über den Zugang zu TPUs geschlossen.", "de"),
     ("OpenAI's rival Anthropic signed a contract with Google for access to TPUs.", "en")],
)
def test_the_rival_named_in_a_compound_is_a_party_the_rivalled_one_is_not(text, lang):
    assert deal_parties(text, lang) == [("Anthropic", ("Google",))]


@pytest.mark.parametrize(
    "text, lang",
    [("„Wir bauen mit Oracle Rechenzentren für 5 Gigawatt“, sagte OpenAI.", "de"),
     ("“We build 5 GW of data centres with CoreWeave and Oracle,” OpenAI said.", "en")],
)
def test_the_speaker_of_a_quote_is_not_a_party(text, lang):
    assert all(d.buyer != "OpenAI" for d in extract_facts(text, lang).deals)


@pytest.mark.parametrize(
    "text, lang",
    [("Wie berichtet wird, hat Meta einen Vertrag über 14 Milliarden Dollar mit CoreWeave unterzeichnet.", "de"),
     ("Meta signed a $14 billion contract with CoreWeave, a person familiar with the matter said.", "en")],
)
def test_a_priced_contract_with_a_gpu_cloud_is_a_compute_deal(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("Meta", ["CoreWeave"], 14e9)


@pytest.mark.parametrize(
    "text, lang",
    [("Mistral AI bezieht von ASML Know-how und von Samsung Speicherchips für 2 Milliarden Euro.", "de"),
     ("OpenAI signed a $10 billion memory supply agreement with SK Hynix and Samsung.", "en")],
)
def test_component_suppliers_are_no_compute_deal(text, lang):
    assert extract_facts(text, lang).deals == []


@pytest.mark.parametrize(
    "text, lang",
    [("Google hält einen Anteil von 14 Prozent an Anthropic, während Amazon 8 Milliarden Dollar in Anthropic "
      "investiert hat.", "de"),
     ("Google has taken a 14% stake in Anthropic, while Amazon invested $8 billion in the Claude maker.", "en")],
)
def test_a_stake_and_an_investment_in_one_sentence(text, lang):
    found = {(i.investor, i.investee, i.usd) for i in extract_facts(text, lang).investments}
    assert found == {("Google", "Anthropic", None), ("Amazon", "Anthropic", 8e9)}


@pytest.mark.parametrize(
    "text, lang",
    [("OpenAI mietet Rechenkapazität bei Microsoft, das bereits 13 Milliarden Dollar in das Start-up investiert "
      "hat.", "de"),
     ("OpenAI rents capacity from Microsoft, which has invested more than $13 billion in the startup.", "en")],
)
def test_an_unnamed_investee_is_the_lab_of_the_sentence(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee) == ("Microsoft", "OpenAI") and inv.usd == 13e9
    assert [(d.buyer, d.providers, d.usd) for d in extract_facts(text, lang).deals] == [("OpenAI", ["Microsoft"], None)]


@pytest.mark.parametrize(
    "text, lang",
    [("Anthropic nutzt Trainium-Chips von Amazon. Einer der Standorte gehört zu einer Investition von "
      "11 Milliarden Dollar, die Amazon in Indiana tätigt.", "de"),
     ("Anthropic uses Trainium chips from Amazon. One site is part of an $11 billion investment by Amazon in "
      "Indiana.", "en")],
)
def test_a_company_investment_programme_is_no_contract_value(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("Anthropic", ["Amazon"], None)


@pytest.mark.parametrize(
    "text, lang",
    [("Die Vereinbarung folgt auf eine Bestellung von 6 Gigawatt bei AMD durch OpenAI, während Nvidia bis zu "
      "100 Milliarden Dollar in OpenAI investiert.", "de"),
     ("The agreement comes a week after OpenAI said it would deploy 6 gigawatts of AMD processors, and three weeks "
      "after Nvidia said it intends to invest up to $100 billion in OpenAI.", "en")],
)
def test_the_investor_of_the_sentence_is_not_also_a_supplier(text, lang):
    facts = extract_facts(text, lang)
    assert [(d.buyer, d.providers) for d in facts.deals] == [("OpenAI", ["AMD"])]
    assert [(i.investor, i.investee, i.usd) for i in facts.investments] == [("Nvidia", "OpenAI", 100e9)]


@pytest.mark.parametrize(
    "text, lang",
    [("Anthropic kann künftig bis zu eine Million von Googles TPUs nutzen. Das teilten beide Unternehmen mit. "
      "Die zusätzliche Rechenkapazität soll mehr als ein Gigawatt umfassen.", "de"),
     ("Anthropic will be able to use up to one million of Google's TPUs. Both companies confirmed this on "
      "Thursday. The added capacity will exceed one gigawatt.", "en")],
)
def test_figures_may_follow_after_a_sentence_without_facts(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.chips, deal.gw, deal.gw_bound) == (1_000_000, 1.0, "at_least")
    assert deal.evidence == text


@pytest.mark.parametrize(
    "text, lang",
    [("Exklusiv ist die Beziehung nicht: Anthropic hat eine Vereinbarung über TPUs mit Google geschlossen.", "de"),
     ("The relationship is not exclusive: Anthropic signed an agreement for TPUs with Google.", "en")],
)
def test_a_colon_separates_a_denial_from_the_deal(text, lang):
    assert deal_parties(text, lang) == [("Anthropic", ("Google",))]


@pytest.mark.parametrize(
    "text, lang",
    [("Der Vertrag passt zur zusätzlichen Stargate-Kapazität, die OpenAI gemeinsam mit Oracle aufbaut.", "de"),
     ("The deal matches the Stargate data-center capacity that OpenAI develops together with Oracle.", "en")],
)
def test_a_project_name_before_a_noun_is_no_party(text, lang):
    assert deal_parties(text, lang) == [("OpenAI", ("Oracle",))]


@pytest.mark.parametrize(
    "text, lang",
    [("Microsoft, das einen Anteil von rund 27 Prozent an OpenAI hält, liefert Cloud-Dienste.", "de"),
     ("Microsoft, which holds a stake of roughly 27% in OpenAI, supplies cloud services.", "en"),
     ("Microsoft ist OpenAIs größter Geldgeber.", "de"),
     ("Microsoft is OpenAI's biggest backer.", "en")],
)
def test_stakes_of_a_share_and_possessive_backers(text, lang):
    assert investment_parties(text, lang) == [("Microsoft", "OpenAI")]
