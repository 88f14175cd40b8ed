"""The code location as the Dagster UI loads it: assets, groups, checks, pools, job and schedule."""

import subprocess
import sys

import dagster as dg

from pipelines import settings
from pipelines.definitions import defs
from pipelines.resources import DUCKDB_WRITE_POOL
from pipelines.schedules import DAILY_JOB_NAME

TABLE_ASSETS = {
    "raw_documents": "ingest", "articles": "parse", "deal_mentions": "extract", "investment_mentions": "extract",
    "deals": "consolidate", "investments": "consolidate", "company_gigawatt_commitments": "derive",
    "company_gigawatt_commitments_by_year": "derive", "investor_customer_loops": "derive", "warehouse_snapshot": "report",
    "exports": "report", "report": "report", "party_mentions": "extract", "company_candidates": "derive",
}


def test_every_asset_has_a_group_kinds_and_a_description():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == set(TABLE_ASSETS)
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.group_name == TABLE_ASSETS[key.to_user_string()]
        assert node.kinds and len(node.description or "") > 60


def test_every_writing_step_shares_the_duckdb_pool():
    for node in defs.resolve_asset_graph().asset_nodes:
        assert node.pools == {DUCKDB_WRITE_POOL}, node.key


def test_the_daily_schedule_runs_at_six_in_berlin():
    schedule = defs.resolve_schedule_def(f"{DAILY_JOB_NAME}_schedule")
    assert schedule.cron_schedule == "0 6 * * *"
    assert schedule.execution_timezone == "Europe/Berlin"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert defs.resolve_job_def(DAILY_JOB_NAME).partitions_def is not None


def test_the_workspace_loads_with_the_dagster_cli():
    completed = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=settings.PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
