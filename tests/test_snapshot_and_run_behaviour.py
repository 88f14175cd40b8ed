"""What a scheduled run promises around it: readers of the published snapshot never block it and
never see a half-written state; the run's exit code tells a script what happened; the UI sees true
row counts, progress lines and partitions that start where data can begin."""

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import dagster as dg

from conftest import SAMPLE_SOURCES, pipeline_resources, run_daily_job
from pipelines import settings, warehouse
from pipelines.definitions import build_definitions
from pipelines.schedules import DAILY_JOB_NAME

HERE = Path(__file__).parent


def test_each_run_publishes_a_read_only_snapshot_with_the_views(tmp_path):
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database).success
    snapshot = settings.snapshot_path(database)
    assert snapshot == tmp_path / "w.snapshot.duckdb" and not stat.S_IMODE(snapshot.stat().st_mode) & 0o222
    # every table as the run left it, but the bookkeeping the export step writes after the snapshot
    with warehouse.connect(database, read_only=True) as con:
        expected = {t: n for t, n in warehouse.table_counts(con).items() if t != "asset_inputs"}
    with warehouse.connect(snapshot, read_only=True) as con:
        assert {t: n for t, n in warehouse.table_counts(con).items() if t != "asset_inputs"} == expected
        views = {row[0] for row in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
        assert set(warehouse.VIEWS) <= views
    assert not list(tmp_path.glob(".*.partial"))


def test_a_reader_holding_the_snapshot_open_never_blocks_the_run(tmp_path):
    database, stop = tmp_path / "w.duckdb", tmp_path / "stop"
    assert run_daily_job(database).success
    snapshot = settings.snapshot_path(database)
    with warehouse.connect(snapshot, read_only=True) as con:
        before = warehouse.scalar(con, "select count(*) from fetch_log")
    reader = subprocess.Popen([sys.executable, str(HERE / "reader_during_run.py"), str(snapshot), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        result = run_daily_job(database, day="2025-11-06")  # writes every table while the reader reads
        assert result.success
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["errors"] == [] and seen["ok"] > 10, err[-2000:]
    with warehouse.connect(snapshot, read_only=True) as con:
        after = warehouse.scalar(con, "select count(*) from fetch_log")
    assert after > before
    assert set(seen["answers"]) <= {before, after}  # a finished run's state, old or new, never anything between


def test_sql_answers_while_the_pipelines_file_is_locked(sample_warehouse, tmp_path):
    database = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, database)
    shutil.copy(settings.snapshot_path(sample_warehouse), settings.snapshot_path(database))
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(database)!r}); "
                               "print('ok', flush=True); time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"  # a writer holds the pipeline's file
        completed = subprocess.run([sys.executable, "-m", "pipelines.cli", "sql", "select count(*) as n from deals",
                                    "--db", str(database), "--format", "json"],
                                   capture_output=True, text=True, timeout=60, cwd=settings.PROJECT_ROOT)
    finally:
        holder.kill()
        holder.wait()
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)[0]["n"] > 5


def run_cli(*args):
    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=settings.PROJECT_ROOT)


def test_a_missing_source_folder_exits_3(tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - {{name: gone, kind: directory, path: nowhere}}\n"
                       f"  - {{name: wire, kind: jsonl, path: {SAMPLE_SOURCES.parent / 'wire.jsonl'}}}\n", encoding="utf-8")
    completed = run_cli("run", "--sources", str(sources), "--db", str(tmp_path / "w.duckdb"), "--date", "2025-11-05")
    assert completed.returncode == 3
    assert "sources could not be read" in completed.stderr and "gone" in completed.stderr
    assert "deals:" in completed.stdout  # the run itself completed and says so


