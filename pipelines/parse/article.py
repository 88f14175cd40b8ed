"""parse_document: one fetched document in, one ParsedArticle out, whatever the bytes are."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lxml import html as lxml_html
from trafilatura.utils import load_html

from pipelines.parse import sniff
from pipelines.parse.body import extract_body
from pipelines.parse.decode import decode_body
from pipelines.parse.hashing import content_hash, normalize_for_hash
from pipelines.parse.language import detect_language, detect_language_strictly, normalize_language_tag
from pipelines.parse.dates import extract_published
from pipelines.parse.metadata import canonical_link, declared_language
from pipelines.parse.title import extract_title
from pipelines.parse.urls import canonicalize_url

# No news article needs more; a multi-megabyte page is an archive or a data dump, and
# parsing all of it would stall a whole day's partition.
MAX_DOCUMENT_CHARS = 3_000_000
_HARD_WRAP_COLUMNS = 100


@dataclass(frozen=True)
class ParsedArticle:
    title: str = ""
    text: str = ""
    published: dt.date | None = None
    lang: str | None = None
    canonical_url: str | None = None
    content_hash: str | None = None
    encoding: str | None = None
    error: str | None = None


def parse_document(
    body: bytes | str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    lang_hint: str | None = None,
) -> ParsedArticle:
    """Clean article text and metadata from an HTML or plain-text document. Never raises:
    when nothing usable comes out, the result has `error` set and empty text."""
    try:
        return _parse(body, url, content_type, lang_hint)
    except Exception as exc:  # a bad page must not fail the partition; the error is recorded
        return ParsedArticle(canonical_url=_safe_canonical(url), error=f"parse failed: {type(exc).__name__}: {exc}")


def _parse(body: bytes | str, url: str | None, content_type: str | None, lang_hint: str | None) -> ParsedArticle:
    canonical = _safe_canonical(url)
    if body is None or len(body) == 0:
        return ParsedArticle(canonical_url=canonical, error="empty document")

    encoding = None
    if isinstance(body, (bytes, bytearray, memoryview)):
        body = bytes(body)
        kind_of_binary = sniff.binary_signature(body) or sniff.binary_content_type(content_type)
        if kind_of_binary:
            return ParsedArticle(canonical_url=canonical, error=f"not an HTML or text document: {kind_of_binary}")
        text, encoding = decode_body(body, content_type)
    else:
        text = str(body)

    if sniff.looks_binary(text):
        return ParsedArticle(canonical_url=canonical, encoding=encoding,
                             error="not an HTML or text document: binary data")
    text = sniff.strip_control_characters(text[:MAX_DOCUMENT_CHARS])

    if sniff.text_kind(text, content_type) is sniff.Kind.HTML:
        return _parse_html(text, url, encoding, lang_hint)
    return _parse_plain_text(text, canonical, encoding, lang_hint)


def _parse_html(html_text: str, url: str | None, encoding: str | None, lang_hint: str | None) -> ParsedArticle:
    tree = _load_tree(html_text)
    if tree is None:
        # lxml found no elements at all (e.g. only a comment): treat what is there as text.
        return _parse_plain_text(re.sub(r"<[^>]*>", " ", html_text), _safe_canonical(url), encoding, lang_hint)
    title = extract_title(tree, url)
    text = drop_repeated_title(extract_body(tree, url), title)
    link = canonical_link(tree, url) or url
    canonical = canonicalize_url(link) if link else None
    return ParsedArticle(
        title=title,
        text=text,
        published=extract_published(tree, html_text, url),
        lang=_choose_language(declared_language(tree), f"{title}\n{text}", lang_hint),
        canonical_url=canonical,
        content_hash=content_hash(text) if text else None,
        encoding=encoding,
        error=None if text else "no article text found",
    )


def _load_tree(html_text: str) -> lxml_html.HtmlElement | None:
    """trafilatura's loader (it copes with XML declarations and byte-ish input) first;
    it refuses bare fragments such as '<p>text <b>more', which lxml still parses."""
    tree = load_html(html_text)
    if tree is None:
        try:
            tree = lxml_html.document_fromstring(html_text)
        except Exception:  # lxml: "Document is empty" and friends
            return None
    return _without_templates(tree)


def _without_templates(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """<template> content is inert markup a script may clone later (cookie banners, comment
    forms, teaser cards); browsers never show it, so neither title, date nor body may use it.
    lxml parses it as ordinary children, hence the explicit removal (the text after the
    element, its tail, stays)."""
    for template in tree.xpath("//template"):
        template.drop_tree()
    return tree


def _parse_plain_text(text: str, canonical: str | None, encoding: str | None, lang_hint: str | None) -> ParsedArticle:
    title, paragraphs = split_plain_text(text)
    return ParsedArticle(
        title=title,
        text=paragraphs,
        lang=_choose_language(None, f"{title}\n{paragraphs}", lang_hint),
        canonical_url=canonical,
        content_hash=content_hash(paragraphs) if paragraphs else None,
        encoding=encoding,
        error=None if (title or paragraphs) else "empty document",
    )


def drop_repeated_title(text: str, title: str) -> str:
    """Drop a first line that repeats the headline: templates differ in whether the <h1>
    sits inside the article container, and the body hash must not depend on that."""
    first, _, rest = text.partition("\n")
    first_key, title_key = normalize_for_hash(first), normalize_for_hash(title)
    if not first_key or not title_key:
        return text
    # startswith: a title whose site suffix could not safely be trimmed still matches
    if first_key == title_key or (len(first_key.split()) >= 4 and title_key.startswith(first_key)):
        return rest
    return text


def split_plain_text(text: str) -> tuple[str, str]:
    """First non-empty line is the title; the rest becomes paragraphs joined by "\n".

    Two plain-text conventions exist: one line per paragraph, and hard-wrapped lines
    (e-mail style, at most ~80 columns) with blank lines between paragraphs. Wrapped lines
    are re-joined only in the second case, so one-line paragraphs are never merged."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return "", ""
    title, rest = lines[0], lines[1:]
    hard_wrapped = "" in rest and max((len(line) for line in rest), default=0) <= _HARD_WRAP_COLUMNS
    if not hard_wrapped:
        return title, "\n".join(line for line in rest if line)
    paragraphs, current = [], []
    for line in rest + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return title, "\n".join(paragraphs)


def _choose_language(declared: str | None, text: str, lang_hint: str | None) -> str | None:
    """Declared language first, detection second, the caller's hint last. A long text that
    is clearly the other language overrules the markup: CMS templates often ship lang="en"
    on German pages."""
    if declared:
        return detect_language_strictly(text) or declared
    return detect_language(text) or normalize_language_tag(lang_hint)


def _safe_canonical(url: str | None) -> str | None:
    return canonicalize_url(url) if url else None
