"""Classes found on a held-out development set, each in German and English, with negative cases.

Every sentence here is written for this test; none is taken from a corpus, the sample or a benchmark.
"""

from __future__ import annotations

import pytest

from pipelines.extract import extract_facts


def investments(text: str, lang: str) -> dict[tuple[str, str], object]:
    return {(i.investor, i.investee): i for i in extract_facts(text, lang).investments}


def deals(text: str, lang: str) -> dict[tuple[str, tuple[str, ...]], object]:
    return {(d.buyer, tuple(d.providers)): d for d in extract_facts(text, lang).deals}


# --- money a later sentence commits to compute is no investment amount ---------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Google und Amazon steigen gemeinsam bei Mistral AI ein, einem Konkurrenten von OpenAI. "
         "Im Gegenzug verpflichtet sich Mistral AI, Cloud-Kapazität für 12 Milliarden Dollar bei Google abzunehmen.",
         "de"),
        ("Google and Amazon are both taking a stake in Mistral AI, a rival of OpenAI. "
         "In return, Mistral AI commits to buy $12 billion of cloud capacity from Google.", "en"),
    ],
)
def test_compute_commitment_money_does_not_fill_investments(text, lang):
    found = investments(text, lang)
    assert found, "the investments are still found"
    assert all(i.usd is None for i in found.values())


def test_commitment_to_take_compute_is_a_deal_de():
    text = "Mistral AI verpflichtet sich, Rechenkapazität im Wert von 7 Milliarden Dollar in der Cloud von Google abzunehmen."
    found = deals(text, "de")
    assert ("Mistral AI", ("Google",)) in found
    assert found[("Mistral AI", ("Google",))].usd == 7e9


def test_plain_money_continuation_still_fills_investment():
    text = "Nvidia beteiligt sich an Mistral AI. Dafür zahlt der Chipkonzern 2 Milliarden Dollar."
    found = investments(text, "de")
    assert found[("Nvidia", "Mistral AI")].usd == 2e9


# --- a rival named in passing is no company a later "das Start-up" can mean -------------------


@pytest.mark.parametrize(
    "text, lang, amounts",
    [
        ("Nvidia und Microsoft beteiligen sich an Mistral AI, einem der großen Rivalen von OpenAI. "
         "Nvidia will bis zu acht Milliarden Dollar in das KI-Start-up stecken, Microsoft bis zu drei Milliarden Dollar.",
         "de", {"Nvidia": 8e9, "Microsoft": 3e9}),
        ("Nvidia and Microsoft are investing in Mistral AI, a rival of OpenAI. "
         "Nvidia will invest up to $8 billion in the AI startup, while Microsoft is committing up to $3 billion.",
         "en", {"Nvidia": 8e9, "Microsoft": 3e9}),
    ],
)
def test_rival_does_not_block_descriptor(text, lang, amounts):
    found = investments(text, lang)
    assert ("Nvidia", "OpenAI") not in found and ("Microsoft", "OpenAI") not in found
    for investor, usd in amounts.items():
        assert found[(investor, "Mistral AI")].usd == usd


def test_two_real_labs_keep_descriptor_ambiguous():
    text = "Mistral AI und OpenAI wachsen schnell. Nvidia will 8 Milliarden Dollar in das KI-Start-up stecken."
    assert not investments(text, "de")


# --- the investee of a verb stands in its own clause ----------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Google remains Mistral AI's biggest backer with $4 billion invested, and Mistral AI also trains models on Azure.",
         "en"),
        ("Nvidia hat 4 Milliarden Dollar investiert, und Mistral AI trainiert seine Modelle auf Azure.", "de"),
    ],
)
def test_investee_not_taken_from_a_following_clause(text, lang):
    found = investments(text, lang)
    assert not any(investee == "Microsoft" for _, investee in found)
    assert ("Mistral AI", "Microsoft") not in found





# --- "half a million" / "eine halbe Million" ---------------------------------------------


@pytest.mark.parametrize(
    "text, lang, value, kind",
    [
        ("The lab will rent almost half a million GPUs.", "en", 500_000, "chips"),
        ("Das Labor mietet knapp eine halbe Million GPUs.", "de", 500_000, "chips"),
        ("a deal worth half a billion dollars", "en", 5e8, "usd"),
        ("ein Auftrag über eine halbe Milliarde Dollar", "de", 5e8, "usd"),
        ("It ordered a million GPUs.", "en", 1_000_000, "chips"),
    ],
)
def test_half_a_scale(text, lang, value, kind):
    from pipelines.extract.numbers import find_amounts

    found = [a for a in find_amounts(text, lang) if a.kind == kind]
    assert found and found[0].value == value


