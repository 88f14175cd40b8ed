#!/usr/bin/env python3
"""What progressive commits cost: the raw_documents step alone, on generated documents, with
different batch sizes (`commit_every_documents` of the http resource).

    python bench/ingest_benchmark.py [--documents 5000] [--batches 1 10 100 1000]

Writes a jsonl file and a folder of HTML pages (half the documents each, a few kB apiece, like
press releases), then materialises `raw_documents` into a fresh DuckDB file once per batch size,
and prints the step time, documents per second, the number of commits and the ratio to the
largest batch. Every batch size stores the same rows.
"""

from __future__ import annotations

import argparse
import os
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines import settings  # noqa: E402

# The benchmark's days are fixed; daily partitions begin at the first day a database has data for (today, on the
# fresh files used here), so they are set to begin at the benchmark's first day (inherited by the run processes).
os.environ.setdefault(settings.FIRST_DAY_ENV, "2026-12-01")

import dagster as dg  # noqa: E402

from assets.ingest import raw_documents  # noqa: E402
from pipelines import warehouse  # noqa: E402
from pipelines.resources import HttpResource  # noqa: E402
from pipelines.runs import job_resources  # noqa: E402

PARAGRAPH = ("Nordwind Cloud will supply up to {n} megawatts of computing capacity to Beispiel AI from 2027, "
             "the companies said on Tuesday; the contract runs for five years. ")


def build(folder: Path, documents: int) -> Path:
    pages = folder / "press"
    pages.mkdir()
    half = documents // 2
    for n in range(half):
        (pages / f"release-{n:06d}.html").write_text(
            f"<html><head><title>Release {n}</title></head><body><article><h1>Release {n}</h1>"
            + "".join(f"<p>{PARAGRAPH.format(n=n + k)}</p>" for k in range(8)) + "</article></body></html>",
            encoding="utf-8")
    with (folder / "wire.jsonl").open("w", encoding="utf-8") as out:
        for n in range(documents - half):
            out.write(json.dumps({"id": f"w{n}", "lang": "en", "text": PARAGRAPH.format(n=n) * 8}) + "\n")
    sources = folder / "sources.yaml"
    sources.write_text("sources:\n  - {name: bench-press, kind: directory, path: press}\n"
                       "  - {name: bench-wire, kind: jsonl, path: wire.jsonl}\n", encoding="utf-8")
    return sources


def run(folder: Path, sources: Path, batch: int) -> tuple[float, int, int]:
    database = folder / f"batch-{batch}.duckdb"
    # local files only: no politeness waits matter; commits every `batch` documents, never by the clock
    resources = job_resources(database, sources, http=HttpResource(commit_every_documents=batch, commit_every_s=3600.0))
    started = time.perf_counter()
    result = dg.materialize([raw_documents], resources=resources, partition_key="2026-12-01",
                            instance=dg.DagsterInstance.ephemeral(),
                            run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}})
    seconds = time.perf_counter() - started
    assert result.success
    (materialization,) = result.asset_materializations_for_node("raw_documents")
    commits = materialization.metadata["commits"].value
    with warehouse.connect(database, read_only=True) as con:
        stored = warehouse.scalar(con, "select count(*) from raw_documents")
    return seconds, commits, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 10, 100, 1000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = build(folder, args.documents)
        results = {batch: run(folder, sources, batch) for batch in args.batches}
    baseline = results[max(results)][0]
    print(f"raw_documents on {args.documents} documents (half HTML files, half jsonl lines)")
    print(f"{'commit_every_documents':>22} {'seconds':>8} {'docs/s':>8} {'commits':>8} {'stored':>7} {'vs largest':>10}")
    for batch, (seconds, commits, stored) in results.items():
        print(f"{batch:>22} {seconds:>8.2f} {args.documents / seconds:>8.0f} {commits:>8} {stored:>7} "
              f"{seconds / baseline:>9.2f}x")


if __name__ == "__main__":
    main()
