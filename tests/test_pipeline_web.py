"""The whole graph on web sources served by the local test site, misbehaving on purpose.

Each bad input is handled, logged in fetch_log, and never stops the other sources.
"""

import shutil

import pytest

from conftest import run_daily_job
from http_site import http_site_server  # noqa: F401  (fixture)
from pipelines import warehouse
from pipelines.ingest.records import document_id
from pipelines.parse import canonicalize_url

DAY, NEXT_DAY = "2026-11-27", "2026-11-28"
SOURCES = """
sources:
  - name: site-feed
    kind: feed
    url: {base}/conditional/feed.xml
  - name: site-newsroom
    kind: listing
    url: {base}/pipeline/newsroom.html
    link_selector: "ul.news a"
  - name: site-sitemap
    kind: sitemap
    url: {base}/sitemap_index.xml
    since_days: 30
  - name: bomb-feed
    kind: feed
    url: {base}/feeds/billion-laughs.xml
  - name: broken-feed
    kind: feed
    url: {base}/feeds/malformed.xml
  - name: dead-feed
    kind: feed
    url: http://127.0.0.1:9/feed.xml
  - name: local-wire
    kind: jsonl
    path: wire.jsonl
"""


@pytest.fixture(scope="module")
def web_run(tmp_path_factory, http_site_server):  # noqa: F811
    """One day's run over the test site, shared by the tests that only read its results."""
    http_site_server.reset()
    tmp_path = tmp_path_factory.mktemp("web")
    sources = tmp_path / "sources.yaml"
    sources.write_text(SOURCES.format(base=http_site_server.base_url), encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(
        '{"id": "w1", "lang": "de", "text": "OpenAI bezieht von AMD Chips mit bis zu 6 Gigawatt Leistung."}\n',
        encoding="utf-8",
    )
    database = tmp_path / "w.duckdb"
    result = run_daily_job(database, day=DAY, sources=sources)
    assert result.success
    return database, sources, result


def fetch_log(database, url_part):
    with warehouse.connect(database, read_only=True) as con:
        return warehouse.query_frame(
            con, "select * from fetch_log where url like ? order by attempted_at, attempt", [f"%{url_part}%"]
        ).to_dicts()


def stored(database, site, path, source="site-newsroom"):  # noqa: F811
    doc_id = document_id(source, canonicalize_url(site.url(path)))
    with warehouse.connect(database, read_only=True) as con:
        rows = warehouse.query_frame(
            con, "select r.*, a.text, a.parse_error, a.lang from raw_documents r "
                 "left join articles a using (doc_id) where doc_id = ?", [doc_id]).to_dicts()
    return rows[0] if rows else None


def test_failing_sources_are_reported_and_the_others_carry_on(web_run):
    database, _, result = web_run
    (check,) = [e.asset_check_evaluation_data for e in result.all_events
                if e.event_type_value == "ASSET_CHECK_EVALUATION"
                and e.asset_check_evaluation_data.check_name == "every_source_readable"]
    assert not check.passed
    failed = check.metadata["failed_sources"].value
    assert set(failed) == {"bomb-feed", "broken-feed", "dead-feed"}
    assert "malformed feed" in failed["broken-feed"]
    assert "refused" in failed["bomb-feed"] and "connection refused" in failed["dead-feed"]
    with warehouse.connect(database, read_only=True) as con:
        per_source = dict(con.execute("select source, count(*) from raw_documents group by source").fetchall())
    assert per_source["site-feed"] == 3  # four items, one a duplicate link
    assert per_source["site-sitemap"] >= 1 and per_source["local-wire"] == 1


def test_a_retried_page_is_stored_with_both_attempts_logged(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    assert [(r["status"], r["attempt"]) for r in fetch_log(database, "flaky-500")] == [(500, 1), (200, 2)]
    assert stored(database, http_site_server, "/misbehave/flaky-500")["http_status"] == 200


def test_a_429_is_retried_after_the_time_the_server_asks_for(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    rows = fetch_log(database, "/misbehave/rate-limited")
    assert [(r["status"], r["attempt"]) for r in rows] == [(429, 1), (200, 2)]
    assert (rows[1]["attempted_at"] - rows[0]["attempted_at"]).total_seconds() >= 0.9  # Retry-After: 1
    assert stored(database, http_site_server, "/misbehave/rate-limited")["http_status"] == 200


def test_a_timeout_is_retried_then_logged_and_not_stored(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    rows = fetch_log(database, "/misbehave/slow")
    assert len(rows) == 2 and all("timeout" in r["error"] for r in rows)
    assert stored(database, http_site_server, "/misbehave/slow?seconds=3") is None


def test_dead_pages_are_logged_not_stored(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    assert stored(database, http_site_server, "/misbehave/reset") is None
    assert all("reset" in r["error"] for r in fetch_log(database, "/misbehave/reset"))
    assert stored(database, http_site_server, "/misbehave/always-500") is None
    assert fetch_log(database, "always-500")[-1]["status"] == 500
    assert any("redirect loop" in (r["error"] or "") for r in fetch_log(database, "loop-"))


def test_a_huge_page_is_cut_off_and_kept(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    document = stored(database, http_site_server, "/misbehave/huge")
    assert document["truncated"] and document["n_bytes"] == 1_000_000
    rows = fetch_log(database, "/misbehave/huge")
    assert "cut off" in (rows[-1]["error"] or ""), rows


def test_a_latin1_page_under_a_utf8_header_keeps_its_umlauts(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    assert "Größe: 1,5 GW, Ärger" in stored(database, http_site_server, "/misbehave/latin1")["text"]


def test_robots_txt_is_honoured_and_logged(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    assert http_site_server.count("/private/secret.html") == 0
    assert "robots.txt" in fetch_log(database, "/private/secret.html")[0]["error"]
    assert fetch_log(database, "/robots.txt")[0]["status"] == 200


def test_a_pdf_is_kept_raw_with_a_clear_parse_error(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    document = stored(database, http_site_server, "/docs/report.pdf")
    assert document["content_type"] == "application/pdf"
    assert document["text"] == "" and "not an HTML or text document" in document["parse_error"]


def test_the_next_day_fetches_only_what_is_new_with_conditional_get(web_run, http_site_server, tmp_path):  # noqa: F811
    first_day, sources, _ = web_run
    database = tmp_path / "copy.duckdb"  # the next day runs on a copy: the other tests read the first day
    shutil.copy(first_day, database)
    with warehouse.connect(database, read_only=True) as con:
        documents_before = warehouse.scalar(con, "select count(*) from raw_documents")
    feed_article = "/articles/en/tpu-deal.html"
    requests_before = http_site_server.count(feed_article)
    assert run_daily_job(database, day=NEXT_DAY, sources=sources).success
    assert http_site_server.count(feed_article) == requests_before  # known URL: not fetched again
    feed_requests = http_site_server.requests_to("/conditional/feed.xml")
    assert feed_requests[-1].headers.get("if-none-match")
    assert fetch_log(database, "/conditional/feed.xml")[-1]["status"] == 304
    with warehouse.connect(database, read_only=True) as con:
        assert warehouse.scalar(con, "select count(*) from raw_documents") == documents_before
        assert warehouse.scalar(con, "select count(*) from http_validators") >= 1


def test_an_off_topic_article_is_kept_but_not_extracted_and_says_why(web_run, http_site_server):  # noqa: F811
    database, _, _ = web_run
    with warehouse.connect(database, read_only=True) as con:
        (article,) = warehouse.query_frame(
            con, "select * from articles where url like '%/pipeline/pokal.html'").to_dicts()
        assert article["is_relevant"] is False and article["relevance_reason"].startswith("dropped:")
        assert warehouse.scalar(con, "select count(*) from deal_mentions where article_id = ?", [article["article_id"]]) == 0
        kept = warehouse.query_frame(con, "select relevance_reason from articles where url like '%gpu-lease%'").to_dicts()
        assert kept[0]["relevance_reason"].startswith("kept:")
