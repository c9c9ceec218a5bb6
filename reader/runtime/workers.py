"""The set-up every worker process of the app runs first (the pools of ``reader.runtime.pool``:
the parse pool in ``reader.formats.parse_pool``, the entity pool in ``reader.library.tagging``):
``init_worker``, as the pool's initializer with ``initargs=worker_args()``.

A worker must not outlive the process that started it. A pool's workers hold both ends of its
queues, so a worker whose parent was killed never reads an end of input: it waits for the next task
for ever, with its memory (the entity model: ~150 MB a worker), and multiprocessing's resource
tracker, which ignores SIGTERM by design, waits for it. On Linux the kernel ends the worker when
its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread of the worker waits for the
parent's end and exits then. Once the workers are gone the tracker exits too, and unlinks the
pool's named semaphores: nothing is left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def worker_args(niceness: int = 0) -> tuple[int, int]:
    """``initargs`` for ``init_worker``, called in the process that starts the pool."""
    return os.getpid(), niceness


def init_worker(parent_pid: int | None, niceness: int = 0) -> None:
    """Make this worker end with its parent (``parent_pid``; None: run outside a pool, nothing to
    end with), answer SIGTERM, and lower its priority by ``niceness`` (best effort)."""
    _default_sigterm()
    if parent_pid is not None:
        _end_with_parent(parent_pid)
    if niceness and hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # a refusal changes nothing else
            os.nice(niceness)


def _default_sigterm() -> None:
    # A disposition set to "ignore" survives exec: a worker of an app started with SIGTERM
    # ignored (or blocked) would ignore it too, and could not be stopped politely.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _end_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux") and _parent_death_signal(signal.SIGKILL):
        # the parent may have died before the signal was armed: this worker is then an orphan
        # already, adopted by another process
        if os.getppid() != parent_pid:
            os._exit(1)
        return
    watch_parent()


def _parent_death_signal(sig: int) -> bool:
    """Ask the kernel for ``sig`` when the parent ends; False when it cannot be asked.

    The kernel's "parent" is the thread that started this process: both pools start their
    workers from the thread that uses them, and shut them down before it ends."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def watch_parent() -> bool:
    """Exit this process as soon as its multiprocessing parent ends (a daemon thread waits on the
    parent's sentinel, which becomes ready when the parent's end of the pipe closes). False
    when this process was not started by multiprocessing."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return False
    sentinel = parent.sentinel

    def wait_for_parent() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=wait_for_parent, name="parent-watch", daemon=True).start()
    return True
