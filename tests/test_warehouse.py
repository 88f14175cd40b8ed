import duckdb
import polars as pl
import pytest

from pipelines import warehouse


def test_schema_is_created_idempotently(tmp_path):
    path = tmp_path / "w.duckdb"
    for _ in range(2):
        with warehouse.connect(path) as con:
            warehouse.ensure_schema(con)
            assert set(warehouse.table_counts(con)) == set(warehouse.TABLES)


def test_a_failed_transaction_leaves_the_table_as_it_was(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.ensure_schema(con)
        con.execute("insert into http_validators values ('https://a.example', 'x', null, now())")
        with pytest.raises(duckdb.Error):
            with warehouse.transaction(con):
                con.execute("delete from http_validators")
                con.execute("insert into http_validators values (null, null, null, null)")  # not null violated
        assert warehouse.scalar(con, "select count(*) from http_validators") == 1


def test_replace_table_inserts_by_column_name(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.ensure_schema(con)
        frame = pl.DataFrame({"checked_at": [None], "url": ["https://a.example"]},
                             schema={"checked_at": pl.Datetime("us", "UTC"), "url": pl.String})
        frame = frame.with_columns(pl.lit("2025-01-01T00:00:00Z").str.to_datetime(time_zone="UTC").alias("checked_at"))
        assert warehouse.replace_table(con, "http_validators", frame) == 1
        assert warehouse.replace_table(con, "http_validators", frame) == 1
        assert con.execute("select url, etag from http_validators").fetchall() == [("https://a.example", None)]


def test_a_locked_file_says_how_to_query_read_only(locked_database):
    with pytest.raises(warehouse.WarehouseLockedError) as error:
        with warehouse.connect(locked_database, lock_wait_s=0.5):
            pass
    message = str(error.value)
    assert "locked by another process" in message and "\n" not in message
    assert f"duckdb -readonly {locked_database.with_name('locked.snapshot.duckdb')}" in message


def test_an_old_database_gets_the_confidence_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    with warehouse.connect(path) as con:
        con.execute("create table deal_mentions (mention_id varchar primary key, buyer varchar)")
        con.execute("insert into deal_mentions values ('m1', 'OpenAI')")
        warehouse.ensure_schema(con)
        assert con.execute("select mention_id, confidence from deal_mentions").fetchall() == [("m1", None)]
        for table in ("investment_mentions", "deals", "investments"):
            columns = {row[0] for row in con.execute(f"describe {table}").fetchall()}
            assert "confidence" in columns


def test_company_candidates_are_derived_from_party_mentions(tmp_path):
    import datetime as dt

    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.ensure_schema(con)
        rows = [("a1", dt.date(2026, 3, 2), "Stadtwerke Musterstadt", "energy", "Die Stadtwerke Musterstadt liefern."),
                ("a2", dt.date(2026, 3, 1), "Stadtwerke Musterstadt", "energy", "Stadtwerke Musterstadt supplies."),
                ("a2", dt.date(2026, 3, 1), "Quokka Compute", "company", "Quokka Compute rents GPUs.")]
        for article, day, name, kind, evidence in rows:
            con.execute("insert into party_mentions values (?, ?, 'wire', 'de', ?, ?, ?, ?, 0, 10)",
                        [article, day, day, name, kind, evidence])
        frame = warehouse.query_frame(con, warehouse.read_sql("derive_company_candidates"))
        first = frame.row(0, named=True)
        assert first["name"] == "Stadtwerke Musterstadt" and first["n_articles"] == 2
        assert first["first_seen"] == dt.date(2026, 3, 1) and first["last_seen"] == dt.date(2026, 3, 2)
        assert first["example_evidence"] == "Stadtwerke Musterstadt supplies."
        assert frame.height == 2
