"""One deadline per request whatever the server does, timeouts retried at most once, time budgets,
and a dead host reported as unreachable."""

from __future__ import annotations

import socket
import threading
import time

from pipelines.fetch import TimeBudget

SLOW_HEADERS = "/misbehave/slow-headers?interval=0.3&lines=40"  # 12 s of headers, a line every 0.3 s


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_headers_sent_one_line_at_a_time_are_cut_by_the_request_deadline(http_site, make_client):
    # every line arrives well within the 2 s read timeout: only the deadline can stop this
    client = make_client(timeout=2.0, deadline=0.8, max_retries=0)

    result, elapsed = timed(lambda: client.fetch(http_site.url(SLOW_HEADERS)))

    assert result.error == "timeout: no complete response within 0.8s (waiting for the headers)"
    assert result.status is None and result.body == b""
    [attempt] = result.attempts
    assert attempt.error == result.error and 700 <= attempt.elapsed_ms < 1600
    assert elapsed < 1.8


def test_a_timeout_is_retried_once_whatever_max_retries_says(http_site, make_client, recorded_sleep):
    client = make_client(timeout=2.0, deadline=0.5, max_retries=3)

    result, elapsed = timed(lambda: client.fetch(http_site.url(SLOW_HEADERS)))

    assert result.error == "timeout: no complete response within 0.5s (waiting for the headers) (gave up after 2 attempts)"
    assert len(result.attempts) == 2 and http_site.count("/misbehave/slow-headers") == 2
    assert len(recorded_sleep.calls) == 1 and elapsed < 2.5


def test_a_read_timeout_is_retried_once_too(http_site, make_client):
    client = make_client(timeout=0.2, max_retries=3)

    result = client.fetch(http_site.url("/misbehave/slow?seconds=3"))

    assert [a.error for a in result.attempts] == ["timeout after 0.2s"] * 2
    assert result.error == "timeout after 0.2s (gave up after 2 attempts)"


def test_errors_that_answer_fast_keep_all_their_retries(http_site, make_client):
    result = make_client(max_retries=3).fetch(http_site.url("/misbehave/always-500"))

    assert len(result.attempts) == 4


def test_a_request_running_into_the_end_of_the_budget_is_cut_there(http_site, make_client):
    client = make_client(timeout=5.0, deadline=30.0, max_retries=3)

    with client.spending(TimeBudget.starting_now(0.6, "test budget (0.6 s)")):
        result, elapsed = timed(lambda: client.fetch(http_site.url(SLOW_HEADERS)))

    assert result.error == "cut off waiting for the headers: test budget (0.6 s) used up"
    assert result.budget_exhausted and len(result.attempts) == 1 and result.attempts[0].cut
    assert elapsed < 1.5  # no retry after the budget is gone


def test_no_request_starts_once_the_budget_is_used_up(http_site, make_client):
    client = make_client()

    with client.spending(TimeBudget.starting_now(0, "test budget (0 s)")):
        result = client.fetch(http_site.url("/articles/en/tpu-deal.html"))

    assert result.error == "not requested: test budget (0 s) used up" and result.budget_exhausted
    assert result.attempts == [] and http_site.paths() == []  # not even robots.txt
    # the origin was not judged on a robots.txt fetch that never happened
    assert client.fetch(http_site.url("/articles/en/tpu-deal.html")).ok


def test_a_retry_that_cannot_finish_in_time_is_not_waited_for(http_site, make_client, recorded_sleep):
    client = make_client(max_retries=3, backoff_base=10.0, backoff_max=10.0)

    with client.spending(TimeBudget.starting_now(3, "test budget (3 s)")):
        result = client.fetch(http_site.url("/misbehave/always-500"))

    assert result.error == "HTTP 500" and result.budget_exhausted
    assert len(result.attempts) == 1 and recorded_sleep.calls == []


def test_a_rate_limit_slot_beyond_the_budget_is_not_taken(http_site, make_client):
    client = make_client(min_host_interval=30.0, respect_robots=False)

    with client.spending(TimeBudget.starting_now(2, "test budget (2 s)")):
        first = client.fetch(http_site.url("/articles/en/tpu-deal.html"))
        second, elapsed = timed(lambda: client.fetch(http_site.url("/articles/en/gpu-lease.html")))

    assert first.ok
    assert second.error == "not requested: test budget (2 s) used up" and second.attempts == []
    assert elapsed < 0.5 and http_site.count("/articles/en/gpu-lease.html") == 0


def test_budgets_nest_and_the_earlier_end_wins(make_client):
    client = make_client()
    run = TimeBudget.starting_now(1, "run")
    with client.spending(run):
        with client.spending(TimeBudget.starting_now(100, "source")) as effective:
            assert effective is run
        with client.spending(TimeBudget.starting_now(0.5, "short source")) as effective:
            assert effective.name == "short source"


def test_a_dead_host_is_unreachable_not_blocked_by_robots(make_client):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client(max_retries=1)

    result = client.fetch(f"http://127.0.0.1:{port}/feed.xml")

    assert result.error == "host unreachable: connection refused (gave up after 2 attempts), asking for robots.txt"
    assert "blocked" not in result.error and not result.refused
    [robots] = client.robots_fetch_results()
    assert [a.error for a in robots.attempts] == ["connection refused"] * 2


def test_no_watchdog_thread_outlives_its_request(http_site, make_client):
    client = make_client(deadline=60.0)
    for _ in range(5):
        assert client.fetch(http_site.url("/articles/en/tpu-deal.html")).ok
    time.sleep(0.05)
    assert not [t for t in threading.enumerate() if isinstance(t, threading.Timer) and t.is_alive()]
