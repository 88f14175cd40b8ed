"""Fixtures for the fetch tests: the local site and a fast, fully observable HttpClient."""

from __future__ import annotations

import pytest

# tests/ is on sys.path while tests/ has no __init__.py (pytest's default "prepend" import
# mode); if it ever becomes a package, the site is importable as tests.http_site instead
try:
    from http_site import http_site, http_site_server  # noqa: F401
except ImportError:  # pragma: no cover
    from tests.http_site import http_site, http_site_server  # noqa: F401

from pipelines.fetch import HttpClient

USER_AGENT = "compute-deals-tests/0.1 (+https://github.com/compute-deals/compute-deals)"


class RecordingSleep:
    """Stands in for time.sleep: records the delays asked for and returns at once,
    so retry and Retry-After behaviour is asserted without waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def recorded_sleep() -> RecordingSleep:
    return RecordingSleep()


@pytest.fixture
def make_client(recorded_sleep: RecordingSleep):
    """Build HttpClients with test-sized limits; keyword arguments override the defaults."""
    clients: list[HttpClient] = []

    def build(**overrides) -> HttpClient:
        settings = dict(
            user_agent=USER_AGENT,
            timeout=2.0,
            max_bytes=1_000_000,
            max_retries=2,
            backoff_base=0.01,
            backoff_max=5.0,
            min_host_interval=0.0,
            max_redirects=5,
            respect_robots=True,
            use_environment=False,
            sleep=recorded_sleep,
        )
        settings.update(overrides)
        client = HttpClient(**settings)
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client) -> HttpClient:
    return make_client()
