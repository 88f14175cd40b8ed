"""The deal rules (grammar/deal_rules.py, deal_phrases.py): a test per rule, named after it, German and English."""

from __future__ import annotations

import pytest

from pipelines.extract import DealFact, extract_facts
from pipelines.extract.grammar import grammar_facts


def deals(text: str, lang: str | None = None) -> list[DealFact]:
    return extract_facts(text, lang).deals


def parties(facts: list[DealFact]) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.buyer, tuple(d.providers)) for d in facts]


def deal_parties(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((d.buyer, tuple(d.providers)) for d in extract_facts(text, lang).deals)


def deals_h2(text: str, lang: str) -> dict[tuple[str, tuple[str, ...]], object]:
    return {(d.buyer, tuple(d.providers)): d for d in extract_facts(text, lang).deals}


@pytest.mark.parametrize(
    "text, lang",
    [("Crusoe baut in Texas für Oracle einen Campus mit 1,2 Gigawatt.", "de"),
     ("Crusoe will build a 1.2 GW campus in Texas for Oracle.", "en")],
)
def test_build_for_whoever_it_is_built_for_buys(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.gw, deal.resource) == ("Oracle", ["Crusoe"], 1.2, "datacenter")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI plant riesige Rechenzentren. Dafür wurde mit Oracle ein Vertrag über 300 Milliarden Dollar "
         "geschlossen.", "de"),
        ("OpenAI is short of compute. It signed a $300 billion cloud contract with Oracle.", "en"),
    ],
)
def test_context_buyer_the_lab_just_named_buys(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("OpenAI", ["Oracle"], 300e9)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Anthropic nutzt die TPUs von Google. Insgesamt erhält Anthropic ab 2026 mehr als ein Gigawatt "
         "Rechenkapazität.", "de"),
        ("Anthropic expands its use of Google Cloud. In total Anthropic will access well over a gigawatt of "
         "capacity starting in 2026.", "en"),
    ],
)
def test_context_supplier_the_supplier_just_named_provides(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.gw, deal.gw_bound, deal.year) == (
        "Anthropic", ["Google"], 1.0, "at_least", 2026)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia mietet bei Lambda GPU-Server für 1,5 Milliarden US-Dollar.", "de"),
        ("Nvidia agreed to lease GPU servers from Lambda for $1.5 billion.", "en"),
    ],
)
def test_from_x_decides_the_direction_over_company_roles(text, lang):
    assert parties(deals(text, lang)) == [("Nvidia", ("Lambda",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Der GPU-Cloud-Anbieter Together AI hat bei Core Scientific 120 Megawatt Rechenzentrumsfläche gemietet.", "de"),
        ("Together AI has rented 120 megawatts of data-centre space from Core Scientific.", "en"),
    ],
)
def test_from_x_a_gpu_cloud_rents_from_a_landlord(text, lang):
    assert deal_parties(text, lang) == [("Together AI", ("Core Scientific",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("xAI bezieht Beschleuniger unter anderem von Nvidia, AMD und Groq.", "de"),
        ("xAI sources accelerators from Nvidia, AMD and Groq, among others.", "en"),
    ],
)
def test_from_x_every_supplier_listed_after_from(text, lang):
    assert deal_parties(text, lang) == [("xAI", ("AMD",)), ("xAI", ("Groq",)), ("xAI", ("Nvidia",))]


@pytest.mark.parametrize(
    "text, lang",
    [("OpenAI bezieht Rechenleistung von Microsoft und vom Spezialisten CoreWeave.", "de"),
     ("OpenAI rents computing capacity from Microsoft and from specialist cloud provider CoreWeave.", "en")],
)
def test_from_x_every_from_names_a_supplier(text, lang):
    assert deal_parties(text, lang) == [("OpenAI", ("CoreWeave",)), ("OpenAI", ("Microsoft",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Rechenzentrum entwickeln Nebius und der Energiekonzern Aker. Gemeinsam wollen sie Meta 300 Megawatt "
         "Kapazität liefern.", "de"),
        ("The site is developed by Nebius and the energy group Aker. Together they will supply Meta with 300MW of "
         "capacity.", "en"),
    ],
)
def test_joint_supply_together_they_supply(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, tuple(deal.providers), deal.gw) == ("Meta", ("Aker", "Nebius"), 0.3)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Vor einem Monat hatte Nscale versprochen, mit Applied Digital zu wachsen. "
         "Im Oktober vermietete Applied Digital 100 Megawatt an seinem Campus an Nscale.", "de"),
        ("Nscale said it wants to grow with Applied Digital. Last week Applied Digital agreed to lease 100MW at its "
         "campus to Nscale for $2 billion.", "en"),
    ],
)
def test_lease_to_makes_the_lessee_the_buyer(text, lang):
    assert deal_parties(text, lang) == [("Nscale", ("Applied Digital",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("It is Hut 8's third contract. In May it agreed to lease 80MW to Fluidstack for $1 billion.", "en"),
        ("Es ist der dritte Vertrag von Hut 8. Im Mai vermietete es 80 Megawatt für 1 Milliarde Dollar an Fluidstack.",
         "de"),
    ],
)
def test_lease_to_a_landlord_referred_to_by_pronoun(text, lang):
    assert deal_parties(text, lang) == [("Fluidstack", ("Hut 8",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Google bleibt trotz der neuen Partnerschaft Mistral AIs wichtigster Cloud-Anbieter.", "de"),
        ("Google remains Mistral AI's primary cloud provider.", "en"),
    ],
)
def test_owned_supplier_noun(text, lang):
    assert ("Mistral AI", ("Google",)) in deals_h2(text, lang)


def test_owned_supplier_needs_a_buying_owner_en():
    assert ("Nvidia", ("Google",)) not in deals_h2("Google is Nvidia's main cloud provider.", "en")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Rechenzentrum in Texas wird vom Entwickler Crusoe für Meta errichtet.", "de"),
        ("The data centre in Texas is being built by Crusoe for Meta.", "en"),
    ],
)
def test_passive_build_for(text, lang):
    assert ("Meta", ("Crusoe",)) in deals_h2(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta wird ab 2026 von Nebius mit 40.000 Grafikprozessoren versorgt.", "de"),
        ("From 2026, Meta will be supplied with 40,000 GPUs by Nebius.", "en"),
    ],
)
def test_passive_supply_names_the_buyer_as_subject(text, lang):
    assert deal_parties(text, lang) == [("Meta", ("Nebius",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nebius hat einen neuen Großkunden gewonnen: Meta bucht dort GPU-Kapazität für 3 Milliarden Dollar.", "de"),
        ("Nebius's biggest customer is Meta, which books GPU capacity worth $3 billion.", "en"),
    ],
)
def test_tenant_noun_names_the_buyer(text, lang):
    found = deals_h2(text, lang)
    assert ("Meta", ("Nebius",)) in found and ("Nebius", ("Meta",)) not in found
    assert found[("Meta", ("Nebius",))].usd == 3e9


@pytest.mark.parametrize(
    "text, lang",
    [
        ("CoreWeave hat einen prominenten Mieter: Nvidia. Der Chipkonzern mietet bei dem Anbieter "
         "12.000 Grafikprozessoren für rund 1 Mrd. Dollar.", "de"),
        ("CoreWeave has a prominent tenant: Nvidia. The chipmaker rents 12,000 GPUs from the provider for about "
         "$1 billion.", "en"),
    ],
)
def test_tenant_deal_detailed_in_next_sentence(text, lang):
    found = deals_h2(text, lang)
    deal = found[("Nvidia", ("CoreWeave",))]
    assert deal.chips == 12_000 and deal.usd == 1e9


def test_tenant_customer_of_chip_maker_is_no_reversed_deal():
    found = deals_h2("Nvidia's customer CoreWeave buys GPUs for $1 billion.", "en")
    assert ("Nvidia", ("CoreWeave",)) not in found


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta nutzt künftig Nvidia-GPUs in den Rechenzentren von CoreWeave.", "de"),
        ("Meta will use Nvidia GPUs in CoreWeave data centers under the new agreement.", "en"),
    ],
)
def test_role_order_the_chip_maker_inside_a_cloud_deal_is_no_party(text, lang):
    assert parties(deals(text, lang)) == [("Meta", ("CoreWeave",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI plant gemeinsam mit AMD und Nvidia Rechenzentren mit bis zu 16 Gigawatt.", "de"),
        ("OpenAI plans up to 16 GW of data-centre capacity together with AMD and Nvidia.", "en"),
    ],
)
def test_role_order_a_joint_figure_is_one_fact_with_several_providers(text, lang):
    (deal,) = deals(text, lang)
    assert deal.providers == ["AMD", "Nvidia"] and deal.gw == 16.0 and deal.gw_bound == "up_to"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI hat Rechenleistung bei mehreren Anbietern gebucht, darunter Nvidia, Broadcom, Oracle und Google, "
         "für insgesamt 1,4 Billionen US-Dollar.", "de"),
        ("OpenAI has compute commitments with suppliers including Nvidia, Broadcom, Oracle and Google "
         "totalling $1.4 trillion.", "en"),
    ],
)
def test_role_order_an_open_list_gives_one_deal_each(text, lang):
    found = deals(text, lang)
    assert sorted(parties(found)) == [("OpenAI", (p,)) for p in ("Broadcom", "Google", "Nvidia", "Oracle")]
    assert all(d.usd is None for d in found)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mit CoreWeave, Lambda, Nebius und Crusoe hat Meta Verträge über Rechenleistung für insgesamt "
         "40 Milliarden Dollar geschlossen.", "de"),
        ("Meta has signed GPU capacity contracts with CoreWeave, Lambda, Nebius and Crusoe worth a combined "
         "$40 billion.", "en"),
    ],
)
def test_role_order_combined_total_makes_one_joint_deal(text, lang):
    found = deals_h2(text, lang)
    key = ("Meta", ("CoreWeave", "Crusoe", "Lambda", "Nebius"))
    assert list(found) == [key]
    assert found[key].usd == 40e9


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta has signed GPU capacity contracts with CoreWeave, Lambda, Nebius and Crusoe worth $10 billion each.",
         "en"),
        ("Meta hat GPU-Kapazität bei mehreren Anbietern gebucht, darunter CoreWeave, Lambda, Nebius und Crusoe, "
         "für insgesamt 40 Milliarden Dollar.", "de"),
    ],
)
def test_role_order_each_or_open_list_stays_separate(text, lang):
    found = deals_h2(text, lang)
    assert len(found) == 4 and all(len(providers) == 1 for _, providers in found)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Der Deal gewährt OpenAI Zugang zu Chipsystemen des Herstellers Nvidia in den Rechenzentren von Amazon.",
         "de"),
        ("The deal gives OpenAI access to hundreds of thousands of Nvidia GPUs in Amazon data centers.", "en"),
    ],
)
def test_role_order_the_make_of_the_chips_is_no_party(text, lang):
    assert deal_parties(text, lang) == [("OpenAI", ("Amazon",))]


