"""The team deployment's Dagster instance (deploy/dagster.yaml) on a real PostgreSQL server: the
daily job runs with the multiprocess executor, its run, materializations and the schedule's state
land in PostgreSQL, and the warehouse holds the same rows as after a run on the default instance."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

import postgres_server
from conftest import SAMPLE_DAY, SAMPLE_SOURCES
from pipelines import settings
from pipelines.runs import daily_job
from pipelines.schedules import DAILY_JOB_NAME
from test_pipeline_idempotence import snapshot

psycopg2 = pytest.importorskip("psycopg2", reason="psycopg2 is missing: install the test extra (.[test])")
pytest.importorskip("dagster_postgres", reason="dagster-postgres is missing: install the test extra (.[test])")

SCHEDULE = f"{DAILY_JOB_NAME}_schedule"
ASSETS = {"raw_documents", "articles", "deal_mentions", "investment_mentions", "deals", "investments",
          "company_gigawatt_commitments", "company_gigawatt_commitments_by_year", "investor_customer_loops", "exports",
          "party_mentions", "company_candidates", "warehouse_snapshot", "report"}


@pytest.fixture(scope="module")
def postgres():
    try:
        with postgres_server.start() as server:
            yield server
    except postgres_server.Unavailable as reason:
        pytest.skip(f"no PostgreSQL server could be started: {reason}")


@pytest.fixture
def deployment(postgres, tmp_path, monkeypatch):
    """DAGSTER_HOME with deploy/dagster.yaml, its connection and the code location's settings in
    the environment, as docker-compose.yaml sets them."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(settings.PROJECT_ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    environment = {
        "DAGSTER_HOME": str(home),
        "DAGSTER_POSTGRES_HOST": postgres.host, "DAGSTER_POSTGRES_PORT": str(postgres.port),
        "DAGSTER_POSTGRES_USER": postgres.user, "DAGSTER_POSTGRES_PASSWORD": "",
        "DAGSTER_POSTGRES_DB": postgres.database,
        settings.DATABASE_ENV: str(tmp_path / "team.duckdb"), settings.SOURCES_ENV: str(SAMPLE_SOURCES),
        settings.EXPORTS_ENV: str(tmp_path / "exports"), settings.CORRECTIONS_ENV: str(tmp_path / "none.yaml"),
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return environment


def query(server, sql: str, params: tuple = ()) -> list[tuple]:
    connection = psycopg2.connect(host=server.host, port=server.port, user=server.user, dbname=server.database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        connection.close()


def test_the_daily_job_runs_on_a_postgres_instance_with_the_multiprocess_executor(postgres, deployment, tmp_path,
                                                                                  sample_warehouse):
    with dg.DagsterInstance.get() as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        run_config = {"execution": {"config": {"multiprocess": {"max_concurrent": 2}}},
                      "loggers": {"console": {"config": {"log_level": "WARNING"}}}}
        with dg.execute_job(dg.reconstructable(daily_job), instance=instance, run_config=run_config,
                            tags={"dagster/partition": SAMPLE_DAY}) as result:
            assert result.success
            run_id = result.run_id

    # The run, its materializations and its steps' processes are in PostgreSQL.
    assert query(postgres, "select status from runs where run_id = %s", (run_id,)) == [("SUCCESS",)]
    materialized = {json.loads(key)[0] for (key,) in query(
        postgres, "select asset_key from event_logs where run_id = %s and dagster_event_type = 'ASSET_MATERIALIZATION'",
        (run_id,))}
    assert materialized == ASSETS
    step_pids = {json.loads(body)["dagster_event"]["pid"] for (body,) in query(
        postgres, "select event from event_logs where run_id = %s and dagster_event_type = 'STEP_START'", (run_id,))}
    # a process per step: the three mention assets share one step, and so do the exports and the report
    assert len(step_pids) >= len(ASSETS) - 3

    # The warehouse is the same as after a run on the default (ephemeral) instance; the bookkeeping
    # of the derived assets differs only in the paths it records (another exports folder).
    team, default = snapshot(Path(deployment[settings.DATABASE_ENV])), snapshot(sample_warehouse)
    assert {t: rows for t, rows in team.items() if t != "asset_inputs"} == \
        {t: rows for t, rows in default.items() if t != "asset_inputs"}
    # deals, investments, the three derived tables, company_candidates and the exports
    assert len(team["asset_inputs"]) == len(default["asset_inputs"]) == 7

    # The schedule's state, changed from the command line, is kept in PostgreSQL.
    for action, status in (("stop", "STOPPED"), ("start", "RUNNING")):
        done = subprocess.run([sys.executable, "-m", "dagster", "schedule", action, SCHEDULE, "-w", "workspace.yaml"],
                              cwd=settings.PROJECT_ROOT, env=os.environ.copy(), capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        states = query(postgres, "select status, instigator_body from instigators where instigator_type = 'SCHEDULE'")
        assert [state for state, body in states if SCHEDULE in body] == [status]
