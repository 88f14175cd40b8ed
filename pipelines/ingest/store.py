"""Progressive, durable writes of what the readers yield: `fetch_log`, `raw_documents`, `http_validators`.

Readers hand each log row and document to the store as they read (it is their ReadSink). The
store commits them in small transactions while the run goes: when `every_documents` documents
are waiting, when the oldest waiting row is `every_seconds` old, at the end of each source, and
when the run stops (an exception, a SIGTERM that Dagster turns into one). So an interrupted run
keeps what it fetched and logged, and the next run does not fetch those documents again (they
are in `raw_documents`, whose URLs a web source skips). A process killed outright (kill -9,
os._exit) loses only the rows of the batch not yet committed; each batch is one transaction,
all or nothing.

Each batch of a web source opens a short connection: the DuckDB write lock is never held while
the web is read. Local sources are read fast, and opening a DuckDB file costs tens of
milliseconds (bench/ingest_benchmark.py), so their batches share one connection
(`with store.holding_connection():`), closed when the source is done.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import duckdb
import polars as pl

from pipelines import warehouse
from pipelines.ingest.records import RawDocument, ReadAttempt, ReadOutcome, SinkError
from pipelines.ingest.web import Validators
from pipelines.schemas import FETCH_LOG_SCHEMA, RAW_DOCUMENTS_SCHEMA

# Bodies waiting for a commit are held in memory: commit before they pile up.
MAX_PENDING_BYTES = 64_000_000
PREVIEW_DOCUMENTS = 10

Connect = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


@dataclass
class StoreStats:
    documents_read: int = 0
    documents_new_or_changed: int = 0
    read_attempts: int = 0
    read_errors: int = 0           # rows with an error message (errors, skips and limits)
    commits: int = 0
    by_outcome: dict[str, int] = field(default_factory=dict)
    preview: list[dict] = field(default_factory=list)  # the first new documents, without bodies


class RawStore:
    """The run's ReadSink: commits log rows and documents in batches (see the module doc)."""

    def __init__(self, connect: Connect, *, run_id: str, day: date, every_documents: int = 100,
                 every_seconds: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._connect = connect
        self.run_id = run_id
        self.day = day
        self.every_documents = max(1, every_documents)
        self.every_seconds = every_seconds
        self._clock = clock
        self._attempts: list[ReadAttempt] = []
        self._documents: list[RawDocument] = []
        self._validators: dict[str, Validators] = {}
        self._pending_bytes = 0
        self._oldest: float | None = None
        self._broken = False
        self._held: duckdb.DuckDBPyConnection | None = None
        self.stats = StoreStats()

    # --- ReadSink ---------------------------------------------------------------------------

    def attempt(self, attempt: ReadAttempt) -> None:
        self._attempts.append(attempt)
        self._waiting()

    def document(self, document: RawDocument) -> None:
        self._documents.append(document)
        self._pending_bytes += len(document.body)
        self._waiting()

    def validators(self, validators: dict[str, Validators]) -> None:
        """Conditional-GET validators of feeds read completely; committed with the next batch."""
        self._validators.update(validators)

    # --- commits ----------------------------------------------------------------------------

    @contextmanager
    def holding_connection(self) -> Iterator[None]:
        """Within the block, batches share one connection; what is waiting is committed at the end."""
        with self._connect() as con:
            self._held = con
            try:
                yield
                self.flush()
            finally:
                self._held = None

    def flush(self) -> None:
        """Commit everything waiting, in one transaction; on failure nothing is dropped, and
        SinkError says why."""
        if not (self._attempts or self._documents or self._validators):
            return
        documents = _documents_frame(self._documents, self.day)
        attempts = _attempts_frame(self._attempts, self.day, self.run_id)
        try:
            with (nullcontext(self._held) if self._held is not None else self._connect()) as con, \
                    warehouse.transaction(con):
                warehouse.insert_frame(con, "fetch_log", attempts)
                con.register("read_documents", documents.select("doc_id", "body_sha256"))
                try:
                    new_ids = [row[0] for row in con.execute(warehouse.read_sql("select_new_raw_documents")).fetchall()]
                finally:
                    con.unregister("read_documents")
                new_documents = documents.filter(pl.col("doc_id").is_in(new_ids))
                # A changed document moves to today's partition: its older version is replaced.
                con.execute("delete from raw_documents where doc_id in (select unnest(?::varchar[]))", [new_ids])
                warehouse.insert_frame(con, "raw_documents", new_documents)
                if self._validators:
                    warehouse.insert_frame(con, "http_validators", _validators_frame(self._validators), replace=True)
        except Exception as error:
            self._broken = True
            raise SinkError(f"could not store what was read: {error}") from error
        # (an interrupt during the commit rolls it back; the rows stay waiting for close())
        self._broken = False
        self._count(attempts, documents, new_documents)
        self._attempts, self._documents, self._validators = [], [], {}
        self._pending_bytes, self._oldest = 0, None

    def close(self) -> None:
        """Commit what is waiting, unless the last commit failed (a locked file would only fail
        again, and the first error is the one to report)."""
        if not self._broken:
            self.flush()

    def _waiting(self) -> None:
        now = self._clock()
        if self._oldest is None:
            self._oldest = now
        if (len(self._documents) >= self.every_documents or self._pending_bytes >= MAX_PENDING_BYTES
                or now - self._oldest >= self.every_seconds):
            self.flush()

    def _count(self, attempts: pl.DataFrame, documents: pl.DataFrame, new_documents: pl.DataFrame) -> None:
        stats = self.stats
        stats.commits += 1
        stats.documents_read += documents.height
        stats.documents_new_or_changed += new_documents.height
        stats.read_attempts += attempts.height
        stats.read_errors += attempts.filter(pl.col("error").is_not_null()).height
        for outcome, count in attempts.group_by("outcome").len().iter_rows():
            stats.by_outcome[outcome] = stats.by_outcome.get(outcome, 0) + count
        room = PREVIEW_DOCUMENTS - len(stats.preview)
        if room > 0:
            stats.preview += new_documents.select("source", "locator", "content_type", "n_bytes").head(room).to_dicts()


def _documents_frame(documents: list[RawDocument], day: date) -> pl.DataFrame:
    rows = [
        {
            "doc_id": doc.doc_id, "partition_date": day, "source": doc.source, "kind": doc.kind,
            "locator": doc.locator, "url": doc.url, "external_id": doc.external_id,
            "fetched_at": doc.fetched_at, "http_status": doc.http_status, "content_type": doc.content_type,
            "etag": doc.etag, "last_modified": doc.last_modified,
            "body_zlib": zlib.compress(doc.body, 6), "body_sha256": doc.body_sha256,
            "n_bytes": len(doc.body), "truncated": doc.truncated, "title_hint": doc.title_hint,
            "published_hint": doc.published_hint, "lang_hint": doc.lang_hint,
        }
        for doc in documents
    ]
    # The same document listed twice in one batch (a feed and a sitemap, say) is stored once.
    return pl.DataFrame(rows, schema=RAW_DOCUMENTS_SCHEMA).unique("doc_id", keep="first", maintain_order=True)


def _attempts_frame(attempts: list[ReadAttempt], day: date, run_id: str) -> pl.DataFrame:
    rows = [{"run_id": run_id, "partition_date": day, **vars(attempt),
             "outcome": ReadOutcome(attempt.outcome).value} for attempt in attempts]
    return pl.DataFrame(rows, schema=FETCH_LOG_SCHEMA)


def _validators_frame(validators: dict[str, Validators]) -> pl.DataFrame:
    now = datetime.now(UTC)
    return pl.DataFrame(
        [{"url": url, "etag": v.etag, "last_modified": v.last_modified, "checked_at": now} for url, v in validators.items()],
        schema={"url": pl.String, "etag": pl.String, "last_modified": pl.String, "checked_at": pl.Datetime("us", "UTC")},
    )
