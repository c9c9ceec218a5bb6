"""The one helper that runs slow work (loading a folder, finding entities) off the GUI thread.

A ``Task`` wraps a plain function ``job(hooks) -> result``. The function runs in a QThread and
must never touch a widget: it reports through ``hooks`` (progress, batches of articles, the stop
flag), and those calls become signals that Qt delivers on the GUI thread (the emitting thread is
not the receiver's, so the connection is queued). Cancelling sets a flag the job checks; a
cancelled job ends with ``cancelled`` and never ``finished``, so the window keeps what it had and
no half-loaded state is shown as done.

Progress is throttled here (at most every 50 ms, plus the last report of each stage) so a job
that reports often cannot flood the GUI thread's event queue.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from reader.library.library import LoadCancelled, LoadProgress

_PROGRESS_INTERVAL_S = 0.05


@dataclass(slots=True)
class TaskHooks:
    """What a job may call from its thread."""

    progress: Callable[[LoadProgress], None]
    batch: Callable[[list[Any]], None]
    should_stop: Callable[[], bool]


class _Thread(QThread):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run_job()


class Task(QObject):
    progress = Signal(object)  # LoadProgress
    batch = Signal(object)  # list[Article]
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message for the user
    cancelled = Signal()
    done = Signal()  # after any of finished / failed / cancelled

    def __init__(self, job: Callable[[TaskHooks], object], name: str = "task") -> None:
        super().__init__()
        self.name = name
        self._job = job
        self._stop = threading.Event()
        self._thread = _Thread(self)
        self._last_progress = 0.0
        self._last_stage = ""

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (True) or the time ran out (False)."""
        return self._thread.wait(msecs)

    # ---- inside the worker thread
    def _report(self, progress: LoadProgress) -> None:
        now = time.monotonic()
        last_of_stage = progress.done >= progress.total
        if (
            progress.stage != self._last_stage
            or last_of_stage
            or now - self._last_progress >= _PROGRESS_INTERVAL_S
        ):
            self._last_progress, self._last_stage = now, progress.stage
            self.progress.emit(progress)

    def _run_job(self) -> None:
        hooks = TaskHooks(
            progress=self._report,
            batch=lambda items: self.batch.emit(list(items)),
            should_stop=self._stop.is_set,
        )
        try:
            result = self._job(hooks)
        except LoadCancelled:
            self.cancelled.emit()
        except Exception as exc:
            traceback.print_exc()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(result)
        self.done.emit()
