"""Plain result values handed back by the fetch layer.

They carry only built-in types and datetimes, so Dagster assets can write them to DuckDB
(one FetchAttempt per fetch_log row) without knowing anything about HTTP libraries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FetchAttempt:
    """One HTTP request on the wire: a retry or a redirect hop is its own attempt."""

    url: str
    started_at: datetime  # UTC
    status: int | None  # None when no response arrived (timeout, reset, refused)
    bytes: int  # body bytes read (after gzip/deflate decoding), including a chunk that was cut off
    elapsed_ms: float
    error: str | None
    cut: bool = False  # a limit stopped it: the body size cap, or the caller's time budget


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of HttpClient.fetch: never an exception, always one of these."""

    url: str  # as requested
    final_url: str  # after redirects (the last URL tried when something failed)
    status: int | None
    content_type: str | None
    body: bytes  # raw bytes, undecoded; b"" on error or 304, cut at max_bytes when truncated
    truncated: bool
    etag: str | None
    last_modified: str | None
    not_modified: bool
    error: str | None
    attempts: list[FetchAttempt] = field(default_factory=list)
    refused: bool = False  # not requested by rule: robots.txt, a non-http(s) URL
    budget_exhausted: bool = False  # the caller's time budget ran out before or during the request
    skipped: tuple[SkippedItem, ...] = ()  # discovery: entries of this page that were not usable links

    @property
    def ok(self) -> bool:
        """True when the body (or the 304 answer) can be used as it is."""
        return self.error is None


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """An entry of a feed, listing or sitemap that is not followed, and why (it is logged)."""

    link: str  # the entry's link as written ("" when it had none)
    reason: str  # "unsupported link javascript:…", "no link", "duplicate link"


@dataclass(frozen=True, slots=True)
class DiscoveredLink:
    """A candidate article found in a feed, a listing page or a sitemap."""

    url: str  # absolute http(s) URL, fragment removed
    title: str | None = None
    published: datetime | None = None  # timezone-aware UTC when known
    summary: str | None = None  # plain text
