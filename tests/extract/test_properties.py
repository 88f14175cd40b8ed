"""extract_facts never raises and stays fast on random and hostile text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.extract import extract_facts, find_amounts, split_sentences

_WORDS = [
    "Nvidia", "OpenAI", "Google", "AMD", "Anthropic", "Oracle", "Meta", "Arm", "Lambda", "TPUs", "GPUs", "Chips",
    "bis zu", "up to", "über", "mehr als", "tens of billions", "mehrere zehn Milliarden", "Mrd.", "Mio.", "bn",
    "$", "€", "US-Dollar", "Euro", "Gigawatt", "GW", "MW", "1,5", "10.000", "200,000", "eine Million", "one",
    "liefert an", "bezieht von", "invests in", "stake in", "warrant", "Vertrag", "deal", "nicht", "in talks",
    "z. B.", "U.S.", "24. Oktober", ".", ",", "\n", " ", "–", "(", ")", "'s", "-", "Hunderttausende", "2026",
]
_settings = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    facts = extract_facts(text)
    for fact in facts.deals + facts.investments:
        assert fact.evidence == text[fact.evidence_start : fact.evidence_end]
    for deal in facts.deals:
        assert deal.providers == sorted(deal.providers) and deal.buyer not in deal.providers


@_settings
@given(st.text(max_size=2000))
def test_random_text(text):
    _check(text)


@_settings
@given(st.lists(st.sampled_from(_WORDS), max_size=300).map(" ".join))
def test_word_salad_from_the_domain(text):
    _check(text)


@_settings
@given(st.lists(st.sampled_from(_WORDS), max_size=300).map("".join))
def test_domain_words_without_spaces(text):
    _check(text)


@_settings
@given(st.integers(min_value=0, max_value=10**400), st.sampled_from(["$", "€", ""]),
       st.sampled_from([" Mrd. US-Dollar", " GW", " GPUs", "bn", " Billionen Euro", ""]))
def test_huge_numbers(number, prefix, suffix):
    text = f"OpenAI bezieht von Google {prefix}{number:,}{suffix} in TPUs."
    _check(text)
    for amount in find_amounts(text):
        assert amount.value >= 0


@_settings
@given(st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=500))
def test_control_and_space_characters(text):
    _check(text)
    assert all(0 <= s < e <= len(text) for s, e in split_sentences(text))


@settings(max_examples=3, deadline=5000)
@given(st.sampled_from([", ", " und ", " and ", "", "-"]))
def test_ten_thousand_company_names_in_one_sentence(separator):
    names = ["Nvidia", "OpenAI", "Google", "AMD", "Anthropic", "CoreWeave", "Oracle", "Microsoft"]
    text = "Der Vertrag über 10 GW mit " + separator.join(names[i % len(names)] for i in range(10_000)) + " steht."
    _check(text)


@settings(max_examples=3, deadline=5000)
@given(st.sampled_from(["a", "1", "x-", "Mrd.", "GPU"]))
def test_one_huge_word(unit):
    _check(unit * 50_000)
