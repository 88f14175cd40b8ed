"""parse_document end to end on pages written for these tests (German and English)."""

import datetime as dt
from pathlib import Path

import pytest

from parse_pages import (
    ENGLISH_PARAGRAPHS,
    ENGLISH_TITLE,
    GERMAN_PARAGRAPHS,
    GERMAN_TITLE,
    blog_page,
    portal_page,
)
from pipelines.parse import ParsedArticle, content_hash, parse_document

PORTAL_URL = "https://www.techportal.de/news/artikel-4711.html?utm_source=rss&wt_mc=feed#kommentare"
BLOG_URL = "https://blog.example.org/2025/10/nordlicht?fbclid=abc"

ARTICLES = {
    "de": (GERMAN_TITLE, GERMAN_PARAGRAPHS),
    "en": (ENGLISH_TITLE, ENGLISH_PARAGRAPHS),
}
BOILERPLATE = [
    "Cookies", "akzeptieren", "Startseite", "Newsticker", "Abonnieren",  # nav and cookie banner
    "Mehr zum Thema", "Read more", "Chipmangel bremst", "Strompreise treiben",  # related list
    "Leserkommentar", "Kommentare", "Comments",  # comments
    "Impressum", "Alle Rechte",  # footers
    "Lesen Sie auch", "Wie viel Strom", "How much power",  # inline teaser
    "Teilen", "Twittern", "Beliebt", "Zehn Tipps",  # share buttons, sidebar
]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("template", [portal_page, blog_page])
def test_body_is_the_article_without_boilerplate(lang, template):
    title, paragraphs = ARTICLES[lang]
    article = parse_document(template(title, paragraphs, lang=lang).encode("utf-8"), url=PORTAL_URL)
    assert article.error is None
    assert article.text == "\n".join(paragraphs)  # one paragraph per line, headline not repeated
    for junk in BOILERPLATE:
        assert junk not in article.text, junk


@pytest.mark.parametrize("lang", ["de", "en"])
def test_same_text_in_two_templates_hashes_the_same(lang):
    title, paragraphs = ARTICLES[lang]
    portal = parse_document(portal_page(title, paragraphs, lang=lang).encode(), url=PORTAL_URL)
    blog = parse_document(blog_page(title, paragraphs, lang=lang).encode(), url=BLOG_URL)
    assert portal.content_hash == blog.content_hash == content_hash("\n".join(paragraphs))
    other_title, other_paragraphs = ARTICLES["en" if lang == "de" else "de"]
    other = parse_document(portal_page(other_title, other_paragraphs).encode(), url=PORTAL_URL)
    assert other.content_hash != portal.content_hash


def test_portal_metadata():
    article = parse_document(portal_page(GERMAN_TITLE, GERMAN_PARAGRAPHS).encode(), url=PORTAL_URL,
                             content_type="text/html; charset=utf-8")
    assert article.title == GERMAN_TITLE  # " | Techportal" trimmed
    assert article.published == dt.date(2025, 10, 23)
    assert article.lang == "de"
    assert article.canonical_url == "https://www.techportal.de/news/artikel-4711.html"
    assert article.encoding == "utf-8"


def test_blog_metadata_from_json_ld_and_url():
    article = parse_document(blog_page(ENGLISH_TITLE, ENGLISH_PARAGRAPHS, lang="en").encode(), url=BLOG_URL)
    assert article.title == ENGLISH_TITLE  # " - Wirtschaftsblog" trimmed: it is the home link's text
    assert article.published == dt.date(2025, 10, 23)  # JSON-LD datePublished
    assert article.lang == "en"  # no <html lang>: detected
    assert article.canonical_url == "https://blog.example.org/2025/10/nordlicht"  # no rel=canonical: the URL


# ---------------------------------------------------------------- encodings through parse_document


@pytest.mark.parametrize("content_type", ["text/html; charset=iso-8859-1", "text/html", None, "text/html; charset=utf-8"])
def test_latin1_german_page_keeps_umlauts(content_type):
    page = portal_page(GERMAN_TITLE, GERMAN_PARAGRAPHS, charset_meta=None).encode("iso-8859-1")
    article = parse_document(page, url=PORTAL_URL, content_type=content_type)
    assert "Größter Kunde wird laut Mitteilung ein Münchner KI-Start-up" in article.text
    assert "äußerten" in article.text
    assert article.encoding == "cp1252"


def test_windows_1252_page_with_curly_quotes():
    paragraphs = [p.replace("als besonders effizient", "als „besonders effizient“ und “vorbildlich”") for p in GERMAN_PARAGRAPHS]
    page = portal_page(GERMAN_TITLE, paragraphs, charset_meta="windows-1252").encode("cp1252")
    article = parse_document(page, url=PORTAL_URL)
    assert "„besonders effizient“ und “vorbildlich”" in article.text


def test_meta_http_equiv_charset_on_latin1_bytes():
    page = blog_page(GERMAN_TITLE, GERMAN_PARAGRAPHS).replace("charset=utf-8", "charset=ISO-8859-1")
    article = parse_document(page.encode("iso-8859-1"), url=BLOG_URL)
    assert "Fördermittel" in article.text and article.title == GERMAN_TITLE


