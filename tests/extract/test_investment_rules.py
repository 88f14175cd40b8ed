"""The investment rules (grammar/investment_rules.py): a test per rule, named after it, German and English."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_facts
from pipelines.extract.grammar import grammar_facts


def investment_parties(text: str, lang: str) -> list[tuple[str, str, str]]:
    return sorted((i.investor, i.investee, i.instrument) for i in extract_facts(text, lang).investments)


def investments(text: str, lang: str) -> dict[tuple[str, str], object]:
    return {(i.investor, i.investee): i for i in extract_facts(text, lang).investments}


def investment_parties_roles(text: str, lang: str) -> list[tuple[str, str]]:
    return sorted((i.investor, i.investee) for i in extract_facts(text, lang).investments)


def deal_parties(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((d.buyer, tuple(d.providers)) for d in extract_facts(text, lang).deals)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("SoftBank führte eine Finanzierungsrunde über 40 Milliarden Dollar für OpenAI an, auch Microsoft und "
         "Thrive Capital beteiligten sich.", "de"),
        ("SoftBank led a $40 billion funding round for OpenAI, with Microsoft and Thrive Capital also taking part.",
         "en"),
    ],
)
def test_funding_round_every_participant_invests_without_the_total(text, lang):
    found = extract_facts(text, lang).investments
    assert sorted(i.investor for i in found) == ["Microsoft", "SoftBank", "Thrive Capital"]
    assert {i.investee for i in found} == {"OpenAI"} and all(i.usd is None for i in found)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Qualcomm erwirbt Stammaktien von Cerebras im Wert von 700 Millionen Dollar.", "de"),
        ("Qualcomm buys newly issued Cerebras shares worth $700 million.", "en"),
    ],
)
def test_invest_verb_buying_shares(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee, inv.usd) == ("Qualcomm", "Cerebras", 7e8)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Zuvor war der Konzern AMD bereits bei Cohere und beim Kölner Übersetzungsdienst DeepL eingestiegen.", "de"),
        ("Earlier, AMD had already invested in Cohere and in the translation service DeepL.", "en"),
    ],
)
def test_invest_verb_every_investee_of_a_coordination(text, lang):
    assert investment_parties(text, lang) == [("AMD", "Cohere", "equity"), ("AMD", "DeepL", "equity")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Beide Konzerne beteiligen sich zudem an Cohere: Oracle will bis zu drei Milliarden Dollar investieren, "
         "Nvidia bis zu eine Milliarde Dollar.", "de"),
        ("Both also take stakes in Cohere: Oracle will invest up to $3 billion, Nvidia up to $1 billion.", "en"),
    ],
)
def test_invest_verb_investors_after_a_subjectless_investment(text, lang):
    found = investments(text, lang)
    assert sorted(found) == [("Nvidia", "Cohere"), ("Oracle", "Cohere")]
    assert (found[("Oracle", "Cohere")].usd, found[("Nvidia", "Cohere")].usd) == (3e9, 1e9)


def test_invest_verb_long_separable_einsteigen_de():
    text = ("Der japanische Technologieinvestor SoftBank steigt mit 2 Milliarden Dollar beim amerikanischen "
            "KI-Entwickler Anthropic ein.")
    found = investments(text, "de")
    assert found[("SoftBank", "Anthropic")].usd == 2e9


@pytest.mark.parametrize(
    "text, lang",
    [
        ("An Nebius ist Nvidia ebenfalls beteiligt.", "de"),
        ("In Nebius hat Nvidia bereits investiert.", "de"),
        ("Nvidia is also invested in Nebius.", "en"),
    ],
)
def test_invest_verb_fronted_investee(text, lang):
    assert ("Nvidia", "Nebius") in investments(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Oracle ist der größte Geldgeber von Mistral und hat 2 Milliarden Dollar in das Start-up gesteckt.", "de"),
        ("Oracle is Mistral's largest backer and has put $2 billion into the startup.", "en"),
    ],
)
def test_invest_verb_put_money_into_the_startup(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee, inv.usd) == ("Oracle", "Mistral AI", 2e9)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Anthropic bekommt frisches Geld. Der Softwarekonzern Microsoft steckt bis zu fünf Milliarden Dollar in "
         "das Start-up, der Chipkonzern Nvidia bis zu zehn Milliarden.", "de"),
    ],
)
def test_invest_verb_an_elliptical_second_investor(text, lang):
    investments = {(i.investor, i.investee) for i in extract_facts(text, lang).investments}
    assert ("Microsoft", "Nvidia") not in investments and ("Microsoft", "Anthropic") in investments


@pytest.mark.parametrize(
    "text, lang",
    [("Amazon steigt mit weiteren 4 Milliarden Dollar bei Anthropic ein.", "de"),
     ("Amazon is investing another $4 billion in Anthropic.", "en")],
)
def test_invest_verb_entering_a_company(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee, inv.usd) == ("Amazon", "Anthropic", 4e9)


def test_invest_verb_a_holding_stated_with_beteiligt():
    (inv,) = extract_facts("Microsoft ist mit rund 27 Prozent an OpenAI beteiligt.", "de").investments
    assert (inv.investor, inv.investee, inv.usd) == ("Microsoft", "OpenAI", None)


def test_investor_noun_backer_with_money_invested_en():
    found = investments("Google remains Mistral AI's biggest backer with $4 billion invested.", "en")
    assert found[("Google", "Mistral AI")].usd == 4e9


def test_investor_noun_backer_without_money_en():
    found = investments("Google remains Mistral AI's biggest backer, with revenue of $4 billion.", "en")
    assert found[("Google", "Mistral AI")].usd is None


def test_investor_noun_appositive_investor_de():
    assert ("MGX", "Mistral AI") in investments("Beim Investor MGX will Mistral AI neues Kapital einsammeln.", "de")


@pytest.mark.parametrize(
    "text, lang",
    [("Nvidia ist Kunde, Lieferant und Lambda-Aktionär.", "de"),
     ("Nvidia is a customer, a supplier and a Lambda shareholder.", "en")],
)
def test_investor_noun_a_shareholder_compound(text, lang):
    assert investment_parties_roles(text, lang) == [("Nvidia", "Lambda")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Pariser Labor Mistral AI hat eine Finanzierungsrunde über 2 Milliarden Euro abgeschlossen. "
         "Angeführt wurde die Runde von Coatue, außerdem zählen Founders Fund, Accel und Greenoaks zum Konsortium.",
         "de"),
        ("Mistral AI has closed a $2 billion Series C round. The round was led by Coatue, with Founders Fund, "
         "Accel and Greenoaks among the participants.", "en"),
    ],
)
def test_investors_follow_a_round_raised_in_the_sentence_before(text, lang):
    found = investments(text, lang)
    assert sorted(found) == [(name, "Mistral AI") for name in ("Accel", "Coatue", "Founders Fund", "Greenoaks")]
    assert all(i.usd is None and i.eur is None for i in found.values())  # the round total is no one's share


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Perplexity hat eine neue Finanzierungsrunde abgeschlossen. Angeführt wird die Runde von Temasek, "
         "das bis zu 600 Millionen Dollar beisteuert.", "de"),
        ("Perplexity closed a new funding round. It was led by Temasek, which contributes up to $600 million.", "en"),
    ],
)
def test_investors_follow_a_lead_investor_keeps_its_own_amount(text, lang):
    (inv,) = extract_facts(text, lang).investments
    assert (inv.investor, inv.investee, inv.usd, inv.usd_bound) == ("Temasek", "Perplexity", 6e8, "up_to")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Wachstum bezahlt eine Finanzierungsrunde über 900 Millionen Dollar, die Lambda im Frühjahr abgeschlossen "
         "hatte. Angeführt wurde sie von Thrive Capital; außerdem beteiligten sich Fidelity und Nvidia.", "de"),
        ("The growth is paid for by a $900 million funding round, which Lambda closed in the spring. "
         "It was led by Thrive Capital, with participation from Fidelity and Nvidia.", "en"),
    ],
)
def test_investors_follow_round_raiser_in_relative_clause(text, lang):
    found = investments(text, lang)
    assert {("Thrive Capital", "Lambda"), ("Fidelity Management & Research Company", "Lambda"), ("Nvidia", "Lambda")} <= set(found)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("For Google it is a big customer, but its largest AI bet remains Mistral AI, in which it has invested "
         "$2 billion.", "en"),
        ("Für Google ist das wichtigste KI-Engagement Mistral AI, an dem es mit 2 Milliarden Dollar beteiligt ist.",
         "de"),
    ],
)
def test_relative_investee(text, lang):
    found = investments(text, lang)
    assert found[("Google", "Mistral AI")].usd == 2e9
    assert ("Mistral AI", "Google") not in found


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia hält Anteile an Mistral, ebenso wie Microsoft an OpenAI.", "de"),
        ("Nvidia holds a stake in Mistral, much like Microsoft in OpenAI.", "en"),
    ],
)
def test_stake_noun_a_parallel_pair_is_not_mixed_up(text, lang):
    assert ("Microsoft", "Mistral AI", "equity") not in investment_parties(text, lang)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Im Gegenzug erhält Microsoft Optionsscheine auf rund 20 Millionen Hut 8-Aktien.", "de"),
        ("In return Microsoft received warrants that could give it a stake of about 4.5% in Hut 8.", "en"),
    ],
)
def test_warrant_the_receiver_holds_warrants_on_the_issuer(text, lang):
    assert investment_parties(text, lang) == [("Microsoft", "Hut 8", "warrant")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Amazon garantiert Leasingverpflichtungen von Together AI in Höhe von 900 Millionen Dollar und erhält dafür "
         "Optionsscheine auf Bitdeer-Aktien.", "de"),
        ("Amazon is backstopping $900 million of Together AI's lease obligations and in return received warrants "
         "on Bitdeer shares.", "en"),
    ],
)
def test_warrant_a_lease_backstop_is_no_deal(text, lang):
    assert deal_parties(text, lang) == []
    assert investment_parties(text, lang) == [("Amazon", "Bitdeer", "warrant")]


# --- one German and one English sentence per rule, each fact named after its rule -------------------------------

def _investment_rules(text: str, lang: str) -> list[tuple[str, str, str, str]]:
    return sorted((i.investor, i.investee, i.instrument, i.rule) for i in grammar_facts(text, lang).investments)


# Warrants follow the gold format: the holder invests in the issuer ("AMD grants OpenAI warrants": OpenAI invests in
# AMD), whatever the word order, in both languages.
@pytest.mark.parametrize("text, lang", [
    ("AMD granted OpenAI warrants to acquire up to 160 million shares of AMD.", "en"),
    ("AMD issued OpenAI a warrant for up to 160 million shares.", "en"),
    ("OpenAI was granted warrants by AMD for up to 160 million shares.", "en"),
    ("OpenAI received warrants from AMD for up to 160 million shares.", "en"),
    ("As part of the deal, OpenAI receives warrants for up to 160 million AMD shares.", "en"),
    ("OpenAI holds warrants on up to 160 million AMD shares.", "en"),
    ("AMD gewährt OpenAI Optionsscheine auf bis zu 160 Millionen AMD-Aktien.", "de"),
    ("Im Gegenzug erhält OpenAI von AMD Optionsscheine auf bis zu 160 Millionen Aktien.", "de"),
    ("Im Gegenzug erhält OpenAI Optionsscheine auf bis zu 160 Millionen AMD-Aktien.", "de"),
    ("Von AMD erhält OpenAI Optionsscheine auf bis zu 160 Millionen Aktien.", "de"),
    ("OpenAI wurden von AMD Optionsscheine auf bis zu 160 Millionen Aktien gewährt.", "de"),
    ("OpenAI erhielt Optionsscheine auf bis zu 160 Millionen Aktien von AMD.", "de"),
])
def test_warrant_the_holder_invests_in_the_issuer(text, lang):
    (fact,) = grammar_facts(text, lang).investments
    assert (fact.investor, fact.investee, fact.instrument, fact.shares, fact.rule) == (
        "OpenAI", "AMD", "warrant", 160_000_000, "warrant")


@pytest.mark.parametrize("text, lang", [
    ("Google will receive warrants to acquire 32.5 million shares of TeraWulf.", "en"),
    ("Google got warrants to acquire 32.5 million shares of TeraWulf.", "en"),
    ("Google bekommt Optionsscheine auf 32,5 Millionen Aktien von TeraWulf.", "de"),
    ("Google wird Optionsscheine erhalten, um 32,5 Millionen Aktien von TeraWulf zu kaufen.", "de"),
])
def test_warrant_to_acquire_shares_of_the_issuer(text, lang):
    assert _investment_rules(text, lang) == [("Google", "TeraWulf", "warrant", "warrant")]


@pytest.mark.parametrize("text, lang", [
    ("OpenAI sammelt 40 Mrd. Dollar ein, angeführt von SoftBank, beteiligt sind auch Nvidia und Microsoft.", "de"),
    ("OpenAI's new round was led by SoftBank, with participation from Nvidia and Microsoft.", "en"),
])
def test_investors_follow(text, lang):
    assert _investment_rules(text, lang) == [
        ("Microsoft", "OpenAI", "equity", "investors_follow"), ("Nvidia", "OpenAI", "equity", "investors_follow"),
        ("SoftBank", "OpenAI", "equity", "investors_follow")]


@pytest.mark.parametrize("text, lang", [
    ("Nvidia beteiligt sich an der Finanzierungsrunde für Mistral AI über 1,7 Mrd. Euro.", "de"),
    ("Nvidia joined the funding round for Mistral AI worth €1.7bn.", "en"),
])
def test_funding_round(text, lang):
    assert _investment_rules(text, lang) == [("Nvidia", "Mistral AI", "equity", "funding_round")]


@pytest.mark.parametrize("text, lang", [
    ("Im Gegenzug bekommt Nvidia Lambda-Aktien im Wert von 500 Mio. Dollar.", "de"),
    ("In return Nvidia gets Lambda shares worth $500m.", "en"),
])
def test_shares_received(text, lang):
    assert ("Nvidia", "Lambda", "equity", "shares_received") in _investment_rules(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Microsoft stützt sich auf OpenAI, in das es 13 Mrd. Dollar investiert hat.", "de"),
    ("Amazon works closely with Anthropic, in which it has invested $8bn.", "en"),
])
def test_relative_investee_de_en(text, lang):
    (fact,) = grammar_facts(text, lang).investments
    assert fact.rule == "relative_investee" and fact.investor in ("Microsoft", "Amazon")


@pytest.mark.parametrize("text, lang", [
    ("Nvidia investiert 2 Mrd. Dollar in xAI.", "de"),
    ("Nvidia is investing $2bn in xAI.", "en"),
])
def test_invest_verb(text, lang):
    assert _investment_rules(text, lang) == [("Nvidia", "xAI", "equity", "invest_verb")]


@pytest.mark.parametrize("text, lang", [
    ("Microsoft hält eine Beteiligung an OpenAI.", "de"),
    ("Microsoft owns a large stake in OpenAI.", "en"),
])
def test_stake_noun(text, lang):
    assert _investment_rules(text, lang) == [("Microsoft", "OpenAI", "equity", "stake_noun")]


@pytest.mark.parametrize("text, lang", [
    ("Nvidia ist ein CoreWeave-Aktionär.", "de"),
    ("Nvidia is a CoreWeave shareholder.", "en"),
])
def test_investor_noun(text, lang):
    assert _investment_rules(text, lang) == [("Nvidia", "CoreWeave", "equity", "investor_noun")]
