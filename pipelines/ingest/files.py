"""Sources on disk: a folder of press releases (.html/.txt) and a jsonl file of articles."""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime
from pathlib import Path

from pipelines.config import SourceConfig
from pipelines.ingest.records import RawDocument, ReadAttempt, SourceRead

DOCUMENT_SUFFIXES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}


def read_directory(source: SourceConfig, *, max_bytes: int) -> SourceRead:
    result = SourceRead(source.name)
    folder = source.path
    if folder is None or not folder.is_dir():
        result.error = f"folder not found: {folder}"
        result.attempts.append(ReadAttempt(source.name, str(folder), _now(), error=result.error))
        return result
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for file in files[: source.max_items] if source.max_items else files:
        started, attempted_at = time.perf_counter(), _now()
        locator = file.relative_to(folder).as_posix()
        content_type = DOCUMENT_SUFFIXES.get(file.suffix.lower())
        if content_type is None:
            result.attempts.append(ReadAttempt(source.name, file.as_uri(), attempted_at,
                                               error=f"skipped: not a document ({', '.join(DOCUMENT_SUFFIXES)})"))
            continue
        try:
            body, truncated = _read_capped(file, max_bytes)
        except OSError as error:
            result.attempts.append(ReadAttempt(source.name, file.as_uri(), attempted_at,
                                               error=f"cannot read file: {error}"))
            continue
        result.attempts.append(ReadAttempt(
            source.name, file.as_uri(), attempted_at, bytes=len(body),
            elapsed_ms=(time.perf_counter() - started) * 1000,
            error=f"file over {max_bytes} bytes: cut off" if truncated else None,
        ))
        result.documents.append(RawDocument(
            source=source.name, kind=source.kind, locator=locator, body=body, fetched_at=attempted_at,
            content_type=content_type, truncated=truncated, lang_hint=source.lang,
        ))
    return result


def read_jsonl(source: SourceConfig, *, max_bytes: int) -> SourceRead:
    """One article a line: `id`, `lang`, `url`, `published`, `title`, `text`; other fields ignored."""
    result = SourceRead(source.name)
    file = source.path
    started, attempted_at = time.perf_counter(), _now()
    try:
        handle = file.open(encoding="utf-8", errors="replace")
    except OSError as error:
        result.error = f"cannot read file: {error}"
        result.attempts.append(ReadAttempt(source.name, str(file), attempted_at, error=result.error))
        return result
    seen: set[str] = set()
    with handle:  # line by line: a large file is never held in memory whole
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if source.max_items and len(result.documents) >= source.max_items:
                break
            problem, document = _article_from_line(source, line, number, attempted_at, max_bytes)
            if document is not None and document.locator in seen:
                problem, document = f"duplicate id {document.locator!r}: line skipped", None
            if problem:
                result.attempts.append(ReadAttempt(source.name, f"{file.as_uri()}#L{number}", attempted_at,
                                                   error=problem))
            if document is not None:
                seen.add(document.locator)
                result.documents.append(document)
    # The read of the file itself comes first in the log, before the problems of its lines.
    result.attempts.insert(0, ReadAttempt(source.name, file.as_uri(), attempted_at, bytes=file.stat().st_size,
                                          elapsed_ms=(time.perf_counter() - started) * 1000))
    return result


def _article_from_line(source: SourceConfig, line: str, number: int, read_at: datetime,
                       max_bytes: int) -> tuple[str | None, RawDocument | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return f"line {number}: not valid JSON ({error.msg})", None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return f"line {number}: expected an object with a `text` string", None
    external_id = str(record["id"]) if record.get("id") is not None else None
    body = record["text"].encode("utf-8")
    truncated = len(body) > max_bytes
    lang = record.get("lang") if record.get("lang") in ("de", "en") else source.lang
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return (f"line {number}: text over {max_bytes} bytes: cut off" if truncated else None), RawDocument(
        source=source.name, kind=source.kind, locator=external_id or f"line-{number}",
        body=body[:max_bytes] if truncated else body, fetched_at=read_at, url=url, external_id=external_id,
        content_type="text/plain; charset=utf-8", truncated=truncated,
        title_hint=record.get("title") if isinstance(record.get("title"), str) else None,
        published_hint=parse_iso_date(record.get("published")), lang_hint=lang,
    )


def parse_iso_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _read_capped(file: Path, max_bytes: int) -> tuple[bytes, bool]:
    # Read one byte past the cap to know whether the file was longer, never the whole of a huge file.
    with file.open("rb") as handle:
        body = handle.read(max_bytes + 1)
    return body[:max_bytes], len(body) > max_bytes


def _now() -> datetime:
    return datetime.now(UTC)
