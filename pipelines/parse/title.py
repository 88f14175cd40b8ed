"""The headline of a page, without the site name that <title> tags append."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from pipelines.parse.markup import compact, first_text, hostname, json_ld_values, meta_content, squash

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·•»:]{1,2}\s+")
_MAX_SITE_NAME_WORDS = 4


def extract_title(tree: lxml_html.HtmlElement, url: str | None = None) -> str:
    """og:title, else <title>, else the first h1; a trailing site name trimmed when safe."""
    candidates = (
        meta_content(tree, "og:title"),
        meta_content(tree, "twitter:title"),
        first_text(tree, "//title"),
        first_text(tree, "//h1"),
    )
    title = next((squash(c) for c in candidates if c and squash(c)), "")
    site_names = _site_names(tree, url)
    return _trim_site_name(title, site_names)


def _site_names(tree: lxml_html.HtmlElement, url: str | None) -> set[str]:
    names = set()
    site = meta_content(tree, "og:site_name") or meta_content(tree, "application-name")
    if site:
        names.add(squash(site).casefold())
    for publisher in json_ld_values(tree, "publisher", want=dict):
        if isinstance(publisher.get("name"), str):
            names.add(squash(publisher["name"]).casefold())
    # The link back to the home page is usually the site's name or logo text.
    for node in tree.xpath('//a[@href="/" or @href="./"]')[:3]:
        text = squash(node.text_content() or "")
        if 0 < len(text.split()) <= _MAX_SITE_NAME_WORDS:
            names.add(text.casefold())
    host = hostname(url)
    if host:
        labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
        if len(labels) >= 2:
            names.add(labels[-2])  # "heise" from www.heise.de
    return names


def _trim_site_name(title: str, site_names: set[str]) -> str:
    """Drop " | heise online" or " - The Verge", but only when the part we drop names the
    site (og:site_name or the domain) or is a short tail after a "|": a dash may just as
    well be part of the headline ("Oracle - OpenAI deal grows")."""
    for _ in range(2):  # "Headline | Section | Site" loses both tails at most
        pieces = list(_TITLE_SEPARATORS.finditer(title))
        if not pieces:
            break
        last = pieces[-1]
        head, tail = title[: last.start()].strip(), title[last.end():].strip()
        if len(head.split()) < 3 or len(tail.split()) > _MAX_SITE_NAME_WORDS:
            break
        folded = compact(tail)  # "The Verge" must match theverge.com
        names_site = bool(folded) and any(
            name and (name in folded or folded in name) for name in map(compact, site_names)
        )
        if not names_site and last.group().strip() != "|":
            break
        title = head
    return title
