"""Ingest layer: read every configured source into `raw_documents`, logging each read in `fetch_log`."""

from contextlib import nullcontext
from datetime import date

import dagster as dg
import polars as pl

from assets.metadata import frame_metadata
from pipelines import warehouse
from pipelines.config import FILE_KINDS
from pipelines.fetch import TimeBudget
from pipelines.ingest import Validators, WebContext, read_source
from pipelines.ingest.store import RawStore
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, HttpResource, SourcesResource, WarehouseResource

SOURCES_READABLE_CHECK = "every_source_readable"


@dg.asset(
    group_name="ingest",
    kinds={"python", "duckdb"},
    partitions_def=daily_partitions,
    pool=DUCKDB_WRITE_POOL,
    check_specs=[dg.AssetCheckSpec(SOURCES_READABLE_CHECK, asset="raw_documents",
                                   description="Every configured source could be read.")],
)
def raw_documents(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource,
                  sources: SourcesResource, http: HttpResource):
    """Documents as read from the configured sources (sample folders, jsonl files, feeds, newsroom
    listings, sitemaps), with the facts of each read and the bytes, compressed, so parsing can be
    re-run without fetching again. A day's partition holds the documents that were new or changed
    that day; every read attempt, failed, skipped or cut by a limit, is a row of `fetch_log`.
    Both are committed in batches while the run goes, so an interrupted run keeps what it read.
    Web sources read within time budgets and an item cap (the `http` resource). A failing source
    is reported here and in the check, and never stops the others."""
    day = date.fromisoformat(context.partition_key)
    configured = sources.load()
    store = RawStore(warehouse_db.connect, run_id=context.run.run_id, day=day,
                     every_documents=http.commit_every_documents, every_seconds=http.commit_every_s)
    # A short connection: the write lock is never held while the web is read.
    with warehouse_db.connect() as con:
        web = _web_context(con, http, day) if any(s.kind not in FILE_KINDS for s in configured) else None
    reads = []
    try:
        for source in configured:
            # local files are read fast: one connection for the source; the web: one per batch
            with store.holding_connection() if source.kind in FILE_KINDS else nullcontext():
                read = read_source(source, web=web, max_bytes=http.max_bytes, sink=store)
                reads.append(read)
                if web is not None:
                    store.validators(web.take_new_validators())
                store.flush()  # each source's reads are durable before the next source starts
            if read.error:
                context.log.warning(f"source {read.source!r} failed: {read.error}")
            for limit in read.limits:
                context.log.warning(f"source {read.source!r} cut short: {limit}")
    finally:
        if web is not None:
            web.client.close()
        store.close()  # an interrupted run keeps what it read so far

    stats = store.stats
    failed = {read.source: read.error for read in reads if read.error}
    cut = {read.source: read.limits for read in reads if read.limits}
    # The row count is what the partition holds (a re-run of a day stores nothing new, but the
    # day's documents are still there); what this run added is reported beside it.
    with warehouse_db.connect() as con:
        stored = warehouse.query_frame(con, "select source, locator, content_type, n_bytes from raw_documents "
                                            "where partition_date = ? order by source, locator", [day])
    context.log.info(f"raw_documents: {stats.documents_read} documents read from {len(reads)} sources, "
                     f"{stats.documents_new_or_changed} new or changed, {len(failed)} sources unreadable")
    yield dg.MaterializeResult(
        metadata=frame_metadata(
            stored, ["source", "locator", "content_type", "n_bytes"],
            documents_read=stats.documents_read,
            documents_new_or_changed=stats.documents_new_or_changed,
            read_attempts=stats.read_attempts,
            read_errors=stats.read_errors,
            read_outcomes=dg.MetadataValue.json(stats.by_outcome),
            commits=stats.commits,
            failed_sources=dg.MetadataValue.json(failed),
            cut_sources=dg.MetadataValue.json(cut),
        )
    )
    yield dg.AssetCheckResult(
        check_name=SOURCES_READABLE_CHECK,
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed_sources": dg.MetadataValue.json(failed), "cut_sources": dg.MetadataValue.json(cut),
                  "sources": len(reads)},
    )


def _web_context(con, http: HttpResource, day: date) -> WebContext:
    known = {row[0] for row in con.execute(warehouse.read_sql("select_known_web_urls")).fetchall()}
    validators = {url: Validators(etag, modified) for url, etag, modified in
                  con.execute("select url, etag, last_modified from http_validators").fetchall()}
    run_budget = TimeBudget.starting_now(http.run_budget_s, f"run time budget ({http.run_budget_s:g} s)")
    return WebContext(client=http.client(), today=day, known_urls=known, validators=validators,
                      run_budget=run_budget, source_budget_s=http.source_budget_s,
                      max_items=http.max_items_per_source)
