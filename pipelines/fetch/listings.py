"""News listing pages (e.g. anthropic.com/news, which has no feed) -> DiscoveredLink.

Links are picked with CSS selectors (BeautifulSoup's soupsieve), made absolute against the
page's <base href> or final URL, de-duplicated across pages, and pagination follows
`next_selector` until max_pages, max_items, a failed page or a page seen before.
"""

from __future__ import annotations

import dataclasses
import warnings

from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup

from .http import HttpClient
from .links import absolute_http_url, unusable_link_reason
from .results import DiscoveredLink, FetchResult, SkippedItem


def discover_listing(
    client: HttpClient,
    url: str,
    *,
    link_selector: str,
    next_selector: str | None = None,
    max_pages: int = 1,
    max_items: int | None = None,
) -> tuple[list[DiscoveredLink], list[FetchResult]]:
    """Walk up to `max_pages` listing pages; one FetchResult per page requested."""
    links: list[DiscoveredLink] = []
    seen_links: set[str] = set()
    results: list[FetchResult] = []
    seen_pages: set[str] = set()
    page_url: str | None = url

    while page_url is not None and len(results) < max_pages:
        seen_pages.add(page_url)
        result = client.fetch(page_url)
        if result.error is not None:
            results.append(result)
            break
        try:
            soup = _soup(result.body)
            base = _base_url(soup, result.final_url)
            skipped: list[SkippedItem] = []
            page_links = list(_select_links(soup, base, link_selector, skipped))
            next_url = _next_page(soup, base, next_selector)
        except Exception as exc:  # a bad selector or unparseable page: report, don't raise
            results.append(dataclasses.replace(result, error=f"listing not parsed: {type(exc).__name__}: {exc}"))
            break
        results.append(dataclasses.replace(result, skipped=tuple(skipped)) if skipped else result)

        for link in page_links:
            if link.url not in seen_links:
                seen_links.add(link.url)
                links.append(link)
        if max_items is not None and len(links) >= max_items:
            return links[:max_items], results

        seen_pages.add(result.final_url)
        page_url = next_url if next_url not in seen_pages else None
    return links, results


def _soup(body: bytes) -> BeautifulSoup:
    # bytes, not text: bs4 sniffs <meta charset> itself, and link URLs are mostly ASCII anyway
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return BeautifulSoup(body, "lxml")
        except ParserRejectedMarkup:
            return BeautifulSoup(body, "html.parser")


def _base_url(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    if isinstance(base, Tag):
        resolved = absolute_http_url(page_url, str(base["href"]))
        if resolved:
            return resolved
    return page_url


def _href_of(element: Tag) -> str | None:
    """The selector may hit the <a> itself or a container (an <article> card) around it."""
    if element.name == "a" and element.has_attr("href"):
        return str(element["href"])
    anchor = element.find("a", href=True)
    return str(anchor["href"]) if isinstance(anchor, Tag) else None


def _select_links(soup: BeautifulSoup, base: str, selector: str, skipped: list[SkippedItem]):
    """Links of the elements the selector picks; unusable ones (javascript:, mailto:, none) go to
    `skipped`. A link repeated on the page (image and headline of one card) is no news."""
    for element in soup.select(selector):
        href = _href_of(element)
        url = absolute_http_url(base, href)
        if url is None:
            skipped.append(SkippedItem((href or "").strip(), unusable_link_reason(base, href)))
            continue
        title = " ".join(element.get_text(" ").split()) or None
        yield DiscoveredLink(url=url, title=title)


def _next_page(soup: BeautifulSoup, base: str, selector: str | None) -> str | None:
    if not selector:
        return None
    element = soup.select_one(selector)
    if element is None:
        return None
    return absolute_http_url(base, _href_of(element))
