"""A day's parsing and extraction: only what is not done yet, in batches, across worker processes.

No Dagster here: the `articles` and `deal_mentions`/`investment_mentions` assets call `parse_day`
and `extract_day` with an open warehouse connection and report what they return.

Each step is one DuckDB transaction: it deletes the rows of the day that are stale, then reads the
documents still to do in batches, has the workers compute their rows (`pipelines.parallel`) and
inserts each batch before the next one is read. Only this process writes; a crash midway rolls
the whole day back. Memory holds two batches, never the whole day or the history.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import duckdb
import polars as pl

from pipelines import warehouse
from pipelines.articles import article_from_stored
from pipelines.extract.version import EXTRACTOR_VERSION
from pipelines.incremental import extraction_inputs_sql, parse_key
from pipelines.mentions import mentions_or_error
from pipelines.parallel import PoolSettings, batched, map_batches
from pipelines.schemas import (
    ARTICLES_SCHEMA, DEAL_MENTIONS_SCHEMA, EXTRACTED_ARTICLES_SCHEMA, INVESTMENT_MENTIONS_SCHEMA, PARTY_MENTIONS_SCHEMA,
)

# Parse errors named in the step's log; the rest are counted (a broken feed can yield thousands).
MAX_REPORTED_ERRORS = 50


@dataclass(frozen=True)
class StepOutcome:
    """What a day's step did: how many items it had, did, and found done already."""

    items: int                # documents (parse) or extractable articles (extract) of the day
    processed: int            # computed in this run
    reused: int               # unchanged since an earlier run: rows kept as they were
    workers: int              # processes that did the work (1: the step's own process)
    errors: tuple[tuple[str, str, str], ...] = ()  # (source, url or id, error), at most MAX_REPORTED_ERRORS
    failed: int = 0           # items the step could not process (extraction: recorded in extracted_articles)


def parse_day_size(con: duckdb.DuckDBPyConnection, day: date) -> int:
    """How many documents the day holds (for progress reports)."""
    return warehouse.scalar(con, "select count(*) from raw_documents where partition_date = $day", {"day": day})


def parse_day(con: duckdb.DuckDBPyConnection, day: date, keywords: dict[str, tuple[str, ...]],
              pool: PoolSettings, on_batch: Callable[[int], None] = lambda n: None) -> StepOutcome:
    """Bring the day's `articles` up to date with its `raw_documents`: parse new and changed
    documents, keep the rest, drop articles whose document left the day."""
    documents = warehouse.query_frame(con, warehouse.read_sql("select_raw_documents_partition"), {"day": day})
    keys = {record["doc_id"]: parse_key(record, keywords.get(record["source"], ()))
            for record in documents.iter_rows(named=True)}
    sources = dict(zip(documents["doc_id"], documents["source"]))
    del documents
    parsed_before = dict(con.execute(warehouse.read_sql("select_parse_keys_partition"), {"day": day}).fetchall())
    kept = sorted(doc_id for doc_id, key in keys.items() if parsed_before.get(doc_id) == key)
    todo = sorted(doc_id for doc_id, key in keys.items() if parsed_before.get(doc_id) != key)
    workers = pool.workers_for(len(todo))

    def tasks() -> Iterator[list[tuple[dict, tuple[str, ...]]]]:
        for ids in batched(todo, pool.batch_size):
            raw = warehouse.query_frame(con, warehouse.read_sql("select_raw_documents_batch"), {"ids": ids})
            yield [(record, keywords.get(record["source"], ())) for record in raw.iter_rows(named=True)]

    errors: list[tuple[str, str, str]] = []
    with warehouse.transaction(con):
        _with_kept(con, "kept_documents", "doc_id", kept,
                   lambda: con.execute(warehouse.read_sql("delete_articles_partition"), {"day": day}))
        for rows in map_batches(article_from_stored, tasks(), workers=workers, start_method=pool.start_method):
            frame = pl.DataFrame([{**row, "parse_key": keys[row["doc_id"]]} for row in rows], schema=ARTICLES_SCHEMA)
            warehouse.insert_frame(con, "articles", frame.with_columns(partition_date=pl.lit(day)))
            for row in rows:
                if row["parse_error"] and len(errors) < MAX_REPORTED_ERRORS:
                    errors.append((sources.get(row["doc_id"], ""), row["url"] or row["doc_id"], row["parse_error"]))
            on_batch(len(rows))
    return StepOutcome(items=len(keys), processed=len(todo), reused=len(kept), workers=workers, errors=tuple(errors))


