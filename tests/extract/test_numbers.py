"""Amounts: digits in both conventions, number and scale words, currencies, power, chips, bounds."""

from __future__ import annotations

import pytest

from pipelines.extract import find_amounts
from pipelines.extract.numbers import parse_digits


def one(text: str, lang: str | None, kind: str):
    found = [a for a in find_amounts(text, lang) if a.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, lang, kind, value, bound",
    [
        ("Das Rechenzentrum soll 1,5 Gigawatt liefern.", "de", "gw", 1.5, "exact"),
        ("The campus draws 1.5 gigawatts.", "en", "gw", 1.5, "exact"),
        ("Geplant sind 500 Megawatt im ersten Schritt.", "de", "gw", 0.5, "exact"),
        ("A first phase of 500 MW comes online.", "en", "gw", 0.5, "exact"),
        ("Der Konzern zahlt 38 Mrd. US-Dollar für Rechenleistung.", "de", "usd", 38e9, "exact"),
        ("The firm pays $38bn for capacity.", "en", "usd", 38e9, "exact"),
        ("Der Vertrag hat ein Volumen von 2,5 Milliarden Euro.", "de", "eur", 2.5e9, "exact"),
        ("A contract worth €750m was signed.", "en", "eur", 750e6, "exact"),
        ("Es geht um 3 Bio. Dollar.", "de", "usd", 3e12, "exact"),
        ("Es geht um eine Billion US-Dollar.", "de", "usd", 1e12, "exact"),
        ("A deal worth a billion dollars.", "en", "usd", 1e9, "exact"),
        ("The company plans up to 6 GW of capacity.", "en", "gw", 6.0, "up_to"),
        ("Sie plant bis zu 6 Gigawatt.", "de", "gw", 6.0, "up_to"),
        ("It secures over a gigawatt of power.", "en", "gw", 1.0, "at_least"),
        ("Es sind über ein Gigawatt.", "de", "gw", 1.0, "at_least"),
        ("Es sind mehr als zehn Milliarden Dollar.", "de", "usd", 10e9, "at_least"),
        ("It is worth at least $4 billion.", "en", "usd", 4e9, "at_least"),
        ("Der Wert liegt bei rund 3 Milliarden US-Dollar.", "de", "usd", 3e9, "approx"),
        ("It is worth roughly $8 billion.", "en", "usd", 8e9, "approx"),
        ("It is worth nearly $2 billion.", "en", "usd", 2e9, "approx"),
        ("eine Vereinbarung über 6,2 Milliarden US-Dollar", "de", "usd", 6.2e9, "exact"),  # über = about, not over
        ("a $300B cloud contract", "en", "usd", 300e9, "exact"),
        ("a 2 GW campus", "en", "gw", 2.0, "exact"),
        ("a 240MW site", "en", "gw", 0.24, "exact"),
        ("die 1-Gigawatt-Stufe", "de", "gw", 1.0, "exact"),
    ],
)
def test_money_and_power(text, lang, kind, value, bound):
    amount = one(text, lang, kind)
    assert amount.value == pytest.approx(value) and amount.bound == bound and not amount.vague
    assert amount.is_contract_value


@pytest.mark.parametrize(
    "text, lang, value, bound",
    [
        ("Das Labor erhält bis zu eine Million TPUs.", "de", 1_000_000, "up_to"),
        ("The lab gets up to one million TPUs.", "en", 1_000_000, "up_to"),
        ("Geplant sind 10.000 GPUs.", "de", 10_000, "exact"),
        ("It will deploy 10,000 GPUs.", "en", 10_000, "exact"),
        ("It buys 200,000 Nvidia GB300 chips.", "en", 200_000, "exact"),
        ("Es kauft 400.000 Nvidia-Chips.", "de", 400_000, "exact"),
        ("Nearly 50,000 accelerators ship.", "en", 50_000, "approx"),
        ("Das Cluster nutzt mehr als 40.000 Grafikprozessoren.", "de", 40_000, "at_least"),
        ("It runs 250,000+ GPUs.", "en", 250_000, "at_least"),
        ("Das Zentrum wird mit bis zu 10.000 Spezialprozessoren ausgestattet.", "de", 10_000, "up_to"),
        ("Eine erste Tranche von 18.000 der neuesten „Blackwell“-Chips geht an Humain.", "de", 18_000, "exact"),
        ("A first tranche of 18,000 of its newest \"Blackwell\"-chips goes to Humain.", "en", 18_000, "exact"),
        ("It ships thirty-five thousand of Nvidia's Blackwell chips.", "en", 35_000, "exact"),
    ],
)
def test_chip_counts(text, lang, value, bound):
    amount = one(text, lang, "chips")
    assert amount.value == value and amount.bound == bound


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Das Cluster hat 10.000 GPU-Server.", "de"),
        ("The lab leases 10,000 GPU servers.", "en"),
        ("Ein Chip mit 900.000 Kernen.", "de"),
        ("It offers a 256-chip pod.", "en"),
    ],
)
def test_servers_cores_and_pod_sizes_are_not_chip_counts(text, lang):
    assert not [a for a in find_amounts(text, lang) if a.kind == "chips"]


