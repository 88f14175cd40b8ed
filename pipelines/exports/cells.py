"""Cell values safe to open in a spreadsheet, and the shapes of a table for CSV and Excel.

A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a formula, and a tab or carriage
return at the start can smuggle one in. Article text is written by strangers: a title or an
evidence sentence beginning with `=HYPERLINK(...)` must open as text. OWASP's advice for CSV is a
leading apostrophe, which spreadsheets treat as "this is text" and hide; Excel cells are written
as strings (never formulas) instead, so they keep their exact text.
"""

from __future__ import annotations

import polars as pl

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_START = r"^[=+\-@\t\r]"
LIST_SEPARATOR = "; "


def neutralise(text: str | None) -> str | None:
    """`=1+1` → `'=1+1`; anything else unchanged."""
    if text and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _is_list(dtype: pl.DataType) -> bool:
    return isinstance(dtype, pl.List | pl.Array)


def flatten_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """List columns as `a; b` text (spreadsheets and CSV have no list cells)."""
    return frame.with_columns(
        pl.col(name).cast(pl.List(pl.String)).list.join(LIST_SEPARATOR)
        for name, dtype in frame.schema.items() if _is_list(dtype)
    )


def csv_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame as written to CSV: lists `; `-joined, text cells neutralised, whole-dollar
    amounts without a trailing `.0`."""
    frame = flatten_lists(frame)
    money = [name for name, dtype in frame.schema.items() if name in ("usd", "eur") and dtype.is_float()]
    frame = frame.with_columns(pl.col(name).round(0).cast(pl.Int64) for name in money)
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_FORMULA_START)).then(pl.lit("'") + pl.col(name)).otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items() if dtype == pl.String
    )
