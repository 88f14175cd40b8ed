"""Where things live: the DuckDB file, its read-only snapshot, the sources file, the export root,
and the first day of the daily partitions.

Each can be overridden by an environment variable, so the Dagster UI, the schedule and the
`compute-deals` command all read the same configuration.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "sql"

DATABASE_ENV = "COMPUTE_DEALS_DB"
SOURCES_ENV = "COMPUTE_DEALS_SOURCES"
EXPORTS_ENV = "COMPUTE_DEALS_EXPORTS"
CORRECTIONS_ENV = "COMPUTE_DEALS_CORRECTIONS"
FIRST_DAY_ENV = "COMPUTE_DEALS_FIRST_DAY"

# The day of a run, and the partitions, are days in Berlin.
PARTITION_TIMEZONE = "Europe/Berlin"

DEFAULT_DATABASE = PROJECT_ROOT / "data" / "compute_deals.duckdb"
DEFAULT_SOURCES = PROJECT_ROOT / "samples" / "sources.yaml"
DEFAULT_CORRECTIONS = PROJECT_ROOT / "corrections.yaml"


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


def _from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    # A relative value is what the user typed in their shell: resolve it against their cwd.
    return Path(value).expanduser().resolve() if value else default


def database_path() -> Path:
    return _from_env(DATABASE_ENV, DEFAULT_DATABASE)


def snapshot_path(database: Path | None = None) -> Path:
    """The read-only copy of `database` that each run publishes when it ends
    (`data/compute_deals.duckdb` → `data/compute_deals.snapshot.duckdb`). Readers open this one:
    it is never locked by the pipeline, and it always holds the state of a finished run."""
    database = database or database_path()
    return database.with_name(f"{database.stem}.snapshot{database.suffix or '.duckdb'}")


def default_exports_root(database: Path) -> Path:
    """Exports belong to their database: `data/compute_deals.duckdb` → `data/compute_deals_exports/`,
    so a trial run on another file never touches the main exports."""
    return database.with_name(f"{database.stem}_exports")


def exports_path(database: Path | None = None) -> Path:
    return _from_env(EXPORTS_ENV, default_exports_root(database or database_path()))


def sources_path() -> Path:
    return _from_env(SOURCES_ENV, DEFAULT_SOURCES)


def corrections_path() -> Path:
    return _from_env(CORRECTIONS_ENV, DEFAULT_CORRECTIONS)


def today() -> date:
    return datetime.now(ZoneInfo(PARTITION_TIMEZONE)).date()


def first_day(today: date) -> date:
    """The first daily partition. Set by COMPUTE_DEALS_FIRST_DAY (YYYY-MM-DD); by default the
    first day this database holds data for (read from its snapshot, which no run ever locks), or
    today on a fresh install: days before the project ran can never be fetched, and the UI should
    not list hundreds of them as missing."""
    value = os.environ.get(FIRST_DAY_ENV)
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise SettingsError(f"{FIRST_DAY_ENV}={value!r} is not a date (YYYY-MM-DD)") from None
    return min(_first_day_with_data(snapshot_path()) or today, today)


def _first_day_with_data(snapshot: Path) -> date | None:
    if not snapshot.is_file():
        return None
    import duckdb

    try:
        con = duckdb.connect(str(snapshot), read_only=True)
        try:
            return con.execute("select min(partition_date) from fetch_log").fetchall()[0][0]
        finally:
            con.close()
    except duckdb.Error:
        return None  # an unreadable snapshot must never stop the code location from loading


MIN_CONFIDENCE_ENV = "COMPUTE_DEALS_MIN_CONFIDENCE"


def min_confidence(kind: str) -> float:
    """The confidence a `kind` ("deal" or "investment") mention needs to count in the derived tables.

    Default: the threshold chosen by blind cross-validation when the extraction model was trained
    (the lowest at which deal precision reached 0.9, kept in the model file); `COMPUTE_DEALS_MIN_CONFIDENCE`
    overrides it for both kinds (0 counts every mention). Without a model file: 0.
    """
    value = os.environ.get(MIN_CONFIDENCE_ENV)
    if value:
        try:
            threshold = float(value)
        except ValueError as error:
            raise SettingsError(f"{MIN_CONFIDENCE_ENV}={value!r} is not a number between 0 and 1") from error
        if not 0.0 <= threshold <= 1.0:
            raise SettingsError(f"{MIN_CONFIDENCE_ENV}={value!r} is not a number between 0 and 1")
        return threshold
    from pipelines.extract.model.decide import load_model  # the model file holds the tuned default

    model = load_model()
    return float(model.thresholds.get(kind, 0.0)) if model else 0.0
