"""extract_facts end to end: deals, investments, figures, evidence, joining and merging (de + en)."""

from __future__ import annotations

import pytest

from pipelines.extract import DealFact, InvestmentFact, extract_facts


def deals(text: str, lang: str | None = None) -> list[DealFact]:
    return extract_facts(text, lang).deals


def investments(text: str, lang: str | None = None) -> list[InvestmentFact]:
    return extract_facts(text, lang).investments


def parties(facts: list[DealFact]) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.buyer, tuple(d.providers)) for d in facts]


def test_german_tpu_deal_with_all_figures():
    text = ("Anthropic wird ab 2026 bis zu eine Million TPUs von Google beziehen. "
            "Die Vereinbarung umfasst mehr als ein Gigawatt und mehrere zehn Milliarden US-Dollar.")
    (deal,) = deals(text, "de")
    assert (deal.buyer, deal.providers, deal.resource) == ("Anthropic", ["Google"], "tpu")
    assert (deal.chips, deal.chips_bound) == (1_000_000, "up_to")
    assert (deal.gw, deal.gw_bound) == (1.0, "at_least")
    assert (deal.usd, deal.usd_bound, deal.usd_vague) == (2e10, "at_least", True)
    assert deal.year == 2026 and deal.eur is None
    assert deal.evidence == text and (deal.evidence_start, deal.evidence_end) == (0, len(text))


def test_english_tpu_deal_split_over_two_sentences():
    text = ("Intro line.\nGoogle will supply Anthropic with up to one million TPUs. "
            "The deal is worth tens of billions of dollars and brings well over a gigawatt online in 2026.")
    (deal,) = deals(text, "en")
    assert parties([deal]) == [("Anthropic", ("Google",))]
    assert (deal.chips, deal.usd, deal.usd_vague, deal.gw, deal.gw_bound) == (1_000_000, 1e10, True, 1.0, "at_least")
    assert deal.year == 2026
    assert deal.evidence == text[deal.evidence_start : deal.evidence_end]
    assert deal.evidence.startswith("Google will supply") and deal.evidence.endswith("in 2026.")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI bezieht bei Amazon Cloud-Rechenleistung für 38 Mrd. US-Dollar.", "de"),
        ("OpenAI signed a $38bn contract to rent cloud capacity from Amazon Web Services.", "en"),
    ],
)
def test_cloud_contract_value(text, lang):
    (deal,) = deals(text, lang)
    assert parties([deal]) == [("OpenAI", ("Amazon",))]
    assert (deal.usd, deal.usd_bound, deal.resource) == (38e9, "exact", "cloud")











@pytest.mark.parametrize(
    "text, lang",
    [
        ("Laut Insidern verhandelt xAI mit Oracle über Cloud-Kapazität für 10 Milliarden Dollar.", "de"),
        ("xAI is reportedly in talks with Oracle about $10 billion of cloud capacity.", "en"),
        ("xAI erwägt, GPUs von Nvidia zu kaufen.", "de"),
        ("xAI is considering buying GPUs from Nvidia.", "en"),
        ("Microsoft wird keine Rechenleistung an OpenAI liefern.", "de"),
        ("Microsoft will not provide cloud capacity to OpenAI.", "en"),
    ],
)
def test_no_fact_from_talks_rumour_or_negation(text, lang):
    facts = extract_facts(text, lang)
    assert facts.deals == [] and facts.investments == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Eine Studie erwartet, dass Rechenzentren in Europa bis 2030 rund 30 Gigawatt benötigen.", "de"),
        ("Analysts expect data centres worldwide to need 90 GW by 2030.", "en"),
        ("Die Telekom baut ein eigenes Rechenzentrum mit 200 Megawatt für 2 Milliarden Euro.", "de"),
        ("Oracle is building its own 1 GW data center campus for $15 billion.", "en"),
        ("Die Nvidia-Aktie stieg auf 180 US-Dollar, Google und Amazon legten ebenfalls zu.", "de"),
        ("Nvidia and AMD shares rose; Nvidia is valued at $4 trillion.", "en"),
        ("Google und Microsoft berichten über ihre Cloud-Umsätze.", "de"),
        ("Microsoft and Google both run large clouds.", "en"),
    ],
)
def test_no_fact_from_market_numbers_own_projects_or_mere_mentions(text, lang):
    assert deals(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Nvidia investiert bis zu 100 Milliarden Dollar in OpenAI.", "de", ("Nvidia", "OpenAI", 100e9, "up_to")),
        ("Nvidia will invest up to $100 billion in OpenAI.", "en", ("Nvidia", "OpenAI", 100e9, "up_to")),
        ("Nvidia kündigte eine Beteiligung von 5 Milliarden US-Dollar an Intel an.", "de", ("Nvidia", "Intel", 5e9, "exact")),
        ("OpenAI is acquiring a $350 million stake in CoreWeave.", "en", ("OpenAI", "CoreWeave", 350e6, "exact")),
        ("Google hat rund 3 Milliarden US-Dollar in Anthropic gesteckt.", "de", ("Google", "Anthropic", 3e9, "approx")),
        ("Google has injected about $3 billion into Anthropic.", "en", ("Google", "Anthropic", 3e9, "approx")),
    ],
)
def test_investments_with_amounts(text, lang, expected):
    (inv,) = investments(text, lang)
    assert (inv.investor, inv.investee, inv.usd, inv.usd_bound) == expected
    assert inv.instrument == "equity" and inv.evidence == text


