"""Hand-made mention frames for the consolidation tests (the sentences are our own)."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.schemas import DEAL_MENTIONS_SCHEMA, INVESTMENT_MENTIONS_SCHEMA


def deal(mention_id: str, published: date | None, evidence: str, *, lang: str = "en", buyer: str = "Anthropic",
         providers: list[str] | None = None, resource: str = "tpu", source: str | None = None,
         article_id: str | None = None, **fields) -> dict:
    row = {key: None for key in DEAL_MENTIONS_SCHEMA}
    row.update(mention_id=mention_id, article_id=article_id or f"article-{mention_id}",
               source=source or f"outlet-{mention_id}", lang=lang, published=published, buyer=buyer,
               providers=providers if providers is not None else ["Google"], resource=resource,
               usd_vague=False, eur_vague=False, status="unspecified", evidence=evidence,
               evidence_start=0, evidence_end=len(evidence))
    row.update(fields)
    return row


def investment(mention_id: str, published: date | None, evidence: str, *, lang: str = "en",
               investor: str = "Google", investee: str = "Anthropic", instrument: str = "equity",
               source: str | None = None, **fields) -> dict:
    row = {key: None for key in INVESTMENT_MENTIONS_SCHEMA}
    row.update(mention_id=mention_id, article_id=f"article-{mention_id}", source=source or f"outlet-{mention_id}",
               lang=lang, published=published, investor=investor, investee=investee, instrument=instrument,
               usd_vague=False, eur_vague=False, evidence=evidence, evidence_start=0, evidence_end=len(evidence))
    row.update(fields)
    return row


def deal_frame(rows: list[dict], content_hash: bool = False) -> pl.DataFrame:
    schema = dict(DEAL_MENTIONS_SCHEMA)
    if content_hash:
        schema["content_hash"] = pl.String
        rows = [{"content_hash": None, **row} for row in rows]
    return pl.DataFrame(rows, schema=schema)


def investment_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=INVESTMENT_MENTIONS_SCHEMA)


def by_parties(deals: list[dict]) -> dict[tuple, list[dict]]:
    found: dict[tuple, list[dict]] = {}
    for row in deals:
        found.setdefault((row["buyer"], tuple(row["providers"])), []).append(row)
    return found


# Reports of the Anthropic-Google TPU deal of October 2025, in both languages and several formats.
ANTHROPIC_GOOGLE = [
    deal("ag-de-1", date(2025, 10, 23), "Anthropic sichert sich Zugang zu bis zu einer Million TPUs von Google, "
         "das entspricht mehr als einem Gigawatt Rechenleistung im Jahr 2026.", lang="de",
         gw=1.0, gw_bound="at_least", chips=1_000_000, chips_bound="up_to", year=2026, status="definitive"),
    deal("ag-en-1", date(2025, 10, 23), "Anthropic will expand its use of Google Cloud, bringing well over a "
         "gigawatt of capacity online in 2026 in a deal worth tens of billions of dollars.", resource="cloud",
         gw=1.0, gw_bound="at_least", usd=1e10, usd_bound="at_least", usd_vague=True, year=2026),
    deal("ag-en-2", date(2025, 10, 24), "The agreement gives Anthropic roughly 1 GW of Google accelerators.",
         resource="gpu", gw=1.0, gw_bound="approx"),
    deal("ag-de-2", date(2025, 10, 25), "Der Vertrag hat einen Wert im Bereich mehrerer zehn Milliarden "
         "US-Dollar und umfasst über 1,0 Gigawatt.", lang="de", resource="unspecified",
         gw=1.0, gw_bound="at_least", usd=2e10, usd_bound="at_least", usd_vague=True),
]
