"""Dagster resources: the DuckDB warehouse, the sources file, and how work spreads over cores."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb
from pydantic import Field

from pipelines import settings, warehouse
from pipelines.config import SourceConfig, load_sources
from pipelines.consolidate import Corrections, load_corrections
from pipelines.fetch import HttpClient
from pipelines.parallel import PoolSettings, StartMethod

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


class CorrectionsResource(dg.ConfigurableResource):
    """The analysts' corrections file, applied on every consolidation so fixes survive re-runs."""

    path: str = Field(description="Path of corrections.yaml.")

    def load(self) -> Corrections:
        return load_corrections(self.path)


class ExportsResource(dg.ConfigurableResource):
    """The folder where report exports (CSV, Parquet) are written."""

    path: str = Field(description="Folder for exported tables.")


class HttpResource(dg.ConfigurableResource):
    """How the web is fetched: politely, with retries, within size and time limits."""

    user_agent: str = Field(default="compute-deals/0.1 (+https://github.com/compute-deals/compute-deals)")
    timeout_s: float = Field(default=20.0, description="Connect and read timeout per request.")
    max_bytes: int = Field(default=10_000_000, description="Bodies are cut off (and logged) beyond this size.")
    max_retries: int = Field(default=3, description="Retries on connection errors, 429 and 5xx.")
    backoff_base_s: float = Field(default=1.0, description="First retry delay; doubles each retry, with jitter.")
    backoff_max_s: float = Field(default=30.0, description="Longest retry delay, also caps Retry-After.")
    min_host_interval_s: float = Field(default=1.0, description="Pause between two requests to one host.")
    respect_robots: bool = Field(default=True, description="Honour robots.txt.")

    def client(self) -> HttpClient:
        return HttpClient(
            user_agent=self.user_agent, timeout=self.timeout_s, max_bytes=self.max_bytes,
            max_retries=self.max_retries, backoff_base=self.backoff_base_s, backoff_max=self.backoff_max_s,
            min_host_interval=self.min_host_interval_s, respect_robots=self.respect_robots,
        )


class ParallelismResource(dg.ConfigurableResource):
    """How parsing and extraction spread over the machine's cores: a pool of worker processes per
    step, fed in batches (only the step's own process writes to DuckDB)."""

    workers: int = Field(default=0, ge=0, description="Worker processes for parsing and extraction: "
                         "0 = one per available core, 1 = no pool (work in the step's process).")
    batch_size: int = Field(default=500, ge=1, description="Documents read, processed and written at a "
                            "time; memory holds two batches.")
    serial_below: int = Field(default=64, ge=0, description="A day with fewer documents to process than "
                              "this runs in the step's own process (starting workers takes about a second).")

    start_method: str | None = Field(default=None, description="How workers start: fork (the default on "
                                     "Linux: fast), spawn (the default elsewhere) or forkserver.")

    def pool(self) -> PoolSettings:
        return PoolSettings(workers=self.workers, batch_size=self.batch_size, serial_below=self.serial_below,
                            start_method=StartMethod(self.start_method) if self.start_method else None)


def default_resources() -> dict[str, dg.ConfigurableResource]:
    """Resources configured from the environment (COMPUTE_DEALS_DB, _SOURCES, _EXPORTS, _CORRECTIONS)."""
    return {
        "warehouse_db": WarehouseResource(database=str(settings.database_path())),
        "sources": SourcesResource(path=str(settings.sources_path())),
        "exports_dir": ExportsResource(path=str(settings.exports_path())),
        "corrections": CorrectionsResource(path=str(settings.corrections_path())),
        "http": HttpResource(),
        "parallelism": ParallelismResource(),
    }
