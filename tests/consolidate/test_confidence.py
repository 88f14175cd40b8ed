"""Precision before recall: a mention counts in the derived tables when its confidence clears the threshold."""

from datetime import date

from pipelines.consolidate import consolidate_deals, consolidate_investments
from tests.consolidate.helpers import deal, deal_frame, investment, investment_frame


def test_mentions_below_the_threshold_are_not_counted():
    frame = deal_frame([
        deal("m1", date(2025, 10, 1), "Anthropic mietet TPUs bei Google.", confidence=0.9),
        deal("m2", date(2025, 10, 2), "Nvidia and AMD report demand.", buyer="Nvidia", providers=["AMD"],
             confidence=0.2),
    ])
    rows = consolidate_deals(frame, min_confidence=0.5)
    assert [(r["buyer"], r["providers"]) for r in rows] == [("Anthropic", ["Google"])]
    assert rows[0]["confidence"] == 0.9
    assert len(consolidate_deals(frame, min_confidence=0.0)) == 2


def test_a_deal_is_as_confident_as_its_most_confident_report():
    frame = deal_frame([
        deal("m1", date(2025, 10, 1), "Anthropic gets up to one million TPUs from Google.", confidence=0.6),
        deal("m2", date(2025, 10, 2), "Anthropic erhält bis zu eine Million TPUs von Google.", lang="de",
             confidence=0.8),
    ])
    (row,) = consolidate_deals(frame, min_confidence=0.5)
    assert row["confidence"] == 0.8 and row["n_mentions"] == 2


def test_mentions_without_confidence_always_count():
    frame = investment_frame([investment("i1", date(2025, 10, 1), "Google invests in Anthropic.")])
    (row,) = consolidate_investments(frame, min_confidence=0.99)
    assert row["confidence"] is None
