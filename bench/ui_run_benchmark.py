#!/usr/bin/env python3
"""How long the daily job takes when launched from the Dagster UI, with the default multiprocess
executor and with the in-process executor, against `compute-deals run` (in-process, no launcher).

    python bench/ui_run_benchmark.py

Starts `dagster dev` on 127.0.0.1 with a temporary DAGSTER_HOME and database, launches the job on
the bundled sample through the UI's GraphQL API (as the launchpad does), and times each run from
launch to success. Prints the seconds and the ratios measured in this one run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_ui import LAUNCH, RUN_STATUS, free_port, graphql  # noqa: E402  (the same GraphQL calls the UI test makes)

DAY = "2025-11-05"


def launch_and_wait(port: int, run_config: dict | None) -> float:
    params = {
        "selector": {"repositoryLocationName": "compute_deals", "repositoryName": "__repository__", "jobName": "daily_refresh"},
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": DAY}]},
    }
    if run_config:
        params["runConfigData"] = run_config
    start = time.perf_counter()
    launched = graphql(port, LAUNCH, {"params": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id, status = launched["run"]["runId"], None
    while status not in ("SUCCESS", "FAILURE", "CANCELED"):
        time.sleep(0.25)
        status = graphql(port, RUN_STATUS, {"id": run_id})["runOrError"]["status"]
    assert status == "SUCCESS", status
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        home = folder / "dagster_home"
        home.mkdir()
        shutil.copy(ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
        env = {**os.environ, "DAGSTER_HOME": str(home), "COMPUTE_DEALS_DB": str(folder / "ui.duckdb"),
               "COMPUTE_DEALS_FIRST_DAY": DAY}
        port = free_port()
        dagster = Path(sys.executable).parent / "dagster"
        process = subprocess.Popen([str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
                                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                    break
                except OSError:
                    time.sleep(1)
            launch_and_wait(port, None)  # warm-up: the first run also creates the database
            multi = launch_and_wait(port, None)
            in_process = launch_and_wait(port, {"execution": {"config": {"in_process": {}}}})
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--db", str(folder / "cli.duckdb"), "--date", DAY],
                       cwd=ROOT, env={k: v for k, v in env.items() if k != "DAGSTER_HOME"}, check=True,
                       stdout=subprocess.DEVNULL)
        cli = time.perf_counter() - start
    print(f"UI launch, multiprocess executor (default): {multi:6.1f} s")
    print(f"UI launch, in-process executor:             {in_process:6.1f} s  ({multi / in_process:.1f}x faster)")
    print(f"compute-deals run (in-process, CLI):        {cli:6.1f} s  ({multi / cli:.1f}x faster than the default UI run)")


if __name__ == "__main__":
    main()