def extract_day_size(con: duckdb.DuckDBPyConnection, day: date) -> int:
    """How many articles of the day go to extraction (for progress reports)."""
    sql = f"with extractor_input as (\n{warehouse.read_sql('select_articles_partition')}\n) select count(*) from extractor_input"
    return warehouse.scalar(con, sql, {"day": day})


def extract_day(con: duckdb.DuckDBPyConnection, day: date, pool: PoolSettings,
                on_batch: Callable[[int], None] = lambda n: None) -> StepOutcome:
    """Bring the day's `deal_mentions`, `investment_mentions` and `party_mentions` up to date with its articles:
    extract articles that are new, changed, or were extracted by another extractor version; keep
    the mentions of the rest; drop mentions of articles that are gone or no longer relevant."""
    articles_sql = warehouse.read_sql("select_articles_partition")
    inputs = dict(con.execute(extraction_inputs_sql(articles_sql), {"day": day}).fetchall())
    done = {article_id: (input_hash, version) for article_id, input_hash, version in
            con.execute(warehouse.read_sql("select_extraction_keys_partition"), {"day": day}).fetchall()}
    kept = sorted(a for a, input_hash in inputs.items() if done.get(a) == (input_hash, EXTRACTOR_VERSION))
    todo = sorted(a for a, input_hash in inputs.items() if done.get(a) != (input_hash, EXTRACTOR_VERSION))
    workers = pool.workers_for(len(todo))
    batch_sql = f"with extractor_input as (\n{articles_sql}\n)\nselect * from extractor_input " \
                "where article_id in (select unnest($ids::varchar[])) order by article_id"

    handed_out: deque[list[str]] = deque()  # article ids of the batches in flight, oldest first

    def articles() -> Iterator[list[dict]]:
        for ids in batched(todo, pool.batch_size):
            batch = warehouse.query_frame(con, batch_sql, {"day": day, "ids": ids}).to_dicts()
            handed_out.append([article["article_id"] for article in batch])
            yield batch

    with warehouse.transaction(con):
        def forget_stale() -> None:
            for table in ("deal_mentions", "investment_mentions", "party_mentions", "extracted_articles"):
                con.execute(warehouse.read_sql(f"delete_{table}_partition"), {"day": day})

        _with_kept(con, "kept_articles", "article_id", kept, forget_stale)
        errors: list[tuple[str, str, str]] = []
        for results in map_batches(mentions_or_error, articles(), workers=workers,
                                   start_method=pool.start_method):
            ids = handed_out.popleft()
            deal_rows = [row for deals, _, _, _ in results for row in deals]
            investment_rows = [row for _, investments, _, _ in results for row in investments]
            party_rows = [row for _, _, parties, _ in results for row in parties]
            errors += [("extractor", article_id, error) for article_id, (*_, error) in zip(ids, results) if error]
            warehouse.insert_frame(con, "deal_mentions", mention_frame(deal_rows, DEAL_MENTIONS_SCHEMA, day))
            warehouse.insert_frame(con, "investment_mentions", mention_frame(investment_rows, INVESTMENT_MENTIONS_SCHEMA, day))
            warehouse.insert_frame(con, "party_mentions",
                                   mention_frame(party_rows, PARTY_MENTIONS_SCHEMA, day, key=["article_id", "name"]))
            now = datetime.now(UTC)
            warehouse.insert_frame(con, "extracted_articles", pl.DataFrame(
                [{"article_id": article_id, "partition_date": day, "input_hash": inputs[article_id],
                  "extractor_version": EXTRACTOR_VERSION, "deal_mentions": len(deals),
                  "investment_mentions": len(investments), "extracted_at": now, "extraction_error": error}
                 for article_id, (deals, investments, _, error) in zip(ids, results)],
                schema=EXTRACTED_ARTICLES_SCHEMA,
            ))
            on_batch(len(ids))
    return StepOutcome(items=len(inputs), processed=len(todo), reused=len(kept), workers=workers,
                       errors=tuple(errors[:MAX_REPORTED_ERRORS]), failed=len(errors))


def mention_frame(rows: list[dict], schema: dict, day: date, key: list[str] | None = None) -> pl.DataFrame:
    frame = pl.DataFrame([{name: row.get(name) for name in schema} for row in rows], schema=schema)
    # Two identical facts from the same sentence would share an id (an organisation one row per article): keep one.
    return frame.unique(key or "mention_id", keep="first", maintain_order=True).with_columns(
        partition_date=pl.lit(day))


def _with_kept(con: duckdb.DuckDBPyConnection, name: str, column: str, ids: list[str], action) -> None:
    """Run `action` (a delete) with the ids of unchanged items visible to SQL as table `name`."""
    con.register(name, pl.DataFrame({column: ids}, schema={column: pl.String}))
    try:
        action()
    finally:
        con.unregister(name)
