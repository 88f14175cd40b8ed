"""Parties referred to across sentences: descriptors ("das Start-up", "the chip giant"), the article's deal frame
("Der Auftrag …", "dadurch", "the chips") and products that imply their maker ("Instinct-GPUs" → AMD).

All sentences are written for these tests; see descriptors.py, facts._refers_back and roles._product_maker.
"""

from __future__ import annotations

import pytest

from pipelines.extract import extract_facts, find_companies
from pipelines.extract.descriptors import descriptor_mentions


def _deals(text: str, lang: str) -> list[tuple]:
    return [(d.buyer, tuple(d.providers)) for d in extract_facts(text, lang).deals]


def _described(sentence: str, history: list[list[str]]) -> list[str]:
    return [m.name for m in descriptor_mentions(sentence, find_companies(sentence), history)]


# --- descriptors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, history, expected",
    [
        ("Der Chipkonzern liefert ab Herbst.", [["OpenAI", "AMD"]], ["AMD"]),
        ("The chipmaker's shares rose.", [["Nvidia"], ["Meta"]], ["Nvidia"]),
        ("Das Start-up zahlt dafür.", [["Anthropic", "Google"]], ["Anthropic"]),
        ("The AI developer will pay for it.", [["Cohere", "Oracle"]], ["Cohere"]),
        ("Der Softwarekonzern stellt die Server.", [["Mistral AI", "Microsoft"]], ["Microsoft"]),
        ("The cloud giant will host the models.", [["Amazon", "Anthropic"]], ["Amazon"]),
        ("Das Unternehmen wächst.", [["Nebius"]], ["Nebius"]),
        ("The company is growing.", [["CoreWeave"]], ["CoreWeave"]),
    ],
)
def test_a_descriptor_stands_for_the_company_of_its_kind_just_named(sentence, history, expected):
    assert _described(sentence, history) == expected


@pytest.mark.parametrize(
    "sentence, history",
    [
        ("Der Chipkonzern liefert ab Herbst.", [["Nvidia", "AMD", "OpenAI"]]),  # two chip makers
        ("The chip giant will ship in the autumn.", [["Broadcom", "Nvidia"]]),
        ("Das Start-up zahlt dafür.", [["OpenAI", "Anthropic"]]),  # two labs
        ("The startup pays for it.", [["xAI", "Mistral AI"]]),
        ("Das Unternehmen wächst.", [["Anthropic", "Google"]]),  # "the company" with two companies before
        ("The company is growing.", [["Microsoft", "Nebius"]]),
        ("Der Chipkonzern liefert ab Herbst.", [["OpenAI"]]),  # nobody of that kind
        ("The chip giant will ship in the autumn.", [["Nvidia"], [], [], ["OpenAI"]]),  # too far back
    ],
)
def test_a_descriptor_with_two_or_no_candidates_stays_unresolved(sentence, history):
    assert _described(sentence, history) == []


@pytest.mark.parametrize(
    "sentence",
    ["Der Chipkonzern Nvidia liefert ab Herbst.", "The chip giant Nvidia will ship in the autumn.",
     "Die beiden Unternehmen schweigen.", "Die Unternehmen schweigen.", "Ein Chipkonzern liefert ab Herbst."],
)
def test_appositions_plurals_and_indefinites_are_no_references(sentence):
    assert _described(sentence, [["AMD"]]) == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Mistral AI weitet die Partnerschaft mit Microsoft aus. Der Softwarekonzern stellt dem KI-Entwickler "
         "50.000 GPUs in seiner Cloud bereit.", "de", ("Mistral AI", ("Microsoft",), 50000, None)),
        ("Cohere deepened its ties with Oracle on Tuesday. The cloud provider will supply the AI developer with "
         "1.2 gigawatts of capacity.", "en", ("Cohere", ("Oracle",), None, 1.2)),
        ("Der iPhone-Hersteller mietet künftig 80.000 TPUs beim Suchmaschinenkonzern.", "de",
         ("Apple", ("Google",), 80000, None)),
        ("The iPhone maker will rent 80,000 TPUs from the search giant.", "en", ("Apple", ("Google",), 80000, None)),
    ],
)
def test_described_parties_make_a_deal(text, lang, expected):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, tuple(deal.providers), deal.chips, deal.gw) == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia und AMD beliefern OpenAI. Der Chipkonzern will zudem 2 Gigawatt an Meta liefern.", "de"),
        ("Nvidia and AMD both supply OpenAI. The chipmaker also wants to deliver 2 gigawatts to Meta.", "en"),
    ],
)
def test_an_ambiguous_descriptor_makes_no_deal(text, lang):
    assert not [d for d in _deals(text, lang) if d[0] == "Meta"]


