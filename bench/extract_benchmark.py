#!/usr/bin/env python3
"""Throughput of fact extraction (`extract`, exactly as the extract assets call it), on one core.

    python bench/extract_benchmark.py ARTICLES.jsonl [--repeat N] [--rules-only]

ARTICLES.jsonl holds one article a line with fields id, lang and text (a labelled corpus
works as it is). Prints articles/second and characters/second over all repeats, for the
default (grammar + learned decision layer) and, in the same run, for the grammar alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable without install

from pipelines.extract.extractor import ExtractionMode, extract  # noqa: E402


def load_articles(path: Path) -> list[tuple[str, str | None]]:
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                articles.append((row.get("text") or "", row.get("lang")))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="jsonl of articles (id, lang, text)")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the file (default 1)")
    parser.add_argument("--rules-only", action="store_true", help="measure the grammar alone only")
    args = parser.parse_args(argv)
    articles = load_articles(args.path)
    if not articles:
        print("no articles", file=sys.stderr)
        return 1
    modes = [ExtractionMode.RULES] if args.rules_only else [ExtractionMode.MODEL, ExtractionMode.RULES]
    rates = {}
    for mode in modes:
        extract(articles[0][0], articles[0][1], mode=mode)  # warm up: registry, lexicon, model files
        deals = investments = chars = count = 0
        started = time.perf_counter()
        for _ in range(max(1, args.repeat)):
            for text, lang in articles:
                facts = extract(text, lang, mode=mode)
                deals += len(facts.deals)
                investments += len(facts.investments)
                chars += len(text)
                count += 1
        elapsed = time.perf_counter() - started
        rates[mode] = count / elapsed
        print(f"{mode.value:>5}: {count} articles, {chars:,} chars in {elapsed:.2f} s: "
              f"{count / elapsed:,.1f} articles/s, {chars / elapsed:,.0f} chars/s "
              f"({deals} deals, {investments} investments emitted)")
    if len(rates) == 2:
        print(f"model / rules alone: {rates[ExtractionMode.MODEL] / rates[ExtractionMode.RULES]:.2f} × the speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
