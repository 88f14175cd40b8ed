"""What kind of document is this: HTML, plain text, or something we cannot read?

Servers mislabel content types (PDFs as text/html, HTML as text/plain is rarer), so the
bytes' magic numbers win over the header, and the header wins over guessing from text.
"""

from __future__ import annotations

import re
from enum import Enum


class Kind(Enum):
    HTML = "html"
    TEXT = "text"
    BINARY = "binary"


_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/msword", "application/vnd.")
# application/octet-stream is not in the list: servers use it for anything, HTML included,
# so such bodies are judged by their bytes.
_HTML_TYPES = ("text/html", "application/xhtml")

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(html|head|body|article|main|div|p|h[1-6]|title|meta|span|section|br)\b[^>]*>",
                       re.IGNORECASE)
_SNIFF_CHARS = 2048

# Control characters other than tab/newline/CR/form feed do not occur in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def binary_signature(body: bytes) -> str | None:
    """Name of a binary format recognised by its first bytes, else None."""
    head = body[:8]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def binary_content_type(content_type: str | None) -> str | None:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media and media.startswith(_BINARY_TYPES):
        return media
    return None


def looks_binary(text: str) -> bool:
    """Decoded random bytes are full of control characters; real pages are not."""
    sample = text[:_SNIFF_CHARS * 4]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def strip_control_characters(text: str) -> str:
    """A stray NUL in an otherwise fine page would make lxml refuse the whole string."""
    return _CONTROL.sub("", text)


def text_kind(text: str, content_type: str | None) -> Kind:
    """HTML or plain text, for text that already passed the binary checks."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media.startswith(_HTML_TYPES):
        return Kind.HTML
    if media == "text/plain":
        return Kind.TEXT
    head = text[:_SNIFF_CHARS]
    if _HTML_START.match(head) or _HTML_TAG.search(head):
        return Kind.HTML
    return Kind.TEXT
