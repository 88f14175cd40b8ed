"""RSS 2.0 / Atom / RDF (RSS 1.0) feeds -> DiscoveredLink, via feedparser.

feedparser is lenient (it recovers items from broken XML, which real feeds need: think of an
unescaped '&' or '&nbsp;'), but lenient also means it would expand entity declarations. So the
bytes first go through defusedxml (xmlsafety.parse_safely), which refuses any entity
declaration; only then does feedparser see them.
"""

from __future__ import annotations

import dataclasses
import io
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from .http import HttpClient
from .links import absolute_http_url, unusable_link_reason
from .results import DiscoveredLink, FetchResult, SkippedItem
from .xmlsafety import MalformedXmlError, UnsafeXmlError, parse_safely


def discover_feed(
    client: HttpClient,
    url: str,
    *,
    max_items: int | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> tuple[list[DiscoveredLink], FetchResult]:
    """Fetch a feed and return its items (in the feed's order) and the fetch.

    On a refused or unreadable feed the links are empty and FetchResult.error says why.
    With etag / last_modified from the previous poll, an unchanged feed gives no links and
    FetchResult.not_modified. Items that are not usable links are in FetchResult.skipped.
    """
    result = client.fetch(url, etag=etag, last_modified=last_modified)
    if result.error is not None or result.not_modified:
        return [], result
    try:
        parsed = parse_feed(result.body, base_url=result.final_url, content_type=result.content_type)
    except Exception as exc:  # feedparser on odd input must not take the asset down
        parsed = ParsedFeed([], f"malformed feed: {type(exc).__name__}: {exc}")
    links = parsed.links[:max_items] if max_items is not None else parsed.links
    if parsed.problem is not None or parsed.skipped:
        result = dataclasses.replace(result, error=parsed.problem or result.error, skipped=parsed.skipped)
    return links, result


@dataclass(frozen=True)
class ParsedFeed:
    links: list[DiscoveredLink]
    problem: str | None = None  # a human message when the feed as a whole is unusable
    skipped: tuple[SkippedItem, ...] = ()  # items without a usable http(s) link, and repeated links


def parse_feed(body: bytes, *, base_url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes into links, skipped items and a problem (None when the feed is fine)."""
    strict_problem: str | None = None
    try:
        parse_safely(body, allow_doctype=True)
    except UnsafeXmlError as exc:
        return ParsedFeed([], f"feed refused: {exc}")
    except MalformedXmlError as exc:
        strict_problem = str(exc)  # feedparser may still recover items; report only if not

    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    # a BytesIO, never the bytes themselves: feedparser treats a str/bytes argument that looks
    # like a path or URL as something to open
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)

    links: list[DiscoveredLink] = []
    skipped: list[SkippedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        href = _entry_link(entry)
        link = absolute_http_url(base_url, href)
        if link is None:
            skipped.append(SkippedItem(str(href or "").strip(), unusable_link_reason(base_url, href)))
            continue
        if link in seen:
            skipped.append(SkippedItem(link, "the feed lists this link twice"))
            continue
        seen.add(link)
        links.append(
            DiscoveredLink(
                url=link,
                title=_clean_text(entry.get("title")),
                published=_entry_datetime(entry),
                summary=_clean_text(entry.get("summary")),
            )
        )

    if links:
        return ParsedFeed(links, None, tuple(skipped))
    if strict_problem is not None or parsed.get("bozo"):
        detail = strict_problem or str(parsed.get("bozo_exception"))
        return ParsedFeed([], f"malformed feed: {detail}", tuple(skipped))
    if not parsed.get("version"):
        return ParsedFeed([], "not a feed: no RSS, Atom or RDF document found", tuple(skipped))
    return ParsedFeed([], None, tuple(skipped))  # a well-formed feed that is empty today (or only bad items)


def _entry_link(entry) -> str | None:
    if entry.get("link"):
        return str(entry["link"])
    for candidate in entry.get("links", []):  # Atom entries may only have rel="alternate"
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return str(candidate["href"])
    return entry.get("id") if str(entry.get("id", "")).startswith(("http://", "https://")) else None


def _entry_datetime(entry) -> datetime | None:
    # feedparser normalises every date format it knows to a UTC struct_time
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _clean_text(value: str | None) -> str | None:
    """Feed titles and summaries often carry HTML; DiscoveredLink holds plain text."""
    if not value:
        return None
    if "<" in value or "&" in value:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            value = BeautifulSoup(value, "lxml").get_text(" ")
    text = " ".join(value.split())
    return text or None
