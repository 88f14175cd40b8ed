"""Re-runs give the same rows, new days add only what is new, and a run killed midway loses nothing."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE_DAY, SAMPLE_SOURCES, run_daily_job
from pipelines import warehouse

# Columns that record when something happened differ between runs by design.
RUN_TIME_COLUMNS = {"fetched_at", "attempted_at", "elapsed_ms", "checked_at", "extracted_at", "recorded_at"}


# The read log is append-only: every run adds its own attempts (checked separately).
LOG_TABLES = {"fetch_log"}
# What was parsed, extracted and derived from what: forgotten on purpose by crash_midway.py.
BOOKKEEPING_TABLES = {"extracted_articles", "asset_inputs"}


def snapshot(database: Path, ignore: set[str] = RUN_TIME_COLUMNS) -> dict[str, list]:
    """Every data table's rows, sorted, without the run-time columns."""
    with warehouse.connect(database, read_only=True) as con:
        tables = {}
        for table in set(warehouse.TABLES) - LOG_TABLES:
            frame = warehouse.query_frame(con, f"select * from {table}")
            frame = frame.drop([c for c in frame.columns if c in ignore])
            tables[table] = sorted(map(repr, frame.iter_rows()))
        return tables


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A writable copy of the bundled sample, so a test can change a document."""
    shutil.copytree(SAMPLE_SOURCES.parent, tmp_path / "samples")
    return tmp_path / "samples" / "sources.yaml"


def test_running_the_same_day_twice_gives_the_same_rows(tmp_path):
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database).success
    first = snapshot(database)
    assert run_daily_job(database).success
    assert snapshot(database) == first
    assert len(first["deals"]) > 5 and len(first["raw_documents"]) > 20
    with warehouse.connect(database, read_only=True) as con:
        runs = warehouse.query_frame(con, "select run_id, count(*) as n from fetch_log group by run_id")
    assert runs.height == 2 and runs["n"].n_unique() == 1  # each run logged the same reads once


def test_the_next_day_stores_only_what_is_new(tmp_path, sample_copy):
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database, day="2025-11-05", sources=sample_copy).success
    before = snapshot(database)
    assert run_daily_job(database, day="2025-11-06", sources=sample_copy).success
    after = snapshot(database)
    for table in ("articles", "deal_mentions", "investment_mentions", "deals", "investments",
                  "company_gigawatt_commitments", "investor_customer_loops"):
        assert after[table] == before[table], table
    with warehouse.connect(database, read_only=True) as con:
        assert warehouse.scalar(con, "select count(*) from raw_documents where partition_date = '2025-11-06'") == 0
        assert warehouse.scalar(con, "select count(*) from fetch_log where partition_date = '2025-11-06'") > 0


def test_a_changed_document_moves_to_the_day_it_changed(tmp_path, sample_copy):
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database, day="2025-11-05", sources=sample_copy).success
    page = next((sample_copy.parent / "press").glob("*anthropic-google*.html"))
    html = page.read_text(encoding="utf-8")
    lead = '<p class="lead">Anthropic baut die Zusammenarbeit'
    assert lead in html
    page.write_text(html.replace(lead, lead.replace("baut", "baut nach eigener Bestätigung")), encoding="utf-8")
    assert run_daily_job(database, day="2025-11-06", sources=sample_copy).success
    with warehouse.connect(database, read_only=True) as con:
        moved = warehouse.query_frame(con, "select doc_id, locator from raw_documents where partition_date = '2025-11-06'")
        assert moved["locator"].to_list() == [page.name]
        counts = warehouse.query_frame(con, "select count(*) as n, count(distinct doc_id) as docs from articles").row(0)
        assert counts[0] == counts[1]  # still one article per document
        assert warehouse.scalar(con, "select partition_date::varchar from articles where doc_id = ?", [moved["doc_id"][0]]) == "2025-11-06"
        assert "nach eigener Bestätigung" in warehouse.scalar(con, "select text from articles where doc_id = ?", [moved["doc_id"][0]])


@pytest.mark.parametrize("table", ["raw_documents", "deal_mentions", "deals", "investor_customer_loops"])
def test_a_run_killed_midway_leaves_the_database_consistent(tmp_path, table):
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database).success
    before = snapshot(database)
    reference = tmp_path / "before-crash.duckdb"
    shutil.copy(database, reference)
    crashed = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "crash_midway.py"), str(database), str(SAMPLE_SOURCES), SAMPLE_DAY, table],
        capture_output=True, text=True, timeout=300,
    )
    assert crashed.returncode == 9, crashed.stderr[-2000:]
    # The open transaction was rolled back on reopening: only what crash_midway.py forgot differs.
    forgotten = RUN_TIME_COLUMNS | {"parse_key"}
    after_crash, before_crash = snapshot(database, ignore=forgotten), snapshot(reference, ignore=forgotten)
    for name in set(before) - BOOKKEEPING_TABLES:
        assert after_crash[name] == before_crash[name], name
    assert run_daily_job(database).success
    assert snapshot(database) == before


def test_a_day_without_any_document_still_builds_every_table(tmp_path):
    (tmp_path / "empty").mkdir()
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - {name: quiet, kind: directory, path: empty}\n", encoding="utf-8")
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database, sources=sources).success
    with warehouse.connect(database, read_only=True) as con:
        counts = warehouse.table_counts(con)
    assert set(counts) == set(warehouse.TABLES) and counts["deals"] == 0 and counts["articles"] == 0
    assert (tmp_path / "exports" / "latest" / "deals.csv").read_text(encoding="utf-8").startswith("deal_id,")
