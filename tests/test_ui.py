"""`dagster dev -w workspace.yaml` as a user starts it: the UI lists the assets, groups and schedule,
and a run launched from it (multiprocess executor, pool `duckdb_write` of one slot) succeeds."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipelines import settings, warehouse

LAUNCH = """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
  __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }"""
OVERVIEW = """{ repositoriesOrError { ... on RepositoryConnection { nodes {
  location { name } assetGroups { groupName }
  schedules { name cronSchedule executionTimezone scheduleState { status } } } } }
  assetNodes { assetKey { path } groupName } }"""
RUN_STATUS = """query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


@pytest.fixture
def dagster_dev(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(settings.PROJECT_ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), settings.DATABASE_ENV: str(tmp_path / "ui.duckdb"),
           settings.EXPORTS_ENV: str(tmp_path / "exports")}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=settings.PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                assert process.poll() is None, "dagster dev exited"
                time.sleep(1)
        yield port, tmp_path / "ui.duckdb"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def test_the_ui_shows_the_graph_and_runs_the_daily_job(dagster_dev):
    port, database = dagster_dev
    overview = graphql(port, OVERVIEW)
    (repository,) = overview["repositoriesOrError"]["nodes"]
    assert repository["location"]["name"] == "compute_deals"
    assert {g["groupName"] for g in repository["assetGroups"]} == {"ingest", "parse", "extract", "consolidate", "derive", "report"}
    (schedule,) = repository["schedules"]
    assert (schedule["cronSchedule"], schedule["executionTimezone"], schedule["scheduleState"]["status"]) == \
        ("0 6 * * *", "Europe/Berlin", "RUNNING")
    assert len(overview["assetNodes"]) == 13

    launched = graphql(port, LAUNCH, {"params": {
        "selector": {"repositoryLocationName": "compute_deals", "repositoryName": "__repository__", "jobName": "daily_refresh"},
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": "2025-11-05"}]},
    }})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id, status, deadline = launched["run"]["runId"], None, time.monotonic() + 240
    while time.monotonic() < deadline and status not in ("SUCCESS", "FAILURE", "CANCELED"):
        time.sleep(2)
        status = graphql(port, RUN_STATUS, {"id": run_id})["runOrError"]["status"]
    assert status == "SUCCESS"
    with warehouse.connect(database, read_only=True) as con:
        assert warehouse.scalar(con, "select count(*) from deals") > 5
