"""What reading a source yields: documents, and a log row per read attempt."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from pipelines.ids import stable_hash


@dataclass(frozen=True)
class RawDocument:
    source: str
    kind: str
    locator: str                 # URL, path relative to the source folder, or jsonl id
    body: bytes
    fetched_at: datetime
    url: str | None = None
    external_id: str | None = None
    http_status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    truncated: bool = False
    title_hint: str | None = None
    published_hint: date | None = None
    lang_hint: str | None = None

    @property
    def doc_id(self) -> str:
        return document_id(self.source, self.locator)

    @property
    def body_sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(frozen=True)
class ReadAttempt:
    source: str
    url: str
    attempted_at: datetime
    status: int | None = None
    bytes: int | None = None
    elapsed_ms: float | None = None
    error: str | None = None
    attempt: int = 1


@dataclass
class SourceRead:
    """Everything one source gave in one run: documents, the log, and a fatal error if any."""

    source: str
    documents: list[RawDocument] = field(default_factory=list)
    attempts: list[ReadAttempt] = field(default_factory=list)
    error: str | None = None     # the source as a whole failed (missing folder, dead feed)


def document_id(source: str, locator: str) -> str:
    """Stable id: the same document read again tomorrow gets the same id."""
    return stable_hash(source, locator)
