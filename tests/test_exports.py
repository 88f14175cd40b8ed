"""Exports: dated folders beside their database, atomic, typed Parquet, readable CSV and Excel,
paths validated, no SQL built from paths, and cells that cannot run as formulas."""

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pipelines import warehouse
from pipelines.exports import EXPORTED_TABLES, SHEET_NAMES, ExportError, ExportFormat, export_database, neutralise
from pipelines.exports.cells import csv_frame
from pipelines.exports.tables import read_table

DAY = dt.date(2026, 12, 4)
REQUIRED_TABLES = list(EXPORTED_TABLES)


def export(database: Path, root: Path, day=DAY, **options):
    with warehouse.connect(database, read_only=True) as con:
        return export_database(con, database=database, root=root, day=day, **options)


@pytest.fixture(scope="module")
def exported(sample_warehouse, tmp_path_factory):
    root = tmp_path_factory.mktemp("exports") / "root"
    return sample_warehouse, export(sample_warehouse, root)


def test_a_dated_folder_and_latest_hold_every_format(exported):
    _, result = exported
    assert result.folder.name == "2026-12-04" and result.latest.resolve() == result.folder.resolve()
    names = {path.name for path in result.folder.iterdir()}
    for table in REQUIRED_TABLES:
        assert {f"{table}.csv", f"{table}.parquet"} <= names
    assert {"compute_deals.xlsx", "report.html", "manifest.json"} <= names
    assert not [p for p in result.folder.parent.iterdir() if p.name.startswith(".partial") or p.name.startswith(".old")]
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows"]["deals"] == result.rows["deals"] > 5 and manifest["facts"]["deal_ids"]


def test_parquet_reads_back_equal_with_typed_lists_and_json_as_text(exported):
    database, result = exported
    with warehouse.connect(database, read_only=True) as con:
        for table in REQUIRED_TABLES:
            expected = read_table(con, table)
            assert_frame_equal(pl.read_parquet(result.folder / f"{table}.parquet"), expected)
    loops = pl.read_parquet(result.folder / "investor_customer_loops.parquet")
    assert loops.schema["edges"] == pl.String and loops.schema["companies"] == pl.List(pl.String)
    assert json.loads(loops["edges"][0])[0]["flow"]  # the JSON is text that parses
    assert pl.read_parquet(result.folder / "deals.parquet").schema["languages"] == pl.List(pl.String)


def test_csv_reads_back_equal_with_lists_joined(exported):
    database, result = exported
    with warehouse.connect(database, read_only=True) as con:
        for table in REQUIRED_TABLES:
            expected = csv_frame(read_table(con, table))
            assert_frame_equal(pl.read_csv(result.folder / f"{table}.csv", schema=expected.schema), expected)
    deals = pl.read_csv(result.folder / "deals.csv", infer_schema=False)
    assert "de; en" in deals["languages"].to_list() and not deals["providers"].str.contains(r"\[").any()
    nebius = deals.filter(pl.col("providers") == "Nebius")
    assert nebius["usd"].to_list() == ["17400000000"]  # whole dollars, no "17400000000.0"


def test_the_workbook_has_readable_sheets_frozen_headers_filters_and_formats(exported):
    _, result = exported
    workbook = openpyxl.load_workbook(result.folder / "compute_deals.xlsx")
    assert workbook.sheetnames == ["About", *(SHEET_NAMES[t] for t in REQUIRED_TABLES)]
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    for table in REQUIRED_TABLES:
        sheet = workbook[SHEET_NAMES[table]]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    deals = workbook["Deals"]
    header = [cell.value for cell in deals[1]]
    assert "usd_bn (US$ billions)" in header and "usd" not in header
    rows = [dict(zip(header, (cell for cell in row), strict=True)) for row in deals.iter_rows(min_row=2)]
    nebius = next(r for r in rows if r["providers"].value == "Nebius")
    assert nebius["usd_bn (US$ billions)"].value == pytest.approx(17.4)
    assert nebius["usd_bn (US$ billions)"].number_format == "#,##0.00"
    assert isinstance(nebius["first_reported"].value, dt.datetime) and nebius["first_reported"].number_format == "yyyy-mm-dd"
    oracle = next(r for r in rows if r["providers"].value == "Oracle")
    assert oracle["gw"].value == 4.5 and oracle["gw"].number_format == "0.00"
    assert nebius["languages"].value == "de; en"
    assert deals.column_dimensions["B"].width >= 8
    commitments = workbook["GW commitments"]
    gw_total = [c.value for c in commitments[1]].index("gw_total")
    assert commitments.cell(row=2, column=gw_total + 1).number_format == "0.00"


def test_exporting_the_same_day_again_replaces_it_and_keeps_other_days(sample_warehouse, tmp_path):
    root = tmp_path / "root"
    export(sample_warehouse, root, day=dt.date(2026, 12, 3))
    first = export(sample_warehouse, root)
    (first.folder / "stale.txt").write_text("from an older export", encoding="utf-8")
    second = export(sample_warehouse, root, formats=(ExportFormat.CSV,), tables=("deals",))
    assert second.previous_day == "2026-12-03"  # the same day's earlier export is not "previous"
    assert sorted(p.name for p in second.folder.iterdir()) == ["deals.csv", "manifest.json"]
    assert (root / "2026-12-03" / "report.html").is_file() and (root / "latest").resolve() == second.folder


