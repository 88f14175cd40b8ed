import json

from pipelines.config import SourceConfig
from pipelines.ingest import read_source


def directory_source(path, **kwargs):
    return SourceConfig(name="press", kind="directory", path=path, **kwargs)


def test_directory_reads_html_and_text_and_logs_every_file(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><p>Hallo</p></body></html>", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Title\nBody", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    read = read_source(directory_source(tmp_path, lang="de"))
    assert read.error is None
    assert [d.locator for d in read.documents] == ["a.html", "sub/b.txt"]
    assert [d.content_type for d in read.documents] == ["text/html", "text/plain"]
    assert all(d.lang_hint == "de" for d in read.documents)
    assert len(read.attempts) == 3
    skipped = [a for a in read.attempts if a.error]
    assert len(skipped) == 1 and "notes.pdf" in skipped[0].url and "not a document" in skipped[0].error


def test_document_ids_are_stable_across_reads(tmp_path):
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    first = read_source(directory_source(tmp_path)).documents[0]
    second = read_source(directory_source(tmp_path)).documents[0]
    assert first.doc_id == second.doc_id and first.body_sha256 == second.body_sha256


def test_a_huge_file_is_cut_off_and_logged(tmp_path):
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    read = read_source(directory_source(tmp_path), max_bytes=1000)
    (document,) = read.documents
    assert document.truncated and len(document.body) == 1000
    assert "cut off" in read.attempts[0].error


def test_missing_folder_fails_the_source_not_the_run(tmp_path):
    read = read_source(directory_source(tmp_path / "missing"))
    assert read.documents == [] and "folder not found" in read.error
    assert read.attempts[0].error == read.error


def test_jsonl_keeps_ids_and_metadata_and_logs_bad_lines(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"id": "de-1", "lang": "de", "url": "https://x.example/a", "published": "2025-10-23",
                    "title": "Titel", "text": "Ein Text über 1,5 Gigawatt.", "extra": [1, 2]}),
        "{not json",
        json.dumps({"id": "en-1", "text": 42}),
        "",
        json.dumps({"id": "de-1", "text": "again"}),
        json.dumps({"text": "No id, no language.", "published": "soon"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    read = read_source(SourceConfig(name="wire", kind="jsonl", path=path, lang="en"))
    first, second = read.documents
    assert (first.external_id, first.locator, first.lang_hint, first.title_hint) == ("de-1", "de-1", "de", "Titel")
    assert first.published_hint.isoformat() == "2025-10-23" and first.url == "https://x.example/a"
    assert first.body.decode() == "Ein Text über 1,5 Gigawatt."
    assert (second.external_id, second.locator, second.lang_hint, second.published_hint) == (None, "line-6", "en", None)
    errors = [a.error for a in read.attempts if a.error]
    assert errors == [
        "line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        "line 3: expected an object with a `text` string",
        "duplicate id 'de-1': line skipped",
    ]


def test_unsupported_kind_is_reported(tmp_path):
    read = read_source(SourceConfig(name="x", kind="sitemap", url="https://x.example/sitemap.xml"))  # no client given
    assert read.documents == [] and read.error


# --- bad lines and files are skipped one at a time, each with a log row ---------------------------

import os  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402

from pipelines.ingest import ReadOutcome  # noqa: E402


def read_within(source, seconds=10, **kwargs):
    """read_source in a thread: a reader that blocks (on a FIFO, say) fails the test instead of hanging it."""
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("read", read_source(source, **kwargs)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the reader blocked"
    return box["read"]


def test_hostile_jsonl_lines_cost_only_themselves(tmp_path):
    good = [json.dumps({"id": f"ok-{n}", "lang": "en", "text": f"Good article number {n}."}) for n in range(3)]
    lines = [
        good[0],
        '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",         # int beyond Python's digit limit
        "[" * 20_000 + "]" * 20_000,                                      # nesting beyond the parser's depth
        good[1],
        '{"id": "surrogate", "text": "lone \\ud800 surrogate"}',           # kept, the surrogate replaced
        '{"id": "long", "text": "' + "y" * 5000 + '"}',                   # kept, cut at max_bytes
        '"just a string"',
        good[2],
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_source(SourceConfig(name="wire", kind="jsonl", path=path), max_bytes=500)
    assert read.error is None
    assert [d.locator for d in read.documents] == ["ok-0", "ok-1", "surrogate", "long", "ok-2"]
    assert read.documents[2].body.decode() == "lone ? surrogate"
    assert read.documents[3].truncated and len(read.documents[3].body) == 500
    problems = {a.url.rsplit("#", 1)[1]: a.error for a in read.attempts if a.error}
    assert problems["L2"].startswith("line 2: skipped: ValueError: Exceeds the limit (4300 digits)")
    assert problems["L3"].startswith("line 3: skipped: RecursionError")
    assert problems["L6"] == "line 6: text over 500 bytes: cut off"
    assert problems["L7"] == "line 7: expected an object with a `text` string"
    assert {a.url.rsplit("#", 1)[1]: a.outcome for a in read.attempts if a.error} == {
        "L2": ReadOutcome.ERROR, "L3": ReadOutcome.ERROR, "L6": ReadOutcome.LIMIT, "L7": ReadOutcome.ERROR}
    assert read.attempts[-1].url == path.as_uri() and read.attempts[-1].error is None  # the file itself


def test_a_jsonl_line_longer_than_the_cap_is_skipped_without_reading_it_whole(tmp_path):
    path = tmp_path / "wire.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "a", "text": "first"}) + "\n")
        out.write('{"id": "huge", "text": "' + "z" * 3_000_000 + '"}\n')
        out.write(json.dumps({"id": "b", "text": "after the huge line"}) + "\n")
    read = read_source(SourceConfig(name="wire", kind="jsonl", path=path), max_bytes=100_000)
    assert [d.locator for d in read.documents] == ["a", "b"]
    (problem,) = [a for a in read.attempts if a.error]
    assert problem.error == "line 2: longer than 600000 bytes: skipped" and problem.url.endswith("#L2")


def test_max_items_cut_is_logged(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"id": str(n), "text": f"t{n}"}) + "\n" for n in range(5)), encoding="utf-8")
    read = read_source(SourceConfig(name="wire", kind="jsonl", path=path, max_items=2))
    assert len(read.documents) == 2 and read.limits == [
        "limit: max_items 2 reached at line 3; the rest of the file is left unread"]
    (cut,) = [a for a in read.attempts if a.outcome is ReadOutcome.LIMIT]
    assert cut.error == read.limits[0]
    for n in range(3):
        (tmp_path / "press").mkdir(exist_ok=True)
        (tmp_path / "press" / f"{n}.html").write_text(f"<p>{n}</p>", encoding="utf-8")
    folder = read_source(directory_source(tmp_path / "press", max_items=1))
    assert [d.locator for d in folder.documents] == ["0.html"]
    assert folder.limits == ["limit: max_items 1 reached; 2 more files left unread"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks (POSIX)")
def test_a_folder_is_read_without_leaving_it_and_every_skip_is_logged(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (outside / "more.html").write_text("<p>not ours</p>", encoding="utf-8")
    press = tmp_path / "press"
    (press / "sub").mkdir(parents=True)
    (press / "a.html").write_text("<p>Ein echter Artikel.</p>", encoding="utf-8")
    (press / "sub" / "b.txt").write_text("Title\nBody", encoding="utf-8")
    (press / "passwd.txt").symlink_to(outside / "passwd.txt")          # leaves the folder: refused
    (press / "escape").symlink_to(outside, target_is_directory=True)   # a folder outside: refused
    (press / "inside-link.html").symlink_to(press / "a.html")          # stays inside: read
    (press / "mirror").symlink_to(press / "sub", target_is_directory=True)  # inside, but not followed
    (press / "gone.html").symlink_to(tmp_path / "deleted.html")        # dangling
    os.mkfifo(press / "pipe.html")                                     # would block a reader forever
    read = read_within(directory_source(press))
    assert read.error is None
    assert sorted(d.locator for d in read.documents) == ["a.html", "inside-link.html", "sub/b.txt"]
    assert all(b"root:" not in d.body for d in read.documents)
    reasons = {a.url.rsplit("/", 1)[1]: (a.outcome, a.error) for a in read.attempts if a.error}
    assert reasons["passwd.txt"] == (ReadOutcome.SKIPPED, f"refused: symlink leads out of the source folder (to {(outside / 'passwd.txt').resolve()})")
    assert reasons["escape"][1].startswith("refused: symlink leads out of the source folder")
    assert reasons["mirror"] == (ReadOutcome.SKIPPED, "skipped: symlinked folder not followed (its files are read where they are)")
    assert reasons["gone.html"][1].startswith("skipped: dangling symlink")
    assert reasons["pipe.html"] == (ReadOutcome.SKIPPED, "skipped: not a regular file (FIFO)")
    assert len(read.attempts) == 8  # three documents and five skips, each one row


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_jsonl_path_that_is_a_fifo_fails_the_source_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "wire.jsonl")
    read = read_within(SourceConfig(name="wire", kind="jsonl", path=tmp_path / "wire.jsonl"))
    assert read.error == "cannot read file: not a regular file (FIFO)"
    assert read.attempts[0].error == read.error
