"""The daily job over the whole graph and its schedule."""

import dagster as dg

DAILY_JOB_NAME = "daily_refresh"

# Partitioned layers (ingest, parse, extract) run for the day; consolidation and everything after
# it is recomputed over the whole history in the same run.
daily_refresh = dg.define_asset_job(
    DAILY_JOB_NAME,
    selection=dg.AssetSelection.all(),
    description="Read the sources, parse and extract the day's new documents, then rebuild the "
                "consolidated and derived tables and the exports.",
)

# 06:00 Europe/Berlin (the partitions' timezone), for the day that has just ended.
daily_refresh_schedule = dg.build_schedule_from_partitioned_job(
    daily_refresh,
    hour_of_day=6,
    minute_of_hour=0,
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
