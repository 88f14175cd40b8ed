"""Consolidating mentions into deals and investments (pure Polars and Python, no Dagster).

How mentions become one deal
----------------------------
Only mentions of the same buyer and the same set of providers can be one deal ("16 GW with AMD
and Nvidia" is one deal with providers [AMD, Nvidia], never merged with an AMD-only deal). Within
such a pair:

1. Reports that give a figure (gw, chips, usd or eur) and a date are taken oldest first. A report
   joins an existing deal of the pair when it comes within 30 days of that deal's first report
   (coverage of one announcement, whatever numbers it quotes), or, later than that, when none of
   its figures contradicts the deal's figures. Two figures of one unit contradict when they differ
   by more than 20 % of the larger one; a vague amount ("tens of billions", "mehrere zehn
   Milliarden") contradicts only an amount of another power of ten; the bound is not compared
   ("1 GW" = "over a gigawatt"). A later report that shares no figure unit with the deal also
   joins, unless it names another kind of chip (tpu, gpu, trainium, custom_chip). Otherwise it
   opens a new deal: a later expansion with a clearly different gigawatt or dollar figure is a
   deal of its own. When several deals qualify, the report joins the one whose figures it repeats
   most, then the one first reported nearest in time.
2. Reports without any figure join the deal of their pair first reported nearest in time to them;
   reports without a date join the deal whose figures they repeat (else the most reported one).
   If the pair has no deal yet, they form one.

The resource never separates reports of one announcement: the extractor labels each sentence
("TPUs", "Cloud-Kapazität", "accelerators"), and "unspecified", cloud, datacenter and power join
anything. Investments follow the same rule per investor and investee with usd, eur and share
counts as figures, except that equity and warrant are always separate investments (unspecified
joins either).

Ids: a deal id is a hash of the buyer, the sorted providers and the deal's first report date
("undated" if none) — independent of row order, and unchanged by every later report; it changes
only if an earlier-dated report of the deal arrives afterwards. A second deal of the same pair
first reported on the same day gets its first mention id in the hash too. An investment id hashes
investor, investee, instrument and first report date. A mention split off by a correction gets a
hash of its mention id.

Headline figures: per unit, the value most often reported (one vote per distinct article text),
precise before vague, then the most specific bound (exact, approx, at_least, up_to); its bound is
the one most often reported with it. Every other distinct value is kept in `disagreeing_figures`.
Status: definitive beats loi beats unspecified. Year and resource: most often reported (resource:
a chip kind before cloud, datacenter, power; "unspecified" only if nothing else).

Syndicated copies: when the mentions frame has a `content_hash` column, articles with the same
content hash are one text: `n_articles` counts distinct texts and each text votes once for a
figure; `n_mentions` counts every mention and `n_sources` every outlet that published it.
Without the column (or with a null hash), every article is its own text.

Corrections (`corrections.yaml`, see `pipelines/consolidate/corrections.py`) are applied on every
run in this order: rejected mentions are dropped, split mentions become deals of their own,
the rest is clustered, deals are merged, figures are set. Corrections whose ids match nothing are
returned in `unused_corrections`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import polars as pl

from pipelines.consolidate.clustering import DEAL_KIND, INVESTMENT_KIND, Cluster, FactKind, cluster_pair, sort_key
from pipelines.consolidate.corrections import (
    NO_CORRECTIONS,
    Correction,
    Corrections,
    CorrectionsError,
    UnusedCorrection,
)
from pipelines.consolidate.figures import Figure, headline, value_key
from pipelines.ids import stable_hash

STATUS_PRECEDENCE = ("definitive", "loi", "unspecified")
RESOURCE_PREFERENCE = ("tpu", "trainium", "custom_chip", "gpu", "cloud", "datacenter", "power")


class ConsolidationResult(list):
    """The consolidated rows (a list of dicts, one per deal or investment) with the corrections
    that matched nothing in `unused_corrections` (each says what was not found)."""

    def __init__(self, rows: list[dict], unused_corrections: list[UnusedCorrection]):
        super().__init__(rows)
        self.unused_corrections = unused_corrections

    @property
    def rows(self) -> list[dict]:
        return list(self)


def consolidate_deals(mentions: pl.DataFrame, corrections: Corrections | None = None,
                      min_confidence: float = 0.0) -> ConsolidationResult:
    """One row per deal (DEALS_SCHEMA columns, plus `corrections`: what analysts changed), from the mentions
    whose confidence is at least `min_confidence` (mentions without a confidence always count)."""
    return _consolidate(mentions, corrections or NO_CORRECTIONS, _DEALS, min_confidence)


def consolidate_investments(mentions: pl.DataFrame, corrections: Corrections | None = None,
                            min_confidence: float = 0.0) -> ConsolidationResult:
    """One row per investment (INVESTMENTS_SCHEMA columns, plus `corrections`), from confident mentions."""
    return _consolidate(mentions, corrections or NO_CORRECTIONS, _INVESTMENTS, min_confidence)


class _Table:
    def __init__(self, name: str, id_column: str, kind: FactKind, reject_action: str):
        self.name, self.id_column, self.kind, self.reject_action = name, id_column, kind, reject_action

    def pair(self, row: dict) -> tuple:
        if self is _DEALS:
            return row["buyer"], tuple(sorted(set(row["providers"] or [])))
        return row["investor"], row["investee"]

    def fact_id(self, pair: tuple, cluster: Cluster, instrument: str | None) -> str:
        first = cluster.first.isoformat() if cluster.first else "undated"
        if self is _DEALS:
            buyer, providers = pair
            return stable_hash("deal", buyer, *providers, first)
        investor, investee = pair
        return stable_hash("investment", investor, investee, instrument, first)

    def split_id(self, mention_id: str) -> str:
        return stable_hash(self.id_column, "split", mention_id)


_DEALS = _Table("deals", "deal_id", DEAL_KIND, "reject_mention")
_INVESTMENTS = _Table("investments", "investment_id", INVESTMENT_KIND, "reject_investment_mention")


def _consolidate(mentions: pl.DataFrame, corrections: Corrections, table: _Table,
                 min_confidence: float = 0.0) -> ConsolidationResult:
    rows = _mention_rows(mentions, table, min_confidence)
    unused: list[UnusedCorrection] = []
    applied: dict[str, list[str]] = {}   # fact id -> notes of the corrections that changed it

    # 1. Rejected mentions are dropped.
    by_id = {r["mention_id"]: r for r in rows}
    rejected: dict[str, Correction] = {}
    for correction in corrections.of(table.reject_action):
        if correction.mention_id in by_id:
            rejected[correction.mention_id] = correction
        else:
            what = "deal" if table is _DEALS else "investment"
            unused.append(UnusedCorrection(correction, f"no {what} mention with id {correction.mention_id}"))
    rows = [r for r in rows if r["mention_id"] not in rejected]

    # 2. Split mentions are facts of their own; 3. the rest is clustered per pair.
    facts: dict[str, tuple[tuple, Cluster]] = {}
    split_notes: dict[str, str] = {}
    if table is _DEALS:
        for correction in corrections.of("split_mention"):
            if correction.mention_id in rejected:
                unused.append(UnusedCorrection(correction, f"the mention is rejected by correction "
                                                           f"#{rejected[correction.mention_id].index}"))
            elif correction.mention_id not in by_id:
                unused.append(UnusedCorrection(correction, f"no deal mention with id {correction.mention_id}"))
            else:
                split_notes[correction.mention_id] = _note(correction)
    pairs: dict[tuple, list[dict]] = {}
    for row in rows:
        if row["mention_id"] in split_notes:
            fact_id = table.split_id(row["mention_id"])
            facts[fact_id] = (table.pair(row), Cluster(table.kind, [row]))
            applied[fact_id] = [split_notes[row["mention_id"]]]
        else:
            pairs.setdefault(table.pair(row), []).append(row)
    for pair in sorted(pairs, key=repr):
        for cluster in cluster_pair(pairs[pair], table.kind):
            fact_id = table.fact_id(pair, cluster, _instrument(cluster) if table is _INVESTMENTS else None)
            if fact_id in facts:   # a second fact of the pair first reported the same day
                fact_id = stable_hash(fact_id, min(cluster.rows, key=sort_key)["mention_id"])
            facts[fact_id] = (pair, cluster)

    # References to facts: their id, or the id of any mention in them.
    mention_fact = {r["mention_id"]: fact_id for fact_id, (_, cluster) in facts.items() for r in cluster.rows}
    fact_ids = set(facts)

    def resolve(reference: str) -> str | None:
        return reference if reference in fact_ids else mention_fact.get(reference)

    # 4. Merges (the first deal's id and parties stay).
    merged_into: dict[str, str] = {}

    def final(fact_id: str) -> str:
        while fact_id in merged_into:
            fact_id = merged_into[fact_id]
        return fact_id

    if table is _DEALS:
        for correction in corrections.of("merge_deals"):
            resolved = [resolve(ref) for ref in correction.deals]
            missing = [ref for ref, fact_id in zip(correction.deals, resolved) if fact_id is None]
            targets = list(dict.fromkeys(final(fact_id) for fact_id in resolved if fact_id is not None))
            if missing:
                unused.append(UnusedCorrection(correction, f"no deal with id (or mention id) {', '.join(missing)}"
                                               + ("; merged the others" if len(targets) > 1 else "")))
            if len(targets) < 2:
                continue
            keep = targets[0]
            pair, cluster = facts[keep]
            for other in targets[1:]:
                for row in facts.pop(other)[1].rows:
                    cluster.add(row)
                applied.setdefault(keep, []).extend(applied.pop(other, []))
                merged_into[other] = keep
            applied.setdefault(keep, []).append(_note(correction))

    result = {}
    for fact_id, (pair, cluster) in facts.items():
        result[fact_id] = _summarise(table, fact_id, pair, sorted(cluster.rows, key=sort_key))

    # 5. Figures set by analysts; one entry per field of a fact (two references to one deal, by
    # deal id and by mention id, or two deals merged above, must not silently keep the last).
    setters: dict[tuple[str, str], Correction] = {}
    for correction in corrections.of("set_figure", table.name):
        fact_id = resolve(correction.target)
        if fact_id is None:
            what = "deal" if table is _DEALS else "investment"
            unused.append(UnusedCorrection(correction, f"no {what} with id (or mention id) {correction.target}"))
            continue
        fact_id = final(fact_id)
        earlier = setters.setdefault((fact_id, correction.field), correction)
        if earlier is not correction:
            raise CorrectionsError(f"{corrections.source}: {correction.describe()} sets {correction.field} of "
                                   f"{fact_id}, already set by {earlier.describe()}; keep one entry per field")
        _set_figure(result[fact_id], correction)
        applied.setdefault(fact_id, []).append(_note(correction))

    rows_out = []
    for fact_id in sorted(result, key=lambda i: (result[i]["first_reported"] is None,
                                                  result[i]["first_reported"] or date.min, i)):
        fact = result[fact_id]
        fact["corrections"] = applied.get(fact_id, [])
        rows_out.append(fact)
    return ConsolidationResult(rows_out, sorted(unused, key=lambda u: u.correction.index))


def _mention_rows(mentions: pl.DataFrame, table: _Table, min_confidence: float = 0.0) -> list[dict]:
    rows = {}
    for row in mentions.to_dicts():
        confidence = row.get("confidence")
        if confidence is not None and confidence < min_confidence:
            continue  # kept in the mentions table, not counted (README: "Confidence")
        row["_text"] = row.get("content_hash") or row["article_id"]
        if table is _DEALS:
            row["resource"] = row.get("resource") or "unspecified"
            row["status"] = row.get("status") or "unspecified"
        else:
            row["instrument"] = row.get("instrument") or "unspecified"
        rows.setdefault(row["mention_id"], row)   # a mention id is one mention, even if repeated
    return list(rows.values())


def _instrument(cluster: Cluster) -> str:
    return _most_reported([r for r in cluster.rows if r["instrument"] != "unspecified"], "instrument") or "unspecified"


def _summarise(table: _Table, fact_id: str, pair: tuple, rows: list[dict]) -> dict:
    if table is _DEALS:
        buyer, providers = pair
        fact = {"deal_id": fact_id, "buyer": buyer, "providers": list(providers)}
        specific = [r for r in rows if r["resource"] != "unspecified"]
        fact["resource"] = _most_reported(specific, "resource", preference=RESOURCE_PREFERENCE) or "unspecified"
    else:
        investor, investee = pair
        fact = {"investment_id": fact_id, "investor": investor, "investee": investee,
                "instrument": _instrument(Cluster(table.kind, rows))}
    disagreeing: list[str] = []
    evidence_row = None
    for name, has_bound, has_vague in table.kind.figures:
        votes = {(r["_text"], Figure(float(r[name]), r.get(f"{name}_bound") if has_bound else None,
                                     bool(has_vague and r.get(f"{name}_vague"))))
                 for r in rows if r[name] is not None}
        best, others = headline([figure for _, figure in sorted(votes, key=lambda v: (v[0], repr(v[1])))])
        if not has_bound:   # shares: a count without bound
            fact[name] = None if best is None else int(best.value)
            disagreeing += [f"{name}={int(f.value)}" for f in others]
            continue
        value = None if best is None else (int(best.value) if name == "chips" else best.value)
        fact[name] = value
        fact[f"{name}_bound"] = best.bound if best else None
        if has_vague:
            fact[f"{name}_vague"] = best.vague if best else False
        disagreeing += [figure.label(name) for figure in others]
        if best and evidence_row is None:
            matching = [r for r in rows if r[name] is not None and value_key(r[name]) == value_key(best.value)]
            evidence_row = next((r for r in matching if r.get(f"{name}_bound") == best.bound), matching[0])
    if table is _DEALS:
        fact["year"] = _most_reported([r for r in rows if r["year"] is not None], "year")
        fact["status"] = next(s for s in STATUS_PRECEDENCE if s == "unspecified" or any(r["status"] == s for r in rows))
    published = [r["published"] for r in rows if r["published"] is not None]
    fact.update({
        "disagreeing_figures": disagreeing,
        "first_reported": min(published, default=None),
        "last_reported": max(published, default=None),
        "n_mentions": len(rows),
        "n_articles": len({r["_text"] for r in rows}),
        "n_sources": len({r["source"] for r in rows}),
        "languages": sorted({r["lang"] for r in rows if r["lang"]}),
        "mention_ids": sorted(r["mention_id"] for r in rows),
        "confidence": max((r["confidence"] for r in rows if r.get("confidence") is not None), default=None),
        "evidence": (evidence_row or rows[0])["evidence"],
    })
    return fact


def _most_reported(rows: list[dict], column: str, preference: tuple = ()):
    """The value most reported (one vote per distinct text); ties: the preferred, then the earliest
    reported (rows are in chronological order)."""
    if not rows:
        return None
    votes = Counter(value for _, value in dict.fromkeys((r["_text"], r[column]) for r in rows))
    first_seen: dict = {}
    for i, row in enumerate(rows):
        first_seen.setdefault(row[column], i)
    rank = {value: i for i, value in enumerate(preference)}
    return min(votes, key=lambda v: (-votes[v], rank.get(v, len(rank)), first_seen[v]))


def _set_figure(fact: dict, correction: Correction) -> None:
    name = correction.field
    if name in ("year", "status", "resource"):
        before = fact[name]
        if before is not None and before != correction.value:
            fact["disagreeing_figures"].append(f"{name}={before} (replaced by correction)")
        fact[name] = correction.value
        return
    has_bound = f"{name}_bound" in fact
    has_vague = f"{name}_vague" in fact
    before = fact[name]
    if before is not None:
        label = Figure(float(before), fact.get(f"{name}_bound"), bool(fact.get(f"{name}_vague"))).label(name)
        if not has_bound:
            label = f"{name}={int(before)}"
        fact["disagreeing_figures"].append(f"{label} (replaced by correction)")
    value = correction.value
    fact[name] = None if value is None else (int(value) if name in ("chips", "shares") else float(value))
    if has_bound:
        fact[f"{name}_bound"] = None if value is None else correction.bound
    if has_vague:
        fact[f"{name}_vague"] = bool(correction.vague) if value is not None else False


def _note(correction: Correction) -> str:
    what = correction.action + (f" {correction.field}" if correction.field else "")
    return f"#{correction.index} {what}: {correction.reason}"