# --- the article's deal frame --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Meta vertieft seine Kooperation mit Oracle. Der Facebook-Konzern mietet künftig Rechenzentrumskapazität "
         "in der Cloud des Softwarekonzerns. Die Vereinbarung hat ein Volumen von rund 20 Milliarden Dollar. "
         "Ab 2027 sollen dadurch zwei Gigawatt zur Verfügung stehen.", "de"),
        ("Meta is widening its relationship with Oracle. The Facebook parent will lease compute in the software "
         "giant's cloud across several sites. The agreement is valued at about $20 billion. Thereby two gigawatts "
         "are to come online in 2027.", "en"),
    ],
)
def test_figures_of_the_following_sentences_join_the_deal(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd, deal.gw, deal.year) == ("Meta", ["Oracle"], 20e9, 2.0, 2027)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft baut die Partnerschaft mit Nebius aus. Der Windows-Konzern zahlt 17 Milliarden Dollar für "
         "GPU-Kapazität.", "de"),
        ("Microsoft expanded its partnership with Nebius. The Redmond-based company will pay $17 billion for GPU "
         "capacity.", "en"),
    ],
)
def test_a_party_named_again_gives_the_announced_deal_its_figures(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("Microsoft", ["Nebius"], 17e9)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI bezieht Rechenleistung von Oracle. Die Vereinbarung umfasst 4,5 Gigawatt. CoreWeave hat "
         "dadurch zudem Kapazität von 2 Gigawatt und Aufträge über 10 Milliarden Dollar.", "de"),
        ("OpenAI buys compute from Oracle. The agreement covers 4.5 gigawatts. CoreWeave thereby also has "
         "2 gigawatts of capacity and $10 billion in orders.", "en"),
    ],
)
def test_a_sentence_about_another_company_does_not_add_its_figures(text, lang):
    (deal,) = [d for d in extract_facts(text, lang).deals if d.buyer == "OpenAI"]
    assert (deal.providers, deal.gw, deal.usd) == (["Oracle"], 4.5, None)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft baut die Partnerschaft mit Nebius aus. Amazon zahlt 10 Milliarden Dollar für GPU-Kapazität.",
         "de"),
        ("Microsoft expanded its partnership with Nebius. Amazon will pay $10 billion for GPU capacity.", "en"),
    ],
)
def test_an_announced_deal_does_not_take_the_figures_of_another_pair(text, lang):
    assert all(d.usd is None for d in extract_facts(text, lang).deals if d.buyer == "Microsoft")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Anthropic bezieht Chips von AMD. Die Chips kommen in die eigenen Rechenzentren des Start-ups, die "
         "30 Milliarden Dollar kosten.", "de"),
        ("Anthropic buys chips from AMD. The chips go into its own data centres, which cost $30 billion.", "en"),
    ],
)
def test_spending_on_own_sites_does_not_join_the_deal(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("Anthropic", ["AMD"], None)


# --- products imply their maker ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Aleph Alpha erhält Zugriff auf 20.000 Instinct-GPUs.", "de", ("Aleph Alpha", ["AMD"], 20000)),
        ("Cohere will deploy 30,000 Instinct GPUs next year.", "en", ("Cohere", ["AMD"], 30000)),
        ("Das KI-Labor Poolside nutzt künftig 40.000 Trainium-Chips.", "de", ("Poolside", ["Amazon"], 40000)),
        ("Perplexity gets access to 25,000 TPUs.", "en", ("Perplexity", ["Google"], 25000)),
    ],
)
def test_a_lab_using_a_product_buys_from_its_maker(text, lang, expected):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.chips) == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI setzt 50.000 GPUs ein, mehr als Googles TPUs im selben Rechenzentrum.", "de"),
        ("Anthropic uses 100,000 GPUs, more than Amazon's Trainium clusters.", "en"),
        ("Die Chips von OpenAI sollen schneller rechnen als AMDs Instinct-GPUs.", "de"),
        ("OpenAI's own chips will be faster than AMD's Instinct GPUs, the company said.", "en"),
    ],
)
def test_a_product_named_for_comparison_is_no_purchase(text, lang):
    assert not [d for d in _deals(text, lang) if set(d[1]) & {"Google", "Amazon", "AMD"}]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft mietet 100.000 GB300-Chips von Nscale.", "de"),
        ("Microsoft rents 100,000 GB300 chips from Nscale.", "en"),
    ],
)
def test_a_named_supplier_wins_over_the_maker_of_the_product(text, lang):
    assert _deals(text, lang) == [("Microsoft", ("Nscale",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI hat mit Oracle einen Cloud-Vertrag geschlossen. Insgesamt geht es um 300 Milliarden Dollar.", "de"),
        ("OpenAI signed a cloud deal with Oracle on Wednesday. It will pay about $300 billion over five years.", "en"),
    ],
)
def test_a_pronoun_or_an_impersonal_sentence_adds_the_value(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("OpenAI", ["Oracle"], 300e9)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI hat mit Oracle einen Cloud-Vertrag geschlossen. Die Vereinbarung soll nicht 300 Milliarden "
         "Dollar umfassen, wie zuvor berichtet.", "de"),  # denied
        ("OpenAI signed a cloud deal with Oracle on Wednesday. It also reported revenue of $13 billion.", "en"),
        ("OpenAI signed a cloud deal with Oracle. Shares of Oracle rose 36% to $328.", "en"),
        ("Anthropic signed a compute deal with Google. The startup is valued at $183 billion.", "en"),
        ("Anthropic hat einen Vertrag mit Google über TPUs geschlossen. Das Start-up will 50 Milliarden Dollar in "
         "eigene Rechenzentren in Texas stecken.", "de"),
        ("Anthropic signed a compute deal with Google. The startup plans to spend $50 billion on its own data "
         "centers in Texas.", "en"),
    ],
)
def test_guarded_figures_do_not_join_the_deal(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert deal.usd is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("OpenAI hat einen Vertrag mit Amazon abgeschlossen. Der ChatGPT-Entwickler erhält damit Zugriff auf "
         "Hunderttausende Nvidia-Chips in den Rechenzentren des Online-Händlers. Das Volumen liegt bei "
         "38 Milliarden Dollar.", "de"),
        ("OpenAI has signed a multiyear agreement with Amazon Web Services. Under the deal, the ChatGPT maker will "
         "get access to hundreds of thousands of Nvidia GPUs. The contract is valued at $38 billion.", "en"),
    ],
)
def test_an_announced_deal_collects_figures_over_several_sentences(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.usd) == ("OpenAI", ["Amazon"], 38e9)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft hat einen Vertrag mit Nscale unterzeichnet. Der Softwarekonzern erhält von dem britischen "
         "Start-up rund 200.000 GB300-Chips von Nvidia.", "de"),
        ("Microsoft signed a deal with Nscale. The software giant will get about 200,000 Nvidia GB300 GPUs from the "
         "British startup.", "en"),
    ],
)
def test_a_start_up_may_be_a_gpu_cloud(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.chips) == ("Microsoft", ["Nscale"], 200000)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Nvidia vertieft die Beziehung zu Intel. Der Chipkonzern kauft Aktien von Intel für fünf Milliarden Dollar.",
         "de", ("Nvidia", "Intel")),
        ("Nvidia is deepening its ties with Intel. The chip giant will buy $5 billion of Intel stock.", "en",
         ("Nvidia", "Intel")),
        ("SoftBank setzt weiter auf OpenAI. Der japanische Finanzinvestor investiert weitere 22,5 Milliarden Dollar "
         "in den ChatGPT-Entwickler.", "de", ("SoftBank", "OpenAI")),
        ("SoftBank keeps betting on OpenAI. The Japanese conglomerate will invest another $22.5 billion in the "
         "ChatGPT maker.", "en", ("SoftBank", "OpenAI")),
    ],
)
def test_described_investors_and_investees(text, lang, expected):
    investments = [(i.investor, i.investee) for i in extract_facts(text, lang).investments]
    assert investments == [expected]


