"""The `compute-deals` command: run the pipeline, export, query with SQL, extract facts from a jsonl file.

Exit codes (README "Exit codes"): 0 all good; 1 the run failed (the database keeps its last
consistent state); 2 wrong arguments, configuration, path or SQL; 3 the run completed but a source
could not be read; 4 the run completed but a data check failed; 5 the database is locked by
another program.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from enum import IntEnum
from pathlib import Path

from pipelines import settings


class ExitCode(IntEnum):
    OK = 0
    RUN_FAILED = 1
    USAGE = 2
    SOURCES_UNREADABLE = 3
    CHECKS_FAILED = 4
    DATABASE_LOCKED = 5


EXAMPLE_QUERIES = (
    "select buyer, providers, resource, gw, gw_bound, usd_bn, n_articles, languages from deal_overview order by gw desc nulls last",
    "select company, role, gw_total, gw_joint, counterparties from company_gigawatt_commitments",
    "select investor, investee, relation, instrument from investor_customer_pairs",
    "select buyer, providers, lang, title, evidence from deal_coverage",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="compute-deals", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    db_help = f"DuckDB file (default: ${settings.DATABASE_ENV} or data/compute_deals.duckdb)"

    run = commands.add_parser("run", help="materialise the whole graph for one day through Dagster")
    run.add_argument("--sources", type=Path, help=f"sources YAML (default: ${settings.SOURCES_ENV} or the bundled sample)")
    run.add_argument("--db", type=Path, help=db_help)
    run.add_argument("--out", type=Path, help="export root (default: <database name>_exports beside the database)")
    run.add_argument("--date", type=date.fromisoformat, help="the day's partition, YYYY-MM-DD (default: today, Europe/Berlin)")

    export = commands.add_parser("export", help="export the tables and the HTML report into a dated folder")
    export.add_argument("--db", type=Path, help=db_help + "; its published snapshot is read when there is one")
    export.add_argument("--out", type=Path, help="export root (default: <database name>_exports beside the database)")
    export.add_argument("--format", default=",".join(_formats()), help="comma-separated: csv, parquet, xlsx, html (the report); default: all")
    export.add_argument("--table", action="append", metavar="TABLE",
                        help="a table to export (repeat or comma-separate; default: all exported tables)")
    export.add_argument("--date", type=date.fromisoformat, help="the folder's day, YYYY-MM-DD (default: today)")

    sql = commands.add_parser("sql", help="run a read-only SQL query and print the whole result")
    sql.add_argument("query", help='for example: "select * from deal_overview"')
    sql.add_argument("--db", type=Path, help=db_help + "; its published snapshot is read when there is one")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")

    extract = commands.add_parser("extract", help="extract deals and investments from a jsonl file of articles")
    extract.add_argument("input", type=Path, help="jsonl: one article a line with id, lang, text")
    extract.add_argument("-o", "--output", type=Path, required=True, help="jsonl: one line per article")
    extract.add_argument("--rules-only", action="store_true",
                         help="the grammar alone, without the learned decision layer")
    extract.add_argument("--min-confidence", type=float, default=None,
                         help="keep facts at least this confident (default: the threshold the derived tables use; "
                              "0 keeps every fact the extractor emits)")

    args = parser.parse_args(argv)
    if args.command == "run":
        return run_pipeline(args.sources, args.db, args.date, args.out)
    if args.command == "export":
        tables = [t.strip() for value in (args.table or []) for t in value.split(",") if t.strip()]
        return run_export(args.db, args.out, args.format, tables or None, args.date)
    if args.command == "sql":
        return run_sql(args.query, args.db, args.format)
    return extract_file(args.input, args.output, args.rules_only, args.min_confidence)


def _formats() -> tuple[str, ...]:
    return ("csv", "parquet", "xlsx", "html")


def _error(message: str, code: ExitCode) -> int:
    print(f"compute-deals: {message}", file=sys.stderr)
    return int(code)


def _database(db: Path | None) -> Path:
    return db.expanduser().resolve() if db else settings.database_path()


def _exports_root(db: Path | None, out: Path | None, database: Path) -> Path:
    # With --db, the exports go beside that file: COMPUTE_DEALS_EXPORTS belongs to the configured database.
    if out:
        return out.expanduser().resolve()
    return settings.default_exports_root(database) if db else settings.exports_path(database)


def run_pipeline(sources: Path | None, db: Path | None, day: date | None, out: Path | None = None) -> int:
    database = _database(db)
    # The environment is how the code location is configured, in the UI and here alike.
    if sources:
        os.environ[settings.SOURCES_ENV] = str(sources.resolve())
    os.environ[settings.DATABASE_ENV] = str(database)
    os.environ[settings.EXPORTS_ENV] = str(_exports_root(db, out, database))
    day = day or settings.today()
    try:
        if day < settings.first_day(settings.today()):
            if os.environ.get(settings.FIRST_DAY_ENV):
                return _error(f"{day} is before the first partition day {os.environ[settings.FIRST_DAY_ENV]} "
                              f"({settings.FIRST_DAY_ENV})", ExitCode.USAGE)
            os.environ[settings.FIRST_DAY_ENV] = day.isoformat()  # a run for an earlier day extends the range
    except settings.SettingsError as error:
        return _error(str(error), ExitCode.USAGE)

    import dagster as dg  # imported here: `extract` and `sql` should not pay for Dagster's start-up

    from assets.ingest import SOURCES_READABLE_CHECK
    from pipelines import warehouse
    from pipelines.config import SourcesConfigError, load_sources
    from pipelines.definitions import build_definitions
    from pipelines.schedules import DAILY_JOB_NAME
    from pipelines.terminal import error_class_names, short_error, terminal_logger

    try:
        load_sources(settings.sources_path())
    except SourcesConfigError as error:
        return _error(str(error), ExitCode.USAGE)
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    # Progress lines and short errors on the terminal; the full log goes to the instance (the UI).
    job = build_definitions().resolve_job_def(DAILY_JOB_NAME).with_logger_defs({"console": terminal_logger})
    print(f"compute-deals: running {DAILY_JOB_NAME} for {day} on {settings.sources_path()}", flush=True)
    result = job.execute_in_process(partition_key=day.isoformat(), instance=instance, raise_on_error=False,
                                    run_config={"loggers": {"console": {}}})

    if not result.success:
        failures = [event.step_failure_data.error for event in result.all_events if event.is_step_failure]
        log = _failure_log(result, database, failures) if not os.environ.get("DAGSTER_HOME") else None
        where = f"the full log is in {log}" if log else f"the full log is in the Dagster UI, run {result.run_id}"
        if any("WarehouseLockedError" in error_class_names(error) for error in failures):
            locked = next(e for e in failures if "WarehouseLockedError" in error_class_names(e))
            return _error(f"{short_error(locked)} (Nothing was written; {where}.)", ExitCode.DATABASE_LOCKED)
        print(f"compute-deals: the run failed; the database {database} keeps its last consistent state ({where}).",
              file=sys.stderr)
        return int(ExitCode.RUN_FAILED)

    evaluations = [e.asset_check_evaluation_data for e in result.all_events
                   if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    failed = [check for check in evaluations if not check.passed]
    with warehouse.connect(database, read_only=True) as con:
        counts = warehouse.table_counts(con)
    print(f"  documents stored (all days): {counts['raw_documents']}")
    print(f"  articles:                    {counts['articles']}")
    print(f"  deal mentions:               {counts['deal_mentions']}  investment mentions: {counts['investment_mentions']}")
    print(f"  deals:                       {counts['deals']}  investments: {counts['investments']}")
    print(f"  investor-customer loops:     {counts['investor_customer_loops']}")
    report = _materialized_path(result, "report", "report_path")
    snapshot = settings.snapshot_path(database)
    print(f"\nDuckDB file:  {database}  (the pipeline's; do not open it while a run may start)")
    print(f"Snapshot:     {snapshot}  (open this one: compute-deals sql, duckdb -readonly, BI tools)")
    if report:
        print(f"Exports:      {Path(report).parent}  (and {Path(report).parent.parent / 'latest'})")
        print(f"Report:       {report}")
    print("Query it (read-only, never blocks a run):")
    for query in EXAMPLE_QUERIES:
        print(f'  compute-deals sql{"" if db is None else f" --db {database}"} "{query}"')

    unreadable = [c for c in failed if c.check_name == SOURCES_READABLE_CHECK]
    broken = [c for c in failed if c.check_name != SOURCES_READABLE_CHECK and c.severity == dg.AssetCheckSeverity.ERROR]
    warnings = [c for c in failed if c not in unreadable and c not in broken]
    for check in unreadable + broken + warnings:
        print(f"  check failed: {check.asset_key.to_user_string()} / {check.check_name}", file=sys.stderr)
    if unreadable:
        sources_failed = check_metadata(unreadable[0], "failed_sources")
        return _error(f"the run completed, but sources could not be read: {sources_failed}", ExitCode.SOURCES_UNREADABLE)
    if broken:
        return _error("the run completed, but data checks failed (see above)", ExitCode.CHECKS_FAILED)
    return int(ExitCode.OK)


def check_metadata(check, key: str):
    value = check.metadata.get(key)
    return getattr(value, "value", value)


def _materialized_path(result, asset: str, key: str) -> str | None:
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        if materialization.asset_key.to_user_string() == asset and key in materialization.metadata:
            return materialization.metadata[key].value
    return None


def _failure_log(result, database: Path, failures) -> Path | None:
    """Without DAGSTER_HOME the run's events vanish with the process: keep the failures' traces."""
    try:
        folder = database.parent / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"run-{result.run_id}.log"
        path.write_text("\n\n".join(error.to_string() for error in failures), encoding="utf-8")
        return path
    except OSError:
        return None


def run_export(db: Path | None, out: Path | None, formats_text: str, tables: list[str] | None, day: date | None) -> int:
    from pipelines import warehouse
    from pipelines.exports import ExportError, export_database, parse_formats

    database = _database(db)
    root = _exports_root(db, out, database)
    try:
        formats = parse_formats(formats_text)
        with warehouse.connect_reader(database) as (con, opened):
            result = export_database(con, database=database, root=root, day=day or settings.today(), formats=formats,
                                     tables=tuple(tables) if tables else None, read_from=opened)
    except (ExportError, FileNotFoundError) as error:
        return _error(str(error), ExitCode.USAGE)
    except warehouse.WarehouseLockedError as error:
        return _error(str(error), ExitCode.DATABASE_LOCKED)
    print(f"compute-deals: exported {len(result.rows)} tables ({sum(result.rows.values())} rows) from {opened}")
    print(f"  folder: {result.folder}")
    print(f"  latest: {result.latest}")
    for path in result.files:
        print(f"    {path.name}")
    if result.report:
        print(f"  report: {result.report}" + (f" (new since {result.previous_day})" if result.previous_day else ""))
    return int(ExitCode.OK)


def run_sql(query: str, db: Path | None, output_format: str) -> int:
    import duckdb
    import polars as pl

    from pipelines import warehouse
    from pipelines.exports.cells import csv_frame

    database = _database(db)
    try:
        with warehouse.connect_reader(database) as (con, _):
            # Read-only file, and no reading or writing of other files either (COPY ... TO, ATTACH).
            con.execute("set enable_external_access = false")
            relation = con.sql(query)
            if relation is None:
                return int(ExitCode.OK)
            frame = pl.from_arrow(relation.to_arrow_table())
    except FileNotFoundError as error:
        return _error(str(error), ExitCode.USAGE)
    except warehouse.WarehouseLockedError as error:
        return _error(str(error), ExitCode.DATABASE_LOCKED)
    except duckdb.Error as error:
        hint = " (compute-deals sql is read-only)" if "read-only" in str(error) or "external access" in str(error) else ""
        return _error(f"{str(error).strip()}{hint}", ExitCode.USAGE)
    if output_format == "csv":
        sys.stdout.write(csv_frame(frame).write_csv())
    elif output_format == "json":
        sys.stdout.write(frame.write_json() + "\n")
    else:
        print(render_table(frame))
        print(f"({frame.height} row{'s' if frame.height != 1 else ''})")
    return int(ExitCode.OK)


def render_table(frame) -> str:
    """Every row and every column, each cell whole (a line break shows as ⏎): a terminal table
    that hides nothing, unlike DuckDB's or Polars' own, which cut wide results."""
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:.0f}" if value.is_integer() and abs(value) < 1e16 else repr(value)
        if isinstance(value, list):
            return ", ".join(cell(item) for item in value)
        return str(value).replace("\r\n", " ⏎ ").replace("\n", " ⏎ ")

    numeric = [dtype.is_numeric() for dtype in frame.dtypes]
    rows = [[cell(value) for value in row] for row in frame.iter_rows()]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(frame.columns)]

    def line(values) -> str:
        return "| " + " | ".join(v.rjust(w) if num else v.ljust(w)
                                 for v, w, num in zip(values, widths, numeric, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(frame.columns), rule, *(line(row) for row in rows)])


def extract_file(input_path: Path, output_path: Path, rules_only: bool = False,
                 min_confidence: float | None = None) -> int:
    from pipelines.extract.extractor import ExtractionMode, ModelMissingError, extract

    mode = ExtractionMode.RULES if rules_only else ExtractionMode.MODEL
    thresholds = {kind: settings.min_confidence(kind) if min_confidence is None else min_confidence
                  for kind in ("deal", "investment")}
    keep = lambda facts, kind: [f for f in facts if f["confidence"] is None or f["confidence"] >= thresholds[kind]]
    if not input_path.is_file():
        return _error(f"no such file: {input_path}", ExitCode.USAGE)
    n_articles = n_bad = 0
    with input_path.open(encoding="utf-8") as lines, output_path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
                text = article["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                print(f"compute-deals: {input_path}:{number}: skipped, not an article ({error})", file=sys.stderr)
                n_bad += 1
                continue
            try:
                facts = extract(text, lang=article.get("lang"), mode=mode)
            except ModelMissingError as error:
                return _error(str(error), ExitCode.USAGE)
            record = {
                "id": article.get("id", f"line-{number}"),
                "deals": keep(facts.deals, "deal"),
                "investments": keep(facts.investments, "investment"),
                "parties": facts.parties,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n_articles += 1
    print(f"compute-deals: {n_articles} articles → {output_path} ({mode.value}; deals with confidence ≥ "
          f"{thresholds['deal']:.2f}, investments ≥ {thresholds['investment']:.2f})"
          + (f" ({n_bad} lines skipped)" if n_bad else ""))
    return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