# --- one German and one English sentence per rule, each fact named after its rule -------------------------------

def _deal_rules(text: str, lang: str) -> list[tuple[str, tuple[str, ...], str]]:
    return sorted((d.buyer, tuple(d.providers), d.rule) for d in grammar_facts(text, lang).deals)


@pytest.mark.parametrize("text, lang, expected", [
    ("Microsoft bleibt Anthropics größter Cloud-Anbieter für das Training.", "de",
     [("Anthropic", ("Microsoft",), "owned_supplier")]),
    ("Oracle is Mistral's primary cloud provider for training.", "en", [("Mistral AI", ("Oracle",), "owned_supplier")]),
])
def test_owned_supplier(text, lang, expected):
    assert _deal_rules(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Zu den Rechenzentrumspartnern von Anthropic zählen Google und Amazon, die Kapazität liefern.", "de"),
    ("Anthropic's compute providers include Google and Amazon.", "en"),
])
def test_supplier_list(text, lang):
    assert _deal_rules(text, lang) == [("Anthropic", ("Amazon",), "supplier_list"), ("Anthropic", ("Google",), "supplier_list")]


@pytest.mark.parametrize("text, lang", [
    ("Meta wird von Google mit TPU-Kapazität versorgt.", "de"),
    ("Meta is being supplied with GPU capacity by Google.", "en"),
])
def test_passive_supply(text, lang):
    assert _deal_rules(text, lang) == [("Meta", ("Google",), "passive_supply")]


