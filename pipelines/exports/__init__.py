"""Exports that belong to their database: a dated folder of CSV, Parquet, an Excel workbook and
the HTML report, written to a temporary folder and renamed into place, plus `latest`.

No Dagster here: the `exports` asset and `compute-deals export` both call `export_database`.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

import duckdb

from pipelines.exports.cells import csv_frame, neutralise
from pipelines.exports.folders import MANIFEST, ExportError, open_root
from pipelines.exports.folders import new_partial, previous_manifest, prune, publish
from pipelines.exports.tables import EXPORTED_TABLES, SHEET_NAMES, existing_tables, read_table
from pipelines.exports.workbook import write_workbook

__all__ = ["ALL_FORMATS", "DEFAULT_KEEP", "EXPORTED_TABLES", "SHEET_NAMES", "ExportError", "ExportFormat",
           "ExportResult", "export_database", "neutralise", "parse_formats"]

WORKBOOK_NAME = "compute_deals.xlsx"
REPORT_NAME = "report.html"
DEFAULT_KEEP = 30  # dated folders kept; older ones are deleted after a successful export


class ExportFormat(StrEnum):
    CSV = "csv"
    PARQUET = "parquet"
    XLSX = "xlsx"
    HTML = "html"  # report.html


ALL_FORMATS = tuple(ExportFormat)


def parse_formats(text: str) -> tuple[ExportFormat, ...]:
    """`"csv,parquet"` → the formats, refusing unknown names."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    try:
        return tuple(dict.fromkeys(ExportFormat(name) for name in names)) or ALL_FORMATS
    except ValueError:
        raise ExportError(f"unknown format in {text!r}: choose from {', '.join(ALL_FORMATS)}") from None


@dataclass(frozen=True)
class ExportResult:
    folder: Path                    # the dated folder
    latest: Path
    files: tuple[Path, ...]
    rows: dict[str, int]            # table → rows exported
    report: Path | None
    previous_day: str | None        # the export the report compared with
    pruned: tuple[str, ...]         # days deleted by retention


def export_database(con: duckdb.DuckDBPyConnection, *, database: Path, root: Path, day: date,
                    formats: tuple[ExportFormat, ...] = ALL_FORMATS, tables: tuple[str, ...] | None = None,
                    keep: int = DEFAULT_KEEP, read_from: Path | None = None) -> ExportResult:
    """Export `tables` (default: all) of the database open on `con` into `root/<day>/`.

    `database` is the database the export belongs to (the export root remembers it); `read_from`
    is the file actually read (its snapshot, usually), named in the manifest.
    """
    present = existing_tables(con)
    if tables is None:
        tables = EXPORTED_TABLES
    for table in tables:
        if table not in SHEET_NAMES:
            raise ExportError(f"not an exported table: {table!r} (choose from {', '.join(EXPORTED_TABLES)})")
    missing = [t for t in tables if t not in present]
    if missing:
        raise ExportError(f"the database has no table {', '.join(missing)}: run the pipeline first")

    export_root = open_root(root, database)
    export_root.day_folder(day)  # refuse a day folder that leads outside the root before any work
    previous = previous_manifest(export_root, excluding=day)
    partial = new_partial(export_root, day)
    try:
        files, rows, frames = [], {}, {}
        for table in tables:
            frame = read_table(con, table)
            rows[table] = frame.height
            if ExportFormat.CSV in formats:
                files.append(_written(csv_frame(frame).write_csv, partial / f"{table}.csv"))
            if ExportFormat.PARQUET in formats:
                files.append(_written(frame.write_parquet, partial / f"{table}.parquet"))
            if ExportFormat.XLSX in formats:
                frames[table] = frame
        exported_at = datetime.now(UTC)
        if frames:
            about = [("compute-deals export", day.isoformat()), ("Exported at (UTC)", exported_at.isoformat(timespec="seconds")),
                     ("Database", str(database))]
            files.append(write_workbook(frames, partial / WORKBOOK_NAME, about=about))

        from pipelines.report import current_facts, render_report  # plotting is imported only when needed

        facts = current_facts(con)
        report = None
        if ExportFormat.HTML in formats:
            html = render_report(con, day=day, database=database, previous=previous, facts=facts)
            report = partial / REPORT_NAME
            report.write_text(html, encoding="utf-8")
            files.append(report)
        manifest = {
            "day": day.isoformat(), "exported_at": exported_at.isoformat(), "database": str(database),
            "read_from": str(read_from or database), "formats": [str(f) for f in formats], "rows": rows,
            "files": sorted(path.name for path in files), "previous_day": previous and previous.get("day"),
            "facts": facts,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, default=str) + "\n", encoding="utf-8")
        folder = publish(export_root, partial, day)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    pruned = prune(export_root, keep)
    return ExportResult(
        folder=folder, latest=export_root.path / "latest", files=tuple(folder / path.name for path in files),
        rows=rows, report=folder / REPORT_NAME if report else None,
        previous_day=previous and previous.get("day"), pruned=tuple(pruned),
    )


def _written(write, path: Path) -> Path:
    write(path)
    return path
