"""The `compute-deals` command as a user runs it."""

import json
import subprocess
import sys

from pipelines import settings

CLI = [sys.executable, "-m", "pipelines.cli"]


def run_cli(*args, env_extra=None, timeout=300):
    import os

    env = {**os.environ, **(env_extra or {})}
    env.pop("DAGSTER_HOME", None)
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=settings.PROJECT_ROOT)


def test_run_materialises_the_sample_and_prints_a_summary(tmp_path):
    database = tmp_path / "cd.duckdb"
    completed = run_cli("run", "--db", str(database), "--date", "2025-11-05")
    assert completed.returncode == 0, completed.stderr[-3000:]
    out = completed.stdout
    assert "articles:" in out and "deals:" in out and "investor-customer loops:" in out
    assert "documents read from 2 sources" in out and "documents parsed" in out and "deal mentions" in out
    assert f"compute-deals sql --db {database}" in out and f"Snapshot:     {database.with_name('cd.snapshot.duckdb')}" in out
    # The exports belong to the database: beside it, in a folder named after it.
    assert database.is_file() and (tmp_path / "cd_exports" / "2025-11-05" / "deals.csv").is_file()
    assert (tmp_path / "cd_exports" / "latest" / "report.html").is_file()


def test_run_with_a_broken_sources_file_says_what_is_wrong(tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - {name: a, kind: dirctory, path: x}\n", encoding="utf-8")
    completed = run_cli("run", "--sources", str(sources), "--db", str(tmp_path / "x.duckdb"))
    assert completed.returncode == 2
    assert "line 2" in completed.stderr and "unknown kind 'dirctory'" in completed.stderr


def test_run_on_a_locked_database_ends_with_the_short_advice(locked_database):
    completed = run_cli("run", "--db", str(locked_database), "--date", "2025-11-05")
    assert completed.returncode == 5
    # One short message, no stack trace on the terminal: the trace is in the run's log.
    assert "Traceback" not in completed.stderr + completed.stdout and len(completed.stderr.splitlines()) == 1
    assert "locked by another process" in completed.stderr
    assert f"duckdb -readonly {locked_database.with_name('locked.snapshot.duckdb')}" in completed.stderr
    log = completed.stderr.split("the full log is in ")[1].rstrip(".)\n")
    assert "WarehouseLockedError" in open(log, encoding="utf-8").read()


def test_extract_writes_one_line_per_article_with_evidence(tmp_path):
    articles = tmp_path / "in.jsonl"
    articles.write_text(
        json.dumps({"id": "de-1", "lang": "de", "text": "Anthropic erhält Zugriff auf bis zu eine Million TPUs "
                    "von Google mit über einem Gigawatt Leistung."}) + "\n"
        + json.dumps({"id": "en-1", "lang": "en", "text": "The weather was fine and nobody signed anything."}) + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    completed = run_cli("extract", str(articles), "-o", str(out))
    assert completed.returncode == 0, completed.stderr
    assert "skipped, not an article" in completed.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["de-1", "en-1"]
    (deal,) = lines[0]["deals"]
    assert (deal["buyer"], deal["providers"], deal["gw"], deal["gw_bound"]) == ("Anthropic", ["Google"], 1.0, "at_least")
    assert deal["chips"] == 1_000_000 and deal["chips_bound"] == "up_to" and "TPUs" in deal["evidence"]
    assert lines[1]["deals"] == [] and lines[1]["investments"] == []
