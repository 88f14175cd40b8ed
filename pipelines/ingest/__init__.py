"""Reading sources into raw documents: files on disk, and the web through `pipelines.fetch`."""

from datetime import UTC, datetime

from pipelines.config import FILE_KINDS, SourceConfig
from pipelines.ingest.files import read_directory, read_jsonl
from pipelines.ingest.records import (
    RawDocument, ReadAttempt, ReadOutcome, ReadSink, SinkError, SourceRead, document_id,
)
from pipelines.ingest.web import Validators, WebContext, read_web_source

DEFAULT_MAX_BYTES = 10_000_000


def read_source(source: SourceConfig, *, web: WebContext | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                sink: ReadSink | None = None) -> SourceRead:
    """Read one source; never raises for bad input: problems come back in the result and the log.
    With a `sink`, documents and log rows go to it as they are read."""
    read = SourceRead(source.name, sink=sink)
    try:
        if source.kind == "directory":
            read_directory(source, read, max_bytes=max_bytes)
        elif source.kind == "jsonl":
            read_jsonl(source, read, max_bytes=max_bytes)
        elif web is None:
            read.error = f"source kind {source.kind!r} needs an HTTP client"
        else:
            read_web_source(source, web, read)
    except SinkError:
        raise  # what was read cannot be stored: no use reading on
    except Exception as error:  # one broken source must not stop the others
        read.fail(f"{type(error).__name__}: {error}", str(source.path or source.url or source.name),
                  datetime.now(UTC))
    return read


__all__ = [
    "DEFAULT_MAX_BYTES", "FILE_KINDS", "RawDocument", "ReadAttempt", "ReadOutcome", "ReadSink", "SinkError", "SourceRead",
    "Validators", "WebContext", "document_id", "read_source",
]
