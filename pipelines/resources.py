"""Dagster resources: the DuckDB warehouse, the sources file, and how work spreads over cores."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import Field

from pipelines import settings, warehouse
from pipelines.config import SourceConfig, load_sources
from pipelines.consolidate import Corrections, load_corrections
from pipelines.exports import DEFAULT_KEEP
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

    @property
    def snapshot_path(self) -> Path:
        """The read-only copy each run publishes for readers (settings.snapshot_path)."""
        return settings.snapshot_path(Path(self.database))

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
    """The export root: dated folders of CSV, Parquet, Excel and the HTML report, and `latest`."""

    path: str = Field(description="Export root; by default `<database name>_exports` beside the database.")
    keep: int = Field(default=DEFAULT_KEEP, description="Dated export folders kept; older ones are deleted (0: keep all).")


class HttpResource(dg.ConfigurableResource):
    """How sources are read: the web politely, with retries, within size and time limits that no
    server can stretch; and how often what was read is committed while the run goes."""

    user_agent: str = Field(default="compute-deals/0.1 (+https://github.com/compute-deals/compute-deals)")
    timeout_s: float = Field(default=20.0, description="Connect timeout, and the longest silence between two "
                             "reads of an answer.")
    request_deadline_s: float = Field(default=60.0, description="Longest time one request may take, connect, "
                                      "headers and body together, whatever the server does. Timeouts are "
                                      "retried at most once.")
    source_budget_s: float = Field(default=900.0, description="Time one web source may take per run (discovery "
                                   "and fetches); when hit, fetch_log says so and the rest waits for the next run.")
    run_budget_s: float = Field(default=7200.0, description="Time all web sources together may take per run; "
                                "sources not read in time are logged and fail the every_source_readable check.")
    max_items_per_source: int = Field(default=100, description="New articles fetched per web source and run "
                                      "when the source sets no max_items; fetch_log says when it cuts.")
    max_bytes: int = Field(default=10_000_000, description="Bodies are cut off (and logged) beyond this size.")
    max_retries: int = Field(default=3, description="Retries on connection errors, 429 and 5xx (timeouts: one).")
    backoff_base_s: float = Field(default=1.0, description="First retry delay; doubles each retry, with jitter.")
    backoff_max_s: float = Field(default=30.0, description="Longest retry delay, also caps Retry-After.")
    min_host_interval_s: float = Field(default=1.0, description="Pause between two requests to one host.")
    respect_robots: bool = Field(default=True, description="Honour robots.txt.")
    commit_every_documents: int = Field(default=100, description="Documents read are committed (with their "
                                        "fetch_log rows) at least this often, and at the end of each source.")
    commit_every_s: float = Field(default=10.0, description="...and at least this often in seconds, so an "
                                  "interrupted run keeps what it read.")

    def client(self) -> HttpClient:
        return HttpClient(
            user_agent=self.user_agent, timeout=self.timeout_s, max_bytes=self.max_bytes,
            max_retries=self.max_retries, backoff_base=self.backoff_base_s, backoff_max=self.backoff_max_s,
            min_host_interval=self.min_host_interval_s, respect_robots=self.respect_robots,
            deadline=self.request_deadline_s,
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
    database = settings.database_path()
    return {
        "warehouse_db": WarehouseResource(database=str(database)),
        "sources": SourcesResource(path=str(settings.sources_path())),
        "exports_dir": ExportsResource(path=str(settings.exports_path(database))),
        "corrections": CorrectionsResource(path=str(settings.corrections_path())),
        "http": HttpResource(),
        "parallelism": ParallelismResource(),
    }
