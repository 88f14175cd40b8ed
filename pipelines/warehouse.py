"""The DuckDB warehouse: connections, schema, and transactional writes of Polars frames.

No Dagster here: the resource in `resources.py` and the CLI both go through these functions.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from pipelines.settings import SQL_DIR

# Creation order matters only for readability: the tables have no foreign keys, because
# DuckDB cannot update a row that a foreign key points at, and every write here replaces rows.
TABLES = (
    "fetch_log",
    "http_validators",
    "raw_documents",
    "articles",
    "deal_mentions",
    "investment_mentions",
    "deals",
    "investments",
    "company_gigawatt_commitments",
    "company_gigawatt_commitments_by_year",
    "investor_customer_loops",
    "extracted_articles",
    "asset_inputs",
)


class WarehouseLockedError(RuntimeError):
    """Another process holds the DuckDB file open for writing."""


def read_sql(name: str) -> str:
    """Text of `sql/<name>.sql`: queries live in files named by what they do."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _lock_message(path: Path, error: Exception) -> str:
    return (
        f"The DuckDB file {path} is locked by another process ({error}). "
        "DuckDB allows one writer: close the other program, and open the file read-only "
        f"while the pipeline runs: duckdb -readonly {path}"
    )


@contextmanager
def connect(path: Path | str, *, read_only: bool = False, lock_wait_s: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting up to `lock_wait_s` for another writer to let go.

    A lock that outlasts the wait is almost always a user's open shell, not a pipeline step
    (steps share a pool of one), so the error says how to avoid it instead of retrying for minutes.
    """
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + lock_wait_s
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(_lock_message(path, error)) from error
            time.sleep(0.5)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table that does not exist yet (the DDL is `create ... if not exists`)."""
    for table in TABLES:
        con.execute(read_sql(f"create_{table}_table"))


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All or nothing: a crash or an error midway leaves the tables as they were."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, *, replace: bool = False) -> int:
    """Insert a frame's rows by column name (columns the frame lacks get their defaults);
    `replace` overwrites rows with the same primary key."""
    if frame.height == 0:
        return 0
    con.register("staged_frame", frame)
    try:
        con.execute(f"insert {'or replace ' if replace else ''}into {table} by name select * from staged_frame")
    finally:
        con.unregister("staged_frame")
    return frame.height


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Replace a derived table's contents in one transaction."""
    with transaction(con):
        con.execute(f"delete from {table}")
        return insert_frame(con, table, frame)


def query_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> pl.DataFrame:
    return pl.from_arrow(con.sql(sql, params=params).to_arrow_table())


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None):
    """The single value a query returns. Fetches every row: DuckDB 2 refuses new work on a
    connection whose last result was not read to the end."""
    return con.execute(sql, params or []).fetchall()[0][0]


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {table: scalar(con, f"select count(*) from {table}") for table in TABLES}


def export_tables(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...], folder: Path) -> list[Path]:
    """Write each table as CSV and Parquet, and all of them as sheets of one Excel workbook.
    Files are written beside and renamed, so a reader never sees half an export."""
    written = []
    for table in tables:
        for suffix, options in (("csv", "format csv, header true"), ("parquet", "format parquet")):
            target = folder / f"{table}.{suffix}"
            partial = folder / f".{table}.{suffix}.partial"
            con.execute(f"copy (select * from {table}) to '{partial}' ({options})")
            partial.replace(target)
            written.append(target)
    written.append(_export_workbook(con, tables, folder / "compute_deals.xlsx"))
    return written


def _export_workbook(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...], target: Path) -> Path:
    import xlsxwriter  # only the export needs it

    partial = target.with_name(f".{target.name}.partial")
    with xlsxwriter.Workbook(partial) as workbook:
        for table in tables:
            frame = query_frame(con, f"select * from {table}")
            # Spreadsheets have no list cells: lists become "a; b", JSON stays text.
            frame = frame.with_columns(pl.col(c).cast(pl.List(pl.String)).list.join("; ")
                                       for c, dtype in frame.schema.items() if isinstance(dtype, pl.List))
            frame.write_excel(workbook, worksheet=table[:31], autofit=True)
    partial.replace(target)
    return target
