"""Derive layer: gigawatt commitments per company and investor-customer loops, in DuckDB SQL.

Each table is recomputed only when the tables it reads, its query or its settings changed; the
materialization metadata says whether it was (`skipped`, `work`)."""

import json

import dagster as dg
import polars as pl

from assets.consolidate import deals, investments
from assets.metadata import PREVIEW_ROWS, frame_metadata, inputs_metadata
from pipelines import warehouse
from pipelines.incremental import Inputs, record_inputs, recorded_inputs, table_fingerprint, text_fingerprint
from pipelines.resources import DUCKDB_WRITE_POOL, WarehouseResource


class LoopSettings(dg.Config):
    max_length: int = 3  # companies in a loop, at most


def _derive(warehouse_db: WarehouseResource, table: str, inputs_tables: tuple[str, ...],
            params: dict | None = None) -> tuple[pl.DataFrame, int, dict]:
    """Recompute a derived table from its `derive_<table>.sql` query, in one transaction, unless
    the tables it reads, the query and its parameters are unchanged since the last time.
    Returns a preview frame, the table's row count and the metadata saying which it was."""
    sql = warehouse.read_sql(f"derive_{table}")
    with warehouse_db.connect() as con:
        inputs = Inputs({**{name: table_fingerprint(con, name) for name in inputs_tables},
                         "sql": text_fingerprint(sql), "settings": json.dumps(params or {}, sort_keys=True)})
        recorded = recorded_inputs(con, table)
        skipped = recorded is not None and recorded.unchanged(inputs)
        if skipped:
            frame = warehouse.query_frame(con, f"select * from {table} limit {PREVIEW_ROWS}")
            rows = warehouse.scalar(con, f"select count(*) from {table}")
        else:
            frame = warehouse.query_frame(con, sql, params)
            warehouse.replace_table(con, table, frame)
            rows = frame.height
            record_inputs(con, table, inputs, {"rows": rows})
    return frame, rows, inputs_metadata(inputs, recorded, skipped)


def _result(frame: pl.DataFrame, rows: int, work: dict, preview: list[str]) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata={**frame_metadata(frame, preview), "dagster/row_count": rows, **work})


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=[deals])
def company_gigawatt_commitments(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Gigawatts committed per company and role (buyer or provider), summed over consolidated deals
    and split by bound (exact, up to, at least, approximately). A joint figure shared by several
    providers counts once for the buyer and appears as `gw_joint` for each provider, never once per
    provider."""
    return _result(*_derive(warehouse_db, "company_gigawatt_commitments", ("deals",)),
                   ["company", "role", "gw_total", "gw_joint", "n_deals", "counterparties"])


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=[deals])
def company_gigawatt_commitments_by_year(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """The gigawatt commitments per company and role, split by the year the reports give for the
    capacity (a null year: none stated)."""
    return _result(*_derive(warehouse_db, "company_gigawatt_commitments_by_year", ("deals",)),
                   ["company", "role", "year", "gw_total", "gw_joint", "n_deals"])


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=[deals, investments])
def investor_customer_loops(config: LoopSettings, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Circular flows between investors and their customers: directed cycles of up to
    `max_length` companies in the value-flow graph (buyer → provider for a deal, investor →
    investee for equity, issuer → holder for a warrant) with at least one investment and one deal,
    such as "Google invests in Anthropic; Anthropic buys compute from Google"."""
    return _result(*_derive(warehouse_db, "investor_customer_loops", ("deals", "investments"),
                            {"max_length": config.max_length}),
                   ["companies", "length", "description"])


@dg.asset(group_name="derive", kinds={"duckdb", "sql"}, pool=DUCKDB_WRITE_POOL, deps=["party_mentions"])
def company_candidates(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Organisations the company registry does not know, seen as parties of extracted facts: name as
    the text writes it, kind (investor, energy, research, company), in how many articles, first and
    last seen, and an example sentence. Analysts review it to extend `pipelines/extract/companies.yaml`."""
    return _result(*_derive(warehouse_db, "company_candidates", ("party_mentions",)),
                   ["name", "kind", "n_articles", "first_seen", "last_seen", "example_evidence"])
