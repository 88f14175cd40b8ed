"""Redirects (chains, loops, scheme changes) and the body size limit."""

from __future__ import annotations

import pytest

try:
    from http_site import HUGE_BODY_BYTES, PAGES_DIR
except ImportError:  # pragma: no cover
    from tests.http_site import HUGE_BODY_BYTES, PAGES_DIR

from pipelines.fetch.http import READ_CHUNK_BYTES


def test_redirect_chain_within_limit_is_followed(http_site, client):
    result = client.fetch(http_site.url("/misbehave/chain/3"))

    assert result.ok and result.body == b"<html><body>end of chain</body></html>"
    assert result.url == http_site.url("/misbehave/chain/3")
    assert result.final_url == http_site.url("/misbehave/chain/0")
    assert [a.status for a in result.attempts] == [301, 301, 301, 200]
    assert [a.url for a in result.attempts] == [http_site.url(f"/misbehave/chain/{n}") for n in (3, 2, 1, 0)]


def test_too_many_redirects(http_site, make_client):
    result = make_client(max_redirects=2).fetch(http_site.url("/misbehave/chain/5"))

    assert result.error == "too many redirects (more than 2)"
    assert result.body == b""
    assert len(result.attempts) == 3  # the original request and two followed hops
    assert "/misbehave/chain/2" not in http_site.paths()


def test_redirect_loop_is_detected(http_site, client):
    result = client.fetch(http_site.url("/misbehave/loop-a"))

    assert result.error is not None and result.error.startswith("redirect loop: ")
    assert result.error.endswith("/misbehave/loop-a")
    assert [a.status for a in result.attempts] == [302, 302]
    assert http_site.paths().count("/misbehave/loop-a") == 1


def test_redirect_to_ftp_is_refused(http_site, client):
    result = client.fetch(http_site.url("/misbehave/to-ftp"))

    assert result.error == "unsupported scheme ftp (redirect to ftp://127.0.0.1/pub/file.txt)"
    assert result.final_url == "ftp://127.0.0.1/pub/file.txt"
    assert result.body == b""
    assert [a.status for a in result.attempts] == [302]


def test_redirect_without_location(http_site, client):
    result = client.fetch(http_site.url("/misbehave/no-location"))

    assert result.error == "HTTP 302 redirect without Location header"
    assert len(result.attempts) == 1


@pytest.mark.parametrize(("max_bytes", "limit_text"), [(100_000, "100 kB"), (1_000_000, "1 MB")])
def test_huge_body_is_cut_off_at_max_bytes(http_site, make_client, max_bytes, limit_text):
    client = make_client(max_bytes=max_bytes)

    result = client.fetch(http_site.url("/misbehave/huge"))

    assert result.truncated is True
    assert len(result.body) == max_bytes
    assert result.error == f"body over {limit_text} limit: cut off"
    assert result.status == 200
    [attempt] = result.attempts  # not retried: the server did nothing wrong
    assert attempt.error == result.error
    assert max_bytes < attempt.bytes <= max_bytes + READ_CHUNK_BYTES
    # the client hung up: the server never got to send all 40 MiB
    [request] = http_site.requests_to("/misbehave/huge")
    assert request.finished.wait(10)
    assert request.client_gave_up
    assert request.bytes_sent < HUGE_BODY_BYTES


def test_body_exactly_at_the_limit_is_not_truncated(http_site, make_client):
    body_size = len(make_client().fetch(http_site.url("/docs/report.pdf")).body)

    result = make_client(max_bytes=body_size).fetch(http_site.url("/docs/report.pdf"))

    assert result.ok and not result.truncated and len(result.body) == body_size


def test_chunked_gzip_body_is_decoded(http_site, client):
    result = client.fetch(http_site.url("/misbehave/chunked-gzip"))

    expected = (PAGES_DIR / "articles/de/rechenzentrum-gigawatt.html").read_bytes()
    assert result.ok and result.body == expected
    assert http_site.requests_to("/misbehave/chunked-gzip")[0].headers["accept-encoding"].startswith("gzip")


def test_gzip_bomb_is_cut_off_after_decoding_max_bytes(http_site, make_client):
    result = make_client(max_bytes=1_000_000).fetch(http_site.url("/misbehave/gzip-bomb"))

    # the limit counts decoded bytes: 50 MB of zeros never get unpacked in full
    assert result.truncated and len(result.body) == 1_000_000
    assert result.error == "body over 1 MB limit: cut off"
    assert result.attempts[0].bytes <= 1_000_000 + READ_CHUNK_BYTES
