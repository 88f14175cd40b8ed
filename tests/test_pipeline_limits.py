"""The whole graph against a local site that misbehaves on purpose: slow headers, a trickling body,
an endless feed, slow articles, a dead host, odd bytes. Every run finishes within its budgets,
every case is a row of fetch_log, and nothing stored before is lost."""

import socket
from datetime import timedelta

import dagster as dg
import pytest

from conftest import fast_http, pipeline_resources, run_daily_job
from http_site import http_site_server  # noqa: F401  (fixture)
from assets.ingest import raw_documents
from pipelines import warehouse

DAY, NEXT_DAY = "2026-12-01", "2026-12-02"
# The endless feed's 10,000 items take feedparser about a second to read (more on a busy machine):
# the source budget leaves room for that.
SETTINGS = dict(timeout_s=2.0, request_deadline_s=1.0, source_budget_s=5.0, run_budget_s=120.0,
                max_items_per_source=5, max_retries=1, max_bytes=2_000_000)
SOURCES = """
sources:
  - {{name: endless, kind: feed, url: "{base}/misbehave/endless-feed?items=10000&bad=1"}}
  - {{name: slow-headers, kind: feed, url: "{base}/misbehave/slow-headers?interval=0.3&lines=40"}}
  - {{name: trickle, kind: feed, url: "{base}/misbehave/trickle"}}
  - {{name: slow-items, kind: feed, url: "{base}/misbehave/endless-feed?items=100&delay=0.5", max_items: 100}}
  - {{name: dead, kind: feed, url: "http://127.0.0.1:{dead_port}/feed.xml"}}
  - {{name: odd-pages, kind: feed, url: "{base}/feeds/odd-pages.xml"}}
  - {{name: wire, kind: jsonl, path: wire.jsonl}}
"""
WIRE = '{"id": "w1", "lang": "de", "text": "OpenAI bezieht von AMD Chips mit bis zu 6 Gigawatt Leistung."}\n'


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_sources(folder, site, text=SOURCES):
    (folder / "wire.jsonl").write_text(WIRE, encoding="utf-8")
    path = folder / "sources.yaml"
    path.write_text(text.format(base=site.base_url, dead_port=unused_port()), encoding="utf-8")
    return path


def rows(database, sql, params=None):
    with warehouse.connect(database, read_only=True) as con:
        return warehouse.query_frame(con, sql, params).to_dicts()


def log_of(database, source, day=DAY):
    return rows(database, "select * from fetch_log where source = ? and partition_date = ? "
                          "order by attempted_at, attempt", [source, day])


def check_of(result):
    (check,) = [e.asset_check_evaluation_data for e in result.all_events
                if e.event_type_value == "ASSET_CHECK_EVALUATION"
                and e.asset_check_evaluation_data.check_name == "every_source_readable"]
    return check


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, http_site_server):  # noqa: F811
    """Day one on the hostile sources, then day two on the same file."""
    http_site_server.reset()
    folder = tmp_path_factory.mktemp("hostile")
    sources = write_sources(folder, http_site_server)
    database = folder / "w.duckdb"
    first = run_daily_job(database, day=DAY, sources=sources, http=fast_http(**SETTINGS))
    assert first.success
    with warehouse.connect(database, read_only=True) as con:
        day_one = {table: warehouse.query_frame(con, f"select * from {table} where partition_date = ?", [DAY])
                   for table in ("raw_documents", "articles")}
    requests_day_one = list(http_site_server.paths())
    second = run_daily_job(database, day=NEXT_DAY, sources=sources, http=fast_http(**SETTINGS))
    assert second.success
    return {"database": database, "first": first, "second": second, "day_one": day_one,
            "requests_day_one": requests_day_one, "site": http_site_server}


def test_failures_and_cuts_are_reported_and_the_others_carry_on(hostile):
    check = check_of(hostile["first"])
    assert not check.passed
    failed = check.metadata["failed_sources"].value
    assert set(failed) == {"slow-headers", "trickle", "dead"}
    cut = check.metadata["cut_sources"].value
    assert set(cut) == {"endless", "slow-items"}
    assert len(rows(hostile["database"], "select * from raw_documents where source = 'wire'")) == 1


def test_headers_sent_line_by_line_are_cut_at_the_deadline_and_retried_once(hostile):
    attempts = log_of(hostile["database"], "slow-headers")
    feed = [a for a in attempts if "slow-headers" in a["url"]]
    assert [a["attempt"] for a in feed] == [1, 2]  # max_retries is 1; a timeout is never retried twice
    for attempt in feed:
        assert attempt["error"] == "timeout: no complete response within 1s (waiting for the headers)"
        assert attempt["outcome"] == "error" and attempt["elapsed_ms"] < 1600


def test_a_trickling_body_is_cut_at_the_deadline(hostile):
    feed = [a for a in log_of(hostile["database"], "trickle") if "trickle" in a["url"]]
    assert len(feed) == 2 and all(a["error"].startswith("timeout: no complete response within 1s") for a in feed)
    assert all(a["elapsed_ms"] < 1600 for a in feed)


