"""Publication date of a page: explicit markup first, htmldate's heuristics last."""

from __future__ import annotations

import datetime as dt
import re

from htmldate import find_date
from lxml import html as lxml_html

from pipelines.parse.markup import json_ld_values, meta_content

_DATE_META_KEYS = (
    "article:published_time", "og:published_time", "published_time", "datepublished",
    "date", "dc.date.issued", "dc.date", "dcterms.date", "publish-date", "publish_date",
    "pubdate", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GERMAN_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")


def extract_published(tree: lxml_html.HtmlElement, html_text: str, url: str | None) -> dt.date | None:
    """Publication date from explicit markup first, then htmldate's heuristics."""
    for key in _DATE_META_KEYS:
        found = _parse_date(meta_content(tree, key))
        if found:
            return found
    for value in json_ld_values(tree, "datePublished"):
        found = _parse_date(value)
        if found:
            return found
    # A <time> inside the article is the article's; one in a sidebar may be a teaser's.
    for xpath in ("//article//time[@datetime]", "//time[@pubdate][@datetime]", "//time[@datetime]"):
        for node in tree.xpath(xpath)[:3]:
            found = _parse_date(node.get("datetime"))
            if found:
                return found
    return _htmldate(html_text, url)


def _htmldate(html_text: str, url: str | None) -> dt.date | None:
    try:
        # extensive_search off: its free-text guesses pick up dates from teasers and footers.
        found = find_date(html_text, url=url, original_date=True, extensive_search=False)
    except Exception:
        return None
    return _parse_date(found)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.search(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _GERMAN_DATE.search(value)
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    # Outside this window a date is a template default (1970-01-01) or a typo.
    if not 1995 <= date.year <= dt.date.today().year + 1:
        return None
    return date
