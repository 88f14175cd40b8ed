"""The `compute-deals` command: run the pipeline, extract facts from a jsonl file."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pipelines import settings
from pipelines.partitions import PARTITION_TIMEZONE

EXAMPLE_QUERIES = (
    "select buyer, providers, resource, gw, gw_bound, usd, n_articles, languages from deals order by gw desc nulls last;",
    "select company, role, gw_total, gw_joint, counterparties from company_gigawatt_commitments;",
    "select description from investor_customer_loops;",
    "select d.buyer, d.providers, m.evidence from deals d join deal_mentions m on list_contains(d.mention_ids, m.mention_id);",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="compute-deals", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="materialise the whole graph for one day through Dagster")
    run.add_argument("--sources", type=Path, help=f"sources YAML (default: ${settings.SOURCES_ENV} or the bundled sample)")
    run.add_argument("--db", type=Path, help=f"DuckDB file (default: ${settings.DATABASE_ENV} or data/compute_deals.duckdb)")
    run.add_argument("--date", type=date.fromisoformat, help="the day's partition, YYYY-MM-DD (default: today, Europe/Berlin)")

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
        return run_pipeline(args.sources, args.db, args.date)
    return extract_file(args.input, args.output, args.rules_only, args.min_confidence)


def run_pipeline(sources: Path | None, db: Path | None, day: date | None) -> int:
    # The environment is how the code location is configured, in the UI and here alike.
    if sources:
        os.environ[settings.SOURCES_ENV] = str(sources.resolve())
    if db:
        os.environ[settings.DATABASE_ENV] = str(db.resolve())
    day = day or datetime.now(ZoneInfo(PARTITION_TIMEZONE)).date()

    import dagster as dg  # imported here: `extract` should not pay for Dagster's start-up

    from pipelines import warehouse
    from pipelines.config import SourcesConfigError, load_sources
    from pipelines.definitions import build_definitions
    from pipelines.schedules import DAILY_JOB_NAME

    try:
        load_sources(settings.sources_path())
    except SourcesConfigError as error:
        print(f"compute-deals: {error}", file=sys.stderr)
        return 2
    database = settings.database_path()
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    job = build_definitions().resolve_job_def(DAILY_JOB_NAME)
    print(f"compute-deals: running {DAILY_JOB_NAME} for {day} on {settings.sources_path()}")
    # Dagster's step-by-step log goes to the instance (and the UI); the terminal gets warnings only.
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    result = job.execute_in_process(partition_key=day.isoformat(), instance=instance, raise_on_error=False,
                                    run_config=quiet)
    if not result.success:
        for event in result.all_events:
            if event.is_step_failure:
                error = event.step_failure_data.error
                message = error.cause.message if error and error.cause else (error.message if error else "")
                print(f"compute-deals: step {event.step_key} failed: {message.strip()}", file=sys.stderr)
        print(f"compute-deals: the run failed; the database {database} keeps its last consistent state.", file=sys.stderr)
        return 1

    failed_checks = [e.asset_check_evaluation_data for e in result.all_events
                     if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.asset_check_evaluation_data.passed]
    with warehouse.connect(database, read_only=True) as con:
        counts = warehouse.table_counts(con)
    print(f"  documents read (all days): {counts['raw_documents']}")
    print(f"  articles:                  {counts['articles']}")
    print(f"  deal mentions:             {counts['deal_mentions']}  investment mentions: {counts['investment_mentions']}")
    print(f"  deals:                     {counts['deals']}  investments: {counts['investments']}")
    print(f"  investor-customer loops:   {counts['investor_customer_loops']}")
    for check in failed_checks:
        print(f"  check failed: {check.asset_key.to_user_string()} / {check.check_name}")
    print(f"\nDuckDB file: {database}")
    print(f"Exports:     {settings.exports_path()}")
    print(f"Query it read-only (the pipeline needs the write lock):  duckdb -readonly {database}")
    for query in EXAMPLE_QUERIES:
        print(f"  {query}")
    return 0


def extract_file(input_path: Path, output_path: Path, rules_only: bool = False,
                 min_confidence: float | None = None) -> int:
    from pipelines.extract.extractor import ExtractionMode, ModelMissingError, extract

    mode = ExtractionMode.RULES if rules_only else ExtractionMode.MODEL
    thresholds = {kind: settings.min_confidence(kind) if min_confidence is None else min_confidence
                  for kind in ("deal", "investment")}
    keep = lambda facts, kind: [f for f in facts if f["confidence"] is None or f["confidence"] >= thresholds[kind]]
    if not input_path.is_file():
        print(f"compute-deals: no such file: {input_path}", file=sys.stderr)
        return 2
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
                print(f"compute-deals: {error}", file=sys.stderr)
                return 2
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
