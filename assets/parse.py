"""Parse layer: raw documents become `articles`: clean text, title, date, language, canonical URL."""

from datetime import date

import dagster as dg

from assets.ingest import raw_documents
from assets.metadata import frame_metadata, step_metadata
from assets.progress import Progress
from pipelines import warehouse
from pipelines.partition_steps import parse_day, parse_day_size
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, ParallelismResource, SourcesResource, WarehouseResource


@dg.asset(
    group_name="parse",
    kinds={"python", "duckdb"},
    partitions_def=daily_partitions,
    pool=DUCKDB_WRITE_POOL,
    deps=[raw_documents],
)
def articles(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, sources: SourcesResource,
             parallelism: ParallelismResource):
    """Articles as a reader sees them: the body text without navigation, ads or link lists, with
    title, publication date, language (de/en), canonical URL and a content hash that recognises the
    same release syndicated by several outlets. Documents that yield no text are kept with the
    reason in `parse_error`. Each article carries the relevance decision and its reason
    (`is_relevant`, `relevance_reason`): only articles about compute deals go on to extraction.
    Parsed across all cores; a document parsed before from the same bytes, hints, keywords and
    parser version is not parsed again (`parse_key`)."""
    day = date.fromisoformat(context.partition_key)
    keywords = {source.name: source.keywords for source in sources.load()}
    with warehouse_db.connect() as con:
        todo = parse_day_size(con, day)
        progress = Progress(context.log, "articles", todo, "documents parsed")
        outcome = parse_day(con, day, keywords, parallelism.pool(), on_batch=progress.advance)
        frame = warehouse.query_frame(con, warehouse.read_sql("select_articles_preview_partition"), {"day": day})
        summary = warehouse.query_frame(con, warehouse.read_sql("summarize_articles_partition"), {"day": day})

    progress.done = outcome.items
    progress.finish(parsed_now=outcome.processed, kept_from_before=outcome.reused,
                    with_errors=int(summary["parse_errors"].sum()),
                    relevant=int(summary["n"].sum() - summary["not_relevant"].sum()))
    for source, where, error in outcome.errors:
        context.log.warning(f"no text from {source} {where}: {error}")
    return dg.MaterializeResult(
        metadata={
            **frame_metadata(frame, ["source", "lang", "published", "title", "n_chars"]),
            "dagster/row_count": outcome.items,
            "by_language": dg.MetadataValue.json(
                {str(lang): n for lang, n in summary.select("lang", "n").iter_rows()}),
            "parse_errors": int(summary["parse_errors"].sum()),
            "not_relevant": int(summary["not_relevant"].sum()),
            **step_metadata(outcome, "documents"),
        }
    )
