"""Deal resources and the merging of facts about the same parties."""

from __future__ import annotations

import pytest

from pipelines.extract.companies import Resource
from pipelines.extract.grammar.facts import DealStatement
from pipelines.extract.grammar.figures import Figures, Money, Quantity
from pipelines.extract.grammar.merge import is_headline, merge_facts
from pipelines.extract.modality import DealStatus
from pipelines.extract.numbers import Bound
from pipelines.extract.resources import deal_resource


@pytest.mark.parametrize(
    "sentence, providers, resource",
    [
        ("Anthropic mietet TPUs bei Google.", ("Google",), "tpu"),
        ("Anthropic trains on Trainium chips from Amazon.", ("Amazon",), "trainium"),
        ("OpenAI entwickelt mit Broadcom eigene KI-Chips.", ("Broadcom",), "custom_chip"),
        ("Humain buys GPUs from AMD.", ("AMD",), "gpu"),
        ("Meta bezieht Cloud-Dienste von Google.", ("Google",), "cloud"),
        ("Oracle leases a data center campus from Crusoe.", ("Crusoe",), "datacenter"),
        ("Polarise bezieht Strom aus Windkraft von WV Energie.", ("WV Energie",), "power"),
        ("Microsoft signs with Nebius.", ("Nebius",), "gpu"),  # what the provider supplies
        ("A signs with B.", ("Unknown",), "unspecified"),
    ],
)
def test_resource(sentence, providers, resource):
    assert deal_resource(sentence, providers) == resource


def _deal(rule: str, **figures) -> DealStatement:
    return DealStatement("A", ["B"], Resource.UNSPECIFIED, Figures(**figures), None, DealStatus.UNSPECIFIED, rule)


def test_merge_keeps_the_fact_with_most_figures_and_fills_gaps():
    first = _deal("from_x", usd=Money(5e9, Bound.EXACT))
    second = _deal("role_order", gw=Quantity(1.0, Bound.UP_TO), usd=Money(5e9, Bound.EXACT))
    ((fact, start, end),) = merge_facts([(first, 0, 10), (second, 20, 30)], lambda s, e: False)
    assert (fact.figures.gw, fact.figures.usd.value, start, end) == (Quantity(1.0, Bound.UP_TO), 5e9, 20, 30)
    assert fact.rule == "role_order"  # the rule of the sentence the merged fact is based on


def test_merge_prefers_the_more_precise_of_two_close_figures_and_body_over_headline():
    headline = _deal("role_order", usd=Money(14e9, Bound.EXACT))
    body = _deal("from_x", usd=Money(14.2e9, Bound.UP_TO))
    ((fact, start, _),) = merge_facts([(headline, 0, 5), (body, 6, 20)], lambda s, e: s == 0)
    assert (fact.figures.usd, start) == (Money(14.2e9, Bound.UP_TO), 6)


def test_headline_is_a_first_line_without_closing_punctuation():
    text = "Big Deal Signed\nThe body says more."
    assert is_headline(text, 0, 15) and not is_headline(text, 16, len(text))
    assert not is_headline("One sentence.", 0, 13)
