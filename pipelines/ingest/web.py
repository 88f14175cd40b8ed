"""Sources on the web: discover article links (feed, listing page, sitemap), then fetch the new ones.

Bounded so that no server can hold the daily run hostage: each source reads within its time
budget (itself within the run's), and fetches at most `max_items` new articles per run (the
source's own setting, else the run's default cap). When a limit cuts a source, one `fetch_log`
row says which limit and how many links are left; those links are fetched on a later run, and a
feed's ETag / Last-Modified is not kept for a feed read only in part, so the next run sees the
whole feed again instead of a 304.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from pipelines.config import SourceConfig
from pipelines.fetch import (
    DiscoveredLink,
    FetchResult,
    HttpClient,
    TimeBudget,
    discover_feed,
    discover_listing,
    discover_sitemap,
)
from pipelines.ingest.records import RawDocument, ReadAttempt, ReadOutcome, SourceRead
from pipelines.parse import canonicalize_url

_ITEM_WORDS = {"feed": "feed item", "listing": "listing link", "sitemap": "sitemap entry"}
_MAX_LOGGED_LINK_CHARS = 2000


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
    run_budget: TimeBudget | None = None        # shared by every web source of the run
    source_budget_s: float | None = None        # each web source's own budget, inside the run's
    max_items: int | None = None                # new articles per source and run when the source sets none
    robots_logged: int = 0                      # robots.txt fetches already written to the log

    def take_new_validators(self) -> dict[str, Validators]:
        taken, self.new_validators = self.new_validators, {}
        return taken


def read_web_source(source: SourceConfig, context: WebContext, read: SourceRead) -> None:
    """Discover the source's article links and fetch those not stored yet; never raises."""
    budget = _source_budget(source, context)
    if budget is not None and budget.exhausted:
        read.fail(f"not read: {budget.name} used up", source.url or source.name, _now(), ReadOutcome.LIMIT)
        return
    with context.client.spending(budget):
        try:
            _read_links(source, context, read, budget)
        finally:
            _log_robots(source, context, read)  # robots.txt requests this source caused


def _source_budget(source: SourceConfig, context: WebContext) -> TimeBudget | None:
    if context.source_budget_s is None:
        return context.run_budget
    own = TimeBudget.starting_now(context.source_budget_s,
                                  f"time budget of source {source.name!r} ({context.source_budget_s:g} s)")
    return own.within(context.run_budget)


def _read_links(source: SourceConfig, context: WebContext, read: SourceRead, budget: TimeBudget | None) -> None:
    links, discovery = _discover(source, context)
    for result in discovery:
        _log(source, result, read)
    _log_robots(source, context, read)
    failed = [result for result in discovery if result.error]
    if failed and not links:
        read.error = f"{failed[0].final_url}: {failed[0].error}"
        return
    complete = not any(result.budget_exhausted for result in discovery)
    if not complete:
        read.cut(f"limit: {budget.name if budget else 'time budget'} used up while discovering links; "
                 f"{len(links)} found so far", source.url, _now())

    cap = source.max_items or context.max_items
    fetched = 0
    for position, link in enumerate(links):
        locator = canonicalize_url(link.url)
        if locator in context.known_urls:
            continue  # stored on an earlier day: daily runs fetch only what is new
        if cap and fetched >= cap:
            which = "the source's max_items" if source.max_items else "max_items_per_source"
            read.cut(f"limit: {cap} new items fetched ({which}); {_unknown(links[position:], context)} more "
                     "left for the next run", source.url, _now())
            complete = False
            break
        if budget is not None and budget.exhausted:
            read.cut(f"limit: {budget.name} used up; {_unknown(links[position:], context)} links not fetched, "
                     "left for the next run", source.url, _now())
            complete = False
            break
        fetched += 1
        result = context.client.fetch(link.url)
        _log(source, result, read)
        _log_robots(source, context, read)
        if result.body and (result.ok or result.truncated):
            read.keep(_document(source, link, locator, result))
            context.known_urls.add(locator)

    if complete and source.kind == "feed":
        feed = discovery[0]
        if feed.ok and (feed.etag or feed.last_modified):
            context.new_validators[source.url] = Validators(feed.etag, feed.last_modified)