def test_euro_investment_stays_in_euro():
    (inv,) = investments("ASML beteiligt sich mit 1,3 Milliarden Euro an Mistral AI.", "de")
    assert (inv.investor, inv.investee, inv.eur, inv.usd) == ("ASML", "Mistral AI", 1.3e9, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Im Rahmen des Vertrags räumt AMD OpenAI einen Optionsschein über bis zu 160 Mio. Aktien ein.", "de"),
        ("As part of the deal AMD issued OpenAI a warrant for up to 160 million AMD shares.", "en"),
    ],
)
def test_a_warrant_makes_the_holder_the_investor(text, lang):
    (inv,) = investments(text, lang)
    assert (inv.investor, inv.investee, inv.instrument, inv.shares) == ("OpenAI", "AMD", "warrant", 160_000_000)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sowohl Google als auch Amazon sind Investoren von Anthropic.", "de"),
        ("CoreWeave, backed by Nvidia, runs GPU clouds.", "en"),
    ],
)
def test_investor_nouns_and_passive_backing(text, lang):
    found = {(i.investor, i.investee) for i in investments(text, lang)}
    assert found in ({("Google", "Anthropic"), ("Amazon", "Anthropic")}, {("Nvidia", "CoreWeave")})


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI sammelt Geld ein. ASML beteiligt sich an Mistral AI. Zu den weiteren Geldgebern zählen "
         "Nvidia und Bpifrance.", "de"),
        ("xAI raised new money from Nvidia, which invests in xAI. The round also includes participation from "
         "Valor Capital and Sequoia.", "en"),
    ],
)
def test_investor_lists_refer_to_the_last_investee(text, lang):
    found = {(i.investor, i.investee) for i in investments(text, lang)}
    assert len(found) == 3 and len({investee for _, investee in found}) == 1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft investiert 5 Milliarden Dollar in einen Konkurrenten seines Partners OpenAI.", "de"),
        ("Microsoft is investing in a rival of its partner OpenAI.", "en"),
        ("Anthropic will seine Investition in Amazons KI-Infrastruktur verdoppeln.", "de"),
        ("Anthropic pledged to double its investment in Amazon's AI infrastructure.", "en"),
    ],
)
def test_no_investment_in_a_rival_or_in_infrastructure(text, lang):
    assert investments(text, lang) == []


def test_facts_about_the_same_parties_merge_keeping_the_most_precise_figures():
    text = ("Meta Signs $14B Cloud Deal With CoreWeave\n"
            "CoreWeave will provide Meta with cloud computing under a contract worth up to $14.2 billion. "
            "Meta also said CoreWeave will deliver GPUs through 2031.")
    (deal,) = deals(text, "en")
    assert deal.usd == 14.2e9 and deal.usd_bound == "up_to"
    assert deal.evidence.startswith("CoreWeave will provide Meta")


def test_german_merge_of_two_sentences_about_one_deal():
    text = ("Microsoft bezieht GPU-Kapazität von Nebius. "
            "Später hieß es, Microsoft bezieht GPU-Kapazität von Nebius im Wert von bis zu 19,4 Milliarden US-Dollar.")
    (deal,) = deals(text, "de")
    assert deal.usd == pytest.approx(19.4e9) and deal.usd_bound == "up_to"
    assert deal.evidence_start > 0


def test_status_and_the_api_shape():
    text = "OpenAI und Oracle haben einen Vertrag über Rechenzentren mit 4,5 Gigawatt unterzeichnet."
    facts = extract_facts(text)  # language detected
    (deal,) = facts.deals
    assert deal.status == "definitive" and deal.gw == 4.5
    row = deal.to_dict()
    for key in ("buyer", "providers", "resource", "gw", "gw_bound", "chips", "chips_bound", "usd", "usd_bound",
                "usd_vague", "eur", "eur_bound", "eur_vague", "year", "status", "evidence", "evidence_start",
                "evidence_end"):
        assert key in row
    assert facts.to_dict()["deals"] == [row]
    letter = deals("Nvidia and OpenAI signed a letter of intent to deploy 10 gigawatts of Nvidia systems.", "en")
    assert [d.status for d in letter] == ["loi"] and letter[0].gw == 10


def test_empty_and_factless_text():
    assert extract_facts("").deals == [] and extract_facts("   \n").investments == []
    assert extract_facts("Ein ruhiger Tag ohne Nachrichten.").deals == []


def test_typed_values_serialise_as_the_same_strings():
    import json

    from pipelines.extract.companies import Resource
    from pipelines.extract.modality import DealStatus
    from pipelines.extract.numbers import Bound

    (deal,) = deals("Meta hat einen Vertrag über bis zu 14 Mrd. Dollar mit CoreWeave für GPU-Kapazität "
                    "unterzeichnet.", "de")
    assert (deal.usd_bound, deal.resource, deal.status) == (Bound.UP_TO, Resource.GPU, DealStatus.DEFINITIVE)
    row = json.loads(json.dumps(deal.to_dict()))
    assert (row["usd_bound"], row["resource"], row["status"], row["rule"]) == ("up_to", "gpu", "definitive", "role_order")
