"""Deal resources and the merging of facts about the same parties."""

from __future__ import annotations

import pytest

from pipelines.extract.merge import is_headline, merge_facts
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


def test_merge_keeps_the_fact_with_most_figures_and_fills_gaps():
    first = {"buyer": "A", "providers": ["B"], "gw": None, "usd": 5e9, "usd_bound": "exact", "chips": None}
    second = {"buyer": "A", "providers": ["B"], "gw": 1.0, "gw_bound": "up_to", "usd": 5e9, "usd_bound": "exact",
              "chips": None}
    ((fact, start, end),) = merge_facts([(first, 0, 10), (second, 20, 30)], lambda f: f["buyer"], lambda s, e: False)
    assert (fact["gw"], fact["gw_bound"], fact["usd"], start, end) == (1.0, "up_to", 5e9, 20, 30)


def test_merge_prefers_the_more_precise_of_two_close_figures_and_body_over_headline():
    headline = {"buyer": "A", "usd": 14e9, "usd_bound": "exact"}
    body = {"buyer": "A", "usd": 14.2e9, "usd_bound": "up_to"}
    ((fact, start, _),) = merge_facts([(headline, 0, 5), (body, 6, 20)], lambda f: f["buyer"],
                                      lambda s, e: s == 0)
    assert (fact["usd"], fact["usd_bound"], start) == (14.2e9, "up_to", 6)


def test_headline_is_a_first_line_without_closing_punctuation():
    text = "Big Deal Signed\nThe body says more."
    assert is_headline(text, 0, 15) and not is_headline(text, 16, len(text))
    assert not is_headline("One sentence.", 0, 13)
