"""From a raw document to an article row: the glue between ingest and `pipelines.parse`."""

from __future__ import annotations

import zlib

from pipelines.parse import canonicalize_url, content_hash, detect_language, parse_document
from pipelines.relevance import judge_relevance


def article_id(doc_id: str) -> str:
    return doc_id  # one article per document: the id stays stable when only parsing changes


def article_from_raw(record: dict, keywords: tuple[str, ...] = ()) -> dict:
    """`record` holds a raw_documents row with the decompressed `body`; returns an articles row,
    with the relevance decision (and its reason) under the source's `keywords`."""
    if record["kind"] == "jsonl":
        # A jsonl line is already an article: its text and metadata are taken as given.
        text = record["body"].decode("utf-8", errors="replace").strip()
        lang = record["lang_hint"] or detect_language(text)
        row = {
            "title": record["title_hint"] or "", "text": text, "published": record["published_hint"],
            "lang": lang, "canonical_url": canonicalize_url(record["url"]) if record["url"] else None,
            "content_hash": content_hash(text) if text else None, "encoding": "utf-8",
            "parse_error": None if text else "empty text",
        }
    else:
        parsed = parse_document(record["body"], url=record["url"], content_type=record["content_type"],
                                lang_hint=record["lang_hint"])
        row = {
            "title": parsed.title or record["title_hint"] or "", "text": parsed.text,
            "published": parsed.published or record["published_hint"],
            "lang": parsed.lang or record["lang_hint"], "canonical_url": parsed.canonical_url,
            "content_hash": parsed.content_hash, "encoding": parsed.encoding,
            "parse_error": parsed.error or (None if parsed.text else "no article text found"),
        }
    relevance = judge_relevance(row["title"], row["text"], row["lang"], keywords)
    return {
        "article_id": article_id(record["doc_id"]),
        "doc_id": record["doc_id"],
        "source": record["source"],
        "external_id": record["external_id"],
        "url": record["url"] or row["canonical_url"],
        "n_chars": len(row["text"]),
        "is_relevant": relevance.relevant,
        "relevance_reason": relevance.reason,
        **row,
    }



def article_from_stored(task: tuple[dict, tuple[str, ...]]) -> dict:
    """`article_from_raw` for a stored raw_documents row (bytes still zlib-compressed) and its
    source's keywords: what a worker process of the parse step runs per document."""
    record, keywords = task
    return article_from_raw({**record, "body": zlib.decompress(record["body_zlib"])}, keywords)
