"""Dagster resources: the DuckDB warehouse and the sources file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb
from pydantic import Field

from pipelines import settings, warehouse
from pipelines.config import SourceConfig, load_sources

# Every asset that writes to DuckDB runs in this pool. DuckDB allows one writer per file, so the
# instance limits the pool to one slot (dagster_home/dagster.yaml): steps queue in Dagster instead
# of failing on the file lock.
DUCKDB_WRITE_POOL = "duckdb_write"


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file every asset reads and writes.

    Not dagster-duckdb's DuckDBResource: that one retries a lock for about 100 s and then fails
    with DuckDB's bare message; this one gives up after a few seconds and tells the user how to
    query the file read-only, and always closes its connection.
    """

    database: str = Field(description="Path of the DuckDB file.")
    lock_wait_s: float = Field(default=10.0, description="How long to wait for another writer to let go.")

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(self.database, lock_wait_s=self.lock_wait_s) as con:
            warehouse.ensure_schema(con)
            yield con


class SourcesResource(dg.ConfigurableResource):
    """The sources YAML file: which folders, files, feeds and pages are read."""

    path: str = Field(description="Path of the sources YAML file.")

    def load(self) -> list[SourceConfig]:
        return load_sources(self.path)


def default_resources() -> dict[str, dg.ConfigurableResource]:
    """Resources configured from the environment (COMPUTE_DEALS_DB, _SOURCES, _EXPORTS)."""
    return {
        "warehouse_db": WarehouseResource(database=str(settings.database_path())),
        "sources": SourcesResource(path=str(settings.sources_path())),
        "exports_dir": ExportsResource(path=str(settings.exports_path())),
    }


class ExportsResource(dg.ConfigurableResource):
    """The folder where report exports (CSV, Parquet) are written."""

    path: str = Field(description="Folder for exported tables.")
