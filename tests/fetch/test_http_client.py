"""HttpClient on well-behaved pages: bytes, headers, conditional GET, pooling."""

from __future__ import annotations

from datetime import UTC, datetime

from pipelines.fetch import FetchAttempt, FetchResult

from .conftest import USER_AGENT

try:
    from http_site import CONDITIONAL_ETAG, CONDITIONAL_LAST_MODIFIED, LATIN1_BODY, PAGES_DIR, PDF_BODY
except ImportError:  # pragma: no cover
    from tests.http_site import CONDITIONAL_ETAG, CONDITIONAL_LAST_MODIFIED, LATIN1_BODY, PAGES_DIR, PDF_BODY


def test_german_article_bytes_arrive_unchanged(http_site, client):
    result = client.fetch(http_site.url("/articles/de/rechenzentrum-gigawatt.html"))

    expected = (PAGES_DIR / "articles/de/rechenzentrum-gigawatt.html").read_bytes()
    expected = expected.replace(b"{{BASE}}", http_site.base_url.encode())
    assert isinstance(result, FetchResult)
    assert result.ok and result.error is None
    assert result.status == 200
    assert result.body == expected
    assert "Größe".encode() in result.body
    assert result.content_type == "text/html; charset=utf-8"
    assert result.final_url == result.url == http_site.url("/articles/de/rechenzentrum-gigawatt.html")
    assert not result.truncated and not result.not_modified

    [attempt] = result.attempts
    assert isinstance(attempt, FetchAttempt)
    assert attempt.url == result.url
    assert attempt.status == 200
    assert attempt.bytes == len(expected)
    assert attempt.error is None
    assert attempt.elapsed_ms >= 0
    assert attempt.started_at.tzinfo is UTC
    assert abs((datetime.now(UTC) - attempt.started_at).total_seconds()) < 60


def test_english_article_and_request_headers(http_site, client):
    result = client.fetch(http_site.url("/articles/en/tpu-deal.html"))

    assert result.ok and b"one million chips" in result.body
    [request] = http_site.requests_to("/articles/en/tpu-deal.html")
    assert request.headers["user-agent"] == USER_AGENT
    assert "text/html" in request.headers["accept"]
    assert "if-none-match" not in request.headers
    assert "if-modified-since" not in request.headers


def test_wrong_charset_header_keeps_latin1_bytes_intact(http_site, client):
    result = client.fetch(http_site.url("/misbehave/latin1"))

    assert result.ok
    assert result.body == LATIN1_BODY  # decoding (and charset sniffing) is the parser's job
    assert result.content_type == "text/html; charset=utf-8"


def test_pdf_bytes_and_content_type_are_kept(http_site, client):
    result = client.fetch(http_site.url("/docs/report.pdf"))

    assert result.ok
    assert result.body == PDF_BODY
    assert result.content_type == "application/pdf"


def test_not_found_is_an_error_without_retry(http_site, client, recorded_sleep):
    result = client.fetch(http_site.url("/articles/en/does-not-exist.html"))

    assert result.error == "HTTP 404"
    assert result.status == 404
    assert result.body == b""
    assert [a.status for a in result.attempts] == [404]
    assert recorded_sleep.calls == []


def test_conditional_get_returns_not_modified_on_second_fetch(http_site, client):
    url = http_site.url("/conditional/article.html")
    first = client.fetch(url)
    assert first.ok and first.status == 200 and first.body
    assert first.etag == CONDITIONAL_ETAG
    assert first.last_modified == CONDITIONAL_LAST_MODIFIED

    second = client.fetch(url, etag=first.etag, last_modified=first.last_modified)

    assert second.not_modified is True
    assert second.status == 304
    assert second.error is None and second.ok
    assert second.body == b""
    assert second.etag == CONDITIONAL_ETAG
    assert [a.status for a in second.attempts] == [304]
    _, conditional_request = http_site.requests_to("/conditional/article.html")
    assert conditional_request.headers["if-none-match"] == CONDITIONAL_ETAG
    assert conditional_request.headers["if-modified-since"] == CONDITIONAL_LAST_MODIFIED


def test_conditional_get_with_last_modified_only(http_site, client):
    result = client.fetch(http_site.url("/conditional/article.html"), last_modified=CONDITIONAL_LAST_MODIFIED)

    assert result.not_modified and result.body == b""
    [request] = http_site.requests_to("/conditional/article.html")
    assert "if-none-match" not in request.headers


def test_connections_are_pooled_per_host(http_site, client):
    client.fetch(http_site.url("/articles/en/tpu-deal.html"))
    client.fetch(http_site.url("/articles/en/gpu-lease.html"))

    [first] = http_site.requests_to("/articles/en/tpu-deal.html")
    [second] = http_site.requests_to("/articles/en/gpu-lease.html")
    assert first.client_port == second.client_port  # one keep-alive connection, reused


def test_unsupported_scheme_is_refused_without_a_request(http_site, client):
    result = client.fetch("ftp://127.0.0.1/pub/file.txt")

    assert result.error == "unsupported scheme ftp"
    assert result.attempts == []
    assert result.status is None and result.body == b""


def test_garbage_urls_come_back_as_errors_without_requests(client):
    assert client.fetch("not a url").error == "unsupported scheme (none)"
    assert client.fetch("http://").error.startswith("invalid URL (no host)")
    assert client.fetch("http://[::1").error == "invalid URL: Invalid IPv6 URL"
    assert client.fetch("http://127.0.0.1:99999/").error == "invalid URL: Port out of range 0-65535"
    bad_host = client.fetch("http://exa mple.org/")
    assert bad_host.error.startswith("invalid URL: ") and bad_host.attempts == []
    assert client.robots_fetch_results() == []  # refused before robots.txt was even considered


def test_non_ascii_paths_are_percent_encoded(http_site, client):
    result = client.fetch(http_site.url("/artikel/größe.html"))

    assert result.error == "HTTP 404"
    assert "/artikel/gr%C3%B6%C3%9Fe.html" in http_site.paths()


def test_connection_refused_is_reported(make_client):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client(max_retries=1, respect_robots=False)

    result = client.fetch(f"http://127.0.0.1:{port}/")

    assert result.error == "connection refused (gave up after 2 attempts)"
    assert [a.error for a in result.attempts] == ["connection refused", "connection refused"]


def test_client_works_as_context_manager(http_site, make_client):
    with make_client() as client:
        assert client.fetch(http_site.url("/articles/en/gpu-lease.html")).ok


def test_unexpected_exceptions_become_errors(http_site, make_client, monkeypatch):
    client = make_client(respect_robots=False)

    def broken_get(*args, **kwargs):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(client._session, "get", broken_get)

    result = client.fetch(http_site.url("/articles/en/tpu-deal.html"))

    assert result.error == "internal error: RuntimeError: something nobody expected"
    assert result.body == b""
