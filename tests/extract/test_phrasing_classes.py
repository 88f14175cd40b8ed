"""Classes of phrasing that the first rules missed (found on the bundled sample), each in German and English.

Every sentence here is written for this test; none is taken from the sample or from any corpus.
"""

from __future__ import annotations

import pytest

from pipelines.extract import extract_facts


def deal_parties(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((d.buyer, tuple(d.providers)) for d in extract_facts(text, lang).deals)


def investment_parties(text: str, lang: str) -> list[tuple[str, str, str]]:
    return sorted((i.investor, i.investee, i.instrument) for i in extract_facts(text, lang).investments)


# --- warrants named as option rights ------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Im Gegenzug gewährt Broadcom dem Labor Cohere Optionsrechte auf 5 Millionen Aktien.", "de"),
        ("Cohere erhält von Broadcom Bezugsrechte auf bis zu 2 Millionen Aktien des Chipherstellers.", "de"),
        ("As part of the pact, Broadcom grants Cohere option rights on 5 million of its shares.", "en"),
    ],
)
def test_option_rights_are_a_warrant_for_the_holder(text, lang):
    assert investment_parties(text, lang) == [("Cohere", "Broadcom", "warrant")]


# --- "Mit …" / "With …" opening a sentence names a party ---------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mit dem Cloud-Anbieter Oracle trainiert Cohere seine neuen Modelle auf tausenden GPUs.", "de"),
        ("With Oracle's cloud unit, Cohere trains its newest models on thousands of GPUs.", "en"),
    ],
)
def test_a_sentence_opening_with_with_and_a_company_states_a_deal(text, lang):
    assert deal_parties(text, lang) == [("Cohere", ("Oracle",))]


# --- "nicht allein" / "not solely": the company does not do it alone, it also buys ---------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Der Facebook-Konzern Meta kann seinen Bedarf an Rechenleistung nicht allein decken und mietet "
         "deshalb zusätzliche GPU-Kapazität bei Nebius.", "de"),
        ("Meta is growing not solely in its own data centres but also rents extra GPU capacity from Nebius.", "en"),
    ],
)
def test_not_alone_does_not_deny_the_deal(text, lang):
    assert deal_parties(text, lang) == [("Meta", ("Nebius",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta wird keine GPU-Kapazität bei Nebius mieten.", "de"),
        ("Meta will not rent GPU capacity from Nebius.", "en"),
    ],
)
def test_a_plain_negation_still_denies(text, lang):
    assert deal_parties(text, lang) == []


# --- German deployment verbs ("aufbauen", "einsetzen", "in Betrieb nehmen") -----------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Cohere will in den kommenden Jahren AMD-Beschleuniger mit zusammen zwei Gigawatt aufbauen.", "de"),
        ("Cohere soll ab dem Frühjahr AMD-Beschleuniger mit zwei Gigawatt in Betrieb nehmen.", "de"),
        ("Cohere will deploy AMD accelerators totalling two gigawatts over the coming years.", "en"),
    ],
)
def test_deploying_a_chip_makers_systems_is_a_deal(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.gw) == ("Cohere", ["AMD"], 2.0)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Cohere will eigene Rechenzentren mit zwei Gigawatt aufbauen.", "de"),
        ("Cohere will build its own data centres with two gigawatts.", "en"),
    ],
)
def test_building_alone_is_no_deal(text, lang):
    assert deal_parties(text, lang) == []


