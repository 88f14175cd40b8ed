"""Refuse hostile XML before any permissive parser sees it.

Feeds and sitemaps never need entity declarations; a document that declares entities is
either an attack (billion laughs, external entities reading local files) or broken. A bare
DOCTYPE without an internal subset is allowed, because old RSS 0.91 feeds carry one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

# last line of defence for documents expat cannot parse (then feedparser's lenient parser
# would take over): an entity declaration anywhere means refusal
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


class UnsafeXmlError(ValueError):
    """The document declares entities or a DTD where none is allowed."""


class MalformedXmlError(ValueError):
    """The document is not well-formed XML."""


def parse_safely(data: bytes, *, allow_doctype: bool) -> ET.Element:
    """Parse with defusedxml; raise UnsafeXmlError or MalformedXmlError with a clear message."""
    try:
        return fromstring(data, forbid_dtd=not allow_doctype, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXmlError(f"XML declares a DTD or entities, refused as unsafe ({type(exc).__name__})") from exc
    except ET.ParseError as exc:
        if _ENTITY_DECLARATION.search(data):
            raise UnsafeXmlError("XML declares entities, refused as unsafe") from exc
        raise MalformedXmlError(f"not well-formed XML: {exc}") from exc


def local_name(tag: object) -> str:
    """'{http://www.sitemaps.org/schemas/sitemap/0.9}url' -> 'url' (namespaces vary in the wild)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
