"""What reading a source yields: documents, and a log row per read attempt."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from pipelines.ids import stable_hash


class ReadOutcome(StrEnum):
    """`fetch_log.outcome`: what became of one read attempt."""

    OK = "ok"              # read as it is
    ERROR = "error"        # reading failed: HTTP error, timeout, unreadable file, bad jsonl line
    SKIPPED = "skipped"    # not read, by rule: robots.txt, a javascript:/file: link, a symlink out of
                           # the folder, a FIFO, a file that is not a document
    LIMIT = "limit"        # a limit cut the reading: time budget, items cap, body size cap; what is
                           # left is read on a later run


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
    outcome: ReadOutcome = None  # type: ignore[assignment]  # default: ok without error, else error

    def __post_init__(self) -> None:
        if self.outcome is None:
            object.__setattr__(self, "outcome", ReadOutcome.OK if self.error is None else ReadOutcome.ERROR)


class SinkError(Exception):
    """The sink could not take what was read (the database is locked, the disk full): unlike bad
    input, this stops the reading of every source, and is never turned into a source failure."""


class ReadSink(Protocol):
    """Where a reader hands over what it reads, as it reads it (the run's store commits in batches).
    Its methods raise SinkError when what was read cannot be kept."""

    def attempt(self, attempt: ReadAttempt) -> None: ...

    def document(self, document: RawDocument) -> None: ...


@dataclass
class SourceRead:
    """Everything one source gave in one run: documents, the log, and a fatal error if any.

    Readers call `log` and `keep`. With a `sink`, rows go there at once (and are not kept here,
    so a long run holds no bodies in memory); without one they collect in `attempts` and
    `documents`. The counters hold either way."""

    source: str
    documents: list[RawDocument] = field(default_factory=list)
    attempts: list[ReadAttempt] = field(default_factory=list)
    error: str | None = None     # the source as a whole failed (missing folder, dead feed)
    limits: list[str] = field(default_factory=list)  # limits that cut this source (budget, cap)
    sink: ReadSink | None = field(default=None, repr=False)
    n_documents: int = 0
    n_attempts: int = 0

    def log(self, attempt: ReadAttempt) -> None:
        self.n_attempts += 1
        if self.sink is not None:
            self.sink.attempt(attempt)
        else:
            self.attempts.append(attempt)

    def keep(self, document: RawDocument) -> None:
        self.n_documents += 1
        if self.sink is not None:
            self.sink.document(document)
        else:
            self.documents.append(document)

    def fail(self, error: str, url: str, attempted_at: datetime, outcome: ReadOutcome = ReadOutcome.ERROR) -> None:
        """The source as a whole could not be read: say so, and log it."""
        self.error = error
        self.log(ReadAttempt(self.source, url, attempted_at, error=error, outcome=outcome))

    def cut(self, message: str, url: str, attempted_at: datetime) -> None:
        """A limit stopped this source early: logged, and kept for the run's metadata."""
        self.limits.append(message)
        self.log(ReadAttempt(self.source, url, attempted_at, error=message, outcome=ReadOutcome.LIMIT))


def document_id(source: str, locator: str) -> str:
    """Stable id: the same document read again tomorrow gets the same id."""
    return stable_hash(source, locator)
