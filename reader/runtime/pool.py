"""The app's process pools (the parse pool in ``reader.formats.parse_pool``, the entity pool in
``reader.library.tagging``): how many workers, how a pool starts, what breaking it looks like and
how it stops.

Workers are started with "spawn", not "fork": both pools are driven from a GUI's worker thread,
and forking a process that runs threads (Qt's among them) can deadlock the child. Every worker
runs ``reader.runtime.workers.init_worker`` first (or an initializer that calls it), so none
outlives the process that started it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from reader.runtime.workers import init_worker, worker_args

# What a pool raises when a worker died or could not start (out of memory, a sandbox that forbids
# processes): the caller finishes the work in its own process instead.
POOL_FAILURES: tuple[type[Exception], ...] = (BrokenProcessPool, OSError)


def idle_cpus() -> int:
    """CPUs not already busy (CPU count minus the 1-minute load average), from 1 to 8.

    A process pool only pays when it gets cores of its own: on a 2-core machine already running
    two busy processes, bench_formats.py measured the pool 1.4x slower than one process (pickling
    and starting workers, with no spare core to win it back).
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        load = 0.0
    # whole busy cores only: a load of 0.6 (an editor, a browser tab) leaves both cores free
    return max(1, min(8, (cpus or 1) - int(load)))


def workers_for(workers: int | None) -> int:
    """The caller's worker count, or one per idle CPU when it names none."""
    return workers if workers is not None else idle_cpus()


def start_pool(
    workers: int,
    *,
    initializer: Callable[[int | None, int], None] = init_worker,
    niceness: int = 0,
) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes, each set up by ``initializer(parent pid,
    niceness)`` (``init_worker``, or a function that calls it and then loads what it needs)."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=worker_args(niceness),
    )


def stop_pool(executor: ProcessPoolExecutor, *, wait: bool) -> None:
    """Shut ``executor`` down, dropping work not yet started. ``wait``: join the workers (a
    finished run, so no process outlives it); without it a chunk still running is abandoned to
    its worker, so a Cancel never waits for it."""
    executor.shutdown(wait=wait, cancel_futures=True)
