"""Content hashes that survive re-syndication.

The same press release published by two outlets differs in markup, whitespace,
typographic quotes and dashes, and capitalisation of a headline-style line; none of that
should make it a different document. Only the sequence of words counts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Everything that is not a letter or digit separates words; "_" counts as a separator too.
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_for_hash(text: str) -> str:
    """NFKC, casefold ("Straße" == "STRASSE"), punctuation and whitespace collapsed to one space."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return _NON_WORD.sub(" ", folded).strip()


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()