# ---------------------------------------------------------------- titles, dates, language, canonical


def _page(head: str = "", body: str = "", lang_attr: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in ENGLISH_PARAGRAPHS)
    return f"<html{lang_attr}><head>{head}</head><body><article>{body}{paragraphs}</article></body></html>".encode()


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ('<title>OpenAI signs deal with Oracle | heise online</title>', None, "OpenAI signs deal with Oracle"),
        ('<title>Harbor Compute buys capacity - The Verge</title>', "https://www.theverge.com/ai/1", "Harbor Compute buys capacity"),
        ('<title>Harbor Compute buys capacity - Granite Power wins</title>', "https://www.example.com/x", "Harbor Compute buys capacity - Granite Power wins"),
        ('<meta property="og:title" content="Nordlicht mietet GPUs"><title>Other · Site</title>', None, "Nordlicht mietet GPUs"),
        ('<meta property="og:site_name" content="golem.de"><title>KI-Rechenzentrum: Nordlicht baut aus - Golem.de</title>', None,
         "KI-Rechenzentrum: Nordlicht baut aus"),
        ("", None, "Fallback headline from the h1"),
        ("<title>Short | Site</title>", None, "Short | Site"),  # too short to know which part is the title
    ],
)
def test_title(head, url, expected):
    article = parse_document(_page(head, "<h1>Fallback headline from the h1</h1>"), url=url)
    assert article.title == expected


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="article:published_time" content="2024-02-29T23:30:00-05:00">', "", dt.date(2024, 2, 29)),
        ('<meta name="date" content="2025-01-07">', "", dt.date(2025, 1, 7)),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-11-05T10:00:00Z"}]}</script>',
         "", dt.date(2023, 11, 5)),
        ("", '<p class="meta">Published <time datetime="2025-06-30T12:00">June 30</time></p>', dt.date(2025, 6, 30)),
        ('<meta property="article:published_time" content="1970-01-01T00:00:00Z">', "", None),  # template default
        ('<script type="application/ld+json">{broken json</script>', "", None),
    ],
)
def test_published_date(head, body, expected):
    assert parse_document(_page(head, body)).published == expected


def test_date_from_url_via_htmldate():
    assert parse_document(_page(), url="https://example.com/2024/03/15/harbor-compute").published == dt.date(2024, 3, 15)


@pytest.mark.parametrize(
    ("page", "hint", "expected"),
    [
        (_page(lang_attr=' lang="en-US"'), None, "en"),
        (_page(head='<meta http-equiv="content-language" content="en">'), None, "en"),
        (_page(), "de", "en"),  # detection is sure: the hint is ignored
        (b"<html><body><p>Nvidia H100, B200, GB300</p></body></html>", "de-DE", "de"),  # unsure: hint used
        (b"<html><body><p>Nvidia H100, B200, GB300</p></body></html>", None, None),
        (b'<html lang="fr"><body><p>Nvidia H100</p></body></html>', None, "fr"),
    ],
)
def test_language(page, hint, expected):
    assert parse_document(page, lang_hint=hint).lang == expected


def test_long_text_overrules_a_wrong_lang_attribute():
    page = portal_page(GERMAN_TITLE, GERMAN_PARAGRAPHS, lang="en")
    assert parse_document(page.encode()).lang == "de"


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ('<link rel="canonical" href="/news/a.html?utm_medium=x">', "https://www.example.de/amp/news/a.html", "https://www.example.de/news/a.html"),
        ('<link rel="canonical" href="https://Example.com/story#x">', None, "https://example.com/story"),
        ('<link rel="canonical" href="/">', "https://example.com/news/story", "https://example.com/news/story"),  # home page: ignored
        ('<link rel="canonical" href="/relative">', None, None),  # nothing to resolve against
        ("", "https://example.com/story/?amp=1&utm_source=x", "https://example.com/story/"),
    ],
)
def test_canonical_url(head, url, expected):
    assert parse_document(_page(head), url=url).canonical_url == expected


# ---------------------------------------------------------------- plain text, binary, broken input


def test_plain_text_string():
    text = "Nordlicht Cloud mietet GPUs\n\nDer Anbieter hat einen Vertrag\ngeschlossen, sagte ein Sprecher.\n\nDer zweite Absatz folgt hier.\n"
    article = parse_document(text, url="https://example.com/release.txt")
    assert article.title == "Nordlicht Cloud mietet GPUs"
    assert article.text == "Der Anbieter hat einen Vertrag geschlossen, sagte ein Sprecher.\nDer zweite Absatz folgt hier."
    assert article.lang == "de" and article.error is None and article.content_hash
    assert article.published is None


def test_plain_text_one_line_per_paragraph_is_not_merged():
    text = ("Harbor Compute signs deal\nThe startup agreed to buy capacity worth up to $2.5 billion from Granite Power, "
            "a data center operator based in Texas.\nThe agreement covers 1.5 gigawatts across three sites.\n")
    article = parse_document(text.encode("utf-8"), content_type="text/plain")
    assert article.text.split("\n")[1] == "The agreement covers 1.5 gigawatts across three sites."
    assert article.lang == "en" and article.encoding == "utf-8"


