"""The whole graph materialised with Dagster on the bundled sample: real values in every layer."""

import json
import zipfile

import pytest

from pipelines import warehouse
from pipelines.warehouse import scalar


@pytest.fixture(scope="module")
def con(sample_warehouse):
    with warehouse.connect(sample_warehouse, read_only=True) as con:
        yield con


def rows(con, sql, params=None):
    return warehouse.query_frame(con, sql, params).to_dicts()


def test_every_sample_document_is_read_and_parsed(con):
    documents = scalar(con, "select count(*) from raw_documents")
    sample_files = len(list((warehouse.SQL_DIR.parent / "samples" / "press").glob("*.html")))
    wire_lines = sum(1 for line in (warehouse.SQL_DIR.parent / "samples" / "wire.jsonl").open() if line.strip())
    assert documents == sample_files + wire_lines
    assert scalar(con, "select count(*) from articles where parse_error is null") == documents
    languages = dict(con.execute("select lang, count(*) from articles group by lang").fetchall())
    assert set(languages) == {"de", "en"} and min(languages.values()) >= 8
    assert scalar(con, "select count(*) from fetch_log where error is null") >= 2


def test_articles_have_clean_text_and_metadata(con):
    press = rows(con, "select * from articles where source = 'sample-press'")
    for article in press:
        assert article["published"] is not None and article["canonical_url"].startswith("https://")
        assert article["title"] and article["lang"] in ("de", "en") and article["n_chars"] > 300
        # The pages carry navigation, cookie banners and "read more" lists: none of it is article text.
        assert "cookie" not in article["text"].lower()


def test_german_and_english_reports_of_anthropic_google_are_one_deal(con):
    (deal,) = rows(con, "select * from deals where buyer = 'Anthropic' and providers = ['Google']")
    assert deal["gw"] >= 1 and deal["gw_bound"] in ("at_least", "exact")
    assert deal["languages"] == ["de", "en"] and deal["n_articles"] >= 2
    mentions = rows(con, "select * from deal_mentions where list_contains(?, mention_id)", [deal["mention_ids"]])
    assert {m["lang"] for m in mentions} == {"de", "en"}
    assert all(m["evidence"] in article_text(con, m["article_id"]) for m in mentions)


def article_text(con, article_id):
    return scalar(con, "select text from articles where article_id = ?", [article_id])


def test_evidence_spans_point_into_the_article(con):
    for mention in rows(con, "select * from deal_mentions union all by name select * from investment_mentions"):
        text = article_text(con, mention["article_id"])
        assert text[mention["evidence_start"]:mention["evidence_end"]] == mention["evidence"]


def test_investor_customer_loops_include_google_and_amazon_with_anthropic(con):
    loops = {tuple(r["companies"]): r for r in rows(con, "select * from investor_customer_loops")}
    assert ("Google", "Anthropic") in loops
    assert ("Amazon", "Anthropic") in loops
    edges = json.loads(loops[("Google", "Anthropic")]["edges"])
    assert [e["flow"] for e in edges] == ["cash", "payment"]


def test_openai_gigawatts_from_amd_are_counted(con):
    (openai,) = rows(con, "select * from company_gigawatt_commitments where company = 'OpenAI' and role = 'buyer'")
    assert openai["gw_total"] >= 6 and "AMD" in openai["counterparties"]


def test_the_no_deal_documents_give_no_facts(con):
    no_deal = rows(con, "select article_id from articles where title ilike '%studie%' or title ilike '%strombedarf%'")
    assert no_deal
    for article in no_deal:
        assert scalar(con, "select count(*) from deal_mentions where article_id = ?", [article["article_id"]]) == 0


def test_exports_are_written(sample_warehouse):
    folder = sample_warehouse.parent / "exports" / "2025-11-05"  # the run's day
    assert (folder / "deals.csv").read_text(encoding="utf-8").startswith("deal_id,buyer,providers")
    assert (folder / "investor_customer_loops.parquet").stat().st_size > 0
    with zipfile.ZipFile(folder / "compute_deals.xlsx") as workbook:  # an .xlsx is a zip of XML parts
        sheets = workbook.read("xl/workbook.xml").decode()
        shared_strings = workbook.read("xl/sharedStrings.xml").decode()
    for sheet in ("Deals", "Investments", "GW commitments", "Investor-customer loops"):
        assert f'name="{sheet}"' in sheets
    assert "Anthropic" in shared_strings


def test_a_huge_text_is_cut_for_extraction_and_the_cut_is_logged(tmp_path):
    """A 10 MB "article" (a dump, not news) is extracted from its first MAX_TEXT_CHARS characters; the run says so."""
    import json

    import dagster as dg

    from pipelines.extract.document import MAX_TEXT_CHARS
    from pipelines.runs import run_daily_job as run

    text = "OpenAI mietet für 10 Milliarden Dollar GPU-Kapazität bei Oracle. " + "Rechenzentrum Füllwort " * 450_000
    (tmp_path / "dump.jsonl").write_text(json.dumps({"id": "dump-1", "lang": "de", "title": "GPU-Kapazität",
                                                     "text": text}) + "\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("sources:\n  - {name: dump, kind: jsonl, path: dump.jsonl}\n",
                                           encoding="utf-8")
    assert len(text) > 10_000_000 > MAX_TEXT_CHARS
    instance = dg.DagsterInstance.ephemeral()
    result = run(tmp_path / "w.duckdb", "2025-11-05", tmp_path / "sources.yaml", instance=instance,
                 http=None, exports=tmp_path / "exports")
    assert result.success
    (event,) = [m for m in result.asset_materializations_for_node("mentions")
                if m.asset_key.to_user_string() == "deal_mentions"]
    assert event.metadata["texts_cut"].value == 1
    assert any("characters of dump" in entry.user_message for entry in instance.all_logs(result.run_id))
