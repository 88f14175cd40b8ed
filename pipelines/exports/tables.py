"""What is exported: the tables, their Excel sheet names, and how they are read from DuckDB."""

from __future__ import annotations

import duckdb
import polars as pl

# Table → Excel sheet name (Excel allows at most 31 characters; README "Exports" documents this).
SHEET_NAMES = {
    "deals": "Deals",
    "investments": "Investments",
    "company_gigawatt_commitments": "GW commitments",
    "company_gigawatt_commitments_by_year": "GW commitments by year",
    "investor_customer_loops": "Investor-customer loops",
    "deal_mentions": "Deal mentions",
    "investment_mentions": "Investment mentions",
    "company_candidates": "Company candidates",
}
EXPORTED_TABLES = tuple(SHEET_NAMES)


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    """A table as a Polars frame with the types it has in DuckDB; JSON columns become typed
    strings (through Arrow they would arrive as opaque binary)."""
    if table not in SHEET_NAMES:
        raise ValueError(f"not an exported table: {table!r}")
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'main' and table_name = ? order by ordinal_position", [table]).fetchall()
    # Names come from the database's own catalog and are quoted; nothing from outside is pasted in.
    select = ", ".join(f'{_quote(name)}::varchar as {_quote(name)}' if dtype == "JSON" else _quote(name)
                       for name, dtype in columns)
    return pl.from_arrow(con.sql(f"select {select} from {_quote(table)}").to_arrow_table())


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
