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


@pytest.fixture(scope="module")
def dagster_dev(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("ui")
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


@pytest.fixture(scope="module")
def ui_run(dagster_dev):
    """The daily job launched from the UI (GraphQL), as a user's click would: its final status."""
    port, database = dagster_dev
    launched = graphql(port, LAUNCH, {"params": {
        "selector": {"repositoryLocationName": "compute_deals", "repositoryName": "__repository__", "jobName": "daily_refresh"},
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": "2025-11-05"}]},
    }})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id, status, deadline = launched["run"]["runId"], None, time.monotonic() + 240
    while time.monotonic() < deadline and status not in ("SUCCESS", "FAILURE", "CANCELED"):
        time.sleep(2)
        status = graphql(port, RUN_STATUS, {"id": run_id})["runOrError"]["status"]
    return status


def test_the_ui_shows_the_graph_and_runs_the_daily_job(dagster_dev, ui_run):
    port, database = dagster_dev
    overview = graphql(port, OVERVIEW)
    (repository,) = overview["repositoriesOrError"]["nodes"]
    assert repository["location"]["name"] == "compute_deals"
    assert {g["groupName"] for g in repository["assetGroups"]} == {"ingest", "parse", "extract", "consolidate", "derive", "report"}
    (schedule,) = repository["schedules"]
    assert (schedule["cronSchedule"], schedule["executionTimezone"], schedule["scheduleState"]["status"]) == \
        ("0 6 * * *", "Europe/Berlin", "RUNNING")
    assert len(overview["assetNodes"]) == 14

    assert ui_run == "SUCCESS"
    with warehouse.connect(database, read_only=True) as con:
        assert warehouse.scalar(con, "select count(*) from deals") > 5


def test_the_report_asset_page_shows_the_report_path(dagster_dev, ui_run, browser, tmp_path):
    """The Dagster asset page of `report`, in headless Chromium: the metadata links the report file."""
    port, database = dagster_dev
    assert ui_run == "SUCCESS"
    report = database.with_name("exports") / "2025-11-05" / "report.html"
    assert report.is_file()
    browser.open(f"http://127.0.0.1:{port}/assets/report")
    browser.wait_until(f"document.body.innerText.includes({str(report)!r})", timeout=90)
    assert browser.evaluate("document.body.innerText.includes('report_path')")
    # A first visit shows Dagster's newsletter dialog: skip it as a user would.
    browser.evaluate("Array.from(document.querySelectorAll('button')).find(b => b.innerText.trim() === 'Skip')?.click()")
    browser.wait_until("!document.body.innerText.includes('Join the Dagster community')", timeout=10)
    # The page drew itself (Dagster's UI is SVG icons and a lineage graph).
    assert browser.evaluate("Array.from(document.querySelectorAll('svg')).some(s => "
                            "s.getBoundingClientRect().width * s.getBoundingClientRect().height > 100)")
    shot = browser.screenshot(tmp_path / "asset_page.png", full_page=False)
    assert shot.stat().st_size > 20_000
    assert browser.console_errors() == []