@pytest.mark.parametrize("text, lang", [
    ("Der neue Rechenzentrumscampus wird von Nscale für Microsoft gebaut.", "de"),
    ("The new data centre campus was built by Nscale for Microsoft.", "en"),
])
def test_passive_build_for_de_en(text, lang):
    assert _deal_rules(text, lang) == [("Microsoft", ("Nscale",), "passive_build_for")]


@pytest.mark.parametrize("text, lang", [
    ("Cipher Mining vermietet 300 MW Rechenzentrumskapazität an Fluidstack.", "de"),
    ("Cipher Mining leases 300 MW of data centre capacity to Fluidstack.", "en"),
])
def test_lease_to(text, lang):
    assert _deal_rules(text, lang) == [("Fluidstack", ("Cipher Mining",), "lease_to")]


@pytest.mark.parametrize("text, lang", [
    ("Nebius hat für seine GPU-Cloud einen neuen Großkunden gewonnen: Meta.", "de"),
    ("Nebius has landed a new GPU cloud customer: Meta.", "en"),
])
def test_tenant(text, lang):
    assert _deal_rules(text, lang) == [("Meta", ("Nebius",), "tenant")]


@pytest.mark.parametrize("text, lang", [
    ("Anthropic mietet zusätzliche Rechenleistung bei CoreWeave.", "de"),
    ("Anthropic buys additional compute from CoreWeave.", "en"),
])
def test_from_x(text, lang):
    assert _deal_rules(text, lang) == [("Anthropic", ("CoreWeave",), "from_x")]


