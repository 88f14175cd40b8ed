"""XML sitemaps (urlset, sitemapindex, Google News sitemaps) -> DiscoveredLink.

Parsed with defusedxml (no DTDs or entities at all: sitemaps never need them). An index is
followed breadth-first, bounded by depth and by the number of sitemaps fetched, and never
visits a sitemap twice (indexes that list themselves exist). With `since`, index entries whose
<lastmod> is older are skipped without fetching (their contents did not change since), and
URLs are kept when news:publication_date, or else <lastmod>, is on or after `since`; URLs
without any date are kept, since we cannot tell they are old.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections import deque
from collections.abc import Iterator
from datetime import date, datetime
from xml.etree.ElementTree import Element

from .http import HttpClient
from .links import absolute_http_url, on_or_after, parse_w3c_datetime, unusable_link_reason
from .results import DiscoveredLink, FetchResult, SkippedItem
from .xmlsafety import MalformedXmlError, UnsafeXmlError, local_name, parse_safely

GZIP_MAGIC = b"\x1f\x8b"


def discover_sitemap(
    client: HttpClient,
    url: str,
    *,
    since: date | None = None,
    max_items: int | None = None,
    max_sitemaps: int = 50,
    max_depth: int = 3,
) -> tuple[list[DiscoveredLink], list[FetchResult]]:
    """Collect article URLs from a sitemap or sitemap index; one FetchResult per sitemap fetched."""
    links: list[DiscoveredLink] = []
    seen_links: set[str] = set()
    results: list[FetchResult] = []
    queued: set[str] = {url}
    pending: deque[tuple[str, int]] = deque([(url, 0)])

    while pending and len(results) < max_sitemaps:
        sitemap_url, depth = pending.popleft()
        result = client.fetch(sitemap_url)
        if result.error is not None:
            results.append(result)
            continue
        try:
            root = parse_safely(_maybe_gunzip(result.body, client.max_bytes), allow_doctype=False)
        except UnsafeXmlError as exc:
            results.append(dataclasses.replace(result, error=f"sitemap refused: {exc}"))
            continue
        except (MalformedXmlError, ValueError) as exc:
            results.append(dataclasses.replace(result, error=f"malformed sitemap: {exc}"))
            continue
        except Exception as exc:  # whatever the XML stack throws, discovery reports and goes on
            results.append(dataclasses.replace(result, error=f"sitemap not parsed: {type(exc).__name__}: {exc}"))
            continue

        kind = local_name(root.tag)
        skipped: list[SkippedItem] = []
        if kind == "sitemapindex":
            results.append(result)
            if depth >= max_depth:
                continue
            for child_url, lastmod in _index_entries(root, result.final_url, skipped):
                if child_url not in queued and on_or_after(lastmod, since):
                    queued.add(child_url)
                    pending.append((child_url, depth + 1))
            if skipped:
                results[-1] = dataclasses.replace(result, skipped=tuple(skipped))
        elif kind == "urlset":
            results.append(result)
            full = False
            for link in _urlset_entries(root, result.final_url, skipped):
                if link.url in seen_links or not on_or_after(link.published, since):
                    continue
                seen_links.add(link.url)
                links.append(link)
                if max_items is not None and len(links) >= max_items:
                    full = True
                    break
            if skipped:
                results[-1] = dataclasses.replace(result, skipped=tuple(skipped))
            if full:
                return links, results
        else:
            results.append(dataclasses.replace(result, error=f"not a sitemap: root element <{kind}>"))
    return links, results


def _maybe_gunzip(body: bytes, max_bytes: int) -> bytes:
    """sitemap.xml.gz is often served as application/gzip, not Content-Encoding: unpack it,
    bounded so a gzip bomb cannot blow up memory."""
    if not body.startswith(GZIP_MAGIC):
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, max_bytes)
    except zlib.error as exc:
        raise ValueError(f"broken gzip data: {exc}") from exc
    if decompressor.unconsumed_tail:
        raise ValueError(f"gzipped sitemap unpacks to more than {max_bytes} bytes")
    return data


def _child_text(element: Element, name: str) -> str | None:
    for child in element:
        if local_name(child.tag) == name and child.text:
            return child.text.strip()
    return None


def _index_entries(root: Element, base: str, skipped: list[SkippedItem]) -> Iterator[tuple[str, datetime | None]]:
    for entry in root:
        if local_name(entry.tag) != "sitemap":
            continue
        raw = _child_text(entry, "loc")
        loc = absolute_http_url(base, raw)
        if loc is None:
            skipped.append(SkippedItem(raw or "", unusable_link_reason(base, raw)))
            continue
        yield loc, parse_w3c_datetime(_child_text(entry, "lastmod"))


def _urlset_entries(root: Element, base: str, skipped: list[SkippedItem]) -> Iterator[DiscoveredLink]:
    for entry in root:
        if local_name(entry.tag) != "url":
            continue
        raw = _child_text(entry, "loc")
        loc = absolute_http_url(base, raw)
        if loc is None:
            skipped.append(SkippedItem(raw or "", unusable_link_reason(base, raw)))
            continue
        news = next((child for child in entry if local_name(child.tag) == "news"), None)
        title = _child_text(news, "title") if news is not None else None
        published = parse_w3c_datetime(_child_text(news, "publication_date")) if news is not None else None
        if published is None:
            published = parse_w3c_datetime(_child_text(entry, "lastmod"))
        yield DiscoveredLink(url=loc, title=title, published=published)
