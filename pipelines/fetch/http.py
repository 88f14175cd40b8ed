"""HttpClient: one polite, bounded, never-raising way to GET a URL.

Bounded in time three ways: a socket timeout between bytes (`timeout`), one deadline for the
whole request, connect, headers and body (`deadline`, enforced by a watchdog that shuts the socket,
see watchdog.py), and the caller's time budget (`with client.spending(budget):`), which no request,
retry or rate-limit wait may overrun. Timeouts are retried at most once.

Why an own retry and redirect loop instead of urllib3's Retry and requests' redirect handling:
the pipeline logs every attempt on the wire (FetchAttempt -> fetch_log), and every redirect
hop must be checked against the scheme whitelist, robots.txt and the per-host rate limit
before it is requested. requests/urllib3 still do connection pooling, TLS, chunked and
gzip decoding; their own retries and redirects are switched off.
"""

from __future__ import annotations

import http.client
import logging
import random
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3.exceptions
from urllib3.util import parse_url

from .budget import TimeBudget
from .ratelimit import HostRateLimiter
from .results import FetchAttempt, FetchResult
from .robots import ROBOTS_MAX_BYTES, RobotsCache
from .watchdog import WatchedAdapter, Watchdog

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
READ_CHUNK_BYTES = 64 * 1024
# robots.txt may ask for a slower pace; beyond this a daily run would never finish
MAX_CRAWL_DELAY_SECONDS = 60.0
# A URL that timed out twice is not worth a third wait: timeouts are retried at most once,
# whatever max_retries says for errors that answer fast (5xx, 429, resets).
MAX_TIMEOUT_RETRIES = 1
DEFAULT_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8"
)


@dataclass(slots=True)
class _AttemptOutcome:
    """What one request produced, before it is folded into a FetchResult."""

    record: FetchAttempt | None = None  # filled in by _attempt once the request is over
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # set for a redirect answer
    retry_after: str | None = None
    body: bytes = b""
    truncated: bool = False
    error: str | None = None
    retryable: bool = False
    timed_out: bool = False  # a timeout or the request deadline: retried at most once
    budget_exhausted: bool = False  # the caller's time budget: never retried
    requested: bool = True  # False when the budget ran out before the request was sent
    bytes_read: int = 0


@dataclass(slots=True)
class _HopOutcome:
    """The last attempt at one URL (one redirect hop) and how many attempts it took."""

    last: _AttemptOutcome
    attempt_count: int


