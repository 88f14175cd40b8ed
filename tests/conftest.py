"""Shared fixtures: a pipeline run on the bundled sample, into a temporary DuckDB file."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipelines import settings

# The bundled sample is run for days in 2025; by default the daily partitions begin at the first
# day a database has data for (today, on a fresh one). Set before the code location is imported.
os.environ.setdefault(settings.FIRST_DAY_ENV, "2025-01-01")

from pipelines import runs  # noqa: E402
from pipelines.resources import HttpResource, ParallelismResource  # noqa: E402

SAMPLE_SOURCES = settings.PROJECT_ROOT / "samples" / "sources.yaml"
SAMPLE_DAY = "2025-11-05"


def fast_http(**overrides) -> HttpResource:
    """Fast and patient enough for the local test site; production keeps the polite defaults."""
    settings = dict(timeout_s=2.0, max_retries=1, backoff_base_s=0.01, backoff_max_s=1.0,
                    min_host_interval_s=0.0, max_bytes=1_000_000)
    return HttpResource(**{**settings, **overrides})


def pipeline_resources(database: Path, sources: Path = SAMPLE_SOURCES, exports: Path | None = None,
                       corrections: Path | None = None, http: HttpResource | None = None,
                       parallelism: ParallelismResource | None = None) -> dict:
    return runs.job_resources(database, sources, exports=exports or database.parent / "exports",
                              corrections=corrections, http=http or fast_http(), parallelism=parallelism)


def run_daily_job(database: Path, day: str = SAMPLE_DAY, sources: Path = SAMPLE_SOURCES,
                  corrections: Path | None = None, http: HttpResource | None = None,
                  parallelism: ParallelismResource | None = None, exports: Path | None = None,
                  **options) -> dg.ExecuteInProcessResult:
    """The daily job exactly as the schedule runs it, on an ephemeral Dagster instance; exports go to
    `exports` (default: a folder `exports` beside the database)."""
    return runs.run_daily_job(database, day, sources, corrections=corrections, http=http or fast_http(),
                              parallelism=parallelism, exports=exports or database.parent / "exports", **options)


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


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium (Debian's `chromium`), driven over the DevTools protocol."""
    from browser import Browser, find_chromium

    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium on this machine: `apt-get install -y chromium` (.ci/run does it) to run the browser tests")
    opened = Browser(binary, tmp_path / "chromium-profile")
    try:
        yield opened
    finally:
        opened.close()
