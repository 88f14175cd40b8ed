"""What says that work is done: parse keys, extraction input hashes, fingerprints of derived inputs."""

import duckdb
import pytest

from pipelines import incremental, warehouse
from pipelines.incremental import Inputs


RAW = {"doc_id": "d1", "source": "press", "kind": "directory", "url": None, "external_id": None,
       "content_type": "text/html", "body_sha256": "ab" * 32, "title_hint": None, "published_hint": None,
       "lang_hint": "de"}


def test_the_parse_key_changes_with_bytes_hints_keywords_and_parser_version(monkeypatch):
    key = incremental.parse_key(RAW, ("KI",))
    assert incremental.parse_key(dict(RAW), ("KI",)) == key
    assert incremental.parse_key({**RAW, "body_sha256": "cd" * 32}, ("KI",)) != key
    assert incremental.parse_key({**RAW, "lang_hint": "en"}, ("KI",)) != key
    assert incremental.parse_key(RAW, ("KI", "Chips")) != key
    monkeypatch.setattr(incremental, "PARSER_VERSION", "a later parser")
    assert incremental.parse_key(RAW, ("KI",)) != key


@pytest.fixture
def con():
    connection = duckdb.connect()
    warehouse.ensure_schema(connection)
    yield connection
    connection.close()


def test_a_query_fingerprint_ignores_row_order_and_sees_every_change(con):
    con.execute("create table t (a integer, b varchar, l varchar[])")
    con.execute("insert into t values (1, 'x', ['p']), (2, null, [])")
    first = incremental.query_fingerprint(con, "select * from t order by a")
    assert incremental.query_fingerprint(con, "select * from t order by a desc") == first
    con.execute("update t set l = ['p', 'q'] where a = 1")
    changed = incremental.query_fingerprint(con, "select * from t")
    assert changed != first
    con.execute("insert into t values (2, null, [])")  # a duplicate row changes it too
    assert incremental.query_fingerprint(con, "select * from t") != changed
    con.execute("delete from t")
    assert incremental.query_fingerprint(con, "select * from t").startswith("0:")


def test_the_extractor_input_hash_covers_every_column_it_is_given(con):
    con.execute("create table a (article_id varchar, lang varchar, text varchar)")
    con.execute("insert into a values ('x', 'de', 'Ein Text.'), ('y', 'en', 'A text.')")
    sql = incremental.extraction_inputs_sql("select article_id, lang, text from a order by article_id")
    before = dict(con.execute(sql).fetchall())
    con.execute("update a set lang = 'en' where article_id = 'x'")
    after = dict(con.execute(sql).fetchall())
    assert after["x"] != before["x"] and after["y"] == before["y"]


def test_recorded_inputs_say_which_part_changed(con, tmp_path):
    corrections = tmp_path / "corrections.yaml"
    inputs = Inputs({"mentions": "1:ab:3", "corrections": incremental.file_fingerprint(corrections)})
    assert incremental.recorded_inputs(con, "deals") is None
    incremental.record_inputs(con, "deals", inputs, {"rows": 4})
    recorded = incremental.recorded_inputs(con, "deals")
    assert recorded.unchanged(inputs) and recorded.details == {"rows": 4}
    assert "inputs unchanged since" in incremental.skip_reason(recorded)
    corrections.write_text("corrections: []\n")
    edited = Inputs({**inputs.parts, "corrections": incremental.file_fingerprint(corrections)})
    assert not recorded.unchanged(edited) and recorded.changed_parts(edited) == ["corrections"]
    incremental.forget_inputs(con, "deals")
    assert incremental.recorded_inputs(con, "deals") is None


def test_a_code_fingerprint_follows_the_package_source():
    assert incremental.code_fingerprint("pipelines.consolidate") == incremental.code_fingerprint("pipelines.consolidate")
    assert incremental.code_fingerprint("pipelines.consolidate") != incremental.code_fingerprint("pipelines.relevance")
