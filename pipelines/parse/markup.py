"""Small readers of HTML markup shared by the metadata modules: <meta> values, JSON-LD."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from lxml import html as lxml_html


def meta_content(tree: lxml_html.HtmlElement, key: str) -> str | None:
    """content of the first <meta> whose property/name/itemprop/http-equiv is `key`."""
    key = key.lower()
    for node in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            if (node.get(attribute) or "").strip().lower() == key:
                content = node.get("content")
                if content and content.strip():
                    return content.strip()
    return None


def first_text(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    for node in tree.xpath(xpath)[:3]:
        text = node.text_content()
        if text and text.strip():
            return text
    return None


def hostname(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


def compact(text: str) -> str:
    """Letters and digits only, casefolded: "The Verge" and theverge compare equal."""
    return re.sub(r"\W+", "", text.casefold())


def squash(text: str) -> str:
    """Whitespace runs (newlines, tabs, nbsp) to single spaces."""
    return " ".join(text.split())


def json_ld_values(tree: lxml_html.HtmlElement, key: str, want: type = str) -> list:
    """Every value of `key` (of type `want`) anywhere in the page's JSON-LD blocks,
    including @graph lists and nested objects; malformed blocks are skipped."""
    values: list = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        _collect(data, key, want, values, depth=0)
    return values


def _collect(data: object, key: str, want: type, out: list, depth: int) -> None:
    if depth > 8:
        return
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, want):
            out.append(value)
        for child in data.values():
            if isinstance(child, (dict, list)):
                _collect(child, key, want, out, depth + 1)
    elif isinstance(data, list):
        for child in data:
            _collect(child, key, want, out, depth + 1)