def test_a_failed_data_check_exits_4(tmp_path):
    (tmp_path / "wire.jsonl").write_text(json.dumps({
        "id": "w-1", "lang": "en", "url": "https://wire.example/w-1", "published": "2025-11-05", "title": "Oracle",
        "text": "OpenAI will buy 500 gigawatts of computing capacity from Oracle, the companies said."}) + "\n",
        encoding="utf-8")
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - {name: wire, kind: jsonl, path: wire.jsonl}\n", encoding="utf-8")
    completed = run_cli("run", "--sources", str(sources), "--db", str(tmp_path / "w.duckdb"), "--date", "2025-11-05")
    assert completed.returncode == 4, completed.stderr
    assert "gigawatts_in_plausible_range" in completed.stderr and "data checks failed" in completed.stderr


def test_raw_documents_reports_stored_rows_and_new_rows_separately(tmp_path):
    database = tmp_path / "w.duckdb"
    first, second = run_daily_job(database), run_daily_job(database)

    def metadata(result):
        (materialization,) = result.asset_materializations_for_node("raw_documents")
        return {key: getattr(value, "value", value) for key, value in materialization.metadata.items()}

    assert metadata(first)["dagster/row_count"] == metadata(first)["documents_new_or_changed"] == 26
    again = metadata(second)
    assert again["dagster/row_count"] == 26 and again["documents_new_or_changed"] == 0  # stored, though none new
    assert again["documents_read"] == 26 and "_no rows_" not in again["preview"]


def test_progress_counts_are_in_the_run_log(tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    job = build_definitions(pipeline_resources(tmp_path / "w.duckdb")).resolve_job_def(DAILY_JOB_NAME)
    result = job.execute_in_process(partition_key="2025-11-05", instance=instance,
                                    run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}})
    messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    assert any("26 documents read from 2 sources, 26 new or changed" in m for m in messages)
    assert any("26 documents parsed" in m for m in messages)
    with warehouse.connect(tmp_path / "w.duckdb", read_only=True) as con:
        deals, investments = (warehouse.scalar(con, f"select count(*) from {t}")
                              for t in ("deal_mentions", "investment_mentions"))
    assert any(f"{deals} deal mentions, {investments} investment mentions" in m for m in messages)
    assert any("snapshot published" in m for m in messages) and any(m.startswith("exports: ") for m in messages)


def partitions_in_a_fresh_process(env_extra: dict) -> dict:
    env = {key: value for key, value in os.environ.items() if key != settings.FIRST_DAY_ENV}
    env.update(env_extra)
    code = ("import json; from pipelines.partitions import daily_partitions as p; "
            "keys = p.get_partition_keys(); print(json.dumps({'first': keys[0], 'n': len(keys)}))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                               cwd=settings.PROJECT_ROOT)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_partitions_begin_where_data_can_begin(tmp_path, sample_warehouse):
    fresh = partitions_in_a_fresh_process({settings.DATABASE_ENV: str(tmp_path / "new.duckdb")})
    assert fresh["n"] <= 2  # today (and tomorrow near midnight in Berlin): no unfetchable days
    # A database with data since 2025-11-05 (the sample run): its partitions start there.
    with_data = partitions_in_a_fresh_process({settings.DATABASE_ENV: str(sample_warehouse)})
    assert with_data["first"] == "2025-11-05"
    chosen = partitions_in_a_fresh_process({settings.DATABASE_ENV: str(tmp_path / "new.duckdb"),
                                            settings.FIRST_DAY_ENV: "2026-01-01"})
    assert chosen["first"] == "2026-01-01"


def test_a_run_for_an_earlier_day_extends_the_partitions(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in (settings.FIRST_DAY_ENV, "DAGSTER_HOME")}
    completed = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", "--db", str(tmp_path / "w.duckdb"),
                                "--date", "2025-11-05"], capture_output=True, text=True, timeout=300, env=env,
                               cwd=settings.PROJECT_ROOT)
    assert completed.returncode == 0, completed.stderr
    assert partitions_in_a_fresh_process({settings.DATABASE_ENV: str(tmp_path / "w.duckdb")})["first"] == "2025-11-05"