# --- a following sentence about the money: "Das Gesamtvolumen …", "Around €2bn goes into the facility" ---


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die Telekom richtet gemeinsam mit Nvidia in Hamburg ein Rechenzentrum für KI ein. "
         "Das Gesamtvolumen beziffert der Konzern auf rund 2 Milliarden Euro.", "de"),
        ("Die Telekom baut zusammen mit Nvidia in Hamburg einen KI-Cluster. "
         "Rund 2 Milliarden Euro fließen in das Vorhaben.", "de"),
        ("Deutsche Telekom is building an AI cluster in Hamburg together with Nvidia. "
         "Around €2 billion will go into the facility.", "en"),
    ],
)
def test_a_money_sentence_referring_back_gives_the_deal_its_value(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers) == ("Deutsche Telekom", ["Nvidia"])
    assert (deal.eur, deal.eur_bound, deal.usd) == (2e9, "approx", None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die Telekom baut zusammen mit Nvidia in Hamburg einen KI-Cluster. "
         "Rund 2 Milliarden Euro flossen im Vorjahr in das Projekt von Oracle.", "de"),
        ("Deutsche Telekom is building an AI cluster in Hamburg together with Nvidia. "
         "Around €2 billion went into a rival facility of Oracle last year.", "en"),
    ],
)
def test_money_about_another_company_or_without_reference_stays_apart(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert deal.eur is None and deal.usd is None


# --- the investor of an infinitive or coordinated clause whose investee is "the company" --------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("AMD hat zugesagt, Cohere Beschleuniger zu liefern und im Gegenzug bis zu 4 Milliarden Dollar in das "
         "Unternehmen zu investieren.", "de"),
        ("AMD has promised to ship accelerators to Cohere and to invest up to $4 billion in the company.", "en"),
    ],
)
def test_the_subject_invests_in_the_lab_that_the_company_refers_to(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee, inv.usd, inv.usd_bound) == ("AMD", "Cohere", 4e9, "up_to")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft, which has invested in the startup, rents capacity to OpenAI.", "en"),
        ("OpenAI said it would invest $1 billion in the company's own data centres.", "en"),
    ],
)
def test_no_swapped_investor_without_a_second_company(text, lang):
    assert ("OpenAI", "OpenAI") not in [(i.investor, i.investee) for i in extract_facts(text, lang).investments]
    assert all(i.investor != "OpenAI" for i in extract_facts(text, lang).investments)


# --- "X hält ebenso wie Y Anteile an Z" / "X, like Y, holds a stake in Z": both invest ---------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia hält ebenso wie Microsoft Anteile an Mistral.", "de"),
        ("Nvidia investiert genauso wie Microsoft in Mistral.", "de"),
        ("Nvidia, like Microsoft, holds a stake in Mistral.", "en"),
        ("Nvidia, just like Microsoft, has invested in Mistral.", "en"),
    ],
)
def test_likewise_coordinated_companies_both_invest(text, lang):
    assert investment_parties(text, lang) == [("Microsoft", "Mistral AI", "equity"), ("Nvidia", "Mistral AI", "equity")]


