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
