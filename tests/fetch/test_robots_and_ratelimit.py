"""robots.txt handling and the per-host rate limit."""

from __future__ import annotations

import threading

from pipelines.fetch.ratelimit import HostRateLimiter


def test_disallowed_path_is_never_requested(http_site, client):
    result = client.fetch(http_site.url("/private/secret.html"))

    assert result.error == "blocked by robots.txt"
    assert result.attempts == []
    assert result.body == b"" and result.status is None
    assert "/private/secret.html" not in http_site.paths()
    assert http_site.paths() == ["/robots.txt"]


def test_robots_txt_is_fetched_once_per_host_and_logged(http_site, client):
    for path in ("/articles/en/tpu-deal.html", "/private/secret.html", "/articles/en/gpu-lease.html"):
        client.fetch(http_site.url(path))

    assert http_site.count("/robots.txt") == 1
    [robots] = client.robots_fetch_results()
    assert robots.url == http_site.url("/robots.txt")
    assert robots.status == 200 and len(robots.attempts) == 1
    [request] = http_site.requests_to("/robots.txt")
    assert request.headers["user-agent"] == client.user_agent


def test_redirect_into_a_disallowed_path_is_blocked(http_site, client):
    result = client.fetch(http_site.url("/misbehave/to-private"))

    assert result.error == f"blocked by robots.txt (redirect to {http_site.url('/private/secret.html')})"
    assert [a.status for a in result.attempts] == [302]
    assert "/private/secret.html" not in http_site.paths()


def test_missing_robots_txt_allows_everything(http_site, client):
    http_site.robots_status = 404

    result = client.fetch(http_site.url("/private/secret.html"))

    assert result.ok and b"robots.txt forbids" in result.body


def test_robots_txt_server_error_disallows_the_whole_host(http_site, make_client, recorded_sleep):
    http_site.robots_status = 503
    client = make_client(max_retries=1)

    first = client.fetch(http_site.url("/articles/en/tpu-deal.html"))
    second = client.fetch(http_site.url("/articles/de/cloud-vertrag.html"))

    expected = "blocked by robots.txt (robots.txt unreachable: HTTP 503 after 2 attempts)"
    assert first.error == second.error == expected
    assert first.attempts == [] and second.attempts == []
    assert http_site.paths() == ["/robots.txt", "/robots.txt"]  # one fetch, retried once, then cached


def test_respect_robots_false_skips_robots_txt(http_site, make_client):
    result = make_client(respect_robots=False).fetch(http_site.url("/private/secret.html"))

    assert result.ok
    assert "/robots.txt" not in http_site.paths()


def test_rules_for_our_user_agent_apply(http_site, client):
    http_site.robots_txt = "User-agent: compute-deals-tests\nDisallow: /feeds/\n\nUser-agent: *\nDisallow: /\n"

    assert client.fetch(http_site.url("/articles/en/tpu-deal.html")).ok
    assert client.fetch(http_site.url("/feeds/rss.xml")).error == "blocked by robots.txt"


def test_crawl_delay_slows_that_host_down(http_site, make_client, recorded_sleep):
    http_site.robots_txt = "User-agent: *\nCrawl-delay: 7\nDisallow: /private/\n"
    client = make_client(min_host_interval=0.0)

    client.fetch(http_site.url("/articles/en/tpu-deal.html"))

    assert client.rate_limiter.interval_for(f"127.0.0.1:{http_site.port}") == 7.0


def test_min_host_interval_is_applied_between_requests(http_site, make_client, recorded_sleep):
    client = make_client(min_host_interval=30.0)  # the recorded sleep returns at once

    client.fetch(http_site.url("/articles/en/tpu-deal.html"))  # robots.txt, then the page

    assert len(recorded_sleep.calls) == 1  # the page waited for the robots.txt request's slot
    assert 25 < recorded_sleep.calls[0] <= 30


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_rate_limiter_spaces_requests_per_host():
    clock = FakeClock()
    limiter = HostRateLimiter(1.0, clock=clock, sleep=clock.sleep)

    assert limiter.wait("a.example") == 0
    assert limiter.wait("b.example") == 0  # other hosts do not wait
    assert limiter.wait("A.example") == 1.0  # host names are case-insensitive
    clock.now += 5
    assert limiter.wait("a.example") == 0
    assert clock.sleeps == [1.0]


def test_rate_limiter_host_interval_never_goes_below_default():
    clock = FakeClock()
    limiter = HostRateLimiter(2.0, clock=clock, sleep=clock.sleep)
    limiter.set_host_interval("slow.example", 10)
    limiter.set_host_interval("fast.example", 0.5)

    assert limiter.interval_for("slow.example") == 10
    assert limiter.interval_for("fast.example") == 2.0


def test_rate_limiter_reserves_distinct_slots_for_concurrent_callers():
    clock = FakeClock()
    waits: list[float] = []
    lock = threading.Lock()
    limiter = HostRateLimiter(1.0, clock=clock, sleep=lambda s: None)  # time stands still

    def worker() -> None:
        waited = limiter.wait("a.example")
        with lock:
            waits.append(waited)

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(waits) == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_robots_cache_fetches_once_under_concurrency():
    from pipelines.fetch.results import FetchResult
    from pipelines.fetch.robots import RobotsCache

    calls: list[str] = []
    gate = threading.Event()

    def slow_fetch(url: str) -> FetchResult:
        calls.append(url)
        gate.wait(1)  # keep the first caller inside while the others arrive
        body = b"User-agent: *\nDisallow: /private/\n"
        return FetchResult(url, url, 200, "text/plain", body, False, None, None, False, None, [])

    cache = RobotsCache("bot/1", slow_fetch)
    answers: list[bool] = []

    def ask(path: str) -> None:
        answers.append(cache.check(f"https://example.org{path}").allowed)

    threads = [threading.Thread(target=ask, args=(p,)) for p in ("/a", "/private/b", "/c", "/private/d")]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join()

    assert calls == ["https://example.org/robots.txt"]
    assert sorted(answers) == [False, False, True, True]