def test_old_exports_beyond_keep_are_deleted(sample_warehouse, tmp_path):
    root = tmp_path / "root"
    for day in (1, 2, 3):
        result = export(sample_warehouse, root, day=dt.date(2026, 12, day), formats=(ExportFormat.CSV,), keep=2)
    assert result.pruned == ("2026-12-01",)
    assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == ["2026-12-02", "2026-12-03", "latest"]


def test_an_export_root_of_another_database_is_refused(sample_warehouse, tmp_path):
    root = tmp_path / "root"
    export(sample_warehouse, root)
    other = tmp_path / "other.duckdb"
    shutil.copy(sample_warehouse, other)
    before = sorted(p.name for p in (root / "2026-12-04").iterdir())
    with pytest.raises(ExportError, match="holds the exports of"):
        export(other, root, day=dt.date(2026, 12, 5))
    assert sorted(p.name for p in (root / "2026-12-04").iterdir()) == before
    assert not (root / "2026-12-05").exists()


def test_a_folder_that_is_not_an_export_root_is_refused(sample_warehouse, tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not an export root"):
        export(sample_warehouse, tmp_path / "home")
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["notes.txt"]


def test_a_path_leading_outside_the_export_root_is_refused(sample_warehouse, tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    export(sample_warehouse, root, day=dt.date(2026, 12, 1), formats=(ExportFormat.CSV,))
    outside.mkdir()
    (root / "2026-12-04").symlink_to(outside, target_is_directory=True)  # planted: the day's folder leads out
    with pytest.raises(ExportError, match="outside the export root"):
        export(sample_warehouse, root)
    assert list(outside.iterdir()) == []
    with pytest.raises(ExportError, match="not an exported table"):
        export(sample_warehouse, root, tables=("../../etc/passwd",))


@pytest.mark.parametrize("folder_name", ["it's here", "x'); delete from deals; --", "x' (format csv); drop table deals; --"])
def test_an_apostrophe_or_sql_in_the_export_path_is_only_a_name(sample_warehouse, tmp_path, folder_name):
    database = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, database)
    root = tmp_path / folder_name / "exports"
    with warehouse.connect(database) as con:  # a writable connection: an injected statement could run
        deals_before = warehouse.scalar(con, "select count(*) from deals")
        result = export_database(con, database=database, root=root, day=DAY)
        assert warehouse.scalar(con, "select count(*) from deals") == deals_before > 0
    assert result.folder == root.resolve() / "2026-12-04"
    assert pl.read_csv(result.folder / "deals.csv").height == deals_before


HOSTILE = ['=HYPERLINK("http://attacker.example","Details")', "+1+2", "-3+4", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def hostile_database(tmp_path) -> Path:
    """A database whose deal carries text that a spreadsheet would run as formulas."""
    database = tmp_path / "hostile.duckdb"
    with warehouse.connect(database) as con:
        warehouse.ensure_schema(con)
        con.execute(
            "insert into deals (deal_id, buyer, providers, resource, usd, status, disagreeing_figures, first_reported, "
            "n_mentions, n_articles, n_sources, languages, mention_ids, evidence) "
            "values ('d1', ?, ?, 'gpu', 2e9, 'definitive', [], date '2025-11-01', 1, 1, 1, ['en'], ['m1'], ?)",
            [HOSTILE[1], HOSTILE[2:], HOSTILE[0]])
    return database


def test_cells_that_begin_like_formulas_are_neutralised_in_csv(hostile_database, tmp_path):
    result = export(hostile_database, tmp_path / "root", formats=(ExportFormat.CSV,), tables=("deals",))
    deals = pl.read_csv(result.folder / "deals.csv", infer_schema=False)
    assert deals["evidence"][0] == "'" + HOSTILE[0]
    assert deals["buyer"][0] == "'+1+2"
    assert deals["providers"][0] == "'" + "; ".join(HOSTILE[2:])
    assert deals["usd"][0] == "2000000000"  # numbers are numbers, not text
    assert [neutralise(text) for text in HOSTILE] == ["'" + text for text in HOSTILE]
    assert neutralise("OpenAI") == "OpenAI" and neutralise("") == "" and neutralise(None) is None


def test_excel_writes_formula_like_text_as_strings_never_formulas(hostile_database, tmp_path):
    result = export(hostile_database, tmp_path / "root", formats=(ExportFormat.XLSX,), tables=("deals",))
    sheet = openpyxl.load_workbook(result.folder / "compute_deals.xlsx")["Deals"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert HOSTILE[0] in texts and "+1+2" in texts  # exactly as written, as text


def test_the_company_candidates_table_is_exported(sample_warehouse, tmp_path):
    database = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, database)
    with warehouse.connect(database) as con:
        con.execute("delete from company_candidates")
        con.execute("insert into company_candidates values ('Quokka Compute', 'company', 2, 3, date '2025-11-05', "
                    "date '2025-11-05', ['a1', 'a2'], 'Quokka Compute rents GPUs.', 'a1')")
    result = export(database, tmp_path / "root", formats=(ExportFormat.PARQUET, ExportFormat.XLSX))
    assert result.rows["company_candidates"] == 1
    assert pl.read_parquet(result.folder / "company_candidates.parquet")["article_ids"].to_list() == [["a1", "a2"]]
    assert "Company candidates" in openpyxl.load_workbook(result.folder / "compute_deals.xlsx").sheetnames
