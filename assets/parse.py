"""Parse layer: raw documents become `articles`: clean text, title, date, language, canonical URL."""

import zlib
from datetime import date

import dagster as dg
import polars as pl

from assets.ingest import raw_documents
from assets.metadata import frame_metadata
from assets.progress import Progress
from pipelines import warehouse
from pipelines.articles import article_from_raw
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, SourcesResource, WarehouseResource
from pipelines.schemas import ARTICLES_SCHEMA


@dg.asset(
    group_name="parse",
    kinds={"python", "duckdb"},
    partitions_def=daily_partitions,
    pool=DUCKDB_WRITE_POOL,
    deps=[raw_documents],
)
def articles(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, sources: SourcesResource):
    """Articles as a reader sees them: the body text without navigation, ads or link lists, with
    title, publication date, language (de/en), canonical URL and a content hash that recognises the
    same release syndicated by several outlets. Documents that yield no text are kept with the
    reason in `parse_error`. Each article carries the relevance decision and its reason
    (`is_relevant`, `relevance_reason`): only articles about compute deals go on to extraction."""
    day = date.fromisoformat(context.partition_key)
    keywords = {source.name: source.keywords for source in sources.load()}
    with warehouse_db.connect() as con:
        raw = warehouse.query_frame(con, warehouse.read_sql("select_raw_documents_partition"), {"day": day})
        progress = Progress(context.log, "articles", raw.height, "documents parsed")
        rows = []
        for record in raw.iter_rows(named=True):
            rows.append(article_from_raw({**record, "body": zlib.decompress(record["body_zlib"])},
                                         keywords.get(record["source"], ())))
            progress.advance()
        frame = pl.DataFrame(rows, schema=ARTICLES_SCHEMA).with_columns(partition_date=pl.lit(day))
        with warehouse.transaction(con):
            con.execute(warehouse.read_sql("delete_articles_partition"), {"day": day})
            warehouse.insert_frame(con, "articles", frame)

    failed = frame.filter(pl.col("parse_error").is_not_null())
    progress.finish(with_errors=failed.height, relevant=frame.filter(pl.col("is_relevant")).height)
    for row in failed.iter_rows(named=True):
        context.log.warning(f"no text from {row['source']} {row['url'] or row['doc_id']}: {row['parse_error']}")
    return dg.MaterializeResult(
        metadata=frame_metadata(
            frame, ["source", "lang", "published", "title", "n_chars"],
            by_language=dg.MetadataValue.json(dict(frame.group_by("lang").len().iter_rows())) if frame.height else {},
            parse_errors=failed.height,
            not_relevant=frame.filter(~pl.col("is_relevant")).height,
        )
    )