@pytest.mark.parametrize("text, lang", [
    ("Crusoe errichtet für OpenAI ein Rechenzentrum mit 1,2 Gigawatt.", "de"),
    ("Crusoe is constructing a 1.2 gigawatt data centre for OpenAI.", "en"),
])
def test_build_for(text, lang):
    assert _deal_rules(text, lang) == [("OpenAI", ("Crusoe",), "build_for")]


@pytest.mark.parametrize("text, lang", [
    ("AMD liefert an Oracle 50.000 Grafikprozessoren.", "de"),
    ("AMD will supply Oracle with 50,000 GPUs.", "en"),
])
def test_supply_verb(text, lang):
    assert _deal_rules(text, lang) == [("Oracle", ("AMD",), "supply_verb")]


@pytest.mark.parametrize("text, lang", [
    ("Mistral AI und Nvidia unterzeichnen eine Vereinbarung über 18.000 Grafikprozessoren.", "de"),
    ("Mistral AI and Nvidia signed an agreement for 18,000 GPUs.", "en"),
])
def test_role_order(text, lang):
    assert _deal_rules(text, lang) == [("Mistral AI", ("Nvidia",), "role_order")]


@pytest.mark.parametrize("text, lang", [
    ("Amazon und Nvidia gründen ein Gemeinschaftsunternehmen für Rechenzentren.", "de"),
    ("Nvidia and Microsoft said they will form a joint venture for data centres.", "en"),
    ("Microsoft garantiert Leasingzahlungen von Nebius für ein Rechenzentrum in Höhe von 2 Mrd. Dollar.", "de"),
    ("Oracle made a takeover offer for AMD's data centre unit.", "en"),
])
def test_joint_venture_takeover_backstop(text, lang):
    assert _deal_rules(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Nvidia und Microsoft präsentierten sich auf der Messe.", "de"),
    ("Nvidia and Microsoft spoke at the same conference.", "en"),
])
def test_no_deal_cue(text, lang):
    assert _deal_rules(text, lang) == []
