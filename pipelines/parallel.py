"""Per-document work across every core: a pool of long-lived worker processes, fed batch by batch.

No Dagster and no DuckDB here. The parse and extract steps read a batch of documents, hand it to
`map_batches`, write the results, and read the next batch; the database stays in the step's own
process (DuckDB allows one writer), only pure functions of one document run in the workers.

- Workers live for the whole step, not per document: a worker imports the parser (or loads the
  extractor's model) once and then serves every batch.
- At most two batches are in flight: while the workers parse batch k+1, the step writes the
  results of batch k. Memory holds two batches, however large the day or the history.
- Workers are forked where the platform can (Linux): they start in milliseconds with the parser
  and extractor already imported. `spawn` (the default elsewhere, and a setting) starts a fresh
  interpreter per worker, which re-imports the program's main module: 2-3 s per pool under a
  Dagster step on a busy machine, but safe when the step process runs native threads that hold
  locks (a model runtime loaded in the step process, say). Forked workers only run pure Python
  and native parsing code and leave by `os._exit`, so they never touch the step's DuckDB
  connection or its threads.
- Days too small to pay for starting workers run in the step's own process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items per task sent to a worker: large enough that pickling is not the cost, small enough that
# both workers get an even share of a batch.
_MAX_CHUNK = 32


class StartMethod(str, Enum):
    """How worker processes start (see the module docstring)."""

    FORK = "fork"
    SPAWN = "spawn"
    FORKSERVER = "forkserver"

    @classmethod
    def default(cls) -> StartMethod:
        return cls.FORK if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" \
            and os.uname().sysname == "Linux" else cls.SPAWN


def available_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # macOS has no sched_getaffinity
        return max(os.cpu_count() or 1, 1)


@dataclass(frozen=True)
class PoolSettings:
    """How a step spreads per-document work.

    workers: processes; 0 means one per available core, 1 means no pool (the step's own process).
    batch_size: documents read, processed and written at a time; bounds memory.
    serial_below: a step with fewer documents than this runs in its own process.
    start_method: how workers start; None: fork on Linux, spawn elsewhere.
    """

    workers: int = 0
    batch_size: int = 500
    serial_below: int = 64
    start_method: StartMethod | None = None

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise ValueError(f"workers must be 0 (one per core) or more, got {self.workers}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.serial_below < 0:
            raise ValueError(f"serial_below must be 0 or more, got {self.serial_below}")

    def workers_for(self, n_items: int) -> int:
        """Processes worth starting for `n_items` documents (1: none, work in this process)."""
        workers = self.workers or available_cores()
        if n_items < max(self.serial_below, 2):
            return 1
        return max(1, min(workers, n_items))


class WorkerDiedError(RuntimeError):
    """A worker process ended without an answer (killed for memory, or a crash in native code)."""


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_batches(func: Callable[[T], R], batches: Iterable[Sequence[T]], *, workers: int,
                start_method: StartMethod | None = None,
                initializer: Callable[[], None] | None = None) -> Iterator[list[R]]:
    """`[func(item) for item in batch]` for each batch, in order, computed by `workers` processes.

    `func` (and `initializer`) must be importable module-level functions; `batches` is consumed
    lazily, one batch ahead of the results handed out. An exception raised by `func` is raised
    here with the worker's traceback attached.
    """
    if workers <= 1:
        if initializer is not None:
            initializer()
        for batch in batches:
            yield [func(item) for item in batch]
        return

    method = (start_method or StartMethod.default()).value
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                   initializer=initializer)
    try:
        pending: list[Future] | None = None
        for batch in batches:
            submitted = [executor.submit(_apply, func, chunk) for chunk in _chunks(batch, workers)]
            if pending is not None:
                yield _collect(pending)
            pending = submitted
        if pending is not None:
            yield _collect(pending)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _chunks(batch: Sequence[T], workers: int) -> Iterator[Sequence[T]]:
    # Four tasks per worker per batch: a worker that drew slow documents does not hold up the rest.
    size = max(1, min(_MAX_CHUNK, -(-len(batch) // (workers * 4))))
    for start in range(0, len(batch), size):
        yield batch[start:start + size]


def _apply(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(item) for item in chunk]


def _collect(futures: list[Future]) -> list[R]:
    results: list[R] = []
    try:
        for future in futures:
            results.extend(future.result())
    except BrokenProcessPool as error:
        raise WorkerDiedError(
            "a worker process died without an answer (out of memory, or a crash in a native library); "
            "nothing of this step was written. Re-run with fewer workers or a smaller batch_size."
        ) from error
    return results
