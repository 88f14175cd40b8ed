#!/usr/bin/env python3
"""Speed and memory of the whole daily job, with every ratio measured in one run.

    python bench/pipeline_benchmark.py [--copies 20]                                   # the bundled sample
    python bench/pipeline_benchmark.py --corpus ../shared/corpus/train.jsonl --copies 44  # ~10,000 real texts
    python bench/pipeline_benchmark.py --corpus FILE.jsonl --copies 440 --runs first      # memory at ~100k

The corpus: each document of the bundled sample (22 HTML pages, 4 wire items), or of a jsonl file
of articles (`id`, `lang`, `url`, `title`, `text`, as `../shared/corpus/*.jsonl`), COPIES times.
Every copy is made distinct: its own id and canonical URL, and a line of its own in the text, so
no copy is recognised as syndicated and all are parsed and extracted. From a jsonl corpus, every
other article becomes an HTML page (headline, navigation, teaser list, comments and footer around
the paragraphs, for the body extractor to remove) in a `directory` source, the rest stay jsonl.

The runs, into fresh DuckDB files in a temporary folder (one Dagster run each, each in a fresh
process, as scheduled runs are, so that one run's memory does not carry into the next):
  first   the first day, parsed and extracted by --workers processes (default: one per core)
  again   the same day again, nothing changed (re-uses every parse, extraction and derived table)
  next    the next day, nothing new to read
  serial  the first day once more, into another file, by one process (workers = 1)
It prints each run's time, documents per second and slowest steps, then the ratios: parallel
against one worker, same day again and next day against the first run. Peak memory is that of the
run's process and its worker processes together (proportional set size, so pages a forked worker
shares with its parent count once), sampled every 50 ms, overall and per step.

Timings on a shared machine are noisy: compare the ratios of one invocation, not absolute times
across invocations. Each run also prints the CPU time it used (this process and its workers) and
the machine's load average: a parallel run that kept fewer than two cores busy was competing with
other work, and its speed-up says more about the machine than about the code.
The benchmark needs no test tools (no pytest).
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import re
import resource
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # runnable without install

from pipelines import settings  # noqa: E402

# The benchmark's days are fixed; daily partitions begin at the first day a database has data for (today, on the
# fresh files used here), so they are set to begin at the benchmark's first day (inherited by the run processes).
os.environ.setdefault(settings.FIRST_DAY_ENV, "2025-11-05")

import dagster as dg  # noqa: E402

from pipelines import warehouse  # noqa: E402
from pipelines.parallel import available_cores  # noqa: E402
from pipelines.resources import ParallelismResource  # noqa: E402
from pipelines.runs import run_daily_job  # noqa: E402

FIRST_DAY, NEXT_DAY = "2025-11-05", "2025-11-06"
RUNS = ("first", "again", "next", "serial")

# Our own boilerplate around a real article: what a news site wraps its paragraphs in.
PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Rechenwerk Nachrichten</title>
<link rel="canonical" href="{url}"><meta property="og:site_name" content="Rechenwerk Nachrichten">
<meta property="article:published_time" content="2025-11-04T08:00:00+01:00"></head>
<body><header><a href="/">Rechenwerk Nachrichten</a><nav><ul><li><a href="/ki">KI</a></li>
<li><a href="/cloud">Cloud</a></li><li><a href="/chips">Chips</a></li><li><a href="/abo">Abo</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">Von der Redaktion, Ausgabe {copy}</p>
{paragraphs}
<aside><h3>Mehr zum Thema</h3><ul><li><a href="/a/1">Strompreise im Rechenzentrum</a></li>
<li><a href="/a/2">Neue Kühltechnik für Serverhallen</a></li><li><a href="/a/3">Wer baut die nächste Fabrik</a></li></ul></aside>
</article>
<section class="comments"><h3>Kommentare</h3><p>Leser 12: Das wird teuer.</p><p>Leserin 7: Abwarten.</p></section>
</main><footer><p>Impressum · Datenschutz · Kontakt</p><p>© Rechenwerk Nachrichten</p></footer></body></html>
"""


def build_corpus(folder: Path, copies: int, corpus: Path | None) -> tuple[Path, int]:
    """Write the benchmark's sources (a folder of pages and a jsonl file) and return the sources file
    and the number of documents."""
    press = folder / "press"
    press.mkdir(parents=True)
    n_documents = 0
    with (folder / "wire.jsonl").open("w", encoding="utf-8") as wire:
        if corpus is None:
            n_documents = _copy_sample(press, wire, copies)
        else:
            n_documents = _copy_corpus(corpus, press, wire, copies)
    sources = folder / "sources.yaml"
    sources.write_text("sources:\n  - {name: bench-press, kind: directory, path: press}\n"
                       "  - {name: bench-wire, kind: jsonl, path: wire.jsonl}\n", encoding="utf-8")
    return sources, n_documents


