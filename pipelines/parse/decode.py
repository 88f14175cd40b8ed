"""Bytes → text: which charset a fetched page really uses.

Order of evidence: byte-order mark, the HTTP Content-Type charset, the page's own
<meta charset>/<meta http-equiv>, then detection. A declared charset is only used
when the bytes actually decode with it, because servers often declare utf-8 for
legacy latin-1 pages.

A page declared utf-8 that holds valid multi-byte utf-8 and a few invalid bytes (a pasted
snippet, a cut-off character) stays utf-8: the bad bytes become U+FFFD and the encoding is
reported as "utf-8 (N invalid bytes replaced)", which `articles.encoding` keeps. Only a
declared-utf-8 page without any valid multi-byte sequence is read as windows-1252 (the
mislabelled latin-1 page); guessing another code page there would turn every umlaut and the
evidence sentences into mojibake.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
# both end in charset=x inside a meta tag; the first 4 KiB is where browsers look too.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_SCAN_BYTES = 4096

# Browsers (WHATWG Encoding Standard) read latin-1 and ascii labels as windows-1252:
# pages labelled iso-8859-1 routinely contain cp1252 curly quotes and euro signs.
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}

# Single-byte western charsets: detection among them on short German/English text is
# a coin toss (the umlauts share byte values), so we settle on windows-1252, which is
# the browser default for de/en locales.
_WESTERN_SINGLE_BYTE = {
    "latin-1", "iso8859-1", "cp1252", "iso8859-15", "cp1250", "iso8859-2",
    "mac-roman", "cp850", "cp437", "cp1257", "iso8859-9", "cp1254", "ascii",
}

_DETECT_SAMPLE_BYTES = 200_000
_ENCODED_REPLACEMENT_CHARACTER = "\ufffd".encode()
# Declared utf-8 with invalid bytes stays utf-8 while the valid multi-byte characters are at
# least a quarter as many as the invalid bytes (a latin-1 page has hardly any valid sequence:
# an accented capital followed by a symbol byte).
_VALID_PER_INVALID = 0.25


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode a fetched body; returns (text, encoding used). Never raises. When invalid bytes
    were replaced, the encoding says how many: "utf-8 (2 invalid bytes replaced)"."""
    try:
        text, encoding = _decode(body or b"", content_type)
    except Exception:  # last line of defence: a parser must not kill a partition
        text, encoding = _utf8_replacing(body or b""), "utf-8"
    if encoding == "utf-8" and "\ufffd" in text:
        replaced = text.count("\ufffd") - (body or b"").count(_ENCODED_REPLACEMENT_CHARACTER)
        if replaced > 0:
            encoding = f"utf-8 ({replaced} invalid byte{'s' if replaced > 1 else ''} replaced)"
    return text, encoding


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    if not body:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            # utf-8-sig / utf-16 / utf-32 consume the BOM instead of leaving U+FEFF in the text
            codec = "utf-8-sig" if encoding == "utf-8" else encoding
            return body.decode(codec, errors="replace"), encoding

    for declared in (_header_charset(content_type), _meta_charset(body)):
        encoding = _usable_codec(declared)
        if encoding is None:
            continue
        text = _strict_decode(body, encoding)
        if text is None and encoding == "utf-8":
            return _declared_utf8_with_invalid_bytes(body)
        if text is None:
            continue  # declared charset is a lie for these bytes: look further
        if encoding == "cp1252" and (_is_multibyte_utf8(body) or _mostly_utf8(body, min_valid=3)):
            # A server default of iso-8859-1 on a utf-8 page: latin-1 text almost
            # never forms valid multi-byte utf-8 sequences by accident.
            return _utf8_replacing(body), "utf-8"
        return text, encoding

    return _detect(body)


def _declared_utf8_with_invalid_bytes(body: bytes) -> tuple[str, str]:
    if _mostly_utf8(body, min_valid=1):
        return _utf8_replacing(body), "utf-8"
    return _strict_decode(body, "cp1252") or "", "cp1252"


def _utf8_replacing(body: bytes) -> str:
    return body.decode("utf-8", errors="replace")


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _usable_codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(name, name)


def _strict_decode(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        if encoding == "cp1252":
            # cp1252 leaves five bytes undefined; latin-1 maps every byte.
            return body.decode("latin-1")
        return None


def _is_multibyte_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(body: bytes) -> tuple[str, str]:
    if body.isascii():
        return body.decode("ascii"), "utf-8"  # ascii is utf-8; one name keeps the column tidy
    if _is_multibyte_utf8(body) or _mostly_utf8(body, min_valid=3):
        return body.decode("utf-8", errors="replace"), "utf-8"
    best = charset_normalizer.from_bytes(body[:_DETECT_SAMPLE_BYTES]).best()
    guess = _usable_codec(best.encoding) if best is not None else None
    if guess is None or guess in _WESTERN_SINGLE_BYTE:
        return _strict_decode(body, "cp1252") or "", "cp1252"
    return body.decode(guess, errors="replace"), guess


def _mostly_utf8(body: bytes, *, min_valid: int) -> bool:
    """A utf-8 page with a few stray bytes (a pasted latin-1 snippet) is still utf-8:
    replacing those bytes beats turning every other character into mojibake."""
    sample = body[:_DETECT_SAMPLE_BYTES]
    text = _utf8_replacing(sample)
    broken = text.count("\ufffd") - sample.count(_ENCODED_REPLACEMENT_CHARACTER)
    valid_multibyte = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return valid_multibyte >= min_valid and valid_multibyte >= _VALID_PER_INVALID * broken
