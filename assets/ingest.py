"""Ingest layer: read every configured source into `raw_documents`, logging each read in `fetch_log`."""

import zlib
from datetime import date

import dagster as dg
import polars as pl

from assets.metadata import frame_metadata
from pipelines import warehouse
from pipelines.ingest import RawDocument, ReadAttempt, SourceRead, read_source
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, SourcesResource, WarehouseResource
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
                  sources: SourcesResource):
    """Documents as read from the configured sources (sample folders, jsonl files, feeds, pages),
    with the facts of each read. Only documents that are new or changed since earlier days are
    stored in a day's partition; every read attempt, failed or not, is a row of `fetch_log`."""
    day = date.fromisoformat(context.partition_key)
    reads = [read_source(source) for source in sources.load()]
    for read in reads:
        if read.error:
            context.log.warning(f"source {read.source!r} failed: {read.error}")

    documents = _documents_frame([doc for read in reads for doc in read.documents], day)
    attempts = _attempts_frame([attempt for read in reads for attempt in read.attempts], day)
    with warehouse_db.connect() as con, warehouse.transaction(con):
        con.execute(warehouse.read_sql("delete_fetch_log_partition"), [day])
        warehouse.insert_frame(con, "fetch_log", attempts)
        con.execute(warehouse.read_sql("delete_raw_documents_partition"), [day])
        con.register("read_documents", documents.select("doc_id", "body_sha256"))
        new_ids = [row[0] for row in con.execute(warehouse.read_sql("select_new_raw_documents")).fetchall()]
        con.unregister("read_documents")
        new_documents = documents.filter(pl.col("doc_id").is_in(new_ids))
        # A changed document moves to today's partition: its older version is replaced.
        con.execute("delete from raw_documents where doc_id in (select unnest(?::varchar[]))", [new_ids])
        warehouse.insert_frame(con, "raw_documents", new_documents)

    failed = {read.source: read.error for read in reads if read.error}
    yield dg.MaterializeResult(
        metadata=frame_metadata(
            new_documents, ["source", "locator", "content_type", "n_bytes"],
            documents_read=documents.height,
            documents_new_or_changed=new_documents.height,
            read_errors=int(attempts.filter(pl.col("error").is_not_null()).height),
            failed_sources=dg.MetadataValue.json(failed),
        )
    )
    yield dg.AssetCheckResult(
        check_name=SOURCES_READABLE_CHECK,
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed_sources": dg.MetadataValue.json(failed), "sources": len(reads)},
    )


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


def _attempts_frame(attempts: list[ReadAttempt], day: date) -> pl.DataFrame:
    rows = [{"partition_date": day, **vars(attempt)} for attempt in attempts]
    return pl.DataFrame(rows, schema=FETCH_LOG_SCHEMA)
