"""Main article text from an HTML tree: trafilatura, tuned, with a plain fallback.

Measured on the 181-page extraction benchmark (bench/body_benchmark.py): trafilatura's
precision mode without comments scores higher than its defaults, but on a few pages it
keeps only a fragment; then the balanced mode's text is taken instead. When trafilatura
finds nothing at all (tiny pages, odd layouts), a BeautifulSoup pass over the likeliest
container still returns the visible text.

Speed: trafilatura's `fast` mode skips its comparison with readability and jusText, which
costs about 40 % of its time and changes the result only where its own extractor found
little. So fast mode goes first, and only a short result is extracted again with the
comparison; the balanced rescue pass runs in fast mode (on the benchmark: the same F1, 0.971,
in 0.6 × trafilatura's time of before).
"""

from __future__ import annotations

import logging
import re

import trafilatura
from bs4 import BeautifulSoup
from lxml import html as lxml_html

# A page without text is reported in ParsedArticle.error; trafilatura's own ERROR and
# WARNING lines for the same event ("discarding data", "parsed tree length: 0") would
# flood the run log with one line per teaser page.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# Fast mode's text shorter than this is extracted again with the external comparison: a
# plateau on the benchmark (400 to 800 chars score the same); below it, pages lose text.
_FAST_TRUSTED_CHARS = 600
# Short precision output, much longer balanced output: precision dropped real paragraphs.
_SHORT_TEXT_CHARS = 1000
_RESCUE_RATIO = 3.0

# Lines that point the reader elsewhere ("Lesen Sie auch: …", "Read more: …") and whole
# blocks headed by such a line are navigation even when they sit inside the article.
_RELATED_HEADING = re.compile(
    r"^\s*(mehr zum thema|lesen sie auch|lesen sie mehr|auch interessant|das könnte sie (auch )?interessieren"
    r"|weitere artikel|weiterlesen|verwandte (artikel|themen)|zum thema|read more|related( articles| stories| posts| coverage)?"
    r"|also read|more from|see also|recommended( for you| stories)?|you may also like|more stories)\s*[:.…]*\s*$",
    re.IGNORECASE,
)
_RELATED_LINE = re.compile(
    r"^\s*(mehr zum thema|lesen sie auch|auch interessant|read more|related|also read|see also)\s*[:–—-]\s*\S",
    re.IGNORECASE,
)
_LIST_ITEM_MAX_WORDS = 20

_FALLBACK_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                  "iframe", "svg", "button", "template", "figure")
_FALLBACK_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "div", "br")


def extract_body(tree: lxml_html.HtmlElement, url: str | None = None) -> str:
    """Article text, paragraphs separated by "\\n"; "" when the page has none."""
    text = _trafilatura(tree, url, favor_precision=True, fast=True)
    if len(text) < _FAST_TRUSTED_CHARS:
        text = _trafilatura(tree, url, favor_precision=True)
    if len(text) < _SHORT_TEXT_CHARS:
        balanced = _trafilatura(tree, url, favor_precision=False, fast=True)
        if len(balanced) > _RESCUE_RATIO * max(len(text), 1):
            text = balanced
    if not text:
        text = _soup_text(lxml_html.tostring(tree, encoding="unicode"))
    return drop_related_links(text)


def _trafilatura(tree: lxml_html.HtmlElement, url: str | None, *, favor_precision: bool, fast: bool = False) -> str:
    try:
        text = trafilatura.extract(
            tree,
            url=url,
            favor_precision=favor_precision,
            fast=fast,
            include_comments=False,
            include_tables=True,
            output_format="txt",
        )
    except Exception:  # trafilatura on pathological trees: fall back instead of failing
        return ""
    return _tidy(text or "")


def drop_related_links(text: str) -> str:
    """Remove "Mehr zum Thema"/"Read more" headings with the short link lines under them,
    and single "Lesen Sie auch: …" lines."""
    kept: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if _RELATED_HEADING.match(line):
            skipping = True
            continue
        if skipping and _looks_like_link_item(line):
            continue
        skipping = False
        if _RELATED_LINE.match(line) and len(line.split()) <= 2 * _LIST_ITEM_MAX_WORDS:
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _looks_like_link_item(line: str) -> bool:
    # Teaser headlines are short and rarely end like a sentence; bullets are list items.
    stripped = line.strip()
    if stripped.startswith(("- ", "• ", "* ")):
        return True
    return len(stripped.split()) <= _LIST_ITEM_MAX_WORDS and not stripped.endswith((".", "!", "?", ":"))


def _soup_text(html_text: str) -> str:
    try:
        soup = BeautifulSoup(html_text, "lxml")
        for tag in soup(_FALLBACK_DROP):
            tag.decompose()
        root = soup.find("article") or soup.find("main") or soup.body or soup
        for block in root.find_all(_FALLBACK_BLOCKS):
            block.insert_after("\n")
        return _tidy(root.get_text())
    except Exception:  # includes RecursionError on absurdly deep nesting
        return ""


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
