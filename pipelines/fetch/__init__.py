"""Fetching and discovery: plain Python, no Dagster or DuckDB.

    client = HttpClient(user_agent="compute-deals/0.1 (+https://github.com/compute-deals/compute-deals)")
    result = client.fetch(url, etag=previous_etag, last_modified=previous_last_modified)
    links, result = discover_feed(client, feed_url, max_items=100)
    links, results = discover_listing(client, url, link_selector="article a", next_selector="a.next", max_pages=3)
    links, results = discover_sitemap(client, url, since=date(2026, 11, 1))

    with client.spending(TimeBudget.starting_now(900, "time budget of source 'x' (900 s)")):
        ...  # no request starts after the budget ends, and none runs past it

Nothing here raises on network or content errors: they come back in FetchResult.error.
"""

from .budget import TimeBudget
from .feeds import ParsedFeed, discover_feed, parse_feed
from .http import HttpClient
from .listings import discover_listing
from .results import DiscoveredLink, FetchAttempt, FetchResult, SkippedItem
from .sitemaps import discover_sitemap

__all__ = [
    "DiscoveredLink",
    "FetchAttempt",
    "FetchResult",
    "HttpClient",
    "ParsedFeed",
    "SkippedItem",
    "TimeBudget",
    "discover_feed",
    "discover_listing",
    "discover_sitemap",
    "parse_feed",
]
