"""The DuckDB warehouse: connections, schema, and transactional writes of Polars frames.

No Dagster here: the resource in `resources.py` and the CLI both go through these functions.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from pipelines import settings
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
    "party_mentions",
    "deals",
    "investments",
    "company_gigawatt_commitments",
    "company_gigawatt_commitments_by_year",
    "investor_customer_loops",
    "extracted_articles",
    "asset_inputs",
    "company_candidates",
)
# Changes to tables that existing databases already have, applied in this order (idempotent).
MIGRATIONS = ("migrate_add_confidence_columns", "migrate_add_parse_key_column", "migrate_add_extraction_error_column")


# Views for the questions readers ask most (sql/README.md); created by each run before it publishes
# its snapshot, so they are always there for `compute-deals sql` and BI tools.
VIEWS = (
    "deal_overview",
    "deal_coverage",
    "investment_coverage",
    "investor_customer_pairs",
    "daily_changes",
)


class WarehouseLockedError(RuntimeError):
    """Another process holds the DuckDB file open for writing."""


def read_sql(name: str) -> str:
    """Text of `sql/<name>.sql`: queries live in files named by what they do."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _lock_message(path: Path) -> str:
    # One short paragraph: the CLI prints exactly this; the DuckDB error and the trace go to the
    # run's log (`raise ... from error` keeps them there).
    return (
        f"The DuckDB file {path} is locked by another process. DuckDB allows one writer, and any "
        "program that opens the file, even read-only, holds the lock: close it. To query while the "
        f"pipeline runs, open the snapshot each run publishes: compute-deals sql \"select ...\" "
        f"or duckdb -readonly {settings.snapshot_path(path)}"
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
                raise WarehouseLockedError(_lock_message(path)) from error
            time.sleep(0.5)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table that does not exist yet (the DDL is `create ... if not exists`)."""
    for table in TABLES:
        con.execute(read_sql(f"create_{table}_table"))
    for migration in MIGRATIONS:
        con.execute(read_sql(migration))


def ensure_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or update the reader views (`create or replace view`: a new release changes them)."""
    with transaction(con):
        for view in VIEWS:
            con.execute(read_sql(f"create_{view}_view"))


def publish_snapshot(con: duckdb.DuckDBPyConnection, database: Path, snapshot: Path) -> Path:
    """Publish a read-only copy of `database` at `snapshot`, replacing the previous one atomically.

    `con` must be an open read-write connection to `database`: it holds DuckDB's file lock, so no
    other process writes while the file is copied, and the checkpoint first writes everything
    into the file itself. The copy goes to a temporary name and is renamed over the old snapshot:
    a reader that has the old one open keeps reading it undisturbed, a reader that opens it
    afterwards gets the new one, and nobody ever sees half a file.
    """
    con.execute("checkpoint")
    partial = snapshot.with_name(f".{snapshot.name}.{os.getpid()}.partial")
    try:
        shutil.copyfile(database, partial)
        partial.chmod(0o444)  # read-only on disk too: a BI tool cannot open it for writing by mistake
        # A write-ahead log left by a program that opened the old snapshot for writing would be
        # replayed onto the new file: remove it before the new snapshot appears.
        snapshot.with_name(snapshot.name + ".wal").unlink(missing_ok=True)
        os.replace(partial, snapshot)
    finally:
        partial.unlink(missing_ok=True)
    return snapshot


@contextmanager
def connect_reader(database: Path | str) -> Iterator[tuple[duckdb.DuckDBPyConnection, Path]]:
    """A read-only connection for readers (`compute-deals sql`, `compute-deals export`): the
    database's published snapshot when there is one (never locked by a run), else the database
    itself, read-only. Yields the connection and the file it opened."""
    database = Path(database)
    snapshot = settings.snapshot_path(database)
    target = snapshot if snapshot.is_file() else database
    if not target.is_file():
        raise FileNotFoundError(f"no DuckDB file at {database} (and no snapshot {snapshot}): run `compute-deals run` first")
    with connect(target, read_only=True) as con:
        yield con, target


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
