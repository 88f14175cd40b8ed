"""Extract layer: facts stated in each article, with the sentence they came from."""

from datetime import date

import dagster as dg

from assets.metadata import frame_metadata, step_metadata
from assets.parse import articles
from pipelines import warehouse
from pipelines.extract.version import EXTRACTOR_VERSION
from pipelines.partition_steps import extract_day
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, ParallelismResource, WarehouseResource


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "deal_mentions", deps=[articles], group_name="extract", kinds={"python", "duckdb"},
            description="Compute deals as stated in one article (buyer, providers, resource, gigawatts, "
                        "chips, dollars or euros with their bounds, year, status), each with the "
                        "evidence sentence and its character span in the article text.",
        ),
        dg.AssetSpec(
            "investment_mentions", deps=[articles], group_name="extract", kinds={"python", "duckdb"},
            description="Equity investments and share warrants as stated in one article, each with "
                        "the evidence sentence and its character span.",
        ),
    ],
    partitions_def=daily_partitions,
    pool=DUCKDB_WRITE_POOL,
)
def mentions(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, parallelism: ParallelismResource):
    """Runs the bilingual deal grammar over the day's articles, across all cores. An article
    extracted before from the same input by the same extractor version keeps its mentions."""
    day = date.fromisoformat(context.partition_key)
    with warehouse_db.connect() as con:
        outcome = extract_day(con, day, parallelism.pool())
        deal_frame, deal_count = _day_preview(con, "deal_mentions", day)
        investment_frame, investment_count = _day_preview(con, "investment_mentions", day)

    work = {**step_metadata(outcome, "articles"), "extractor_version": EXTRACTOR_VERSION}
    yield dg.MaterializeResult(
        asset_key="deal_mentions",
        metadata={**frame_metadata(deal_frame, ["buyer", "providers", "resource", "gw", "usd", "evidence"]),
                  "dagster/row_count": deal_count, **work},
    )
    yield dg.MaterializeResult(
        asset_key="investment_mentions",
        metadata={**frame_metadata(investment_frame, ["investor", "investee", "instrument", "usd", "evidence"]),
                  "dagster/row_count": investment_count, **work},
    )


def _day_preview(con, table: str, day: date):
    frame = warehouse.query_frame(con, f"select * from {table} where partition_date = $day order by mention_id limit 10",
                                  {"day": day})
    count = warehouse.scalar(con, f"select count(*) from {table} where partition_date = $day", {"day": day})
    return frame, count