def test_the_descriptor_is_not_the_company_its_sentence_names_later():
    # of Nvidia and Intel, "the chip giant" buying Intel stock is Nvidia
    assert _described("The chip giant will buy Intel stock.", [["Nvidia", "Intel"]]) == ["Nvidia"]
    assert _described("Der Chipkonzern kauft Intel-Aktien.", [["Nvidia", "Intel"]]) == ["Nvidia"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Broadcom und OpenAI arbeiten künftig zusammen. Der Chipentwickler soll dem KI-Unternehmen ab 2026 "
         "Beschleuniger mit zehn Gigawatt liefern.", "de"),
        ("Broadcom and OpenAI will work together. The chip designer is to deliver from 2026 accelerators with "
         "ten gigawatts to the AI company.", "en"),
    ],
)
def test_a_year_before_chips_is_no_chip_count(text, lang):
    (deal,) = extract_facts(text, lang).deals
    assert (deal.buyer, deal.providers, deal.chips, deal.gw, deal.year) == ("OpenAI", ["Broadcom"], None, 10.0, 2026)


def test_a_separable_german_verb_states_the_supply():
    text = ("Amazon hat Anthropic als Großkunden gewonnen. Der Online-Händler stellt dem Start-up eine Million "
            "Trainium-Chips bereit.")
    (deal,) = extract_facts(text, "de").deals
    assert (deal.buyer, deal.providers, deal.chips) == ("Anthropic", ["Amazon"], 1_000_000)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Anthropic hat einen neuen Geldgeber. Microsoft investiert bis zu fünf Milliarden Dollar in das Start-up, "
         "Nvidia legt bis zu zehn Milliarden Dollar dazu.", "de"),
        ("Anthropic has found a new backer. Microsoft will invest up to $5 billion in the startup, while Nvidia is "
         "committing up to $10 billion.", "en"),
    ],
)
def test_a_second_investor_committing_money_is_no_supplier(text, lang):
    facts = extract_facts(text, lang)
    assert facts.deals == []
    assert ("Microsoft", "Anthropic", 5e9) in {(i.investor, i.investee, i.usd) for i in facts.investments}
