"""The daily job does no work twice and spreads the rest over worker processes, with the same rows."""

import shutil

import pytest

from conftest import SAMPLE_SOURCES, run_daily_job
from pipelines import partition_steps, warehouse
from pipelines.extract.version import EXTRACTOR_VERSION
from pipelines.resources import ParallelismResource
from test_pipeline_idempotence import snapshot

DERIVED = ("deals", "investments", "company_gigawatt_commitments", "company_gigawatt_commitments_by_year",
           "investor_customer_loops", "company_candidates", ("exports_and_report", "exports"))


def metadata(result, node, asset: str | None = None) -> dict:
    """The materialization metadata of one asset in a run, as plain values (`node` may be (node, asset))."""
    if isinstance(node, tuple):
        node, asset = node
    (event,) = [m for m in result.asset_materializations_for_node(node)
                if asset is None or m.asset_key.to_user_string() == asset]
    return {key: value.value for key, value in event.metadata.items()}


@pytest.fixture
def first_run(tmp_path):
    database = tmp_path / "w.duckdb"
    result = run_daily_job(database)
    assert result.success
    return database, result


def test_the_first_run_does_all_the_work(first_run):
    _, result = first_run
    parse = metadata(result, "articles")
    assert parse["documents_processed"] == parse["dagster/row_count"] > 20 and parse["documents_unchanged"] == 0
    extract = metadata(result, "mentions", "deal_mentions")
    assert extract["articles_processed"] > 10 and extract["articles_unchanged"] == 0
    assert extract["extractor_version"] == EXTRACTOR_VERSION
    for asset in DERIVED:
        assert metadata(result, asset)["skipped"] is False, asset


def test_the_same_day_again_reuses_every_parse_extraction_and_derived_table(first_run):
    database, first = first_run
    before = snapshot(database)
    again = run_daily_job(database)
    assert again.success and snapshot(database) == before
    parse = metadata(again, "articles")
    assert parse["documents_processed"] == 0 and parse["documents_unchanged"] == parse["dagster/row_count"]
    extract = metadata(again, "mentions", "deal_mentions")
    assert extract["articles_processed"] == 0 and extract["articles_unchanged"] == metadata(first, "mentions", "deal_mentions")["articles_processed"]
    assert extract["dagster/row_count"] == metadata(first, "mentions", "deal_mentions")["dagster/row_count"]
    for asset in DERIVED:
        work = metadata(again, asset)
        assert work["skipped"] is True and work["work"].startswith("inputs unchanged since"), asset
    assert metadata(again, "deals")["dagster/row_count"] == metadata(first, "deals")["dagster/row_count"]


def test_a_new_extractor_version_re_extracts_every_article_once(first_run, monkeypatch):
    database, first = first_run
    before = snapshot(database)
    monkeypatch.setattr(partition_steps, "EXTRACTOR_VERSION", "a later extractor")
    result = run_daily_job(database)
    assert result.success
    extract = metadata(result, "mentions", "deal_mentions")
    assert extract["articles_processed"] == metadata(first, "mentions", "deal_mentions")["articles_processed"]
    with warehouse.connect(database, read_only=True) as con:
        assert warehouse.scalar(con, "select list(distinct extractor_version) from extracted_articles") == ["a later extractor"]
    after = snapshot(database)
    for table in ("deal_mentions", "investment_mentions", "deals", "investments"):
        assert after[table] == before[table], table  # same rules, same facts
    assert metadata(run_daily_job(database), "mentions", "deal_mentions")["articles_processed"] == 0


def test_changed_keywords_reparse_that_source_and_changed_corrections_reconsolidate(first_run, tmp_path):
    database, _ = first_run
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLE_SOURCES.parent, folder)
    sources = folder / "sources.yaml"
    # Same folders, so the same documents; one source now demands a keyword no document has.
    text = sources.read_text(encoding="utf-8")
    assert "kind: jsonl" in text
    sources.write_text(text.replace("kind: jsonl", "kind: jsonl\n    keywords: [Quantenkühlschrank]", 1), encoding="utf-8")
    corrections = tmp_path / "corrections.yaml"
    corrections.write_text("corrections: []\n", encoding="utf-8")
    result = run_daily_job(database, sources=sources, corrections=corrections)
    assert result.success
    parse = metadata(result, "articles")
    assert 0 < parse["documents_processed"] < parse["dagster/row_count"]
    assert parse["not_relevant"] >= parse["documents_processed"]
    assert metadata(result, "deals")["work"] in ("recomputed: changed corrections", "recomputed: changed corrections, deal_mentions")


def test_the_next_day_with_nothing_new_skips_every_derived_table(first_run):
    database, _ = first_run
    result = run_daily_job(database, day="2025-11-06")
    assert result.success
    assert metadata(result, "articles")["dagster/row_count"] == 0
    for asset in DERIVED:
        assert metadata(result, asset)["skipped"] is True, asset


def test_workers_in_small_batches_give_the_same_rows_as_one_process(first_run, tmp_path):
    database, _ = first_run
    pooled = tmp_path / "pooled.duckdb"
    result = run_daily_job(pooled, parallelism=ParallelismResource(workers=2, batch_size=4, serial_below=0),
                           exports=tmp_path / "pooled_exports")
    assert result.success
    assert metadata(result, "articles")["workers"] == 2
    assert metadata(result, "mentions", "deal_mentions")["workers"] == 2
    # the same rows; the bookkeeping differs only in the export folder it records
    pooled_rows, serial_rows = snapshot(pooled), snapshot(database)
    assert {k: v for k, v in pooled_rows.items() if k != "asset_inputs"} == \
        {k: v for k, v in serial_rows.items() if k != "asset_inputs"}


def test_an_article_the_extractor_fails_on_is_recorded_and_the_others_keep_their_mentions(tmp_path, monkeypatch):
    """One article that makes the extractor raise must not cost the day's other articles (German or English)."""
    import duckdb

    from pipelines import mentions

    real = mentions.extract

    def failing(text, lang, **kwargs):
        if "Nvidia" in text:
            raise RuntimeError("the extractor broke on this article")
        return real(text, lang=lang, **kwargs)

    monkeypatch.setattr(mentions, "extract", failing)
    database = tmp_path / "w.duckdb"
    result = run_daily_job(database, parallelism=ParallelismResource(workers=2, batch_size=4, serial_below=0))
    assert result.success
    with duckdb.connect(str(database), read_only=True) as con:
        failed = con.execute("select e.article_id, a.lang, e.extraction_error from extracted_articles e "
                             "join articles a using (article_id) where e.extraction_error is not null").fetchall()
        kept = con.execute("select count(*) from deal_mentions").fetchall()[0][0]
        leaked = con.execute("select count(*) from deal_mentions d join extracted_articles e using (article_id) "
                             "where e.extraction_error is not null").fetchall()[0][0]
    assert {lang for _, lang, _ in failed} == {"de", "en"}
    assert all(error == "RuntimeError: the extractor broke on this article" for *_, error in failed)
    assert kept > 0 and leaked == 0
    assert metadata(result, "mentions", "deal_mentions")["extraction_errors"] == len(failed)
