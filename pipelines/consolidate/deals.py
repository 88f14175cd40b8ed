"""Consolidating mentions into deals and investments (pure Polars and Python, no Dagster).

A deal is identified by its buyer and its set of providers: every report of "Anthropic gets
Google TPUs", in German or English, is one deal. Issue #5 refines this (a later expansion of the
same pair becomes a deal of its own); until then the rule is the simple one above.
"""

from __future__ import annotations

from collections import Counter

import polars as pl

from pipelines.consolidate.figures import Figure, headline
from pipelines.ids import stable_hash

STATUS_PRECEDENCE = ("definitive", "loi", "unspecified")


def consolidate_deals(mentions: pl.DataFrame) -> list[dict]:
    deals = []
    keyed = mentions.with_columns(provider_key=pl.col("providers").list.sort().list.join("+"))
    for (buyer, provider_key), group in keyed.group_by("buyer", "provider_key", maintain_order=True):
        rows = group.sort("published", "mention_id", nulls_last=True).to_dicts()
        providers = sorted(rows[0]["providers"])
        deal = {
            "deal_id": stable_hash("deal", buyer, *providers),
            "buyer": buyer,
            "providers": providers,
            "resource": _most_common([r["resource"] for r in rows if r["resource"] != "unspecified"]) or "unspecified",
            "year": _most_common([r["year"] for r in rows if r["year"] is not None]),
            "status": next(s for s in STATUS_PRECEDENCE if s == "unspecified" or any(r["status"] == s for r in rows)),
        }
        disagreeing: list[str] = []
        evidence_row = None
        for name, has_vague in (("gw", False), ("chips", False), ("usd", True), ("eur", True)):
            figures = [Figure(r[name], r[f"{name}_bound"], bool(has_vague and r[f"{name}_vague"]))
                       for r in rows if r[name] is not None]
            best, others = headline(figures)
            deal[name] = best.value if best else None
            deal[f"{name}_bound"] = best.bound if best else None
            if has_vague:
                deal[f"{name}_vague"] = best.vague if best else False
            disagreeing += [figure.label(name) for figure in others]
            if best and evidence_row is None:
                evidence_row = next(r for r in rows if r[name] == best.value)
        deal.update(_report_summary(rows, disagreeing, evidence_row or rows[0]))
        deals.append(deal)
    return deals


def consolidate_investments(mentions: pl.DataFrame) -> list[dict]:
    investments = []
    for (investor, investee, instrument), group in mentions.group_by(
        "investor", "investee", "instrument", maintain_order=True
    ):
        rows = group.sort("published", "mention_id", nulls_last=True).to_dicts()
        investment = {
            "investment_id": stable_hash("investment", investor, investee, instrument),
            "investor": investor, "investee": investee, "instrument": instrument,
            "shares": _most_common([r["shares"] for r in rows if r["shares"] is not None]),
        }
        disagreeing: list[str] = []
        evidence_row = None
        for name in ("usd", "eur"):
            figures = [Figure(r[name], r[f"{name}_bound"], bool(r[f"{name}_vague"])) for r in rows if r[name] is not None]
            best, others = headline(figures)
            investment[name] = best.value if best else None
            investment[f"{name}_bound"] = best.bound if best else None
            investment[f"{name}_vague"] = best.vague if best else False
            disagreeing += [figure.label(name) for figure in others]
            if best and evidence_row is None:
                evidence_row = next(r for r in rows if r[name] == best.value)
        investment.update(_report_summary(rows, disagreeing, evidence_row or rows[0]))
        investments.append(investment)
    return investments


def _report_summary(rows: list[dict], disagreeing: list[str], evidence_row: dict) -> dict:
    published = [r["published"] for r in rows if r["published"] is not None]
    return {
        "disagreeing_figures": disagreeing,
        "first_reported": min(published, default=None),
        "last_reported": max(published, default=None),
        "n_mentions": len(rows),
        "n_articles": len({r["article_id"] for r in rows}),
        "n_sources": len({r["source"] for r in rows}),
        "languages": sorted({r["lang"] for r in rows if r["lang"]}),
        "mention_ids": sorted(r["mention_id"] for r in rows),
        "evidence": evidence_row["evidence"],
    }


def _most_common(values: list):
    return Counter(values).most_common(1)[0][0] if values else None
