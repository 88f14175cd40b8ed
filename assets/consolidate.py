"""Consolidate layer: one row per deal and per investment, however often and wherever reported."""

import dagster as dg
import polars as pl

from assets.metadata import frame_metadata
from pipelines import warehouse
from pipelines.consolidate import consolidate_deals, consolidate_investments
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource
from pipelines.schemas import DEALS_SCHEMA, INVESTMENTS_SCHEMA



@dg.asset(group_name="consolidate", kinds={"polars", "duckdb"}, pool=DUCKDB_WRITE_POOL,
          deps=["deal_mentions"])
def deals(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Each compute deal once, across sources and languages: buyer, providers, resource, the
    headline figures with their bounds, the figures that disagree, first and last report dates,
    how many articles and sources reported it, and the mention ids it came from. Recomputed over
    the whole history on every run."""
    with warehouse_db.connect() as con:
        mentions = warehouse.query_frame(con, "select * from deal_mentions")
        frame = pl.DataFrame(consolidate_deals(mentions), schema=DEALS_SCHEMA)
        warehouse.replace_table(con, "deals", frame)
    return dg.MaterializeResult(metadata=frame_metadata(
        frame, ["buyer", "providers", "resource", "gw", "gw_bound", "usd", "n_articles", "languages"],
        mentions=mentions.height,
    ))


@dg.asset(group_name="consolidate", kinds={"polars", "duckdb"}, pool=DUCKDB_WRITE_POOL,
          deps=["investment_mentions"])
def investments(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Each equity investment and warrant once, across sources and languages, with its headline
    amount, disagreeing figures, report dates and the mention ids it came from."""
    with warehouse_db.connect() as con:
        mentions = warehouse.query_frame(con, "select * from investment_mentions")
        frame = pl.DataFrame(consolidate_investments(mentions), schema=INVESTMENTS_SCHEMA)
        warehouse.replace_table(con, "investments", frame)
    return dg.MaterializeResult(metadata=frame_metadata(
        frame, ["investor", "investee", "instrument", "usd", "n_articles", "languages"],
        mentions=mentions.height,
    ))
