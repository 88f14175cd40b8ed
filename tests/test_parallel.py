"""The worker pool of the parse and extract steps: same results as one process, in order, errors surfaced."""

import os

import pytest

from pipelines.parallel import PoolSettings, StartMethod, WorkerDiedError, available_cores, batched, map_batches


def square(number: int) -> tuple[int, int]:
    return number, number * number


def fail_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven is not allowed")
    return number


def die_on_seven(number: int) -> int:
    if number == 7:
        os._exit(3)  # as the kernel's OOM killer or a segfault in native code would end it
    return number


def worker_pid(_: int) -> int:
    return os.getpid()


def test_batches_are_cut_in_order_with_a_short_last_one():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []


@pytest.mark.parametrize("workers, start_method", [(1, None), (2, StartMethod.FORK), (2, StartMethod.SPAWN)])
def test_results_come_back_per_batch_in_input_order(workers, start_method):
    batches = list(batched(range(50), 9))
    results = list(map_batches(square, iter(batches), workers=workers, start_method=start_method))
    assert results == [[square(n) for n in batch] for batch in batches]


def test_work_runs_in_other_processes_when_there_are_workers():
    pids = {pid for batch in map_batches(worker_pid, batched(range(40), 10), workers=2) for pid in batch}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    serial = {pid for batch in map_batches(worker_pid, batched(range(5), 10), workers=1) for pid in batch}
    assert serial == {os.getpid()}


def test_batches_are_read_lazily_one_ahead_of_the_results():
    read = []

    def batches():
        for index in range(4):
            read.append(index)
            yield [index]

    results = map_batches(square, batches(), workers=2)
    assert next(results) == [(0, 0)]
    assert read == [0, 1]  # batch 1 was handed to the workers before batch 0's results came back
    assert list(results) == [[(1, 1)], [(2, 4)], [(3, 9)]]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_a_worker_is_raised_in_the_step(workers):
    with pytest.raises(ValueError, match="seven is not allowed"):
        list(map_batches(fail_on_seven, batched(range(10), 4), workers=workers))


def test_a_dead_worker_stops_the_step_with_a_clear_error():
    with pytest.raises(WorkerDiedError, match="worker process died"):
        list(map_batches(die_on_seven, batched(range(10), 4), workers=2))


def test_small_days_run_in_the_steps_own_process():
    settings = PoolSettings(workers=4, serial_below=64)
    assert settings.workers_for(10) == 1
    assert settings.workers_for(64) == 4
    assert PoolSettings(workers=4, serial_below=0).workers_for(3) == 3  # never more workers than documents
    assert PoolSettings(workers=0, serial_below=0).workers_for(1000) == available_cores()
    assert PoolSettings(workers=1, serial_below=0).workers_for(1000) == 1


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="workers"):
        PoolSettings(workers=-1)
    with pytest.raises(ValueError, match="batch_size"):
        PoolSettings(batch_size=0)
