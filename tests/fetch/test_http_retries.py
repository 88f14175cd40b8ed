"""Retries with backoff and Retry-After, timeouts and dropped connections."""

from __future__ import annotations

import pytest

from pipelines.fetch.http import _parse_retry_after


def test_500_then_200_succeeds_on_retry_with_both_attempts_logged(http_site, client, recorded_sleep):
    result = client.fetch(http_site.url("/misbehave/flaky-500"))

    assert result.ok and result.status == 200
    assert result.body == b"<html><body>recovered</body></html>"
    assert [(a.status, a.error) for a in result.attempts] == [(500, "HTTP 500"), (200, None)]
    assert all(a.url == result.url for a in result.attempts)
    assert http_site.count("/misbehave/flaky-500") == 2
    assert len(recorded_sleep.calls) == 1


def test_persistent_500_gives_up_after_all_attempts_with_exponential_backoff(http_site, make_client, recorded_sleep):
    client = make_client(max_retries=3, backoff_base=0.1, backoff_max=0.3)

    result = client.fetch(http_site.url("/misbehave/always-500"))

    assert result.error == "HTTP 500 after 4 attempts"
    assert result.status == 500 and result.body == b""
    assert [a.status for a in result.attempts] == [500, 500, 500, 500]
    first, second, third = recorded_sleep.calls
    # equal jitter: between half and all of base * 2**n, and never more than backoff_max
    assert 0.05 <= first <= 0.1
    assert 0.1 <= second <= 0.2
    assert 0.15 <= third <= 0.3


def test_429_honours_retry_after_seconds(http_site, client, recorded_sleep):
    result = client.fetch(http_site.url("/misbehave/rate-limited"))

    assert result.ok and result.body == b"<html><body>welcome back</body></html>"
    assert [(a.status, a.error) for a in result.attempts] == [(429, "HTTP 429"), (200, None)]
    assert recorded_sleep.calls == [1.0]


def test_retry_after_as_http_date_is_capped_by_backoff_max(http_site, make_client, recorded_sleep):
    client = make_client(backoff_max=2.5)

    result = client.fetch(http_site.url("/misbehave/rate-limited-date"))  # asks for ~120 s

    assert result.ok
    assert [a.status for a in result.attempts] == [429, 200]
    assert recorded_sleep.calls == [2.5]


def test_no_retries_when_max_retries_is_zero(http_site, make_client, recorded_sleep):
    result = make_client(max_retries=0).fetch(http_site.url("/misbehave/always-500"))

    assert result.error == "HTTP 500"
    assert len(result.attempts) == 1
    assert recorded_sleep.calls == []


def test_timeout_when_server_is_slower_than_client(http_site, make_client):
    client = make_client(timeout=0.3, max_retries=0)

    result = client.fetch(http_site.url("/misbehave/slow?seconds=3"))

    assert result.error == "timeout after 0.3s"
    assert result.status is None and result.body == b""
    [attempt] = result.attempts
    assert attempt.status is None and attempt.error == "timeout after 0.3s"


def test_timeouts_are_retried(http_site, make_client):
    client = make_client(timeout=0.2, max_retries=1)

    result = client.fetch(http_site.url("/misbehave/slow?seconds=3"))

    assert result.error == "timeout after 0.2s (gave up after 2 attempts)"
    assert [a.error for a in result.attempts] == ["timeout after 0.2s"] * 2
    assert http_site.count("/misbehave/slow") == 2


def test_trickling_body_is_cut_by_the_request_deadline(http_site, make_client):
    # every byte arrives within the read timeout, the whole body would take ~13 s
    client = make_client(timeout=1.0, deadline=0.5, max_retries=0)

    result = client.fetch(http_site.url("/misbehave/trickle"))

    assert result.error == "timeout: no complete response within 0.5s (reading the body)"
    assert result.body == b""
    [attempt] = result.attempts
    assert attempt.status == 200 and 0 < attempt.bytes < 60


def test_connection_reset_without_response(http_site, client):
    result = client.fetch(http_site.url("/misbehave/reset"))

    assert result.status is None and result.body == b""
    assert result.error == "connection reset by peer (gave up after 3 attempts)"
    assert [(a.status, a.error) for a in result.attempts] == [(None, "connection reset by peer")] * 3
    assert http_site.count("/misbehave/reset") == 3


def test_connection_reset_once_then_success(http_site, client):
    result = client.fetch(http_site.url("/misbehave/reset-once"))

    assert result.ok and result.body == b"<html><body>second time lucky</body></html>"
    assert [a.error for a in result.attempts] == ["connection reset by peer", None]


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, None), ("", None), ("3", 3.0), (" 1.5 ", 1.5), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", "past")],
)
def test_parse_retry_after(header, expected):
    value = _parse_retry_after(header)
    if expected == "past":
        assert value is not None and value < 0  # a date in the past: the client clamps it to 0
    else:
        assert value == expected