# --- a company named as a dependence but heading a relative clause on its own purchase ----------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Der Auftrag senkt die Abhängigkeit des Anbieters Nebius von Microsoft, das bei dem Unternehmen seit "
         "Jahren GPU-Kapazität mietet.", "de"),
        ("The order lowers the dependence of Nebius on Microsoft, which rents much of its GPU capacity from the "
         "firm.", "en"),
    ],
)
def test_a_relative_clause_makes_the_dependence_a_customer(text, lang):
    assert deal_parties(text, lang) == [("Microsoft", ("Nebius",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta will die Abhängigkeit von Nvidia, das den Markt beherrscht, verringern und bezieht Chips von AMD.", "de"),
        ("Meta wants less dependence on Nvidia, which dominates the market, and buys chips from AMD.", "en"),
    ],
)
def test_a_relative_clause_without_a_purchase_keeps_the_rival_out(text, lang):
    assert deal_parties(text, lang) == [("Meta", ("AMD",))]


# --- vague magnitudes in any German case; the year of a company's figures is no capacity year ----


@pytest.mark.parametrize(
    "text, lang, value, currency",
    [
        ("Der Auftrag ist nach Firmenangaben mehreren zehn Milliarden US-Dollar wert.", "de", 2e10, "usd"),
        ("Der Konzern spricht von Dutzenden Milliarden Dollar.", "de", 2e10, "usd"),
        ("Es geht um einige hundert Millionen Euro.", "de", 2e8, "eur"),
        ("The order is worth several hundred million euros.", "en", 2e8, "eur"),
        ("The order is worth tens of billions of dollars.", "en", 1e10, "usd"),
    ],
)
def test_vague_magnitudes_in_any_case_are_their_lower_bound(text, lang, value, currency):
    from pipelines.extract import find_amounts

    (amount,) = find_amounts(text, lang)
    assert (amount.kind, amount.value, amount.vague, amount.bound) == (currency, value, True, "at_least")


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("Der Kunde stand für 60 Prozent der Umsätze im Jahr 2024.", None),
        ("The customer made up 60 percent of its revenue in 2024.", None),
        ("Die Kapazität soll im Jahr 2026 bereitstehen.", 2026),
        ("The capacity comes online in 2026.", 2026),
    ],
)
def test_the_year_of_revenue_is_no_capacity_year(sentence, year):
    from pipelines.extract.modality import capacity_year

    assert capacity_year(sentence) == year


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Die Telekom bezieht von Nvidia Grafikprozessoren für eine Milliarde Euro.", "de"),
        ("Deutsche Telekom buys Nvidia GPUs from Nvidia for one billion euros.", "en"),
    ],
)
def test_euro_amounts_written_out_stay_in_euro(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.eur, deal.usd) == ("Deutsche Telekom", ["Nvidia"], 1e9, None)


# --- "we" / "our" in a press release is the buying company of its "About …" line -----------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Mehr Rechenleistung für neue Modelle\nFür das Training nutzen wir künftig die Cloud von Oracle.\n"
         "Über Cohere\nCohere entwickelt Sprachmodelle für Unternehmen.", "de"),
        ("More compute for new models\nOracle remains our main cloud provider for training.\n"
         "About Cohere\nCohere builds language models for businesses.", "en"),
    ],
)
def test_first_person_in_a_press_release_is_its_issuer(text, lang):
    assert deal_parties(text, lang) == [("Cohere", ("Oracle",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        # no "About" line: nobody to stand for "our"
        ("Oracle remains our main cloud provider for training.", "en"),
        ("Für das Training nutzen wir künftig die Cloud von Oracle.", "de"),
        # the issuer sells compute: its "we" is no buyer
        ("Our cloud now runs on thousands of Nvidia GPUs.\nAbout Oracle\nOracle sells cloud services.", "en"),
        # a quote may be someone else's voice
        ("„Wir nutzen die Cloud von Oracle“, sagte ein Kunde.\nÜber Cohere\nCohere entwickelt Modelle.", "de"),
        ('"Oracle is our main cloud provider," a customer said.\nAbout Cohere\nCohere builds models.', "en"),
    ],
)
def test_first_person_without_a_buying_issuer_names_no_party(text, lang):
    assert deal_parties(text, lang) == []


# --- coordinated investors: "X und Y sind an Z beteiligt", "X and Y hold stakes in Z" ------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia und Microsoft sind schon länger an Mistral beteiligt.", "de"),
        ("Nvidia and Microsoft each hold stakes in Mistral.", "en"),
        ("Nvidia and Microsoft have both invested in Mistral.", "en"),
    ],
)
def test_every_coordinated_investor_invests(text, lang):
    assert investment_parties(text, lang) == [("Microsoft", "Mistral AI", "equity"), ("Nvidia", "Mistral AI", "equity")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Oracle liefert Rechenleistung an Cohere; Nvidia ist an Mistral beteiligt.", "de"),
        ("Oracle rents capacity to Cohere, while Nvidia has invested in Mistral.", "en"),
    ],
)
def test_an_uncoordinated_company_does_not_join_the_investors(text, lang):
    assert investment_parties(text, lang) == [("Nvidia", "Mistral AI", "equity")]
