"""Ingest layer: read every configured source into `raw_documents`, logging each read in `fetch_log`."""

import zlib
from datetime import UTC, date, datetime

import dagster as dg
import polars as pl

from assets.metadata import frame_metadata
from pipelines import warehouse
from pipelines.config import FILE_KINDS
from pipelines.ingest import RawDocument, ReadAttempt, Validators, WebContext, read_source
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, HttpResource, SourcesResource, WarehouseResource
from pipelines.schemas import FETCH_LOG_SCHEMA, RAW_DOCUMENTS_SCHEMA

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
    that day; every read attempt, failed or not, is a row of `fetch_log`. A failing source is
    reported here and in the check, and never stops the others."""
    day = date.fromisoformat(context.partition_key)
    configured = sources.load()
    # Two short connections, not one long one: the write lock is not held while the web is read.
    with warehouse_db.connect() as con:
        web = _web_context(con, http, day) if any(s.kind not in FILE_KINDS for s in configured) else None
    try:
        reads = [read_source(source, web=web, max_bytes=http.max_bytes) for source in configured]
    finally:
        if web is not None:
            web.client.close()
    for read in reads:
        if read.error:
            context.log.warning(f"source {read.source!r} failed: {read.error}")

    documents = _documents_frame([doc for read in reads for doc in read.documents], day)
    attempts = _attempts_frame([attempt for read in reads for attempt in read.attempts], day, context.run.run_id)
    with warehouse_db.connect() as con, warehouse.transaction(con):
        warehouse.insert_frame(con, "fetch_log", attempts)
        con.register("read_documents", documents.select("doc_id", "body_sha256"))
        new_ids = [row[0] for row in con.execute(warehouse.read_sql("select_new_raw_documents")).fetchall()]
        con.unregister("read_documents")
        new_documents = documents.filter(pl.col("doc_id").is_in(new_ids))
        # A changed document moves to today's partition: its older version is replaced.
        con.execute("delete from raw_documents where doc_id in (select unnest(?::varchar[]))", [new_ids])
        warehouse.insert_frame(con, "raw_documents", new_documents)
        if web is not None:
            warehouse.insert_frame(con, "http_validators", _validators_frame(web.new_validators), replace=True)

    failed = {read.source: read.error for read in reads if read.error}
    # The row count is what the partition holds (a re-run of a day stores nothing new, but the
    # day's documents are still there); what this run added is reported beside it.
    with warehouse_db.connect() as con:
        stored = warehouse.query_frame(con, "select source, locator, content_type, n_bytes from raw_documents "
                                            "where partition_date = ? order by source, locator", [day])
    context.log.info(f"raw_documents: {documents.height} documents read from {len(reads)} sources, "
                     f"{new_documents.height} new or changed, {len(failed)} sources unreadable")
    yield dg.MaterializeResult(
        metadata=frame_metadata(
            stored, ["source", "locator", "content_type", "n_bytes"],
            documents_read=documents.height,
            documents_new_or_changed=new_documents.height,
            read_attempts=attempts.height,
            read_errors=attempts.filter(pl.col("error").is_not_null()).height,
            failed_sources=dg.MetadataValue.json(failed),
        )
    )
    yield dg.AssetCheckResult(
        check_name=SOURCES_READABLE_CHECK,
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed_sources": dg.MetadataValue.json(failed), "sources": len(reads)},
    )


def _web_context(con, http: HttpResource, day: date) -> WebContext:
    known = {row[0] for row in con.execute(warehouse.read_sql("select_known_web_urls")).fetchall()}
    validators = {url: Validators(etag, modified) for url, etag, modified in
                  con.execute("select url, etag, last_modified from http_validators").fetchall()}
    return WebContext(client=http.client(), today=day, known_urls=known, validators=validators)


def _documents_frame(documents: list[RawDocument], day: date) -> pl.DataFrame:
    rows = [
        {
            "doc_id": doc.doc_id, "partition_date": day, "source": doc.source, "kind": doc.kind,
            "locator": doc.locator, "url": doc.url, "external_id": doc.external_id,
            "fetched_at": doc.fetched_at, "http_status": doc.http_status, "content_type": doc.content_type,
            "etag": doc.etag, "last_modified": doc.last_modified,
            "body_zlib": zlib.compress(doc.body, 6), "body_sha256": doc.body_sha256,
            "n_bytes": len(doc.body), "truncated": doc.truncated, "title_hint": doc.title_hint,
            "published_hint": doc.published_hint, "lang_hint": doc.lang_hint,
        }
        for doc in documents
    ]
    # The same document listed twice in one run (a feed and a sitemap, say) is stored once.
    return pl.DataFrame(rows, schema=RAW_DOCUMENTS_SCHEMA).unique("doc_id", keep="first", maintain_order=True)


def _attempts_frame(attempts: list[ReadAttempt], day: date, run_id: str) -> pl.DataFrame:
    rows = [{"run_id": run_id, "partition_date": day, **vars(attempt)} for attempt in attempts]
    return pl.DataFrame(rows, schema=FETCH_LOG_SCHEMA)


def _validators_frame(validators: dict[str, Validators]) -> pl.DataFrame:
    now = datetime.now(UTC)
    return pl.DataFrame(
        [{"url": url, "etag": v.etag, "last_modified": v.last_modified, "checked_at": now} for url, v in validators.items()],
        schema={"url": pl.String, "etag": pl.String, "last_modified": pl.String, "checked_at": pl.Datetime("us", "UTC")},
    )
