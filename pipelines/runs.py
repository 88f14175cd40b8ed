"""The daily job run in this process on a given database and sources folder: what the tests and
the benchmark share (the UI and `compute-deals run` configure the same resources from the
environment instead, see `resources.default_resources`)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.definitions import build_definitions
from pipelines.resources import (
    CorrectionsResource,
    ExportsResource,
    HttpResource,
    ParallelismResource,
    SourcesResource,
    WarehouseResource,
)
from pipelines.schedules import DAILY_JOB_NAME

QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def job_resources(database: Path, sources: Path, *, exports: Path | None = None, corrections: Path | None = None,
                  http: HttpResource | None = None, parallelism: ParallelismResource | None = None) -> dict:
    """Every resource of the code location, pointed at `database` and `sources`; exports go beside
    the database, in a folder named after it, and a missing corrections file means no corrections."""
    return {
        "corrections": CorrectionsResource(path=str(corrections or database.parent / "no-corrections.yaml")),
        "warehouse_db": WarehouseResource(database=str(database)),
        "sources": SourcesResource(path=str(sources)),
        "exports_dir": ExportsResource(path=str(exports or settings.default_exports_root(database))),
        "http": http or HttpResource(),
        "parallelism": parallelism or ParallelismResource(),
    }


_EXECUTION_OPTIONS = ("raise_on_error", "tags", "op_selection", "asset_selection")


def run_daily_job(database: Path, day: str, sources: Path, *, instance: dg.DagsterInstance | None = None,
                  **options) -> dg.ExecuteInProcessResult:
    """The daily job exactly as the schedule runs it, for `day`, on an ephemeral Dagster instance
    unless one is given. Options named like `execute_in_process` arguments (`raise_on_error`, …) go
    there; the others configure the resources (`job_resources`)."""
    execution = {k: v for k, v in options.items() if k in _EXECUTION_OPTIONS}
    resource_options = {k: v for k, v in options.items() if k not in _EXECUTION_OPTIONS}
    job = build_definitions(job_resources(database, sources, **resource_options)).resolve_job_def(DAILY_JOB_NAME)
    return job.execute_in_process(partition_key=day, instance=instance or dg.DagsterInstance.ephemeral(),
                                  run_config=QUIET, **execution)


def daily_job() -> dg.JobDefinition:
    """The code location's daily job with resources from the environment, as a deployment's code
    server loads it; `dg.reconstructable(daily_job)` rebuilds it in each step's process."""
    return build_definitions().resolve_job_def(DAILY_JOB_NAME)
