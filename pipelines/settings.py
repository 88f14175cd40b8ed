"""Where things live: the DuckDB file, the sources file, the export folder.

Each can be overridden by an environment variable, so the Dagster UI, the schedule and the
`compute-deals` command all read the same configuration.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "sql"

DATABASE_ENV = "COMPUTE_DEALS_DB"
SOURCES_ENV = "COMPUTE_DEALS_SOURCES"
EXPORTS_ENV = "COMPUTE_DEALS_EXPORTS"
CORRECTIONS_ENV = "COMPUTE_DEALS_CORRECTIONS"

DEFAULT_DATABASE = PROJECT_ROOT / "data" / "compute_deals.duckdb"
DEFAULT_SOURCES = PROJECT_ROOT / "samples" / "sources.yaml"
DEFAULT_EXPORTS = PROJECT_ROOT / "data" / "exports"
DEFAULT_CORRECTIONS = PROJECT_ROOT / "corrections.yaml"


def _from_env(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    # A relative value is what the user typed in their shell: resolve it against their cwd.
    return Path(value).expanduser().resolve() if value else default


def database_path() -> Path:
    return _from_env(DATABASE_ENV, DEFAULT_DATABASE)


def sources_path() -> Path:
    return _from_env(SOURCES_ENV, DEFAULT_SOURCES)


def exports_path() -> Path:
    return _from_env(EXPORTS_ENV, DEFAULT_EXPORTS)


def corrections_path() -> Path:
    return _from_env(CORRECTIONS_ENV, DEFAULT_CORRECTIONS)


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
            raise ValueError(f"{MIN_CONFIDENCE_ENV}={value!r} is not a number between 0 and 1") from error
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"{MIN_CONFIDENCE_ENV}={value!r} is not a number between 0 and 1")
        return threshold
    from pipelines.extract.model.decide import load_model  # the model file holds the tuned default

    model = load_model()
    return float(model.thresholds.get(kind, 0.0)) if model else 0.0