class HttpClient:
    """GET with retries, robots.txt, per-host rate limit, redirect and size limits.

    `fetch` never raises for network or content problems: they come back in FetchResult.error.
    The rate limiter and robots cache are thread-safe; requests.Session is not documented as
    such, so give each worker thread its own HttpClient if fetching in parallel.
    """

    def __init__(
        self,
        user_agent: str,
        timeout: float = 20.0,
        max_bytes: int = 10_000_000,
        max_retries: int = 3,
        backoff_base: float = 1.0,
        backoff_max: float = 30.0,
        min_host_interval: float = 1.0,
        max_redirects: int = 5,
        respect_robots: bool = True,
        *,
        deadline: float | None = None,
        extra_headers: dict[str, str] | None = None,
        use_environment: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[float, float], float] = random.uniform,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_retries = max(0, max_retries)
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        # read timeouts only bound the gap between bytes; the deadline bounds the whole request
        # (slow headers, a trickling body), whatever the server does
        self.deadline = deadline if deadline is not None else 3 * timeout
        self._sleep = sleep
        self._jitter = jitter
        self._clock = clock
        self._budget: TimeBudget | None = None
        self.rate_limiter = HostRateLimiter(min_host_interval, sleep=sleep)
        self.robots = RobotsCache(user_agent, self._fetch_robots_txt, on_rules=self._apply_crawl_delay)

        self._session = requests.Session()
        # HTTP(S)_PROXY, NO_PROXY, .netrc and REQUESTS_CA_BUNDLE; tests switch this off so a
        # proxy in the environment cannot stand between them and the local site
        self._session.trust_env = use_environment
        # retries and redirects are ours (see module doc); the adapter only pools connections
        adapter = WatchedAdapter(pool_connections=16, pool_maxsize=16, max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.update(
            {"User-Agent": user_agent, "Accept": DEFAULT_ACCEPT, "Accept-Language": "de,en;q=0.8"}
        )
        if extra_headers:
            self._session.headers.update(extra_headers)

    # --- public API -------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url`; send If-None-Match / If-Modified-Since when etag / last_modified are given."""
        attempts: list[FetchAttempt] = []  # outside _fetch, so an unexpected error keeps them
        try:
            return self._fetch(
                url, etag=etag, last_modified=last_modified, check_robots=self.respect_robots, attempts=attempts
            )
        except Exception as exc:  # the API promises results, not exceptions; keep the cause visible
            log.exception("unexpected error fetching %s", url)
            return _failure(url, url, f"internal error: {type(exc).__name__}: {exc}", attempts)

    @contextmanager
    def spending(self, budget: TimeBudget | None) -> Iterator[TimeBudget | None]:
        """Within the block, no request starts after `budget` ends and none runs past it
        (requests, retries, rate-limit waits and robots.txt alike)."""
        previous = self._budget
        self._budget = budget.within(previous) if budget is not None else previous
        try:
            yield self._budget
        finally:
            self._budget = previous

    def robots_fetch_results(self) -> list[FetchResult]:
        """The robots.txt fetches made so far (their attempts belong in the fetch log too)."""
        return list(self.robots.fetch_results)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- one URL, following redirects ---------------------------------------------------

    def _fetch(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        check_robots: bool,
        max_bytes: int | None = None,
        attempts: list[FetchAttempt] | None = None,
    ) -> FetchResult:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes if max_bytes is not None else self.max_bytes

        attempts = attempts if attempts is not None else []
        chain = [url]
        current = url
        while True:
            refusal = self._refusal(current, check_robots)
            if refusal is not None:
                message, refused = refusal
                if self._budget is not None and self._budget.exhausted:
                    # robots.txt could not be read in time: that says nothing about the host
                    return _failure(url, current, self._budget_message(), attempts, budget_exhausted=True)
                if current != url:
                    message = f"{message} (redirect to {current})"
                return _failure(url, current, message, attempts, refused=refused)

            hop = self._request_with_retries(current, headers, limit, attempts)
            last = hop.last
            if last.location is None:
                return _result(url, current, hop, attempts, etag, last_modified)

            try:
                target = _without_fragment(urljoin(current, last.location))
            except ValueError:
                return _failure(url, current, f"invalid redirect target: {last.location}", attempts, status=last.status)
            if target in chain:
                loop = " -> ".join([*chain[chain.index(target):], target])
                return _failure(url, current, f"redirect loop: {loop}", attempts, status=last.status)
            if len(chain) > self.max_redirects:
                return _failure(
                    url, current, f"too many redirects (more than {self.max_redirects})", attempts, status=last.status
                )
            chain.append(target)
            current = target

    def _refusal(self, url: str, check_robots: bool) -> tuple[str, bool] | None:
        """Why `url` must not be requested at all, and whether that is a rule (True) rather than
        a failure (False, a dead host); None when it may be requested."""
        try:
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme not in ALLOWED_SCHEMES:
                return f"unsupported scheme {scheme or '(none)'}", True
            if not parts.hostname:
                return f"invalid URL (no host): {url}", True
            parts.port  # noqa: B018 - raises on a port out of range
            parse_url(url)  # what urllib3 will do; raises on hosts it cannot use
        except ValueError as exc:
            # checked before robots.txt, or a typo would read as "robots.txt unreachable"
            return f"invalid URL: {exc}", True
        if check_robots:
            decision = self.robots.check(url)
            if not decision.allowed and decision.unreachable:
                return f"host unreachable: {decision.reason}", False
            if not decision.allowed:
                return "blocked by robots.txt" + (f" ({decision.reason})" if decision.reason else ""), True
        return None

    # --- one URL, with retries ----------------------------------------------------------

    def _request_with_retries(
        self, url: str, headers: dict[str, str], max_bytes: int, attempts: list[FetchAttempt]
    ) -> _HopOutcome:
        """Request `url` until it succeeds, fails for good or retries run out; logs into `attempts`."""
        retry = timeouts = 0
        previous: _AttemptOutcome | None = None
        while True:
            outcome = self._attempt(url, headers, max_bytes)
            if not outcome.requested and previous is not None:
                # the budget ran out before the retry: report the last real answer
                previous.budget_exhausted = True
                return _HopOutcome(previous, retry)
            if outcome.record is not None:
                attempts.append(outcome.record)
            made = retry + (1 if outcome.requested else 0)
            timeouts += outcome.timed_out
            if not outcome.retryable or retry >= self.max_retries or timeouts > MAX_TIMEOUT_RETRIES:
                return _HopOutcome(outcome, made)
            delay = self._retry_delay(retry, outcome.retry_after)
            if self._budget is not None and delay >= self._budget.remaining():
                outcome.budget_exhausted = True  # a retry could not finish in time anyway
                return _HopOutcome(outcome, made)
            previous = outcome
            log.info("retrying %s in %.2fs after %s", url, delay, outcome.error)
            self._sleep(delay)
            retry += 1

    def _retry_delay(self, retry: int, retry_after: str | None) -> float:
        """Retry-After when the server sent one, else exponential backoff with equal jitter."""
        wanted = _parse_retry_after(retry_after)
        if wanted is not None:
            return min(max(wanted, 0.0), self.backoff_max)
        ceiling = min(self.backoff_base * (2**retry), self.backoff_max)
        # equal jitter: at least half the backoff, so retries still spread out and never hammer
        return self._jitter(ceiling / 2, ceiling)

    def _attempt(self, url: str, headers: dict[str, str], max_bytes: int) -> _AttemptOutcome:
        """One request, timed and recorded; waits for the host's rate-limit slot first."""
        budget = self._budget
        if budget is not None and budget.exhausted:
            return _AttemptOutcome(error=self._budget_message(), budget_exhausted=True, requested=False)
        waited = self.rate_limiter.wait(urlsplit(url).netloc, budget.remaining() if budget is not None else None)
        if waited is None or (budget is not None and budget.exhausted):
            return _AttemptOutcome(error=self._budget_message(), budget_exhausted=True, requested=False)
        started_at = datetime.now(UTC)
        t0 = self._clock()
        # the request's own deadline, or the end of the budget when that comes first
        cutoff = t0 + self.deadline
        budget_cuts = budget is not None and budget.deadline < cutoff
        if budget_cuts:
            cutoff = budget.deadline
        outcome = self._exchange(url, headers, max_bytes, cutoff, budget_cuts)
        outcome.record = FetchAttempt(
            url=url,
            started_at=started_at,
            status=outcome.status,
            bytes=outcome.bytes_read,
            elapsed_ms=(self._clock() - t0) * 1000.0,
            error=outcome.error,
            cut=outcome.truncated or outcome.budget_exhausted,
        )
        return outcome

    def _budget_message(self) -> str:
        name = self._budget.name if self._budget is not None else "time budget"
        return f"not requested: {name} used up"

    def _deadline_hit(self, outcome: _AttemptOutcome, budget_cuts: bool, where: str) -> _AttemptOutcome:
        """Turn whatever the cut-off socket produced into the reason: the deadline or the budget."""
        if budget_cuts:
            outcome.error = f"cut off {where}: {self._budget.name if self._budget else 'time budget'} used up"
            outcome.budget_exhausted, outcome.retryable, outcome.timed_out = True, False, False
        else:
            outcome.error = f"timeout: no complete response within {self.deadline:g}s ({where})"
            outcome.retryable, outcome.timed_out = True, True
        outcome.body = b""
        return outcome

    def _exchange(
        self, url: str, headers: dict[str, str], max_bytes: int, cutoff: float, budget_cuts: bool
    ) -> _AttemptOutcome:
        remaining = max(cutoff - self._clock(), 0.001)
        socket_timeout = min(self.timeout, remaining)
        with Watchdog(remaining) as dog:
            try:
                response = self._session.get(
                    url, headers=headers, timeout=socket_timeout, stream=True, allow_redirects=False
                )
            except requests.exceptions.RequestException as exc:
                if dog.fired or self._clock() >= cutoff:
                    return self._deadline_hit(_AttemptOutcome(), budget_cuts, "waiting for the headers")
                if isinstance(exc, requests.exceptions.Timeout):
                    return _AttemptOutcome(error=f"timeout after {self.timeout:g}s", retryable=True, timed_out=True)
                if isinstance(exc, requests.exceptions.ConnectionError):
                    error = self._describe_connection_error(exc)
                    return _AttemptOutcome(error=error, retryable=True, timed_out=error.startswith("timeout"))
                return _AttemptOutcome(error=f"request failed: {exc}")
            if dog.fired:
                # the socket was shut mid-headers, and http.client took the end of the stream for
                # the end of the headers: whatever it parsed is not an answer
                response.close()
                return self._deadline_hit(_AttemptOutcome(), budget_cuts, "waiting for the headers")
            outcome = self._response(response, max_bytes, cutoff)
            if dog.fired or (outcome.error is not None and self._clock() >= cutoff):
                return self._deadline_hit(outcome, budget_cuts, "reading the body")
            return outcome

    def _response(self, response: requests.Response, max_bytes: int, cutoff: float) -> _AttemptOutcome:
        try:
            status = response.status_code
            outcome = _AttemptOutcome(
                status=status,
                content_type=response.headers.get("Content-Type"),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
            if status in REDIRECT_STATUSES:
                outcome.location = response.headers.get("Location")
                if not outcome.location:
                    outcome.error = f"HTTP {status} redirect without Location header"
            elif not (200 <= status < 300 or status == 304):
                outcome.error = f"HTTP {status}"
                outcome.retryable = status == 429 or status >= 500
                outcome.retry_after = response.headers.get("Retry-After")
            elif status != 304:
                self._read_body(response, outcome, max_bytes, cutoff)
            return outcome
        finally:
            # after a partial read this drops the connection instead of draining a 40 MB body
            response.close()

    def _read_body(self, response: requests.Response, outcome: _AttemptOutcome, max_bytes: int, cutoff: float) -> None:
        """Stream the body into `outcome`, stopping at max_bytes or the deadline."""
        chunks: list[bytes] = []
        kept = 0
        try:
            # read1 returns whatever has arrived (up to a chunk, gzip/deflate decoded and bounded);
            # iter_content would block until a full chunk is in, so a body trickling in byte by
            # byte would never reach the download deadline check
            while chunk := response.raw.read1(READ_CHUNK_BYTES, decode_content=True):
                outcome.bytes_read += len(chunk)
                room = max_bytes - kept
                if len(chunk) > room:
                    chunks.append(chunk[:room])
                    outcome.truncated = True
                    outcome.error = f"body over {_format_bytes(max_bytes)} limit: cut off"
                    break
                chunks.append(chunk)
                kept += len(chunk)
                if self._clock() >= cutoff:
                    outcome.error = "deadline"  # _exchange words it (deadline or budget)
                    return
        except (requests.exceptions.ContentDecodingError, urllib3.exceptions.DecodeError) as exc:
            outcome.error = f"could not decode Content-Encoding: {exc}"
            return
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            outcome.error = self._describe_connection_error(exc)
            outcome.retryable = True
            outcome.timed_out = outcome.error.startswith("timeout")
            return
        outcome.body = b"".join(chunks)

    def _describe_connection_error(self, exc: BaseException) -> str:
        """A short human message from requests' deeply wrapped connection errors."""
        causes = list(_exception_chain(exc))
        # specific socket errors first: urllib3's NewConnectionError subclasses its TimeoutError
        if any(isinstance(c, http.client.RemoteDisconnected) for c in causes):
            return "connection closed by server without a response"
        if any(isinstance(c, ConnectionResetError) for c in causes):
            return "connection reset by peer"
        if any(isinstance(c, ConnectionRefusedError) for c in causes):
            return "connection refused"
        if any(isinstance(c, (socket.gaierror, urllib3.exceptions.NameResolutionError)) for c in causes):
            return "DNS lookup failed"
        if any(isinstance(c, (TimeoutError, socket.timeout, urllib3.exceptions.TimeoutError)) for c in causes):
            return f"timeout after {self.timeout:g}s"
        if any(isinstance(c, http.client.IncompleteRead) for c in causes):
            return "connection closed before the body was complete"
        return f"connection error: {str(exc)[:300]}"

    # --- robots.txt ---------------------------------------------------------------------

    def _fetch_robots_txt(self, robots_url: str) -> FetchResult:
        # robots.txt itself is never checked against robots.txt, and is read only up to the
        # size Google reads; it still goes through the rate limit, retries and redirects
        return self._fetch(
            robots_url, etag=None, last_modified=None, check_robots=False, max_bytes=ROBOTS_MAX_BYTES
        )

    def _apply_crawl_delay(self, host: str, crawl_delay: float | None) -> None:
        if crawl_delay:
            self.rate_limiter.set_host_interval(host, min(crawl_delay, MAX_CRAWL_DELAY_SECONDS))


# --- helpers ----------------------------------------------------------------------------


def _result(
    url: str, final_url: str, hop: _HopOutcome, attempts: list[FetchAttempt], etag: str | None, last_modified: str | None
) -> FetchResult:
    last = hop.last
    error = last.error
    if error is not None and hop.attempt_count > 1:
        if last.status is not None and error.startswith("HTTP "):
            error = f"HTTP {last.status} after {hop.attempt_count} attempts"
        else:
            error = f"{error} (gave up after {hop.attempt_count} attempts)"
    not_modified = last.status == 304
    return FetchResult(
        url=url,
        final_url=final_url,
        status=last.status,
        content_type=last.content_type,
        # a cut-off body is still useful (and flagged); any other failure gives no body
        body=last.body if (error is None or last.truncated) else b"",
        truncated=last.truncated,
        # a 304 need not repeat the validators: keep the ones the caller already holds
        etag=last.etag or (etag if not_modified else None),
        last_modified=last.last_modified or (last_modified if not_modified else None),
        not_modified=not_modified,
        error=error,
        attempts=attempts,
        budget_exhausted=last.budget_exhausted,
    )


def _failure(
    url: str,
    final_url: str,
    error: str,
    attempts: list[FetchAttempt],
    *,
    status: int | None = None,
    refused: bool = False,
    budget_exhausted: bool = False,
) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=final_url,
        status=status,
        content_type=None,
        body=b"",
        truncated=False,
        etag=None,
        last_modified=None,
        not_modified=False,
        error=error,
        attempts=attempts,
        refused=refused,
        budget_exhausted=budget_exhausted,
    )


def _parse_retry_after(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - datetime.now(UTC)).total_seconds()


def _exception_chain(exc: BaseException):
    """Yield exc and everything it wraps (args, __cause__, __context__), once each."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        stack.extend(item.args)
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None)])


def _without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(fragment=""))


def _format_bytes(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:g} MB"
    if count >= 1_000:
        return f"{count / 1_000:g} kB"
    return f"{count} bytes"
