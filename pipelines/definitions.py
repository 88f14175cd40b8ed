"""The Dagster code location of compute-deals (loaded by workspace.yaml)."""

import dagster as dg

from assets import consolidate, derive, extract, ingest, parse, report
from assets.checks import asset_checks
from pipelines.resources import default_resources
from pipelines.schedules import daily_refresh, daily_refresh_schedule

ASSET_MODULES = [ingest, parse, extract, consolidate, derive, report]


def build_definitions(resources: dict | None = None) -> dg.Definitions:
    """The code location; `resources` overrides the ones configured from the environment."""
    return dg.Definitions(
        assets=dg.load_assets_from_modules(ASSET_MODULES),
        asset_checks=asset_checks,
        jobs=[daily_refresh],
        schedules=[daily_refresh_schedule],
        resources=resources or default_resources(),
    )


defs = build_definitions()