def test_half_alone_is_no_count():
    from pipelines.extract.numbers import find_amounts

    assert not [a for a in find_amounts("Half of the GPUs sit in Texas.", "en") if a.kind == "chips"]


# --- money spent on one's own buildings or in a country is no deal value -----------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI rents 40,000 GPUs from CoreWeave, which is spending $6 billion on new buildings and cooling.", "en"),
        ("Mistral AI mietet 40.000 GPUs bei CoreWeave, das dafür 6 Milliarden Dollar in den Bau neuer Hallen steckt.",
         "de"),
        ("Mistral AI rents 40,000 GPUs from CoreWeave as part of a pledge to spend $6 billion in Europe.", "en"),
    ],
)
def test_construction_or_country_money_is_no_deal_value(text, lang):
    found = deals(text, lang)
    deal = found[("Mistral AI", ("CoreWeave",))]
    assert deal.chips == 40_000
    assert deal.usd is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI will spend $6 billion on capacity from CoreWeave.", "en"),
        ("Mistral AI gibt 6 Milliarden Dollar für Rechenkapazität von CoreWeave aus.", "de"),
    ],
)
def test_spending_on_compute_stays_deal_value(text, lang):
    found = deals(text, lang)
    assert found[("Mistral AI", ("CoreWeave",))].usd == 6e9


# --- a combined total over a list of suppliers is one deal with all of them ----------------





# --- "X has a tenant: Y", "X's biggest customer is Y": Y buys ---------------------------------








# --- "nicht der einzige Lieferant" / "not its only supplier" affirms ---------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Für Mistral AI ist Google keineswegs der einzige Partner: Das Start-up mietet GPU-Kapazität auch von "
         "CoreWeave.", "de"),
        ("Google is not Mistral AI's only partner: the startup also rents GPU capacity from CoreWeave.", "en"),
        ("Google is not the only supplier; Mistral AI also rents GPU capacity from CoreWeave.", "en"),
    ],
)
def test_not_the_only_supplier_is_no_negation(text, lang):
    found = deals(text, lang)
    assert ("Mistral AI", ("CoreWeave",)) in found
    assert ("Google", ("CoreWeave",)) not in found


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI mietet keine GPU-Kapazität von CoreWeave.", "de"),
        ("Mistral AI does not rent GPU capacity from CoreWeave.", "en"),
    ],
)
def test_real_negation_still_blocks(text, lang):
    assert not deals(text, lang)


# --- funding rounds: the raiser in a relative clause, "led by" in the next sentence, investor lists --------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sequoia steigt mit 500 Millionen Euro bei Mistral AI ein. Neben Sequoia zogen auch bisherige Geldgeber mit, "
         "darunter Nvidia und General Catalyst.", "de"),
        ("Sequoia is investing €500 million in Mistral AI. Besides Sequoia, existing investors also took part, "
         "including Nvidia and General Catalyst.", "en"),
    ],
)
def test_investor_list_after_investors_noun(text, lang):
    found = investments(text, lang)
    assert {("Sequoia Capital", "Mistral AI"), ("Nvidia", "Mistral AI"), ("General Catalyst", "Mistral AI")} <= set(found)
    assert not any(investee == "Sequoia Capital" for _, investee in found)


def test_einsteigen_needs_the_particle_de():
    text = "Die Kosten für den Ausbau der Rechenzentren von Anthropic steigen deutlich, SoftBank plant ein neues Werk."
    assert not investments(text, "de")


def test_valor_firms_are_distinct():
    from pipelines.extract import find_companies

    names = {m.name for m in find_companies("Valor Equity Partners and Valor Capital both joined.")}
    assert names == {"Valor Equity Partners", "Valor Capital"}


# --- German fronted object: "An X ist Y beteiligt" -------------------------------------------


def test_fronted_place_is_no_investee_de():
    assert not investments("In Texas hat Oracle 3 Milliarden Dollar investiert.", "de")


# --- an investor that also supplies in its own clause is a party of that deal ----------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("AMD ist seit Jahren an Crusoe beteiligt und liefert die Beschleuniger, die Crusoe weitervermietet.", "de"),
        ("AMD has held a stake in Crusoe for years and supplies the accelerators that Crusoe rents out.", "en"),
    ],
)
def test_investor_and_supplier(text, lang):
    assert ("AMD", "Crusoe") in investments(text, lang)
    assert ("Crusoe", ("AMD",)) in deals(text, lang)


def test_investor_without_supply_clause_is_no_supplier_en():
    found = deals("AMD invested in Crusoe, which rents GPU capacity to OpenAI.", "en")
    assert ("Crusoe", ("AMD",)) not in found


