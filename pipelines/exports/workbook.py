"""The Excel workbook: one sheet per table, readable names, frozen header, filters, widths and
number formats; every text cell written as a string, never as a formula."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from pipelines.exports.cells import flatten_lists
from pipelines.exports.tables import SHEET_NAMES

EXCEL_MAX_CHARS = 32_767
EXCEL_MAX_ROWS = 1_048_575  # below the header
_MONEY_COLUMNS = {"usd": ("usd_bn", "US$ billions"), "eur": ("eur_bn", "EUR billions")}
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def write_workbook(frames: dict[str, pl.DataFrame], target: Path, *, about: list[tuple[str, str]]) -> Path:
    """Write `frames` (table name → frame) as sheets of `target`, after an "About" sheet."""
    import xlsxwriter  # only the export needs it

    # No automatic conversion of any kind: a string stays a string, whatever it looks like.
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(str(target), options) as workbook:
        formats = _Formats(workbook)
        cut = [f"{SHEET_NAMES[t]}: first {EXCEL_MAX_ROWS:,} of {f.height:,} rows (Excel's limit; the CSV and "
               "Parquet files have all)" for t, f in frames.items() if f.height > EXCEL_MAX_ROWS]
        _write_about(workbook, formats, [*about, *(("Cut", note) for note in cut)], list(frames))
        for table, frame in frames.items():
            _write_sheet(workbook, formats, SHEET_NAMES[table], excel_frame(frame))
    return target


def excel_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Money in billions in a labelled column (`usd` → `usd_bn`), lists as `a; b` text."""
    frame = flatten_lists(frame)
    renames = {}
    for column, (new_name, _) in _MONEY_COLUMNS.items():
        if column in frame.columns:
            frame = frame.with_columns(pl.col(column) / 1e9)
            renames[column] = new_name
    return frame.rename(renames)


def column_label(name: str) -> str:
    for new_name, unit in _MONEY_COLUMNS.values():
        if name == new_name:
            return f"{name} ({unit})"
    return name


class _Formats:
    def __init__(self, workbook):
        self.header = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1, "text_wrap": True,
                                           "valign": "top"})
        self.gigawatts = workbook.add_format({"num_format": "0.00"})
        self.billions = workbook.add_format({"num_format": "#,##0.00"})
        self.integer = workbook.add_format({"num_format": "#,##0"})
        self.decimal = workbook.add_format({"num_format": "0.00"})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.text = workbook.add_format({"valign": "top"})
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})


def _number_format(formats: _Formats, name: str, dtype: pl.DataType):
    if name.startswith("gw"):
        return formats.gigawatts
    if name.endswith("_bn"):
        return formats.billions
    if dtype.is_integer():
        return None if name in ("year",) else formats.integer
    return formats.decimal


def _write_sheet(workbook, formats: _Formats, name: str, frame: pl.DataFrame) -> None:
    sheet = workbook.add_worksheet(name)
    frame = frame.head(EXCEL_MAX_ROWS)
    for col, (column, dtype) in enumerate(frame.schema.items()):
        sheet.write_string(0, col, column_label(column), formats.header)
        values = frame.get_column(column).to_list()
        cell_format = _number_format(formats, column, dtype) if dtype.is_numeric() else None
        width = len(column_label(column))
        for row, value in enumerate(values, start=1):
            width = max(width, _write_cell(sheet, formats, row, col, value, cell_format))
        if dtype == pl.String and width > _MAX_WIDTH:
            sheet.set_column(col, col, _MAX_WIDTH, formats.wrapped)
        else:
            sheet.set_column(col, col, min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(frame.height, 1), max(frame.width - 1, 0))


def _write_cell(sheet, formats: _Formats, row: int, col: int, value, number_format) -> int:
    """Write one typed cell; return its display width in characters."""
    if value is None:
        return 0
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
        return 5
    if isinstance(value, int | float):
        sheet.write_number(row, col, value, number_format)
        return len(f"{value:,.2f}") if isinstance(value, float) else len(f"{value:,}")
    if isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value.replace(tzinfo=None), formats.datetime)
        return 16
    if isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), formats.date)
        return 10
    text = str(value)[:EXCEL_MAX_CHARS]
    sheet.write_string(row, col, text, formats.text)  # a string, never a formula
    return len(text)


def _write_about(workbook, formats: _Formats, about: list[tuple[str, str]], tables: list[str]) -> None:
    sheet = workbook.add_worksheet("About")
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 90)
    rows = [*about, ("", ""), ("Sheet", "Table in the DuckDB file")]
    rows += [(SHEET_NAMES[table], table) for table in tables]
    rows += [("", ""),
             ("Units", "gw_* columns: gigawatts, two decimals. usd_bn / eur_bn: billions of US$ / euros "
                       "(the tables' usd / eur divided by 10^9). Lists are joined with '; '."),
             ("Text cells", "Written as text, never as formulas, whatever they begin with.")]
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key, formats.header if key in ("Sheet",) else formats.text)
        sheet.write_string(row, 1, value, formats.wrapped)
