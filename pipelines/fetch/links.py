"""Small helpers shared by the discovery modules: URL clean-up and date parsing."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

_YEAR_MONTH_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def absolute_http_url(base: str, href: str | None) -> str | None:
    """Resolve `href` against `base`; None unless the result is http(s). Fragments dropped."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        parts = urlsplit(urljoin(base, href))
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError:  # "http://[broken", port 99999: not a link we can use
        return None
    return urlunsplit(parts._replace(fragment=""))


def unusable_link_reason(base: str, href: str | None) -> str:
    """Why absolute_http_url gave None for `href`: logged for every feed item skipped."""
    if not href or not href.strip():
        return "no link"
    href = href.strip()
    try:
        parts = urlsplit(urljoin(base, href))
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            return f"not an http(s) link ({scheme or 'no scheme'}:)"
        if not parts.hostname:
            return "link without a host"
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as error:
        return f"invalid link: {error}"
    return "invalid link"


def parse_w3c_datetime(value: str | None) -> datetime | None:
    """Sitemap / W3C datetime ('2025-10-23', '2025-10-23T10:00:00+02:00', '...Z') -> UTC."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        match = _YEAR_MONTH_DAY.match(value)
        if not match:
            return None
        year, month, day = match.groups()
        try:
            parsed = datetime(int(year), int(month), int(day or 1))
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # a bare date has no zone; UTC is the least surprise
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 shifted out of range: nonsense anyway
        return None


def on_or_after(published: datetime | None, since: date | None) -> bool:
    """Keep undated items: without a date we cannot tell they are old."""
    if since is None or published is None:
        return True
    return published.date() >= since
