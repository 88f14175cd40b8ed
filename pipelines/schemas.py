"""Polars schemas of the warehouse tables, as the assets build them (the DDL is in sql/)."""

import polars as pl

RAW_DOCUMENTS_SCHEMA = {
    "doc_id": pl.String, "partition_date": pl.Date, "source": pl.String, "kind": pl.String,
    "locator": pl.String, "url": pl.String, "external_id": pl.String,
    "fetched_at": pl.Datetime("us", "UTC"), "http_status": pl.Int32, "content_type": pl.String,
    "etag": pl.String, "last_modified": pl.String, "body_zlib": pl.Binary, "body_sha256": pl.String,
    "n_bytes": pl.Int64, "truncated": pl.Boolean, "title_hint": pl.String, "published_hint": pl.Date,
    "lang_hint": pl.String,
}
FETCH_LOG_SCHEMA = {
    "run_id": pl.String, "partition_date": pl.Date, "source": pl.String, "url": pl.String,
    "attempted_at": pl.Datetime("us", "UTC"), "status": pl.Int32, "bytes": pl.Int64,
    "elapsed_ms": pl.Float64, "error": pl.String, "attempt": pl.Int32, "outcome": pl.String,
}
ARTICLES_SCHEMA = {
    "article_id": pl.String, "doc_id": pl.String, "source": pl.String, "external_id": pl.String,
    "url": pl.String, "canonical_url": pl.String, "title": pl.String, "published": pl.Date,
    "lang": pl.String, "text": pl.String, "n_chars": pl.Int32, "content_hash": pl.String,
    "encoding": pl.String, "is_relevant": pl.Boolean, "relevance_reason": pl.String,
    "parse_error": pl.String, "parse_key": pl.String,
}
EXTRACTED_ARTICLES_SCHEMA = {
    "article_id": pl.String, "partition_date": pl.Date, "input_hash": pl.String, "extractor_version": pl.String,
    "deal_mentions": pl.Int32, "investment_mentions": pl.Int32, "extracted_at": pl.Datetime("us", "UTC"),
    "extraction_error": pl.String,
}
_MENTION_CONTEXT = {"mention_id": pl.String, "article_id": pl.String, "source": pl.String, "lang": pl.String,
                   "published": pl.Date}
_MONEY = {"usd": pl.Float64, "usd_bound": pl.String, "usd_vague": pl.Boolean,
          "eur": pl.Float64, "eur_bound": pl.String, "eur_vague": pl.Boolean}
_EVIDENCE = {"confidence": pl.Float64, "evidence": pl.String, "evidence_start": pl.Int32, "evidence_end": pl.Int32}
DEAL_MENTIONS_SCHEMA = {
    **_MENTION_CONTEXT, "buyer": pl.String, "providers": pl.List(pl.String), "resource": pl.String,
    "gw": pl.Float64, "gw_bound": pl.String, "chips": pl.Int64, "chips_bound": pl.String, **_MONEY,
    "year": pl.Int32, "status": pl.String, **_EVIDENCE,
}
INVESTMENT_MENTIONS_SCHEMA = {
    **_MENTION_CONTEXT, "investor": pl.String, "investee": pl.String, "instrument": pl.String, **_MONEY,
    "shares": pl.Int64, **_EVIDENCE,
}
_REPORTS = {
    "disagreeing_figures": pl.List(pl.String), "first_reported": pl.Date, "last_reported": pl.Date,
    "n_mentions": pl.Int32, "n_articles": pl.Int32, "n_sources": pl.Int32,
    "languages": pl.List(pl.String), "mention_ids": pl.List(pl.String), "confidence": pl.Float64,
    "evidence": pl.String,
    "corrections": pl.List(pl.String),
}
DEALS_SCHEMA = {
    "deal_id": pl.String, "buyer": pl.String, "providers": pl.List(pl.String), "resource": pl.String,
    "gw": pl.Float64, "gw_bound": pl.String, "chips": pl.Int64, "chips_bound": pl.String, **_MONEY,
    "year": pl.Int32, "status": pl.String, **_REPORTS,
}
INVESTMENTS_SCHEMA = {
    "investment_id": pl.String, "investor": pl.String, "investee": pl.String, "instrument": pl.String,
    **_MONEY, "shares": pl.Int64, **_REPORTS,
}
PARTY_MENTIONS_SCHEMA = {
    "article_id": pl.String, "partition_date": pl.Date, "source": pl.String, "lang": pl.String,
    "published": pl.Date, "name": pl.String, "kind": pl.String, "evidence": pl.String,
    "evidence_start": pl.Int32, "evidence_end": pl.Int32,
}
COMPANY_CANDIDATES_SCHEMA = {
    "name": pl.String, "kind": pl.String, "n_articles": pl.Int32, "n_mentions": pl.Int32, "first_seen": pl.Date,
    "last_seen": pl.Date, "article_ids": pl.List(pl.String), "example_evidence": pl.String,
    "example_article_id": pl.String,
}
