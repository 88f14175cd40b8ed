"""RawStore: batches committed by count, by age and on close; a failing database stops the reading."""

import json
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest

from pipelines import warehouse
from pipelines.config import SourceConfig
from pipelines.ingest import RawDocument, ReadAttempt, SinkError, read_source
from pipelines.ingest.store import RawStore

DAY = date(2026, 12, 1)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def make_store(tmp_path, **options):
    database = tmp_path / "w.duckdb"
    opened = []

    @contextmanager
    def connect():
        opened.append(1)
        with warehouse.connect(database) as con:
            warehouse.ensure_schema(con)
            yield con

    return RawStore(connect, run_id="r1", day=DAY, **options), database, opened


def document(n):
    return RawDocument(source="s", kind="jsonl", locator=f"d{n}", body=f"text {n}".encode(),
                       fetched_at=datetime.now(UTC))


def attempt(n):
    return ReadAttempt("s", f"https://x.example/{n}", datetime.now(UTC))


def counts(database):
    with warehouse.connect(database, read_only=True) as con:
        return (warehouse.scalar(con, "select count(*) from fetch_log"),
                warehouse.scalar(con, "select count(*) from raw_documents"))


def test_batches_are_committed_by_count_by_age_and_on_close(tmp_path):
    clock = Clock()
    store, database, _ = make_store(tmp_path, every_documents=3, every_seconds=10, clock=clock)
    for n in range(3):
        store.attempt(attempt(n))
        store.document(document(n))
    assert counts(database) == (3, 3)  # the third document filled the batch
    store.attempt(attempt(3))
    clock.now = 11.0
    store.attempt(attempt(4))  # the waiting rows are now older than every_seconds
    assert counts(database) == (5, 3)
    store.document(document(3))
    store.close()
    assert counts(database) == (5, 4)
    assert store.stats.commits == 3 and store.stats.documents_new_or_changed == 4
    assert store.stats.by_outcome == {"ok": 5}


def test_a_document_read_again_unchanged_is_not_new(tmp_path):
    store, database, _ = make_store(tmp_path, every_documents=1)
    store.document(document(1))
    store.document(document(1))
    store.close()
    assert counts(database) == (0, 1) and store.stats.documents_new_or_changed == 1


def test_a_held_connection_serves_every_batch_of_a_source(tmp_path):
    store, database, opened = make_store(tmp_path, every_documents=2)
    with store.holding_connection():
        for n in range(6):
            store.document(document(n))
    assert len(opened) == 1 and counts(database) == (0, 6) and store.stats.commits == 3


def test_a_database_that_cannot_be_written_stops_the_reading_and_is_not_retried(tmp_path):
    calls = []

    @contextmanager
    def locked():
        calls.append(1)
        raise warehouse.WarehouseLockedError("The DuckDB file is locked by another process")
        yield  # pragma: no cover

    store = RawStore(locked, run_id="r1", day=DAY, every_documents=1)
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": "t"}) + "\n" for n in range(3)), encoding="utf-8")
    with pytest.raises(SinkError, match="could not store what was read: The DuckDB file is locked"):
        read_source(SourceConfig(name="wire", kind="jsonl", path=path), sink=store)  # not a source failure
    store.close()  # the first error is the one reported: no second ten-second wait
    assert len(calls) == 1
