"""The one process-pool helper that the parse pool and the entity pool share (reader/runtime/pool.py)."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

from reader.runtime.pool import POOL_FAILURES, start_pool, stop_pool, workers_for


def test_workers_for_takes_the_callers_count_else_the_idle_cpus() -> None:
    assert workers_for(3) == 3
    assert workers_for(1) == 1
    assert 1 <= workers_for(None) <= 8


def test_a_pool_runs_work_in_another_process_and_stops() -> None:
    pool = start_pool(1)
    try:
        assert pool.submit(os.getpid).result(timeout=120) != os.getpid()
    finally:
        stop_pool(pool, wait=True)


def test_a_broken_pool_is_a_failure_the_callers_finish_after() -> None:
    assert isinstance(BrokenProcessPool("a worker died"), POOL_FAILURES)
    assert isinstance(PermissionError("no processes here"), POOL_FAILURES)
