"""Extract layer: facts stated in each article, with the sentence they came from."""

from datetime import date

import dagster as dg

from assets.metadata import frame_metadata, step_metadata
from assets.parse import articles
from assets.progress import Progress
from pipelines import warehouse
from pipelines.extract.document import MAX_TEXT_CHARS
from pipelines.extract.version import EXTRACTOR_VERSION
from pipelines.partition_steps import extract_day, extract_day_size
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, ParallelismResource, WarehouseResource


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "deal_mentions", deps=[articles], group_name="extract", kinds={"python", "duckdb"},
            description="Compute deals as stated in one article (buyer, providers, resource, gigawatts, "
                        "chips, dollars or euros with their bounds, year, status), each with the decision "
                        "layer's confidence, the evidence sentence and its character span in the article text.",
        ),
        dg.AssetSpec(
            "investment_mentions", deps=[articles], group_name="extract", kinds={"python", "duckdb"},
            description="Equity investments and share warrants as stated in one article, each with "
                        "the decision layer's confidence, the evidence sentence and its character span.",
        ),
        dg.AssetSpec(
            "party_mentions", deps=[articles], group_name="extract", kinds={"python", "duckdb"},
            description="Organisations outside the company registry that take part in an extracted fact, "
                        "under the name the text uses, with the sentence that names them.",
        ),
    ],
    partitions_def=daily_partitions,
    pool=DUCKDB_WRITE_POOL,
)
def mentions(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, parallelism: ParallelismResource):
    """Runs the bilingual grammar and the learned decision layer over the day's relevant articles,
    across all cores: every fact with its confidence and evidence; organisations outside the
    registry to `party_mentions`. An article extracted before from the same input by the same
    extractor version (code and model files) keeps its mentions."""
    day = date.fromisoformat(context.partition_key)
    with warehouse_db.connect() as con:
        progress = Progress(context.log, "mentions", extract_day_size(con, day), "articles read for facts")
        outcome = extract_day(con, day, parallelism.pool(), on_batch=progress.advance)
        previews = {table: _day_preview(con, table, day)
                    for table in ("deal_mentions", "investment_mentions", "party_mentions")}
        cut = warehouse.query_frame(con, "select article_id, source, url, n_chars from articles where partition_date = "
                                         "$day and is_relevant and n_chars > $limit order by article_id",
                                    {"day": day, "limit": MAX_TEXT_CHARS})
    for row in cut.iter_rows(named=True):
        context.log.warning(f"extraction read the first {MAX_TEXT_CHARS:,} of {row['n_chars']:,} characters of "
                            f"{row['source']} {row['url'] or row['article_id']} (the rest is no news article)")

    for _, article_id, error in outcome.errors:
        context.log.warning(f"extraction failed on article {article_id}: {error} (no mentions from it; "
                            "recorded in extracted_articles.extraction_error)")

    progress.done = outcome.items
    progress.finish(deal_mentions=previews["deal_mentions"][1], investment_mentions=previews["investment_mentions"][1],
                    new_organisations=previews["party_mentions"][1])
    work = {**step_metadata(outcome, "articles"), "extractor_version": EXTRACTOR_VERSION, "texts_cut": cut.height,
            "extraction_errors": outcome.failed}
    columns = {"deal_mentions": ["buyer", "providers", "resource", "gw", "usd", "confidence", "evidence"],
               "investment_mentions": ["investor", "investee", "instrument", "usd", "confidence", "evidence"],
               "party_mentions": ["name", "kind", "evidence"]}
    for table, (frame, count) in previews.items():
        yield dg.MaterializeResult(asset_key=table, metadata={**frame_metadata(frame, columns[table]),
                                                              "dagster/row_count": count, **work})


def _day_preview(con, table: str, day: date):
    order = "mention_id" if table != "party_mentions" else "article_id, name"
    frame = warehouse.query_frame(con, f"select * from {table} where partition_date = $day order by {order} limit 10",
                                  {"day": day})
    count = warehouse.scalar(con, f"select count(*) from {table} where partition_date = $day", {"day": day})
    return frame, count