# --- the name of a cloud unit is a compute cue ------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI hat eine Vereinbarung über 9 Milliarden Dollar mit Amazon Web Services geschlossen.", "de"),
        ("Mistral AI has signed a $9 billion agreement with Microsoft Azure.", "en"),
    ],
)
def test_cloud_unit_name_makes_a_compute_deal(text, lang):
    found = deals(text, lang)
    assert len(found) == 1
    assert next(iter(found.values())).usd == 9e9


def test_cloud_unit_boss_is_no_deal_en():
    assert not deals("AWS boss Matt Garman praised Mistral AI in a keynote.", "en")


# --- "X, in which it has invested $N" / "X, an dem es … beteiligt ist" ------------------------


def test_relative_clause_with_named_investor_untouched_de():
    found = investments("Mistral AI, an dem Nvidia beteiligt ist, mietet GPUs von CoreWeave.", "de")
    assert ("CoreWeave", "Mistral AI") not in found


# --- "Its total contract value is …", "Dessen Wert: …" continue the deal -----------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nebius will provide Mistral AI with dedicated GPU capacity. The agreement runs until 2030. "
         "Its total contract value is $4.2 billion.", "en"),
        ("Mistral AI hat sich GPU-Kapazität bei Nebius gesichert. Dessen Wert: 4,2 Mrd. Dollar.", "de"),
        ("Nebius stellt Mistral AI GPU-Kapazität bereit. Laut Branchenkreisen beläuft sich der Vertragswert auf "
         "4,2 Milliarden Dollar.", "de"),
    ],
)
def test_value_reference_fills_deal(text, lang):
    assert deals(text, lang)[("Mistral AI", ("Nebius",))].usd == 4.2e9


def test_its_business_is_no_value_reference_en():
    text = ("Nebius will provide Mistral AI with dedicated GPU capacity. "
            "Nebius expects its cloud business to grow to $4.2 billion in revenue.")
    assert deals(text, "en")[("Mistral AI", ("Nebius",))].usd is None


# --- German passive "werden für X … bereitgestellt" -------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Wie Lambda mitteilte, werden für Meta rund 30.000 Grafikprozessoren vom Typ Nvidia B200 bereitgestellt.", "de"),
        ("As Lambda said, around 30,000 Nvidia B200 GPUs will be provided to Meta by Lambda.", "en"),
    ],
)
def test_passive_provision_for_buyer(text, lang):
    found = deals(text, lang)
    assert found[("Meta", ("Lambda",))].chips == 30_000
    assert ("Meta", ("Nvidia",)) not in found


def test_provision_without_compute_is_no_deal_de():
    assert not deals("Für Meta werden bei Lambda neue Büroräume bereitgestellt.", "de")


# --- a lab named in one list with an investor is no investee of it --------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Gegründet wurde das Vorhaben von Mistral AI, Bpifrance und dem Investor MGX.", "de"),
        ("The venture was set up by Mistral AI, Bpifrance and the investor MGX.", "en"),
    ],
)
def test_co_founders_list_is_no_investment(text, lang):
    assert ("MGX", "Mistral AI") not in investments(text, lang)


# --- "X's suppliers include A, B and C" / "Zu den Lieferanten von X gehören A, B und C" -----------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI will deploy 2 GW of Nvidia systems. The deal widens Mistral AI's circle of suppliers, which "
         "includes CoreWeave and Nebius.", "en"),
        ("Zu den Lieferanten von Mistral AI gehören CoreWeave und Nebius, die GPU-Kapazität bereitstellen.", "de"),
    ],
)
def test_supplier_list_noun(text, lang):
    found = deals(text, lang)
    assert {("Mistral AI", ("CoreWeave",)), ("Mistral AI", ("Nebius",))} <= set(found)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI's suppliers include CoreWeave and Nebius.", "en"),  # no compute anywhere
        ("Zu den Lieferanten von Mistral AI gehören CoreWeave und Nebius.", "de"),
    ],
)
def test_supplier_list_needs_compute(text, lang):
    assert not deals(text, lang)


# --- a contract with a compute seller, valued in the next sentence -----------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Vor dem Börsengang hatte sich Nebius einen Dreijahresvertrag mit Mistral AI gesichert. Dessen Wert: "
         "2,3 Mrd. Dollar.", "de"),
        ("Before its IPO, Nebius signed a three-year contract with Mistral AI. The contract is worth $2.3 billion.",
         "en"),
    ],
)
def test_contract_with_compute_seller_valued_next(text, lang):
    assert deals(text, lang)[("Mistral AI", ("Nebius",))].usd == 2.3e9


