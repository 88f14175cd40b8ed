"""Reading sources into raw documents: files on disk, and the web through `pipelines.fetch`."""

from pipelines.config import FILE_KINDS, SourceConfig
from pipelines.ingest.files import read_directory, read_jsonl
from pipelines.ingest.records import RawDocument, ReadAttempt, SourceRead, document_id
from pipelines.ingest.web import Validators, WebContext, read_web_source

DEFAULT_MAX_BYTES = 10_000_000


def read_source(source: SourceConfig, *, web: WebContext | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> SourceRead:
    """Read one source; never raises for bad input: problems come back in the result."""
    try:
        if source.kind == "directory":
            return read_directory(source, max_bytes=max_bytes)
        if source.kind == "jsonl":
            return read_jsonl(source, max_bytes=max_bytes)
        if web is None:
            return SourceRead(source.name, error=f"source kind {source.kind!r} needs an HTTP client")
        return read_web_source(source, web)
    except Exception as error:  # one broken source must not stop the others
        return SourceRead(source.name, error=f"{type(error).__name__}: {error}")


__all__ = [
    "DEFAULT_MAX_BYTES", "FILE_KINDS", "RawDocument", "ReadAttempt", "SourceRead", "Validators", "WebContext",
    "document_id", "read_source",
]
