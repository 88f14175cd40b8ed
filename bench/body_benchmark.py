#!/usr/bin/env python3
"""Article-body benchmark: the project's extractor (parse_document, exactly as the parse
assets call it) against plain trafilatura on the extraction benchmark pages.

    python bench/body_benchmark.py BENCH_DIR --out pred.json [--baseline-out trafilatura.json] [--repeat 3]
    python3 BENCH_DIR/score_bodies.py pred.json

BENCH_DIR holds html/<id>.html.gz and ground-truth.json ({id: {"articleBody", "url"}}).
Writes {id: {"articleBody": text}} and prints pages/second for each extractor. With a baseline,
the two run in turn `--repeat` times and the best time of each is compared: on a machine shared
with other work, the ratio of two runs side by side is the figure that holds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable without install

from pipelines.parse import parse_document  # noqa: E402


def project_extractor(html: bytes, url: str | None) -> str:
    return parse_document(html, url=url, content_type="text/html").text


def plain_trafilatura(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def load_pages(bench_dir: Path) -> list[tuple[str, bytes, str | None]]:
    truth = json.loads((bench_dir / "ground-truth.json").read_text())
    return [
        (page_id, gzip.decompress((bench_dir / "html" / f"{page_id}.html.gz").read_bytes()), entry.get("url"))
        for page_id, entry in sorted(truth.items())
    ]


def run(extractor: Callable[[bytes, str | None], str], pages) -> tuple[dict, float]:
    started = time.perf_counter()
    predictions = {page_id: {"articleBody": extractor(html, url)} for page_id, html, url in pages}
    return predictions, time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="predictions of the project extractor")
    parser.add_argument("--baseline-out", type=Path, help="also run plain trafilatura.extract and write here")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of both extractors; the best time counts")
    args = parser.parse_args(argv)

    pages = load_pages(args.bench_dir)
    extractors = [("project (parse_document)", project_extractor, args.out)]
    if args.baseline_out:
        extractors.append(("plain trafilatura.extract", plain_trafilatura, args.baseline_out))
    best: dict[str, float] = {}
    for _ in range(max(args.repeat, 1)):
        for name, extractor, out in extractors:
            predictions, seconds = run(extractor, pages)
            best[name] = min(seconds, best.get(name, seconds))
            out.write_text(json.dumps(predictions, ensure_ascii=False, indent=1))
    for name, _, out in extractors:
        print(f"{name}: {len(pages)} pages in {best[name]:.2f} s = {len(pages) / best[name]:.1f} pages/s -> {out}")
    if len(best) == 2:
        project, plain = (len(pages) / best[name] for name, _, _ in extractors)
        print(f"speed ratio project / plain trafilatura: {project / plain:.2f} (best of {max(args.repeat, 1)} rounds each)")


if __name__ == "__main__":
    main()
