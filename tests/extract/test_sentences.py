"""Sentence splitting: abbreviations, ordinal dates and numbers do not break; newlines do."""

from __future__ import annotations

import pytest

from pipelines.extract import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Auftrag umfasst 12 Mrd. Euro. Die Lieferung beginnt 2027.",
         ["Der Auftrag umfasst 12 Mrd. Euro.", "Die Lieferung beginnt 2027."]),
        ("Es geht um 400 Mio. Dollar und z. B. Speicher u. a. für Nr. 3. Danach folgt mehr.",
         ["Es geht um 400 Mio. Dollar und z. B. Speicher u. a. für Nr. 3.", "Danach folgt mehr."]),
        ("Am 24. Oktober 2026 kam die Meldung. Sie war kurz.", ["Am 24. Oktober 2026 kam die Meldung.", "Sie war kurz."]),
        ("Die Anlage hat 1,5 Gigawatt bzw. 1.500 Megawatt. Ende.", ["Die Anlage hat 1,5 Gigawatt bzw. 1.500 Megawatt.", "Ende."]),
    ],
)
def test_german_abbreviations_dates_and_decimals_do_not_break(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acme Corp. signed with Example Inc. on Monday. Shares rose.",
         ["Acme Corp. signed with Example Inc. on Monday.", "Shares rose."]),
        ("The U.S. site draws 2.5 GW. A second one follows.", ["The U.S. site draws 2.5 GW.", "A second one follows."]),
        ("Vendors, e.g. chip makers, gain. Really?  Yes!", ["Vendors, e.g. chip makers, gain.", "Really?", "Yes!"]),
    ],
)
def test_english_abbreviations_and_decimals_do_not_break(text, expected):
    assert sentences(text) == expected


def test_newlines_always_break_paragraphs_and_headlines():
    text = "A headline without a stop\nFirst paragraph.\n\nSecond paragraph\n- a bullet,\n- another bullet"
    assert sentences(text) == ["A headline without a stop", "First paragraph.", "Second paragraph", "- a bullet,",
                               "- another bullet"]


def test_a_hard_wrapped_line_continues_in_both_languages():
    assert sentences("Die Firma hat mit\nder Bank einen Vertrag.") == ["Die Firma hat mit\nder Bank einen Vertrag."]
    assert sentences("The firm signed with\nthe bank today.") == ["The firm signed with\nthe bank today."]


def test_spans_are_offsets_into_the_text():
    text = "  Erster Satz.   Zweiter Satz.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Erster Satz.", "Zweiter Satz."]
    assert split_sentences("") == [] and split_sentences("\n\n  \n") == []
