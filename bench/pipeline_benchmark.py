#!/usr/bin/env python3
"""Speed and memory of the whole daily job on a generated corpus.

    python bench/pipeline_benchmark.py [--copies 20]

Builds a folder of press pages (the bundled sample's pages, each copied COPIES times with its own
canonical URL and a distinct sentence, so nothing is de-duplicated away) and a jsonl file of wire
items likewise, runs the daily job on them into a fresh DuckDB file, then runs the same day again
(the idempotent re-run recomputes that day) and the next day (nothing new). Prints the time per step, documents per second, peak
memory (max RSS of this process) and the size of the DuckDB file.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import run_daily_job  # noqa: E402  (the same job and resources the tests use)


def build_corpus(folder: Path, copies: int) -> tuple[Path, int]:
    press = folder / "press"
    press.mkdir(parents=True)
    pages = sorted((ROOT / "samples" / "press").glob("*.html"))
    wire = [json.loads(line) for line in (ROOT / "samples" / "wire.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for copy in range(copies):
        for page in pages:
            html = page.read_text(encoding="utf-8")
            html = re.sub(r'(rel="canonical" href="[^"]+)"', rf'\1?copy={copy}"', html)
            html = html.replace("</article>", f"<p>Archivnummer {copy}-{page.stem}.</p></article>", 1)
            (press / f"{page.stem}-{copy}.html").write_text(html, encoding="utf-8")
    with (folder / "wire.jsonl").open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for item in wire:
                out.write(json.dumps({**item, "id": f"{item['id']}-{copy}", "text": item["text"] + f"\nArchiv {copy}."}) + "\n")
    sources = folder / "sources.yaml"
    sources.write_text("sources:\n  - {name: bench-press, kind: directory, path: press}\n"
                       "  - {name: bench-wire, kind: jsonl, path: wire.jsonl}\n", encoding="utf-8")
    return sources, copies * (len(pages) + len(wire))


def step_seconds(result) -> dict[str, float]:
    return {event.step_key: event.event_specific_data.duration_ms / 1000
            for event in result.all_events if event.event_type_value == "STEP_SUCCESS"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20, help="copies of each sample document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources, n_documents = build_corpus(folder / "corpus", args.copies)
        database = folder / "bench.duckdb"
        runs = (("first day", "2025-11-05"), ("same day again (recomputes the day)", "2025-11-05"),
                ("next day (nothing new to read)", "2025-11-06"))
        for label, day in runs:
            start = time.perf_counter()
            result = run_daily_job(database, day=day, sources=sources)
            elapsed = time.perf_counter() - start
            assert result.success
            print(f"{label}: {n_documents} documents in {elapsed:.1f} s = {n_documents / elapsed:.1f} documents/s")
            for step, seconds in sorted(step_seconds(result).items(), key=lambda item: -item[1])[:6]:
                print(f"    {step:<40} {seconds:6.2f} s")
        from pipelines import warehouse

        with warehouse.connect(database, read_only=True) as con:
            counts = warehouse.table_counts(con)
        print(f"rows: articles {counts['articles']}, deal_mentions {counts['deal_mentions']}, deals {counts['deals']}")
        print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        print(f"DuckDB file: {database.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
