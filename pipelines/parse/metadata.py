"""Declared language and canonical link of an HTML page."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from pipelines.parse.language import normalize_language_tag
from pipelines.parse.markup import meta_content


def declared_language(tree: lxml_html.HtmlElement) -> str | None:
    """<html lang>, else <meta http-equiv=content-language>, else og:locale."""
    root = tree.getroottree().getroot()
    candidates = (
        root.get("lang") if root is not None else None,
        root.get("xml:lang") if root is not None else None,
        meta_content(tree, "content-language"),
        meta_content(tree, "og:locale"),
    )
    for candidate in candidates:
        tag = normalize_language_tag(candidate)
        if tag:
            return tag
    return None


def canonical_link(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """<link rel=canonical> resolved against the page URL; None when absent or unusable."""
    try:
        return _canonical_link(tree, url)
    except ValueError:  # urllib on malformed URLs ("Invalid IPv6 URL")
        return None


def _canonical_link(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    for node in tree.xpath("//link[@href]"):
        rels = (node.get("rel") or "").lower().split()
        if "canonical" not in rels:
            continue
        href = (node.get("href") or "").strip()
        resolved = urljoin(url, href) if url else href
        parts = urlsplit(resolved)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        # CMS templates that point every page's canonical at the home page.
        if parts.path in ("", "/") and url and urlsplit(url).path not in ("", "/"):
            continue
        return resolved
    return None
