"""Negation and rumour, deal status, capacity year."""

from __future__ import annotations

import pytest

from pipelines.extract.modality import capacity_year, deal_status, is_negated_or_rumour


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Labor verhandelt mit dem Cloud-Anbieter über Rechenleistung.",
        "Der Konzern erwägt einen Vertrag über 2 Gigawatt.",
        "Beide Firmen sind laut Insidern in Gesprächen.",
        "Die Firma wird keine Chips beziehen.",
        "Der Vertrag wurde nicht unterzeichnet.",
        "The lab is reportedly in talks to rent capacity.",
        "The cloud firm is considering a chip order.",
        "The company did not sign the agreement.",
        "It doesn't plan to buy GPUs.",
        "Rumours of a deal lifted the stock.",
    ],
)
def test_negation_and_rumour(sentence):
    assert is_negated_or_rumour(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Vertrag sichert nicht nur Chips, sondern auch Strom.",
        "The deal covers not only chips but also power.",
        "Das Labor bezieht Rechenleistung vom Cloud-Anbieter.",
        "The lab reportedly agreed to rent capacity.",
    ],
)
def test_firm_statements(sentence):
    assert not is_negated_or_rumour(sentence)


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("Beide unterzeichneten eine Absichtserklärung über 1 GW.", "loi"),
        ("They formalised the plan through a letter of intent.", "loi"),
        ("Der Vertrag wurde am Montag unterzeichnet.", "definitive"),
        ("The companies signed a binding agreement.", "definitive"),
        ("Das Labor plant, Chips zu kaufen.", "loi"),
        ("The lab will rent capacity.", "loi"),
        ("Das Labor nutzt Chips des Anbieters.", "unspecified"),
        ("The lab uses the provider's chips.", "unspecified"),
    ],
)
def test_status(sentence, status):
    assert deal_status(sentence) == status


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("Die Kapazität steht ab 2026 bereit.", 2026),
        ("Bis 2027 sollen die Chips geliefert werden.", 2027),
        ("Der Ausbau beginnt in der zweiten Jahreshälfte 2026.", 2026),
        ("Capacity comes online in the second half of 2026.", 2026),
        ("The chips arrive by 2028.", 2028),
        ("Am 18. September 2025 kündigte die Firma den Deal an.", None),
        ("On October 13, 2025 the firm announced the deal.", None),
        ("The partnership dates back to 2019; since 2021 it grew.", None),
    ],
)
def test_capacity_year(sentence, year):
    assert capacity_year(sentence) == year
