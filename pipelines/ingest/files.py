"""Sources on disk: a folder of press releases (.html/.txt) and a jsonl file of articles.

Bad input is skipped one item at a time, each with a log row naming the file or line and the
reason, whatever the exception: a jsonl line with a 5,000-digit number or brackets nested
beyond the parser's depth loses that line, never the file. A folder is read without leaving it:
symlinks whose real path lies outside the source folder are refused, symlinked folders are not
followed, and FIFOs, sockets and devices are never opened (a FIFO would block the run).
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from pipelines.config import SourceConfig
from pipelines.ingest.records import RawDocument, ReadAttempt, ReadOutcome, SourceRead

DOCUMENT_SUFFIXES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}
# A jsonl line is read up to this many times the document cap (JSON escapes make text longer:
# "\u00e4" is six bytes for one umlaut); a longer line is skipped without being held in memory.
LINE_BYTES_PER_DOCUMENT_BYTE = 6
_READ_CHUNK = 1 << 20


def read_directory(source: SourceConfig, read: SourceRead, *, max_bytes: int) -> None:
    folder = source.path
    if folder is None or not folder.is_dir():
        read.fail(f"folder not found: {folder}", str(folder), _now())
        return
    root = folder.resolve()
    kept = 0
    entries = sorted(_entries(folder, read), key=lambda path: path.relative_to(folder).as_posix())
    for position, path in enumerate(entries):
        if source.max_items and kept >= source.max_items:
            read.cut(f"limit: max_items {source.max_items} reached; {len(entries) - position} more files "
                     "left unread", folder.as_uri(), _now())
            return
        attempted_at, started = _now(), time.perf_counter()
        locator = path.relative_to(folder).as_posix()
        try:
            document = _read_file(source, path, root, locator, attempted_at, max_bytes, read)
        except Exception as error:  # one unreadable file never costs the others
            read.log(ReadAttempt(source.name, path.as_uri(), attempted_at,
                                 error=f"cannot read file: {type(error).__name__}: {error}"))
            continue
        if document is None:
            continue
        read.log(ReadAttempt(
            source.name, path.as_uri(), attempted_at, bytes=len(document.body),
            elapsed_ms=(time.perf_counter() - started) * 1000,
            error=f"file over {max_bytes} bytes: cut off" if document.truncated else None,
            outcome=ReadOutcome.LIMIT if document.truncated else ReadOutcome.OK,
        ))
        read.keep(document)
        kept += 1


def _entries(folder: Path, read: SourceRead) -> Iterator[Path]:
    """Every file and symlink below `folder`, without following symlinked folders."""
    def unreadable(error: OSError) -> None:
        where = Path(error.filename).as_uri() if error.filename else folder.as_uri()
        read.log(ReadAttempt(read.source, where, _now(), error=f"cannot read folder: {error.strerror or error}"))

    for directory, folders, files in os.walk(folder, onerror=unreadable, followlinks=False):
        for name in folders:
            if os.path.islink(os.path.join(directory, name)):
                yield Path(directory, name)  # reported (and not followed) by _read_file
        for name in files:
            yield Path(directory, name)


def _read_file(source: SourceConfig, path: Path, root: Path, locator: str, attempted_at: datetime,
               max_bytes: int, read: SourceRead) -> RawDocument | None:
    """The file as a document, or None when it is skipped (and logged)."""
    def skip(reason: str) -> None:
        read.log(ReadAttempt(source.name, path.as_uri(), attempted_at, error=reason, outcome=ReadOutcome.SKIPPED))

    target = path
    if path.is_symlink():
        real = Path(os.path.realpath(path))
        if not real.exists():
            skip(f"skipped: dangling symlink (to {os.readlink(path)})")
            return None
        if real != root and root not in real.parents:
            skip(f"refused: symlink leads out of the source folder (to {real})")
            return None
        if real.is_dir():
            skip("skipped: symlinked folder not followed (its files are read where they are)")
            return None
        target = real
    mode = target.lstat().st_mode
    if not stat.S_ISREG(mode):
        skip(f"skipped: not a regular file ({_file_type(mode)})")
        return None
    content_type = DOCUMENT_SUFFIXES.get(path.suffix.lower())
    if content_type is None:
        skip(f"skipped: not a document ({', '.join(DOCUMENT_SUFFIXES)})")
        return None
    body, truncated = _read_capped(target, max_bytes)
    return RawDocument(
        source=source.name, kind=source.kind, locator=locator, body=body, fetched_at=attempted_at,
        content_type=content_type, truncated=truncated, lang_hint=source.lang,
    )


def read_jsonl(source: SourceConfig, read: SourceRead, *, max_bytes: int) -> None:
    """One article a line: `id`, `lang`, `url`, `published`, `title`, `text`; other fields ignored."""
    file = source.path
    started, attempted_at = time.perf_counter(), _now()
    try:
        handle = _open_regular(file)
    except OSError as error:
        read.fail(f"cannot read file: {error.strerror or error}", str(file), attempted_at)
        return
    except _NotARegularFile as error:
        read.fail(f"cannot read file: {error}", str(file), attempted_at)
        return
    line_cap = max(LINE_BYTES_PER_DOCUMENT_BYTE * max_bytes, 1 << 16)
    seen: set[str] = set()
    kept = 0
    with handle:  # line by line, each bounded: a large file or a huge line is never held whole
        for number, line, complete in _lines(handle, line_cap):
            if complete and not line.strip():
                continue
            if source.max_items and kept >= source.max_items:
                read.cut(f"limit: max_items {source.max_items} reached at line {number}; the rest of the file "
                         "is left unread", file.as_uri(), attempted_at)
                break
            where = f"{file.as_uri()}#L{number}"
            if not complete:
                read.log(ReadAttempt(source.name, where, attempted_at,
                                     error=f"line {number}: longer than {line_cap} bytes: skipped"))
                continue
            try:
                problem, document = _article_from_line(source, line.decode("utf-8", errors="replace"), number,
                                                       attempted_at, max_bytes)
            except Exception as error:  # whatever a hostile line does (RecursionError, ValueError, ...)
                problem, document = f"line {number}: skipped: {type(error).__name__}: {_short(error)}", None
            if document is not None and document.locator in seen:
                problem, document = f"duplicate id {document.locator!r}: line skipped", None
            if problem:
                outcome = ReadOutcome.LIMIT if document is not None else ReadOutcome.ERROR
                read.log(ReadAttempt(source.name, where, attempted_at, error=problem, outcome=outcome))
            if document is not None:
                seen.add(document.locator)
                read.keep(document)
                kept += 1
    read.log(ReadAttempt(source.name, file.as_uri(), attempted_at, bytes=_size(file),
                         elapsed_ms=(time.perf_counter() - started) * 1000))


def _article_from_line(source: SourceConfig, line: str, number: int, read_at: datetime,
                       max_bytes: int) -> tuple[str | None, RawDocument | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return f"line {number}: not valid JSON ({error.msg})", None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return f"line {number}: expected an object with a `text` string", None
    external_id = str(record["id"]) if record.get("id") is not None else None
    body = record["text"].encode("utf-8", errors="replace")  # lone surrogates ("\ud800") are replaced
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


def _lines(handle, cap: int) -> Iterator[tuple[int, bytes, bool]]:
    """(number, line, complete): a line longer than `cap` is consumed in chunks and comes back
    empty with complete=False, so its size never reaches memory."""
    number = 0
    while True:
        line = handle.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) <= cap or line.endswith(b"\n"):
            yield number, line, True
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(_READ_CHUNK)
        yield number, b"", False


class _NotARegularFile(Exception):
    pass


def _open_regular(file: Path):
    """Open for reading without ever blocking on a FIFO or a device."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _NotARegularFile(f"not a regular file ({_file_type(mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def _size(file: Path) -> int | None:
    try:
        return file.stat().st_size
    except OSError:
        return None


def _short(error: BaseException, limit: int = 200) -> str:
    text = str(error)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_iso_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _read_capped(file: Path, max_bytes: int) -> tuple[bytes, bool]:
    # Read one byte past the cap to know whether the file was longer, never the whole of a huge file.
    with _open_regular(file) as handle:
        body = handle.read(max_bytes + 1)
    return body[:max_bytes], len(body) > max_bytes


def _now() -> datetime:
    return datetime.now(UTC)