@pytest.mark.parametrize(
    "text, lang, kind, value",
    [
        ("Die Investition beläuft sich auf mehrere zehn Milliarden US-Dollar.", "de", "usd", 2e10),
        ("The deal is worth tens of billions of dollars.", "en", "usd", 1e10),
        ("It has poured tens of billions into the lab.", "en", "usd", 1e10),  # English money talk: dollars
        ("It is worth several billion dollars.", "en", "usd", 2e9),
        ("Es geht um Hunderte Milliarden Dollar.", "de", "usd", 1e11),
    ],
)
def test_vague_amounts_are_their_lower_bound(text, lang, kind, value):
    amount = one(text, lang, kind)
    assert amount.vague and amount.value == pytest.approx(value) and amount.bound == "at_least"


@pytest.mark.parametrize(
    "text, lang",
    [("Das Cluster umfasst Hunderttausende KI-Chips.", "de"),
     ("The cluster spans hundreds of thousands of chips.", "en"),
     ("It will buy several hundred thousand GPUs.", "en")],
)
def test_vague_chip_counts_are_flagged(text, lang):
    amount = one(text, lang, "chips")
    assert amount.vague


@pytest.mark.parametrize(
    "text, lang, reason",
    [
        ("Der Konzern investiert 30 Mrd. Dollar pro Jahr.", "de", "per_period"),
        ("It spends $10bn a year on servers.", "en", "per_period"),
        ("Die Aktie kostet 23,50 US-Dollar pro Aktie bei 2 Mio. Dollar Umsatz.", "de", "revenue"),
        ("Its revenue hit $1.9 billion.", "en", "revenue"),
        ("Das Start-up wird mit 58 Milliarden Euro bewertet.", "de", "valuation"),
        ("at a valuation of $60 billion", "en", "valuation"),
        ("Amazon opened its $11 billion campus project.", "en", "project_cost"),
        ("bis zu 11 Milliarden Pfund (12,7 Milliarden Euro)", "de", "conversion"),
    ],
)
def test_amounts_that_are_not_contract_values(text, lang, reason):
    money = [a for a in find_amounts(text, lang) if a.kind in ("usd", "eur")]
    assert money and money[-1].excluded_as == reason and not money[-1].is_contract_value


def test_share_counts_and_small_sums():
    shares = one("Ein Optionsschein über bis zu 160 Mio. Stammaktien.", "de", "shares")
    assert shares.value == 160e6 and shares.bound == "up_to"
    assert one("a warrant for 20 million shares", "en", "shares").value == 20e6
    assert not [a for a in find_amounts("Shares closed at $256.27, up 4%.", "en") if a.kind == "usd"]
    assert not find_amounts("Die Aktie stieg um 9 Prozent.", "de")


def test_english_capitalised_billion_is_1e9_and_german_is_1e12():
    assert one("Nvidia Bets $2 Billion On A Startup", "en", "usd").value == 2e9
    assert one("Deals im Wert von rund einer Billion US-Dollar", "de", "usd").value == 1e12


@pytest.mark.parametrize(
    "raw, lang, value",
    [("1,5", "de", 1.5), ("1.5", "en", 1.5), ("10.000", "de", 10000), ("10,000", "en", 10000),
     ("1.234,5", "de", 1234.5), ("1,234.5", "en", 1234.5), ("1.000.000", "de", 1e6), ("4.5", "de", 4.5),
     ("10,000", None, 10000)],
)
def test_decimal_conventions(raw, lang, value):
    assert parse_digits(raw, lang, grouped_hint=True) == value


def test_spans_cover_the_amount_text():
    text = "Der Deal über bis zu 38 Mrd. US-Dollar steht."
    amount = one(text, "de", "usd")
    assert text[amount.start : amount.end] == "38 Mrd. US-Dollar"
