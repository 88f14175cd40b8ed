"""Derive layer: gigawatt commitments per company and investor-customer loops, in DuckDB SQL."""

import dagster as dg

from assets.consolidate import deals, investments
from assets.metadata import frame_metadata
from pipelines import warehouse
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource


class LoopSettings(dg.Config):
    max_length: int = 3  # companies in a loop, at most


def _derive(warehouse_db: WarehouseResource, table: str, params: dict | None = None):
    """Recompute a derived table from its `derive_<table>.sql` query, in one transaction."""
    with warehouse_db.connect() as con:
        frame = warehouse.query_frame(con, warehouse.read_sql(f"derive_{table}"), params)
        warehouse.replace_table(con, table, frame)
    return frame


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=[deals])
def company_gigawatt_commitments(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Gigawatts committed per company and role (buyer or provider), summed over consolidated deals
    and split by bound (exact, up to, at least, approximately). A joint figure shared by several
    providers counts once for the buyer and appears as `gw_joint` for each provider, never once per
    provider."""
    frame = _derive(warehouse_db, "company_gigawatt_commitments")
    return dg.MaterializeResult(metadata=frame_metadata(
        frame, ["company", "role", "gw_total", "gw_joint", "n_deals", "counterparties"]))


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=[deals])
def company_gigawatt_commitments_by_year(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """The gigawatt commitments per company and role, split by the year the reports give for the
    capacity (a null year: none stated)."""
    frame = _derive(warehouse_db, "company_gigawatt_commitments_by_year")
    return dg.MaterializeResult(metadata=frame_metadata(
        frame, ["company", "role", "year", "gw_total", "gw_joint", "n_deals"]))


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=[deals, investments])
def investor_customer_loops(config: LoopSettings, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Circular flows between investors and their customers: directed cycles of up to
    `max_length` companies in the value-flow graph (buyer → provider for a deal, investor →
    investee for equity, issuer → holder for a warrant) with at least one investment and one deal,
    such as "Google invests in Anthropic; Anthropic buys compute from Google"."""
    frame = _derive(warehouse_db, "investor_customer_loops", {"max_length": config.max_length})
    return dg.MaterializeResult(metadata=frame_metadata(frame, ["companies", "length", "description"]))


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=["party_mentions"])
def company_candidates(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Organisations the company registry does not know, seen as parties of extracted facts: name as
    the text writes it, kind (investor, energy, research, company), in how many articles, first and
    last seen, and an example sentence. Analysts review it to extend `pipelines/extract/companies.yaml`."""
    frame = _derive(warehouse_db, "company_candidates")
    return dg.MaterializeResult(metadata=frame_metadata(
        frame, ["name", "kind", "n_articles", "first_seen", "last_seen", "example_evidence"]))
