"""Shared fixtures: a pipeline run on the bundled sample, into a temporary DuckDB file."""

import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipelines import runs, settings
from pipelines.resources import HttpResource, ParallelismResource

SAMPLE_SOURCES = settings.PROJECT_ROOT / "samples" / "sources.yaml"
SAMPLE_DAY = "2025-11-05"


# Fast and patient enough for the local test site; production keeps the polite defaults.
TEST_HTTP = HttpResource(timeout_s=2.0, max_retries=1, backoff_base_s=0.01, backoff_max_s=1.0,
                         min_host_interval_s=0.0, max_bytes=1_000_000)


def run_daily_job(database: Path, day: str = SAMPLE_DAY, sources: Path = SAMPLE_SOURCES,
                  corrections: Path | None = None, parallelism: ParallelismResource | None = None,
                  ) -> dg.ExecuteInProcessResult:
    """The daily job exactly as the schedule runs it, on an ephemeral Dagster instance."""
    return runs.run_daily_job(database, day, sources, corrections=corrections, http=TEST_HTTP,
                              parallelism=parallelism)


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    """A DuckDB file holding one complete daily run on the bundled sample."""
    database = tmp_path_factory.mktemp("sample") / "compute_deals.duckdb"
    result = run_daily_job(database)
    assert result.success
    return database


@pytest.fixture
def locked_database(tmp_path) -> Path:
    """A DuckDB file held open for writing by another process, as a user's open shell would."""
    database = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(database)!r}); print('ok', flush=True); time.sleep(300)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        yield database
    finally:
        holder.kill()
        holder.wait()
