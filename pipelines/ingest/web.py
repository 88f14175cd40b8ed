"""Sources on the web: discover article links (feed, listing page, sitemap), then fetch the new ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from pipelines.config import SourceConfig
from pipelines.fetch import DiscoveredLink, FetchResult, HttpClient, discover_feed, discover_listing, discover_sitemap
from pipelines.ingest.records import RawDocument, ReadAttempt, SourceRead
from pipelines.parse import canonicalize_url


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass
class WebContext:
    """What a day's web reading needs beyond the source itself."""

    client: HttpClient
    today: date
    known_urls: set[str] = field(default_factory=set)            # canonical URLs stored on any day
    validators: dict[str, Validators] = field(default_factory=dict)  # per feed URL, from earlier runs
    new_validators: dict[str, Validators] = field(default_factory=dict)


def read_web_source(source: SourceConfig, context: WebContext) -> SourceRead:
    """Discover the source's article links and fetch those not stored yet; never raises."""
    read = SourceRead(source.name)
    robots_seen = len(context.client.robots_fetch_results())
    try:
        _read_links(source, context, read)
    finally:
        # robots.txt requests this source caused are part of its log too.
        for result in context.client.robots_fetch_results()[robots_seen:]:
            read.attempts += _attempts(source.name, result)
    return read


def _read_links(source: SourceConfig, context: WebContext, read: SourceRead) -> None:
    links, discovery = _discover(source, context)
    for result in discovery:
        read.attempts += _attempts(source.name, result)
    failed = [result for result in discovery if result.error]
    if failed and not links:
        read.error = f"{failed[0].final_url}: {failed[0].error}"
        return

    fetched = 0
    for link in links:
        locator = canonicalize_url(link.url)
        if locator in context.known_urls:
            continue  # stored on an earlier day: daily runs fetch only what is new
        if source.max_items and fetched >= source.max_items:
            break
        fetched += 1
        result = context.client.fetch(link.url)
        read.attempts += _attempts(source.name, result)
        if result.body and (result.ok or result.truncated):
            read.documents.append(_document(source, link, locator, result))
            context.known_urls.add(locator)


def _discover(source: SourceConfig, context: WebContext) -> tuple[list[DiscoveredLink], list[FetchResult]]:
    client = context.client
    if source.kind == "feed":
        previous = context.validators.get(source.url)
        links, result = discover_feed(client, source.url, max_items=None,
                                      etag=previous.etag if previous else None,
                                      last_modified=previous.last_modified if previous else None)
        if result.ok and (result.etag or result.last_modified):
            context.new_validators[source.url] = Validators(result.etag, result.last_modified)
        return links, [result]
    if source.kind == "listing":
        return discover_listing(client, source.url, link_selector=source.link_selector,
                                next_selector=source.next_selector, max_pages=source.max_pages)
    since = context.today - timedelta(days=source.since_days) if source.since_days else None
    return discover_sitemap(client, source.url, since=since)


def _document(source: SourceConfig, link: DiscoveredLink, locator: str, result: FetchResult) -> RawDocument:
    return RawDocument(
        source=source.name, kind=source.kind, locator=locator, body=result.body,
        fetched_at=result.attempts[-1].started_at if result.attempts else datetime.now(UTC),
        url=result.final_url, http_status=result.status, content_type=result.content_type,
        etag=result.etag, last_modified=result.last_modified, truncated=result.truncated,
        title_hint=link.title, published_hint=link.published.date() if link.published else None,
        lang_hint=source.lang,
    )


def _attempts(source: str, result: FetchResult) -> list[ReadAttempt]:
    rows, per_url = [], {}
    for attempt in result.attempts:
        per_url[attempt.url] = per_url.get(attempt.url, 0) + 1
        rows.append(ReadAttempt(source, attempt.url, attempt.started_at, status=attempt.status,
                                bytes=attempt.bytes, elapsed_ms=attempt.elapsed_ms, error=attempt.error,
                                attempt=per_url[attempt.url]))
    if result.error and not any(a.error for a in result.attempts):
        # A problem found after the transfer (a malformed feed, a refused entity) is logged too.
        started = result.attempts[-1].started_at if result.attempts else datetime.now(UTC)
        rows.append(ReadAttempt(source, result.final_url, started, status=result.status, error=result.error,
                                attempt=per_url.get(result.final_url, 0) + 1 if result.attempts else 1))
    return rows
