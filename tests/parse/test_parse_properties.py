"""Property tests: no input makes the parser raise."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.parse import ParsedArticle, canonicalize_url, content_hash, decode_body, detect_language, parse_document

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TAGS = ["html", "head", "body", "title", "p", "div", "article", "nav", "script", "style", "a", "b", "h1",
         "table", "td", "meta", "link", "time", "!--", "![CDATA[", "!doctype html"]
_ATTRS = ['', ' lang="de"', ' charset="latin-1"', ' rel="canonical" href="//x"', ' property="og:title" content="T | S"',
          ' datetime="2025-13-45"', ' href="javascript:"', ' class="comments"', ' type="application/ld+json"']
_piece = st.one_of(
    st.text(max_size=40),
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(_TAGS), st.sampled_from(_ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
    st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "<", ">", "\x00", "Größe „Zitat“", "\ufeff", "\r\n"]),
)
html_ish = st.lists(_piece, max_size=40).map("".join)
content_types = st.one_of(st.none(), st.sampled_from([
    "text/html", "text/html; charset=utf-8", "text/html; charset=bogus", "text/plain",
    "application/pdf", "image/png", "text/html; charset=utf-16", "",
]))
urls = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["https://example.com/a?amp=1", "http://[::1", "ftp://x"]))


def _check(article):
    assert isinstance(article, ParsedArticle)
    assert isinstance(article.text, str) and isinstance(article.title, str)
    assert article.error or article.text or article.title


@FAST
@given(body=st.binary(max_size=2000), content_type=content_types, url=urls)
def test_random_bytes_never_raise(body, content_type, url):
    _check(parse_document(body, url=url, content_type=content_type))
    text, encoding = decode_body(body, content_type)
    assert isinstance(text, str) and isinstance(encoding, str)


@FAST
@given(body=html_ish, content_type=content_types, url=urls, hint=st.one_of(st.none(), st.text(max_size=6)))
def test_random_html_ish_strings_never_raise(body, content_type, url, hint):
    _check(parse_document(body, url=url, content_type=content_type, lang_hint=hint))
    _check(parse_document(body.encode("utf-8", errors="surrogatepass"), url=url, content_type=content_type))


@FAST
@given(text=st.text(max_size=300))
def test_helpers_never_raise(text):
    assert detect_language(text) in (None, "de", "en")
    assert len(content_hash(text)) == 64
    assert isinstance(canonicalize_url(text), str)
