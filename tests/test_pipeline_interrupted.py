"""An interrupted run keeps what it fetched and logged, and the next run does not fetch it again.

The run reads a feed of articles from the local site in a subprocess that is stopped midway:
by SIGTERM (what `kill`, Kubernetes or the Dagster UI's terminate send; Dagster raises it in the
step, and the store commits what is waiting), or by os._exit (a kill -9: only committed batches
survive, each all or nothing)."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import fast_http, run_daily_job
from http_site import http_site_server  # noqa: F401  (fixture)
from pipelines import warehouse

DAY = "2026-12-03"
SCRIPT = Path(__file__).parent / "interrupt_midway.py"


def write_sources(folder, site, items, delay):
    path = folder / "sources.yaml"
    path.write_text(f'sources:\n  - {{name: wire-feed, kind: feed, url: "{site.base_url}/misbehave/endless-feed'
                    f'?items={items}&delay={delay}"}}\n', encoding="utf-8")
    return path


def item_paths(site):
    return [p for p in site.paths() if p.startswith("/misbehave/item/")]


def stored(database):
    with warehouse.connect(database, read_only=True) as con:
        logged = warehouse.query_frame(
            con, "select url, outcome from fetch_log where url like '%/misbehave/item/%'").to_dicts()
        documents = [row[0] for row in con.execute("select url from raw_documents").fetchall()]
    return logged, documents


def start(database, sources, settings, *extra):
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(database), str(sources), DAY, json.dumps(settings), *map(str, extra)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout.readline().strip() == "started"
    return process


def test_sigterm_midway_keeps_every_attempt_and_document_and_the_next_run_goes_on(tmp_path, http_site_server):  # noqa: F811
    http_site_server.reset()
    sources = write_sources(tmp_path, http_site_server, items=40, delay=0.15)
    database = tmp_path / "w.duckdb"
    # batches far larger than this run: only the commit on interruption can save its rows
    process = start(database, sources, {"commit_every_documents": 1000, "commit_every_s": 600.0})
    try:
        deadline = time.monotonic() + 60
        while len(item_paths(http_site_server)) < 6 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert len(item_paths(http_site_server)) >= 6, process.stderr.read()[-3000:]
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode != 0  # interrupted, not finished
    requested = item_paths(http_site_server)
    assert len(requested) < 40

    logged, documents = stored(database)
    ok = {row["url"] for row in logged if row["outcome"] == "ok"}
    # every article answered before the signal is logged and stored; at most the one in flight is not
    assert len(ok) >= len(requested) - 1 and len(documents) == len(ok)

    http_site_server.reset()
    assert run_daily_job(database, day=DAY, sources=sources).success
    again = {f"{http_site_server.base_url}{path}?delay=0.15" for path in item_paths(http_site_server)}
    assert not again & ok  # what the interrupted run stored is not fetched again
    assert len(stored(database)[1]) == 40


def test_a_hard_exit_midway_keeps_the_committed_batches(tmp_path, http_site_server):  # noqa: F811
    http_site_server.reset()
    sources = write_sources(tmp_path, http_site_server, items=30, delay=0)
    database = tmp_path / "w.duckdb"
    process = start(database, sources, {"commit_every_documents": 2, "commit_every_s": 600.0}, 7)
    try:
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 9, process.stderr.read()[-3000:]

    logged, documents = stored(database)
    # seven articles were fetched; three batches of two were committed before the exit
    assert len(documents) == 6 and len({row["url"] for row in logged}) == 6
    with warehouse.connect(database, read_only=True) as con:
        assert warehouse.scalar(con, "select count(*) from fetch_log where url like '%endless-feed%'") == 1

    http_site_server.reset()
    assert run_daily_job(database, day=DAY, sources=sources, http=fast_http()).success
    assert len(item_paths(http_site_server)) == 30 - 6  # the six stored ones are not fetched again
    assert len(stored(database)[1]) == 30
