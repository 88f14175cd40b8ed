"""Extract layer: facts stated in each article, with the sentence they came from."""

from datetime import date

import dagster as dg
import polars as pl

from assets.metadata import frame_metadata
from assets.parse import articles
from assets.progress import Progress
from pipelines import warehouse
from pipelines.mentions import mentions_from_article
from pipelines.partitions import daily_partitions
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource
from pipelines.schemas import DEAL_MENTIONS_SCHEMA, INVESTMENT_MENTIONS_SCHEMA, PARTY_MENTIONS_SCHEMA


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
def mentions(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    """Runs the bilingual grammar and the learned decision layer over the day's articles: every fact
    with its confidence and evidence; organisations outside the registry to `party_mentions`."""
    day = date.fromisoformat(context.partition_key)
    with warehouse_db.connect() as con:
        day_articles = warehouse.query_frame(con, warehouse.read_sql("select_articles_partition"), {"day": day})
        deal_rows, investment_rows, party_rows = [], [], []
        progress = Progress(context.log, "mentions", day_articles.height, "articles read for facts")
        for article in day_articles.iter_rows(named=True):
            deals, investments, parties = mentions_from_article(article)
            deal_rows += deals
            investment_rows += investments
            party_rows += parties
            progress.advance()
        deal_frame = _frame(deal_rows, DEAL_MENTIONS_SCHEMA, day)
        investment_frame = _frame(investment_rows, INVESTMENT_MENTIONS_SCHEMA, day)
        party_frame = _frame(party_rows, PARTY_MENTIONS_SCHEMA, day, key=["article_id", "name"])
        with warehouse.transaction(con):
            for table, frame in (("deal_mentions", deal_frame), ("investment_mentions", investment_frame),
                                 ("party_mentions", party_frame)):
                con.execute(warehouse.read_sql(f"delete_{table}_partition"), {"day": day})
                warehouse.insert_frame(con, table, frame)

    progress.finish(deal_mentions=deal_frame.height, investment_mentions=investment_frame.height,
                    new_organisations=party_frame.height)
    yield dg.MaterializeResult(
        asset_key="deal_mentions",
        metadata=frame_metadata(deal_frame, ["buyer", "providers", "resource", "gw", "usd", "confidence", "evidence"],
                                articles_read=day_articles.height),
    )
    yield dg.MaterializeResult(
        asset_key="investment_mentions",
        metadata=frame_metadata(investment_frame, ["investor", "investee", "instrument", "usd", "confidence",
                                                   "evidence"], articles_read=day_articles.height),
    )
    yield dg.MaterializeResult(
        asset_key="party_mentions",
        metadata=frame_metadata(party_frame, ["name", "kind", "evidence"], articles_read=day_articles.height),
    )


def _frame(rows: list[dict], schema: dict, day: date, key: list[str] | None = None) -> pl.DataFrame:
    frame = pl.DataFrame([{name: row.get(name) for name in schema} for row in rows], schema=schema)
    # Two identical facts from the same sentence would share an id: keep one.
    return frame.unique(key or "mention_id", keep="first", maintain_order=True).with_columns(
        partition_date=pl.lit(day))
