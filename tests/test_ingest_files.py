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
