"""detect_language: a de/en stopword vote that says None when unsure."""

import pytest

from parse_pages import ENGLISH_PARAGRAPHS, GERMAN_PARAGRAPHS
from pipelines.parse import detect_language
from pipelines.parse.language import normalize_language_tag


def test_german_article():
    assert detect_language(" ".join(GERMAN_PARAGRAPHS)) == "de"


def test_english_article():
    assert detect_language(" ".join(ENGLISH_PARAGRAPHS)) == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Microsoft investiert in ein neues Rechenzentrum, das im Jahr 2027 fertig sein soll.", "de"),
        ("The company said it would spend the money on chips for its data centers.", "en"),
        ("ÜBER DIE ZUKUNFT DER KI UND DIE ROLLE VON RECHENZENTREN", "de"),  # case does not matter
    ],
)
def test_single_sentences(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nvidia H100",  # too little text
        "OpenAI Oracle SoftBank Stargate 500 GW 2025",  # names and numbers only
        "La société a signé un accord avec le fournisseur pour des puces graphiques.",  # French
        "Der Vertrag ist unterschrieben. The contract is signed. Die Firma hat das gesagt. It was said by the firm.",
    ],
)
def test_unsure_returns_none(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("de-DE", "de"), ("en_US", "en"), ("EN", "en"), ("fr-CA", "fr"), ("", None), (None, None), ("x", None)],
)
def test_normalize_language_tag(tag, expected):
    assert normalize_language_tag(tag) == expected
