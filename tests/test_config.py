from pathlib import Path

import pytest

from pipelines.config import SourcesConfigError, load_sources


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_relative_paths_resolve_against_the_file_folder(tmp_path):
    path = write(tmp_path, "sources:\n  - name: press\n    kind: directory\n    path: press\n    lang: de\n"
                           "  - name: wire\n    kind: jsonl\n    path: ../wire.jsonl\n")
    press, wire = load_sources(path)
    assert press.path == (tmp_path / "press").resolve() and press.lang == "de"
    assert wire.path == (tmp_path.parent / "wire.jsonl").resolve() and wire.lang is None


def test_disabled_sources_are_skipped(tmp_path):
    path = write(tmp_path, "sources:\n  - {name: a, kind: directory, path: a}\n"
                           "  - {name: b, kind: directory, path: b, enabled: false}\n")
    assert [s.name for s in load_sources(path)] == ["a"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{name: a, kind: fed, path: a}", "line 3: source 'a': unknown kind 'fed'"),
        ("{name: a, kind: directory}", "line 3: source 'a' of kind directory needs a `path`"),
        ("{name: a, kind: feed, url: 'ftp://x'}", "needs an http(s) `url`"),
        ("{kind: directory, path: a}", "line 3: source without a `name`"),
        ("{name: a, kind: directory, path: a, lang: fr}", "lang must be one of"),
        ("{name: a, kind: directory, path: a, max_items: 0}", "`max_items` must be a positive whole number"),
        ("{name: a, kind: directory, path: a, colour: red}", "unknown keys ['colour']"),
        ("{name: a, kind: listing, url: 'https://x.example/news'}", "needs a `link_selector`"),
        ('{name: a, kind: directory, path: a, enabled: "no"}', "line 3: source 'a': `enabled` must be true or false, not 'no'"),
        ("{name: a, kind: directory, path: a, enabled: 0}", "`enabled` must be true or false, not 0"),
        ("{name: a, kind: directory, path: [1, 2]}", "line 3: source 'a': `path` must be a non-empty text, not [1, 2]"),
        ("{name: a, kind: jsonl, path: {file: x}}", "`path` must be a non-empty text"),
        ("{name: a, kind: feed, url: [1]}", "`url` must be a non-empty text"),
        ("{name: a, kind: listing, url: 'https://x.example/', link_selector: 3}", "`link_selector` must be a non-empty text"),
    ],
)
def test_errors_name_the_line_at_fault(tmp_path, entry, message):
    path = write(tmp_path, f"sources:\n  - {{name: ok, kind: directory, path: ok}}\n  - {entry}\n")
    with pytest.raises(SourcesConfigError, match=None) as error:
        load_sources(path)
    assert message in str(error.value)


def test_duplicate_names_are_refused(tmp_path):
    path = write(tmp_path, "sources:\n  - {name: a, kind: directory, path: a}\n  - {name: a, kind: jsonl, path: b}\n")
    with pytest.raises(SourcesConfigError, match="duplicate source name 'a'"):
        load_sources(path)


@pytest.mark.parametrize("text", ["", "sources: 3\n", "nothing: here\n", "sources: [\n"])
def test_unusable_files_give_a_clear_error(tmp_path, text):
    with pytest.raises(SourcesConfigError, match="sources"):
        load_sources(write(tmp_path, text))


def test_missing_file(tmp_path):
    with pytest.raises(SourcesConfigError, match="sources file not found"):
        load_sources(tmp_path / "nope.yaml")


def test_the_bundled_source_files_are_valid():
    from pipelines.settings import PROJECT_ROOT

    sample = load_sources(PROJECT_ROOT / "samples" / "sources.yaml")
    assert {s.kind for s in sample} == {"directory", "jsonl"}
    live = load_sources(PROJECT_ROOT / "sources" / "live.yaml")
    assert {s.kind for s in live} == {"feed", "listing"} and {s.lang for s in live} == {"de", "en"}
    assert all(s.url.startswith("https://") for s in live)


def test_unquoted_yaml_no_is_false_and_disables(tmp_path):
    path = write(tmp_path, "sources:\n  - {name: a, kind: directory, path: a}\n  - {name: b, kind: directory, path: b, enabled: no}\n")
    assert [s.name for s in load_sources(path)] == ["a"]


def test_a_file_that_is_not_utf8_is_a_one_line_error_with_the_line(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_bytes("sources:\n  - name: presse\n    kind: directory\n    path: Pressemitteilungen-Ä\n".encode("latin-1"))
    with pytest.raises(SourcesConfigError) as error:
        load_sources(path)
    message = str(error.value)
    assert message == f"{path}, line 4: not UTF-8 text (byte 0xc4); save the file as UTF-8"


def test_a_yaml_syntax_error_is_one_line_with_the_line(tmp_path):
    path = write(tmp_path, "sources:\n  - name: a\n    kind: directory\n   path: [unclosed\n")
    with pytest.raises(SourcesConfigError) as error:
        load_sources(path)
    message = str(error.value)
    assert "\n" not in message and message.startswith(f"{path}, line ") and "not valid YAML" in message