def test_contract_with_non_compute_company_stays_open_de():
    text = "Mistral AI hat einen Vertrag mit Bpifrance geschlossen. Dessen Wert: 1 Mrd. Euro."
    assert not deals(text, "de")


# --- receiving a company's shares is an investment in it ----------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Im Rahmen der Vereinbarung erhält Mistral AI außerdem Nebius-Aktien im Wert von 120 Millionen Dollar.", "de"),
        ("Under the agreement, Mistral AI also receives Nebius shares worth $120 million.", "en"),
    ],
)
def test_receiving_shares_is_investment(text, lang):
    assert investments(text, lang)[("Mistral AI", "Nebius")].usd == 1.2e8


def test_share_price_news_is_no_investment_de():
    assert not investments("Die Nebius-Aktie erhielt Rückenwind, Mistral AI legte ebenfalls zu.", "de")


# --- "Under the contract … Nvidia GPUs": the make of the chips is no supplier of the deal referred to ------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nebius has signed a GPU cloud contract with Meta worth $3 billion. Under the contract Nebius will give Meta "
         "access to Nvidia B300 GPUs in Finland.", "en"),
        ("Nebius hat einen Cloud-Vertrag mit Meta über 3 Milliarden Dollar geschlossen. Im Rahmen des Vertrags "
         "erhält Meta Zugriff auf Nvidia-GPUs vom Typ B300.", "de"),
    ],
)
def test_chip_make_under_the_deal_is_no_supplier(text, lang):
    found = deals(text, lang)
    assert ("Meta", ("Nvidia",)) not in found
    assert found[("Meta", ("Nebius",))].usd == 3e9


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta kauft Nvidia-GPUs vom Typ B300 für 3 Milliarden Dollar.", "de"),
        ("Meta is buying Nvidia B300 GPUs for $3 billion.", "en"),
    ],
)
def test_buying_chips_directly_stays_with_the_maker(text, lang):
    assert ("Meta", ("Nvidia",)) in deals(text, lang)


# --- several deals in one sentence, each sized by its own noun phrase -------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI signed a 2-gigawatt agreement with AMD last week and a 3-gigawatt letter of intent with Nvidia.",
         "en"),
        ("Zuvor hatte Mistral AI einen 2-Gigawatt-Vertrag mit AMD und eine 3-Gigawatt-Absichtserklärung mit Nvidia "
         "unterzeichnet.", "de"),
    ],
)
def test_each_deal_noun_keeps_its_figure(text, lang):
    found = deals(text, lang)
    assert found[("Mistral AI", ("AMD",))].gw == 2
    assert found[("Mistral AI", ("Nvidia",))].gw == 3


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI has deals with AMD and Nvidia for 5 gigawatts of chips.", "en"),
        ("Mistral AI hat Verträge mit AMD und Nvidia über 5 Gigawatt an Chips.", "de"),
    ],
)
def test_shared_figure_of_a_list_stays_unassigned(text, lang):
    assert all(d.gw is None for d in deals(text, lang).values())


# --- "X bleibt Ys wichtigster Cloud-Anbieter", "X remains Y's primary cloud provider" -----------------





# --- "is not affected" / "wird nicht berührt" affirm the deal ------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die TPU-Vereinbarung von Mistral AI mit Google wird von dem Schritt nicht berührt.", "de"),
        ("Mistral AI's TPU agreement with Google is not affected by the move.", "en"),
    ],
)
def test_not_affected_is_no_negation(text, lang):
    assert ("Mistral AI", ("Google",)) in deals(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI nutzt keine TPUs von Google.", "de"),
        ("Mistral AI does not use TPUs from Google.", "en"),
    ],
)
def test_plain_negation_of_use_blocks(text, lang):
    assert not deals(text, lang)


# --- passive build-for: "wird von X für Y errichtet", "is being built by X for Y" ---------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Rechenzentrum wurde 2024 von Crusoe gebaut, für Meta ein wichtiger Standort.", "de"),
    ],
)
def test_passive_build_for_needs_one_clause(text, lang):
    assert ("Meta", ("Crusoe",)) not in deals(text, lang)


# --- spelled-out chip names --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mistral AI may use up to 400,000 of Google's tensor processing units under the agreement.", "en"),
        ("Mistral AI darf im Rahmen der Vereinbarung bis zu 400.000 Tensor Processing Units von Google nutzen.", "de"),
    ],
)
def test_spelled_out_tpus(text, lang):
    assert deals(text, lang)[("Mistral AI", ("Google",))].chips == 400_000
