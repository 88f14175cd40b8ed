"""`compute-deals sql` and the SQL guide (sql/README.md): every worked question returns rows on the
sample, every table's columns are documented, and the command prints whole results read-only."""

import json
import re
import subprocess
import sys

import pytest

from pipelines import cli, settings, warehouse

GUIDE = settings.SQL_DIR / "README.md"


def guide_queries() -> list[tuple[str, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    worked = text.split("## Worked questions", 1)[1]
    return [(title.strip(), query.strip()) for title, query in
            re.findall(r"### (\d+\. [^\n]+)\n.*?```sql\n(.*?)```", worked, flags=re.S)]


def test_the_guide_has_a_dozen_worked_questions():
    assert len(guide_queries()) >= 12


@pytest.mark.parametrize("title, query", guide_queries(), ids=[t for t, _ in guide_queries()])
def test_each_guide_query_returns_rows_on_the_sample(sample_warehouse, capsys, title, query):
    assert cli.main(["sql", query, "--db", str(sample_warehouse), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows, title


def test_the_guide_documents_every_column_of_every_table_and_view(sample_warehouse):
    text = GUIDE.read_text(encoding="utf-8")
    with warehouse.connect(settings.snapshot_path(sample_warehouse), read_only=True) as con:
        relations = con.execute("select table_name from information_schema.tables where table_schema = 'main'").fetchall()
        for (relation,) in relations:
            section = text.split(f"### `{relation}`", 1)
            assert len(section) == 2, f"no section for {relation}"
            body = section[1].split("\n### ", 1)[0]
            columns = [row[0] for row in con.execute(
                "select column_name from information_schema.columns where table_name = ?", [relation]).fetchall()]
            missing = [c for c in columns if f"`{c}`" not in body]
            assert not missing, f"{relation}: {missing}"


def test_the_readme_links_the_guide():
    assert "(sql/README.md)" in (settings.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def run_sql(*args):
    return subprocess.run([sys.executable, "-m", "pipelines.cli", "sql", *args], capture_output=True, text=True,
                          timeout=120, cwd=settings.PROJECT_ROOT)


def test_sql_prints_every_column_and_row_in_each_format(sample_warehouse):
    with warehouse.connect(sample_warehouse, read_only=True) as con:
        columns = [row[0] for row in con.execute("select column_name from information_schema.columns "
                                                 "where table_name = 'deals' order by ordinal_position").fetchall()]
        n_deals = warehouse.scalar(con, "select count(*) from deals")
        evidence = warehouse.scalar(con, "select evidence from deals order by length(evidence) desc limit 1")
    table = run_sql("select * from deals", "--db", str(sample_warehouse))
    assert table.returncode == 0, table.stderr
    header = table.stdout.splitlines()[0]
    assert [cell.strip() for cell in header.strip("|").split("|")] == columns  # nothing hidden
    assert f"({n_deals} rows)" in table.stdout
    assert evidence.replace("\n", " ⏎ ") in table.stdout  # the longest cell, whole
    csv = run_sql("select * from deals", "--db", str(sample_warehouse), "--format", "csv")
    assert csv.stdout.splitlines()[0] == ",".join(columns)
    as_json = json.loads(run_sql("select * from deals", "--db", str(sample_warehouse), "--format", "json").stdout)
    assert len(as_json) == n_deals and list(as_json[0]) == columns and isinstance(as_json[0]["providers"], list)


def test_sql_is_read_only(sample_warehouse, tmp_path):
    for statement in ("delete from deals", "create table x (a int)",
                      f"copy deals to '{tmp_path / 'out.csv'}'", f"attach '{tmp_path / 'other.duckdb'}' as other"):
        completed = run_sql(statement, "--db", str(sample_warehouse))
        assert completed.returncode == 2, statement
        assert completed.stderr.startswith("compute-deals: ") and "Traceback" not in completed.stderr
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()
    with warehouse.connect(sample_warehouse, read_only=True) as con:
        assert warehouse.scalar(con, "select count(*) from deals") > 0


def test_sql_says_what_is_wrong(tmp_path):
    missing = run_sql("select 1", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "run `compute-deals run` first" in missing.stderr