def _copy_sample(press: Path, wire, copies: int) -> int:
    pages = sorted((ROOT / "samples" / "press").glob("*.html"))
    items = [json.loads(line) for line in (ROOT / "samples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    for copy in range(copies):
        for page in pages:
            text = page.read_text(encoding="utf-8")
            text = re.sub(r'(rel="canonical" href="[^"]+)"', rf'\1?copy={copy}"', text)
            text = text.replace("</article>", f"<p>Archivnummer {copy}-{page.stem}.</p></article>", 1)
            (press / f"{page.stem}-{copy}.html").write_text(text, encoding="utf-8")
        for item in items:
            wire.write(json.dumps({**item, "id": f"{item['id']}-{copy}", "text": item["text"] + f"\nArchiv {copy}."},
                                  ensure_ascii=False) + "\n")
    return copies * (len(pages) + len(items))


def _copy_corpus(corpus: Path, press: Path, wire, copies: int) -> int:
    articles = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    n_documents = 0
    for copy in range(copies):
        for index, article in enumerate(articles):
            key = f"{article.get('id') or index}-{copy}"
            text = f"{article['text']}\n\nArchiv {key}."
            url = f"{article.get('url') or 'https://example.org/' + key}?copy={copy}"
            if index % 2 == 0:
                paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
                page = PAGE.format(lang=article.get("lang") or "de", title=html.escape(article.get("title") or key),
                                   url=html.escape(url), copy=copy, paragraphs=paragraphs)
                (press / f"{re.sub(r'[^A-Za-z0-9_-]', '_', key)}.html").write_text(page, encoding="utf-8")
            else:
                wire.write(json.dumps({"id": key, "lang": article.get("lang"), "url": url,
                                       "published": article.get("published"), "title": article.get("title"),
                                       "text": text}, ensure_ascii=False) + "\n")
            n_documents += 1
    return n_documents


class TreeMemory:
    """Peak memory of this process and its descendants together (Linux /proc), sampled: the sum of
    their proportional set sizes (PSS), so pages a forked worker shares with its parent count once."""

    def __init__(self, root: int | None = None, interval_s: float = 0.05) -> None:
        self.root, self.interval_s, self.peak_bytes = root or os.getpid(), interval_s, 0
        self.samples: list[tuple[float, int]] = []  # (time.time(), bytes)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self.available = Path("/proc/self/status").exists()

    def __enter__(self) -> TreeMemory:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = sum(_pss_bytes(pid) for pid in _tree(self.root))
            self.peak_bytes = max(self.peak_bytes, total)
            self.samples.append((time.time(), total))
            self._stop.wait(self.interval_s)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:  # kernels without smaps_rollup: resident pages, shared ones counted in every process
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


@dataclass
class Measured:
    label: str
    seconds: float
    steps: dict[str, float]
    peak_mb: float
    cpu_seconds: float      # the run's process (its start-up included) and its workers
    load: tuple[float, float]  # the machine's 1-minute load average before and after the run
    step_peak_mb: dict[str, float]  # peak memory while each step ran


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _run_in_child(database: Path, day: str, sources: Path, workers: int, batch_size: int, answer) -> None:
    """One daily run in a fresh process, as a scheduled run is: what it sends back is its outcome,
    its time, and when each step started and ended (the parent measures the memory)."""
    parallelism = ParallelismResource(workers=workers, batch_size=batch_size)
    instance = dg.DagsterInstance.ephemeral()
    start = time.perf_counter()
    result = run_daily_job(database, day, sources, parallelism=parallelism, instance=instance)
    seconds = time.perf_counter() - start
    windows, starts = {}, {}
    for entry in instance.all_logs(result.run_id):
        event = entry.dagster_event
        if event is None or not entry.step_key:
            continue
        if event.event_type_value == "STEP_START":
            starts[entry.step_key] = entry.timestamp
        elif event.event_type_value == "STEP_SUCCESS" and entry.step_key in starts:
            windows[entry.step_key] = (starts[entry.step_key], entry.timestamp)
    steps = {event.step_key: event.event_specific_data.duration_ms / 1000
             for event in result.all_events if event.event_type_value == "STEP_SUCCESS"}
    answer.send((result.success, seconds, steps, windows))
    answer.close()


def timed_run(label: str, database: Path, day: str, sources: Path, workers: int, batch_size: int,
              n_documents: int) -> Measured:
    """The run in a child process (its memory starts fresh), measured from here: time, CPU time of
    the child and its workers, and the memory of the whole process tree."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run_in_child, args=(database, day, sources, workers, batch_size, send))
    load_before, cpu_before, started = os.getloadavg()[0], _cpu_seconds(), time.perf_counter()
    child.start()
    send.close()
    with TreeMemory(root=child.pid) as memory:
        try:
            success, seconds, steps, windows = receive.recv()
        except EOFError:
            success, seconds, steps, windows = False, 0.0, {}, {}
        child.join()
    lifetime = time.perf_counter() - started
    if not success or child.exitcode != 0:
        sys.exit(f"{label}: the run failed (exit code {child.exitcode})")
    peaks = {step: max((size for when, size in memory.samples if begin <= when <= end), default=0) / 1e6
             for step, (begin, end) in windows.items()}
    measured = Measured(label, seconds, steps, memory.peak_bytes / 1e6, _cpu_seconds() - cpu_before,
                        (load_before, os.getloadavg()[0]), peaks)
    print(f"{label}: {n_documents} documents in {seconds:.1f} s = {n_documents / seconds:.1f} documents/s, "
          f"peak memory {measured.peak_mb:.0f} MB; CPU {measured.cpu_seconds:.1f} s in a process that lived "
          f"{lifetime:.1f} s (start-up included) = {measured.cpu_seconds / lifetime:.2f} cores busy; "
          f"machine load {load_before:.1f} → {measured.load[1]:.1f}")
    for step, step_s in sorted(measured.steps.items(), key=lambda item: -item[1])[:6]:
        print(f"    {step:<40} {step_s:7.2f} s   peak {measured.step_peak_mb.get(step, 0):5.0f} MB")
    sys.stdout.flush()
    return measured


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="jsonl of articles (id, lang, url, title, text); "
                        "default: the bundled sample")
    parser.add_argument("--copies", type=int, default=20, help="copies of each document, made distinct")
    parser.add_argument("--workers", type=int, default=0, help="worker processes of the parallel runs (0: one per core)")
    parser.add_argument("--batch-size", type=int, default=500, help="documents per batch")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"which runs, comma-separated, of {', '.join(RUNS)}")
    parser.add_argument("--keep", type=Path, help="copy the first run's DuckDB file here")
    args = parser.parse_args(argv)
    runs = [run.strip() for run in args.runs.split(",") if run.strip()]
    unknown = set(runs) - set(RUNS)
    if unknown:
        parser.error(f"unknown runs: {', '.join(sorted(unknown))}")
    if {"again", "next"} & set(runs) and "first" not in runs:
        parser.error("the runs 'again' and 'next' need 'first'")

    workers = args.workers or available_cores()
    with tempfile.TemporaryDirectory(prefix="compute-deals-bench-") as tmp:
        folder = Path(tmp)
        sources, n_documents = build_corpus(folder / "corpus", args.copies, args.corpus)
        print(f"corpus: {n_documents} documents ({args.corpus or 'bundled sample'} × {args.copies}); "
              f"{workers} workers on {available_cores()} available cores; batches of {args.batch_size}")
        database, serial_database = folder / "bench.duckdb", folder / "serial.duckdb"
        measured: dict[str, Measured] = {}
        plan = {
            "first": ("first day", database, FIRST_DAY, workers),
            "again": ("same day again, nothing changed", database, FIRST_DAY, workers),
            "next": ("next day, nothing new to read", database, NEXT_DAY, workers),
            "serial": ("first day, one worker", serial_database, FIRST_DAY, 1),
        }
        for run in RUNS:
            if run in runs:
                label, db, day, n_workers = plan[run]
                measured[run] = timed_run(label, db, day, sources, n_workers, args.batch_size, n_documents)

        if database.exists():
            with warehouse.connect(database, read_only=True) as con:
                counts = warehouse.table_counts(con)
            print(f"rows: articles {counts['articles']}, deal_mentions {counts['deal_mentions']}, "
                  f"investment_mentions {counts['investment_mentions']}, deals {counts['deals']}")
            print(f"DuckDB file: {database.stat().st_size / 1e6:.1f} MB "
                  f"({database.stat().st_size / 1e3 / max(n_documents, 1):.1f} kB per document)")
            if args.keep:
                args.keep.write_bytes(database.read_bytes())
        print(f"largest single process of all runs (max RSS): "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
        _print_ratios(measured)


def _print_ratios(measured: dict[str, Measured]) -> None:
    print("ratios (same invocation):")
    first = measured.get("first")
    if first and "serial" in measured:
        serial = measured["serial"]
        print(f"    parallel vs one worker, whole run:      {serial.seconds / first.seconds:.2f} × faster "
              f"({serial.seconds:.1f} s → {first.seconds:.1f} s)")
        parallel_steps = {"articles", "mentions"}
        one = sum(s for step, s in serial.steps.items() if step in parallel_steps)
        many = sum(s for step, s in first.steps.items() if step in parallel_steps)
        if many:
            print(f"    parallel vs one worker, parse+extract:  {one / many:.2f} × faster ({one:.1f} s → {many:.1f} s)")
    for run, label in (("again", "same day again / first run:       "), ("next", "next day, nothing new / first run:")):
        if first and run in measured:
            print(f"    {label}       {measured[run].seconds / first.seconds:.1%} of the time, "
                  f"{measured[run].cpu_seconds / first.cpu_seconds:.1%} of the CPU time (process start-up included)")


if __name__ == "__main__":
    main()
