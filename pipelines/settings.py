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
