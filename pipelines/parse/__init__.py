"""Parsing domain: fetched document (bytes or text) → clean article text and metadata.

Pure Python, no Dagster or DuckDB: the parse assets call parse_document per document.
"""

from pipelines.parse.article import ParsedArticle, parse_document
from pipelines.parse.body import extract_body
from pipelines.parse.decode import decode_body
from pipelines.parse.hashing import content_hash
from pipelines.parse.language import detect_language
from pipelines.parse.urls import canonicalize_url

__all__ = [
    "ParsedArticle",
    "canonicalize_url",
    "content_hash",
    "decode_body",
    "detect_language",
    "extract_body",
    "parse_document",
]