def test_an_endless_feed_is_capped_and_every_skipped_item_is_logged(hostile):
    database, site = hostile["database"], hostile["site"]
    attempts = log_of(database, "endless")
    fetched = [a for a in attempts if "/misbehave/item/" in a["url"] and a["outcome"] == "ok"]
    assert len(fetched) == 5
    (cut,) = [a for a in attempts if a["outcome"] == "limit"]
    assert cut["error"] == "limit: 5 new items fetched (max_items_per_source); 9995 more left for the next run"
    skipped = {a["error"] for a in attempts if a["outcome"] == "skipped"}
    assert skipped == {"skipped feed item: not an http(s) link (javascript:)",
                       "skipped feed item: not an http(s) link (file:)",
                       "skipped feed item: no link", "skipped feed item: the feed lists this link twice"}
    # a feed read only in part keeps no validators: tomorrow's run must see the whole feed again
    assert not rows(database, "select * from http_validators where url like '%endless-feed%'")


def test_the_next_run_continues_where_the_cap_stopped(hostile):
    database = hostile["database"]
    first = {a["url"] for a in log_of(database, "endless", DAY) if "/misbehave/item/" in a["url"] and a["status"]}
    second = {a["url"] for a in log_of(database, "endless", NEXT_DAY) if "/misbehave/item/" in a["url"] and a["status"]}
    assert len(first) == len(second) == 5 and not first & second  # nothing fetched twice
    stored = rows(database, "select partition_date::varchar as day, count(*) as n from raw_documents "
                            "where source = 'endless' group by day order by day")
    assert stored == [{"day": DAY, "n": 5}, {"day": NEXT_DAY, "n": 5}]


def test_a_slow_source_stops_at_its_time_budget(hostile):
    attempts = log_of(hostile["database"], "slow-items")
    (cut,) = [a for a in attempts if a["outcome"] == "limit" and a["error"].startswith("limit:")]
    assert cut["error"].startswith("limit: time budget of source 'slow-items' (5 s) used up; ")
    assert cut["error"].endswith("links not fetched, left for the next run")
    fetched = [a for a in attempts if "/misbehave/item/" in a["url"]]
    assert 4 <= len(fetched) <= 10  # 0.5 s each within 5 s
    started = min(a["attempted_at"] for a in attempts)
    ended = max(a["attempted_at"] + timedelta(milliseconds=a["elapsed_ms"] or 0) for a in attempts)
    assert (ended - started).total_seconds() < 5.0 + 0.5


def test_a_dead_host_is_logged_as_unreachable(hostile):
    attempts = log_of(hostile["database"], "dead")
    robots = [a for a in attempts if a["url"].endswith("/robots.txt")]
    assert [a["error"] for a in robots] == ["connection refused"] * 2
    (feed,) = [a for a in attempts if a["url"].endswith("/feed.xml")]
    assert feed["error"] == "host unreachable: connection refused (gave up after 2 attempts), asking for robots.txt"
    assert feed["outcome"] == "error" and "robots.txt" not in feed["error"].split(",")[0]


def test_odd_bytes_stay_utf8_and_template_content_stays_out(hostile):
    articles = {r["url"].rsplit("/", 1)[1]: r for r in rows(
        hostile["database"], "select url, text, encoding from articles where source = 'odd-pages'")}
    utf8 = articles["bad-utf8"]
    assert "“up to 2 gigawatts” of capacity to Beispiel AI – a deal worth $9bn" in utf8["text"]
    assert utf8["encoding"] == "utf-8 (3 invalid bytes replaced)"
    template = articles["template"]
    assert "Hidden teaser" not in template["text"] and "new sites in Norway" in template["text"]


def test_nothing_stored_on_the_first_day_is_lost_on_the_second(hostile):
    database = hostile["database"]
    with warehouse.connect(database, read_only=True) as con:
        for table, before in hostile["day_one"].items():
            after = warehouse.query_frame(con, f"select * from {table} where partition_date = ?", [DAY])
            assert after.sort(after.columns[0]).equals(before.sort(before.columns[0])), table
        runs = warehouse.scalar(con, "select count(distinct run_id) from fetch_log")
    assert runs == 2


def test_the_run_budget_stops_the_remaining_web_sources(tmp_path, http_site_server):  # noqa: F811
    http_site_server.reset()
    sources = write_sources(tmp_path, http_site_server, """
sources:
  - {{name: slow-items, kind: feed, url: "{base}/misbehave/endless-feed?items=100&delay=0.3", max_items: 100}}
  - {{name: odd-pages, kind: feed, url: "{base}/feeds/odd-pages.xml"}}
  - {{name: wire, kind: jsonl, path: wire.jsonl}}
""")
    database = tmp_path / "w.duckdb"
    resources = pipeline_resources(database, sources, http=fast_http(**{**SETTINGS, "source_budget_s": 100.0,
                                                                           "run_budget_s": 1.5}))
    result = dg.materialize([raw_documents], resources=resources, partition_key=DAY,
                            instance=dg.DagsterInstance.ephemeral())
    assert result.success
    failed = check_of(result).metadata["failed_sources"].value
    assert failed == {"odd-pages": "not read: run time budget (1.5 s) used up"}
    (cut,) = [a for a in log_of(database, "slow-items") if a["error"] and a["error"].startswith("limit:")]
    assert cut["error"].startswith("limit: run time budget (1.5 s) used up; ")
    (not_read,) = log_of(database, "odd-pages")
    assert not_read["outcome"] == "limit" and not_read["error"] == failed["odd-pages"]
    assert http_site_server.count("/feeds/odd-pages.xml") == 0
    assert [a["outcome"] for a in log_of(database, "wire")] == ["ok"]  # files are read whatever the web did
