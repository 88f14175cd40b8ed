"""Property tests: the parsing helpers take any bytes or text without raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.fetch import parse_feed
from pipelines.fetch.links import absolute_http_url, parse_w3c_datetime
from pipelines.fetch.xmlsafety import MalformedXmlError, UnsafeXmlError, parse_safely

XML_ISH = st.one_of(
    st.binary(max_size=300),
    st.text(alphabet="<>/!&;[]\"'=?xmlrsntiemDOCTYPENTITY ä-", max_size=300).map(str.encode),
)


@settings(max_examples=150, deadline=None)
@given(XML_ISH)
def test_parse_feed_returns_links_or_a_problem(data):
    parsed = parse_feed(data, base_url="https://example.org/feed.xml")
    assert isinstance(parsed.links, list) and isinstance(parsed.skipped, tuple)
    assert parsed.problem is None or isinstance(parsed.problem, str)


@settings(max_examples=150, deadline=None)
@given(XML_ISH)
def test_parse_safely_raises_only_its_own_errors(data):
    try:
        parse_safely(data, allow_doctype=False)
    except (UnsafeXmlError, MalformedXmlError):
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_w3c_dates_and_links_never_raise(text):
    parsed = parse_w3c_datetime(text)
    assert parsed is None or parsed.tzinfo is not None
    url = absolute_http_url("https://example.org/news/", text)
    assert url is None or url.startswith(("http://", "https://"))


def test_known_edge_cases():
    assert absolute_http_url("https://example.org/", "http://[::1") is None
    assert absolute_http_url("https://example.org/", "http://a.example:99999/") is None
    assert absolute_http_url("https://example.org/news/", "../a#top") == "https://example.org/a"
    assert absolute_http_url("https://example.org/", "mailto:x@example.org") is None
    assert parse_w3c_datetime("0001-01-01T00:00:00+01:00") is None
    assert parse_w3c_datetime("2026-11") is not None
    assert parse_w3c_datetime("2026-11-20T08:15:00.123Z").hour == 8
    assert parse_w3c_datetime("not a date") is None
