"""extract_body and its text-level clean-up of link lists."""

from lxml import html as lxml_html

from parse_pages import ENGLISH_PARAGRAPHS, GERMAN_PARAGRAPHS
from pipelines.parse import extract_body
from pipelines.parse.body import _soup_text, drop_related_links


def _tree(markup: str):
    return lxml_html.document_fromstring(markup)


def test_related_heading_and_its_link_lines_are_dropped():
    text = "\n".join([
        "Erster Absatz des Artikels, der bleibt.",
        "Mehr zum Thema",
        "Chipmangel bremst Ausbau",
        "- Strompreise steigen weiter",
        "Der Schlussabsatz endet mit einem Punkt und bleibt ebenfalls erhalten.",
    ])
    assert drop_related_links(text) == ("Erster Absatz des Artikels, der bleibt.\n"
                                        "Der Schlussabsatz endet mit einem Punkt und bleibt ebenfalls erhalten.")


def test_inline_read_more_lines_are_dropped():
    text = "The deal was signed.\nRead more: Why power is the new bottleneck\nIt runs for six years."
    assert drop_related_links(text) == "The deal was signed.\nIt runs for six years."
    assert drop_related_links("Lesen Sie auch: Der große Überblick\nText.") == "Text."


def test_sentences_mentioning_related_words_stay():
    text = "Related parties were not named in the filing.\nMehr zum Thema Strom sagte der Minister nichts."
    assert drop_related_links(text) == text


def test_untagged_related_block_inside_the_article_is_removed():
    paragraphs = "".join(f"<p>{p}</p>" for p in GERMAN_PARAGRAPHS)
    page = (f"<html><body><div><div>{paragraphs}<h3>Das könnte Sie auch interessieren</h3>"
            "<ul><li><a href='/1'>Zehn Fakten über Rechenzentren</a></li>"
            "<li><a href='/2'>So teuer ist ein Gigawatt</a></li></ul></div></div></body></html>")
    text = extract_body(_tree(page))
    assert text == "\n".join(GERMAN_PARAGRAPHS)


def test_english_page_with_comment_section():
    paragraphs = "".join(f"<p>{p}</p>" for p in ENGLISH_PARAGRAPHS)
    page = (f"<html><body><article>{paragraphs}</article><div id='comments'><h3>23 comments</h3>"
            "<div class='comment'><p>First! This deal is clearly a bubble, mark my words.</p></div></div></body></html>")
    text = extract_body(_tree(page))
    assert text == "\n".join(ENGLISH_PARAGRAPHS)


def test_tiny_page_falls_back_to_visible_text():
    assert extract_body(_tree("<html><body><nav>Menü</nav><div>Kurz: Deal geplatzt.</div></body></html>")) == "Kurz: Deal geplatzt."


def test_soup_fallback_prefers_article_and_skips_scripts():
    markup = ("<html><body><nav>Menü</nav><script>var x = 1;</script><article><h2>Überschrift</h2>"
              "<p>Erster Satz.</p><p>Zweiter Satz.</p></article><footer>Impressum</footer></body></html>")
    assert _soup_text(markup) == "Überschrift\nErster Satz.\nZweiter Satz."