def test_stray_nul_in_html_does_not_lose_the_page():
    page = portal_page(GERMAN_TITLE, GERMAN_PARAGRAPHS).replace("<main>", "<main>\x00")
    assert parse_document(page.encode()).text == "\n".join(GERMAN_PARAGRAPHS)


def test_plain_text_bytes_by_content_type_even_with_angle_brackets():
    body = "Harbor Compute <press release>\nThe company said it would buy capacity from Granite Power.".encode("cp1252")
    article = parse_document(body, content_type="text/plain; charset=windows-1252")
    assert article.title == "Harbor Compute <press release>"
    assert article.text.startswith("The company said")


@pytest.mark.parametrize(
    ("body", "content_type", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", "text/html", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", None, "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg", "JPEG"),
        (b"some bytes", "application/pdf", "application/pdf"),
        (bytes(range(256)) * 8, None, "binary"),
    ],
)
def test_binary_documents_are_errors(body, content_type, what):
    article = parse_document(body, content_type=content_type, url="https://example.com/file")
    assert article.text == "" and article.title == ""
    assert article.error.startswith("not an HTML or text document") and what in article.error
    assert article.canonical_url == "https://example.com/file"


@pytest.mark.parametrize("body", [b"", "", b"   \n  ", "<html></html>", "<p>"])
def test_empty_documents_are_errors(body):
    article = parse_document(body)
    assert article.text == "" and article.error


def test_broken_html_still_yields_text():
    page = ("<html><head><title>Kaputt</title><body><div class=content><p>Der Vertrag über 300 Megawatt "
            "ist unterschrieben<p>Die Anlage soll <b>nächstes Jahr</i> in Betrieb gehen<div><table><tr><td>Ende")
    article = parse_document(page.encode("utf-8"))
    assert "Der Vertrag über 300 Megawatt ist unterschrieben" in article.text
    assert "nächstes Jahr" in article.text
    assert article.error is None


def test_fragment_without_html_skeleton():
    assert parse_document("<p>Nordlicht mietet <b>GPUs").text == "Nordlicht mietet GPUs"


def test_large_document_is_parsed():
    paragraphs = "".join(f"<p>Absatz {i}: Der Anbieter meldet einen weiteren Vertrag über {i} Megawatt Leistung.</p>"
                         for i in range(8000))
    article = parse_document(f"<html><body><article>{paragraphs}</article></body></html>".encode())
    assert isinstance(article, ParsedArticle) and "Absatz 7999" in article.text


def test_result_is_frozen():
    article = parse_document("Titel\nText")
    with pytest.raises(AttributeError):
        article.text = "changed"


def test_german_page_with_ad_label_inline_link_list_and_newsletter_box():
    page = (Path(__file__).parent / "energie_kurier_de.html").read_bytes()  # written for this test
    article = parse_document(page, url="https://www.energie-kurier.de/technik/netz-123.html",
                             content_type="text/html")
    paragraphs = article.text.split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Der Übertragungsnetzbetreiber Südstrom hat")
    assert paragraphs[2].endswith("auf alle Stromkunden umgelegt.")
    for junk in ("Anzeige", "Mehr zum Thema", "Warum Rechenzentren", "Newsletter", "Impressum", "Politik"):
        assert junk not in article.text
    assert article.title == "Stromnetz: Netzbetreiber reserviert 2 Gigawatt für KI-Rechenzentren"
    assert article.lang == "de" and article.encoding == "utf-8"


@pytest.mark.parametrize("url", ["http://[::1", "not a url", ""])
def test_malformed_url_does_not_cost_the_article(url):
    page = portal_page(ENGLISH_TITLE, ENGLISH_PARAGRAPHS, lang="en", canonical='http://[broken')
    article = parse_document(page.encode(), url=url or None)
    assert article.error is None and article.text == "\n".join(ENGLISH_PARAGRAPHS)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_template_content_never_reaches_the_text(lang):
    # <template> holds markup a script may clone later; browsers never show it.
    title, paragraphs = ARTICLES[lang]
    hidden = {"de": "Vorlage: Gewinnspiel mit 99 Gigawatt für alle Leser.",
              "en": "Template: win 99 gigawatts of power in our reader contest."}[lang]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html lang='{lang}'><head><title>{title}</title><template><title>{hidden}</title></template></head>"
            f"<body><article><h1>{title}</h1>{body}<template id='card'><p>{hidden}</p></template>"
            f"<p>{paragraphs[0]}</p></article><template><article><p>{hidden}</p></article></template></body></html>")
    parsed = parse_document(page.encode(), url="https://x.example/a", content_type="text/html; charset=utf-8")
    assert hidden.split(":")[0] not in parsed.text and hidden.split(":")[0] not in parsed.title
    assert paragraphs[0] in parsed.text and parsed.title == title
