from datetime import date

import polars as pl

from pipelines.schemas import DEAL_MENTIONS_SCHEMA, INVESTMENT_MENTIONS_SCHEMA
from pipelines.consolidate import consolidate_deals, consolidate_investments
from pipelines.consolidate.figures import Figure, headline


def deal_mention(mention_id, **fields):
    row = {key: None for key in DEAL_MENTIONS_SCHEMA}
    row.update(mention_id=mention_id, article_id=f"a-{mention_id}", source="s", lang="en", published=date(2025, 10, 23),
               buyer="Anthropic", providers=["Google"], resource="tpu", usd_vague=False, eur_vague=False,
               status="unspecified", evidence=f"sentence {mention_id}", evidence_start=0, evidence_end=10)
    row.update(fields)
    return row


def frame(rows, schema=DEAL_MENTIONS_SCHEMA):
    return pl.DataFrame(rows, schema=schema)


def test_the_most_reported_figure_wins_and_the_others_are_kept():
    best, others = headline([Figure(1.0, "at_least"), Figure(1.0, "at_least"), Figure(1.5, "exact")])
    assert best == Figure(1.0, "at_least") and others == [Figure(1.5, "exact")]


def test_a_vague_amount_never_beats_a_precise_one():
    best, others = headline([Figure(1e10, None, vague=True), Figure(1e10, None, vague=True), Figure(3.8e10, "exact")])
    assert best == Figure(3.8e10, "exact") and others == []


def test_reports_in_two_languages_become_one_deal():
    mentions = frame([
        deal_mention("m1", lang="de", gw=1.0, gw_bound="at_least", source="heise", published=date(2025, 10, 24)),
        deal_mention("m2", lang="en", gw=1.0, gw_bound="at_least", usd=1e10, usd_bound="exact", usd_vague=True,
                     source="newsroom", published=date(2025, 10, 23), year=2026, status="loi"),
        deal_mention("m3", lang="en", buyer="OpenAI", providers=["AMD"], resource="gpu", gw=6.0, gw_bound="up_to"),
    ])
    deals = {d["buyer"]: d for d in consolidate_deals(mentions)}
    anthropic = deals["Anthropic"]
    assert anthropic["providers"] == ["Google"] and anthropic["gw"] == 1.0 and anthropic["gw_bound"] == "at_least"
    assert anthropic["usd"] == 1e10 and anthropic["usd_vague"] is True
    assert anthropic["languages"] == ["de", "en"] and anthropic["n_sources"] == 2 and anthropic["n_articles"] == 2
    assert anthropic["first_reported"] == date(2025, 10, 23) and anthropic["last_reported"] == date(2025, 10, 24)
    assert anthropic["mention_ids"] == ["m1", "m2"] and anthropic["year"] == 2026 and anthropic["status"] == "loi"
    assert deals["OpenAI"]["gw"] == 6.0


def test_disagreeing_figures_are_listed_and_ids_are_stable():
    rows = [deal_mention("m1", gw=1.0), deal_mention("m2", gw=1.0), deal_mention("m3", gw=1.5, gw_bound="approx")]
    (deal,) = consolidate_deals(frame(rows))
    assert deal["gw"] == 1.0 and deal["disagreeing_figures"] == ["gw=1.5 (approx)"]
    assert deal["evidence"] == "sentence m1"
    (again,) = consolidate_deals(frame(list(reversed(rows))))
    assert again["deal_id"] == deal["deal_id"] and again["gw"] == 1.0


def test_investments_are_grouped_by_instrument():
    def investment(mention_id, instrument, **fields):
        row = {key: None for key in INVESTMENT_MENTIONS_SCHEMA}
        row.update(mention_id=mention_id, article_id="a", source="s", lang="de", investor="OpenAI", investee="AMD",
                   instrument=instrument, usd_vague=False, eur_vague=False, evidence="e", evidence_start=0,
                   evidence_end=1)
        row.update(fields)
        return row

    rows = frame([investment("i1", "warrant", shares=160_000_000), investment("i2", "warrant", shares=160_000_000),
                  investment("i3", "equity", usd=1e9, usd_bound="exact")], INVESTMENT_MENTIONS_SCHEMA)
    found = {i["instrument"]: i for i in consolidate_investments(rows)}
    assert found["warrant"]["shares"] == 160_000_000 and found["warrant"]["n_mentions"] == 2
    assert found["equity"]["usd"] == 1e9
