"""decode_body: charsets from header, meta, detection; German umlauts must survive."""

import codecs

import pytest

from pipelines.parse import decode_body

GERMAN = "Größere Rechenzentren für Künstliche Intelligenz: Nordlicht äußert sich über Preise."
CURLY = "„Wir liefern“, sagte sie – und “more” kostet 5 €."


def latin1_page(meta: str = "") -> bytes:
    return f"<html><head>{meta}<title>Test</title></head><body><p>{GERMAN}</p></body></html>".encode("iso-8859-1")


def test_latin1_with_header_charset():
    text, encoding = decode_body(latin1_page(), "text/html; charset=ISO-8859-1")
    assert GERMAN in text
    assert encoding == "cp1252"  # browsers read latin-1 labels as windows-1252


def test_latin1_without_any_declaration_is_detected():
    text, encoding = decode_body(latin1_page(), None)
    assert GERMAN in text
    assert encoding == "cp1252"


def test_latin1_with_meta_charset_and_no_header():
    text, _ = decode_body(latin1_page('<meta charset="iso-8859-1">'), "text/html")
    assert GERMAN in text


def test_meta_http_equiv_charset():
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    text, encoding = decode_body(latin1_page(meta), None)
    assert GERMAN in text and encoding == "cp1252"


def test_windows_1252_curly_quotes_and_euro():
    body = f"<html><body><p>{CURLY} {GERMAN}</p></body></html>".encode("cp1252")
    for content_type in ("text/html; charset=windows-1252", "text/html; charset=iso-8859-1", None):
        text, _ = decode_body(body, content_type)
        assert CURLY in text and GERMAN in text, content_type


def test_header_says_utf8_but_bytes_are_latin1():
    text, encoding = decode_body(latin1_page(), "text/html; charset=utf-8")
    assert GERMAN in text
    assert encoding == "cp1252"


def test_header_and_meta_both_wrong_utf8_on_latin1():
    text, _ = decode_body(latin1_page('<meta charset="utf-8">'), "text/html; charset=UTF-8")
    assert GERMAN in text


def test_utf8_page_served_with_latin1_default_header():
    body = f"<html><body><p>{GERMAN}</p></body></html>".encode("utf-8")
    text, encoding = decode_body(body, "text/html; charset=iso-8859-1")
    assert GERMAN in text and encoding == "utf-8"


def test_utf8_without_declaration():
    body = f"<p>{GERMAN} {CURLY}</p>".encode("utf-8")
    assert decode_body(body, None) == (f"<p>{GERMAN} {CURLY}</p>", "utf-8")


def test_mostly_utf8_with_a_stray_latin1_byte_stays_utf8():
    body = (f"<p>{GERMAN} {GERMAN}</p>".encode("utf-8") + b"<p>Stra\xdfe</p>")
    text, encoding = decode_body(body, None)
    assert encoding == "utf-8 (1 invalid byte replaced)" and GERMAN in text and "Stra\ufffde" in text


ENGLISH = "OpenAI signed a “multi-year” deal – worth $38bn – with Amazon’s cloud, the company said."


@pytest.mark.parametrize("declared", [
    ("text/html; charset=utf-8", ""), (None, '<meta charset="utf-8">'), ("text/html; charset=iso-8859-1", ""),
])
def test_declared_utf8_with_a_few_invalid_bytes_stays_utf8_and_says_so(declared):
    # Few non-ASCII characters (curly quotes, dashes) and two bad bytes: detection alone would
    # guess a Cyrillic code page and garble the evidence sentence.
    content_type, meta = declared
    body = (f"<html><head>{meta}</head><body><p>{ENGLISH}</p>".encode() + b"<p>caf\xe9 \xff</p></body></html>")
    text, encoding = decode_body(body, content_type)
    assert ENGLISH in text and "caf\ufffd \ufffd" in text
    assert encoding == "utf-8 (2 invalid bytes replaced)"


def test_a_literal_replacement_character_is_not_counted_as_invalid():
    body = f"<p>{GERMAN} \ufffd</p>".encode() + b"\xff"
    assert decode_body(body, "text/html; charset=utf-8")[1] == "utf-8 (1 invalid byte replaced)"


def test_byte_order_mark_wins():
    body = codecs.BOM_UTF8 + "<p>Ärger</p>".encode("utf-8")
    assert decode_body(body, "text/html; charset=iso-8859-1") == ("<p>Ärger</p>", "utf-8")


def test_utf16_with_bom():
    text, encoding = decode_body("<p>Übernahme</p>".encode("utf-16"), None)
    assert text == "<p>Übernahme</p>" and encoding == "utf-16"


@pytest.mark.parametrize("content_type", [None, "", "text/html; charset=no-such-charset", "text/html; charset="])
def test_unknown_or_empty_charset_falls_back(content_type):
    text, _ = decode_body(latin1_page(), content_type)
    assert GERMAN in text


def test_empty_body():
    assert decode_body(b"", None) == ("", "utf-8")


def test_random_bytes_do_not_raise():
    body = bytes(range(256)) * 4
    text, encoding = decode_body(body, "text/html; charset=utf-8")
    assert isinstance(text, str) and encoding