def _unknown(links: list[DiscoveredLink], context: WebContext) -> int:
    return sum(1 for link in links if canonicalize_url(link.url) not in context.known_urls)


def _discover(source: SourceConfig, context: WebContext) -> tuple[list[DiscoveredLink], list[FetchResult]]:
    client = context.client
    if source.kind == "feed":
        previous = context.validators.get(source.url)
        links, result = discover_feed(client, source.url, max_items=None,
                                      etag=previous.etag if previous else None,
                                      last_modified=previous.last_modified if previous else None)
        return links, [result]
    if source.kind == "listing":
        return discover_listing(client, source.url, link_selector=source.link_selector,
                                next_selector=source.next_selector, max_pages=source.max_pages)
    since = context.today - timedelta(days=source.since_days) if source.since_days else None
    return discover_sitemap(client, source.url, since=since)


def _document(source: SourceConfig, link: DiscoveredLink, locator: str, result: FetchResult) -> RawDocument:
    return RawDocument(
        source=source.name, kind=source.kind, locator=locator, body=result.body,
        fetched_at=result.attempts[-1].started_at if result.attempts else _now(),
        url=result.final_url, http_status=result.status, content_type=result.content_type,
        etag=result.etag, last_modified=result.last_modified, truncated=result.truncated,
        title_hint=link.title, published_hint=link.published.date() if link.published else None,
        lang_hint=source.lang,
    )


def _log_robots(source: SourceConfig, context: WebContext, read: SourceRead) -> None:
    results = context.client.robots_fetch_results()
    for result in results[context.robots_logged:]:
        _log(source, result, read)
    context.robots_logged = len(results)


def _log(source: SourceConfig, result: FetchResult, read: SourceRead) -> None:
    for row in attempt_rows(source.name, result, _ITEM_WORDS.get(source.kind, "item")):
        read.log(row)


def attempt_rows(source: str, result: FetchResult, item_word: str = "item") -> list[ReadAttempt]:
    """fetch_log rows for one fetch: each request, a problem found after the transfer, a refusal,
    and each discovered entry that was skipped."""
    rows, per_url = [], {}
    for attempt in result.attempts:
        per_url[attempt.url] = per_url.get(attempt.url, 0) + 1
        outcome = ReadOutcome.LIMIT if attempt.cut else ReadOutcome.OK if attempt.error is None else ReadOutcome.ERROR
        rows.append(ReadAttempt(source, attempt.url, attempt.started_at, status=attempt.status,
                                bytes=attempt.bytes, elapsed_ms=attempt.elapsed_ms, error=attempt.error,
                                attempt=per_url[attempt.url], outcome=outcome))
    started = result.attempts[-1].started_at if result.attempts else _now()
    if result.error and not any(a.error for a in result.attempts):
        # A problem found after the transfer (a malformed feed, a refused entity), or a request
        # that was never made (robots.txt, a dead host, the time budget), is logged too.
        outcome = (ReadOutcome.SKIPPED if result.refused else
                   ReadOutcome.LIMIT if result.budget_exhausted else ReadOutcome.ERROR)
        rows.append(ReadAttempt(source, result.final_url, started, status=result.status, error=result.error,
                                attempt=per_url.get(result.final_url, 0) + 1 if result.attempts else 1,
                                outcome=outcome))
    for item in result.skipped:
        rows.append(ReadAttempt(source, (item.link or result.final_url)[:_MAX_LOGGED_LINK_CHARS], started,
                                error=f"skipped {item_word}: {item.reason}", outcome=ReadOutcome.SKIPPED))
    return rows


def _now() -> datetime:
    return datetime.now(UTC)
