"""robots.txt: fetched once per origin and run, parsed with urllib.robotparser.

Policy when robots.txt cannot be read (RFC 9309 section 2.3.1, and what Google does):
- 2xx: the rules apply (at most ROBOTS_MAX_BYTES are read; Google also stops at 500 KiB).
- 4xx other than 429 ("unavailable", e.g. 404): everything is allowed.
- 5xx, 429, timeouts and connection errors ("unreachable"): everything on that origin is
  disallowed for the rest of this client's life (one pipeline run), rather than crawling a
  site whose rules we could not read. When no answer came at all (refused, DNS, timeout), the
  decision says the host is unreachable: that is what gets logged, not "blocked by robots.txt".
- the caller's time budget ran out before robots.txt was read: nothing is cached (the origin is
  not judged on a fetch that never happened), and the URL is not allowed.
- redirect trouble (loop, too many hops, non-http target): treated as unavailable, so allowed.

Known limits of urllib.robotparser: the first matching rule wins instead of the longest, and
the `*` / `$` wildcards of Google's extension are not understood (such a rule never matches).
"""

from __future__ import annotations

import threading
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .results import FetchResult

ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True, slots=True)
class RobotsDecision:
    allowed: bool
    reason: str | None = None  # why not, for the error message
    unreachable: bool = False  # no answer from the host at all: a dead host, not a robots.txt rule


class _OriginRules:
    """What we know about one origin's robots.txt."""

    def __init__(self, parser: urllib.robotparser.RobotFileParser | None, blocked_reason: str | None,
                 unreachable: bool = False):
        self.parser = parser  # None means "allow all" unless blocked_reason is set
        self.blocked_reason = blocked_reason
        self.unreachable = unreachable

    def decide(self, user_agent: str, url: str) -> RobotsDecision:
        if self.blocked_reason is not None:
            return RobotsDecision(False, self.blocked_reason, self.unreachable)
        if self.parser is None or self.parser.can_fetch(user_agent, url):
            return RobotsDecision(True)
        return RobotsDecision(False, None)

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def robots_url_for(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def rules_from_result(result: FetchResult) -> _OriginRules:
    """Turn the fetch of a robots.txt into rules, following the policy in the module doc."""
    status = result.status
    if result.error is None and status is not None and 200 <= status < 300:
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(result.body.decode("utf-8", errors="replace").splitlines())
        return _OriginRules(parser, None)
    if status is None:
        return _OriginRules(None, f"{result.error or 'no answer'}, asking for robots.txt", unreachable=True)
    if status >= 500 or status == 429:
        return _OriginRules(None, f"robots.txt unreachable: {result.error or f'HTTP {status}'}")
    return _OriginRules(None, None)


class RobotsCache:
    """Answers "may this user agent fetch this URL?", reading each origin's robots.txt once.

    `fetch_robots` is called with the robots.txt URL and must not itself consult this cache.
    A lock per origin makes concurrent first requests to one site fetch robots.txt only once.
    """

    def __init__(
        self,
        user_agent: str,
        fetch_robots: Callable[[str], FetchResult],
        on_rules: Callable[[str, float | None], None] | None = None,
    ) -> None:
        self.user_agent = user_agent
        self._fetch_robots = fetch_robots
        self._on_rules = on_rules  # told (host, crawl_delay) once per origin, e.g. to slow down
        self._rules: dict[str, _OriginRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self.fetch_results: list[FetchResult] = []  # robots.txt fetches, for the fetch log

    def check(self, url: str) -> RobotsDecision:
        origin_robots = robots_url_for(url)
        rules = self._rules.get(origin_robots)
        if rules is None:
            rules = self._load(origin_robots)
        return rules.decide(self.user_agent, url)

    def _load(self, robots_url: str) -> _OriginRules:
        with self._locks_guard:
            lock = self._locks.setdefault(robots_url, threading.Lock())
        with lock:
            rules = self._rules.get(robots_url)
            if rules is not None:  # another thread got there first
                return rules
            result = self._fetch_robots(robots_url)
            self.fetch_results.append(result)
            if result.budget_exhausted and (not result.attempts or result.attempts[-1].cut):
                # never asked, or cut off: that says nothing about the origin, so nothing is cached
                return _OriginRules(None, result.error or "time budget used up")
            rules = rules_from_result(result)
            self._rules[robots_url] = rules
            if self._on_rules is not None:
                self._on_rules(urlsplit(robots_url).netloc, rules.crawl_delay(self.user_agent))
            return rules
