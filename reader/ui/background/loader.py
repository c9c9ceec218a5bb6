"""Opening a folder in two background stages, so the list is usable before entities are found.

Stage 1 reads and indexes the folder without entities (``load_library(entities=False)``); its
batches fill the list while files are still being parsed. Stage 2 (``with_entities``, tagging in
worker processes only) gives every article its spans and derives a new index; the window swaps
the new Library in when it is ready. Only the newest request counts: opening another folder
cancels the running task, and signals of a task that is no longer current are dropped, so a slow
old load can never overwrite a newer folder.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from reader.index import Filters
from reader.library.library import Library, LoadProgress, load_library, with_entities
from reader.library.loading import gc_paused
from reader.ui.background.worker import Task, TaskHooks

# the longest a load waits at its ``scan_gate`` (a watch that never says it is ready must not
# keep the folder from opening)
SCAN_GATE_TIMEOUT = 30.0

# How long a thread running Python may keep the GIL from one that waits for it (CPython's
# default: 5 ms). The GUI thread lets the GIL go on every call into Qt and waits to get it back;
# while a load runs Python on its thread, each of those waits could last the whole interval, and
# a slot making a few dozen Qt calls took tens of ms longer. 1 ms shortens the turn that shows a
# loaded folder (figures in docs/PERFORMANCE.md, "GUI stalls").
GIL_SWITCH_INTERVAL_S = 0.001

# A big folder's entity stage waits this long before it starts, so the window paints the loaded
# folder without this thread taking the GIL from it (docs/PERFORMANCE.md, "GUI stalls").
SHOW_FIRST_ARTICLES = 20_000
SHOW_FIRST_S = 0.3

FirstSearch = tuple[str, Filters | None, dict[str, object]]


class FolderLoader(QObject):
    # the folder as a Python str: Signal(str) goes through QString, which drops the lone
    # surrogates of a path that is not UTF-8 and so names another folder
    started = Signal(object)
    progress = Signal(object)  # LoadProgress
    batch = Signal(object)  # list[Article], while stage 1 parses
    loaded = Signal(object)  # Library without entities (searchable)
    entities_ready = Signal(object)  # Library with entities
    failed = Signal(str)
    cancelled = Signal()
    idle = Signal()  # no task is running any more (after loaded+entities, failure or cancel)

    def __init__(
        self, parent: QObject | None = None, *, entities: bool = True, use_cache: bool = True
    ) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > GIL_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self.entities = entities
        # False for `main.py --no-cache`: every file is read again and the disk cache is left alone
        self.use_cache = use_cache
        self._task: Task | None = None
        # every task whose thread may still run, kept referenced until joined in _reap
        self._live: list[Task] = []
        self.folder: Path | None = None
        # called when a load starts (after ``started``): an event the load waits for before it
        # scans (the window's watch of the folder being placed), or None
        self.scan_gate: Callable[[], threading.Event | None] | None = None
        # the (query, filters, options) the window will search the loaded library with: run on
        # the loading thread (``Library.prime_search``), so the GUI thread does not
        self.first_search: Callable[[], FirstSearch] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.is_running()

    def open(self, folder: Path) -> None:
        self.cancel()
        self.folder = Path(folder)
        root = self.folder

        def job(hooks: TaskHooks) -> Library:
            def batch(articles: list) -> None:
                hooks.batch(articles)
                gc.freeze()

            if gate is not None:
                gate.wait(SCAN_GATE_TIMEOUT)
            # the collector stays off until the loaded objects are frozen: switched back on in
            # between, its first full pass walked all of them (76 ms at 100,000 articles, with
            # the GIL held: a GUI stall)
            with gc_paused():
                library = load_library(
                    root,
                    progress=hooks.progress,
                    should_stop=hooks.should_stop,
                    on_batch=batch,
                    entities=False,
                    use_cache=self.use_cache,
                )
                return _warmed(library, first)

        # ``started`` first: the window starts following the folder before the scan begins, so
        # a file written while the folder is read is never missed (see live_folder.py)
        self.started.emit(str(root))
        gate = self.scan_gate() if self.scan_gate is not None else None
        first = self._first_search()  # after ``started``: the window has set up the new folder
        self._run(Task(job, "load"), self._on_loaded)

    def _run(self, task: Task, on_finished: object) -> None:
        self._task = task
        self._live.append(task)
        task.progress.connect(lambda p, t=task: self._forward(t, self.progress, p))
        task.batch.connect(lambda b, t=task: self._forward(t, self.batch, b))
        task.finished.connect(lambda r, t=task: self._finished(t, r, on_finished))
        task.failed.connect(lambda m, t=task: self._end(t, self.failed, m))
        task.cancelled.connect(lambda t=task: self._end(t, self.cancelled))
        task.done.connect(lambda t=task: self._reap(t))
        task.start()

    def _finished(self, task: Task, result: object, on_finished: object) -> None:
        if self._current(task):
            on_finished(result)  # type: ignore[operator]
        elif task is self._task:
            # the job completed just as Cancel was pressed: honour the cancel, drop the result
            self._end(task, self.cancelled)

    def _current(self, task: Task) -> bool:
        return task is self._task and not task.cancel_requested

    def _forward(self, task: Task, signal: SignalInstance, value: object) -> None:
        if self._current(task):
            signal.emit(value)

    def _end(self, task: Task, signal: SignalInstance, *value: object) -> None:
        if task is self._task:
            self._task = None
            signal.emit(*value)
            self.idle.emit()

    def _on_loaded(self, library: Library) -> None:
        self.loaded.emit(library)
        # a folder whose spans all came from the disk cache has its entities already
        if not self.entities or not library.articles or library.has_entities:
            self._task = None
            self.idle.emit()
            return

        # The window applies live folder changes to ``library`` while this stage runs; the stage
        # works on a copy of its dicts taken now, so the new Library's files always describe its
        # own articles (the window re-applies the changes to it when it is swapped in).
        base = dataclasses.replace(
            library,
            articles=dict(library.articles),
            files=dict(library.files),
            problems=list(library.problems),
            notes=list(library.notes),
            stats=dict(library.stats),
        )

        def job(hooks: TaskHooks) -> Library:
            if len(base.articles) >= SHOW_FIRST_ARTICLES:
                time.sleep(SHOW_FIRST_S)
            # in worker processes only: tagging in this thread would hold the GIL for long
            # stretches (reader.library.tagging)
            with gc_paused():
                tagged = with_entities(
                    base,
                    progress=hooks.progress,
                    should_stop=hooks.should_stop,
                    workers_only=True,
                )
                if tagged.entity_status is not None:
                    return tagged  # no recogniser: the loaded library stays, with the reason
                return _warmed(tagged, first)

        first = self._first_search()
        self._run(Task(job, "entities"), lambda result: self._on_entities(library, result))

    def _on_entities(self, loaded: Library, library: Library) -> None:
        self._task = None
        if library.entity_status is not None:
            # the recogniser is missing: keep the library in use (it may hold live changes made
            # since it was loaded), only say why there are no entities
            loaded.entity_status = library.entity_status
            library = loaded
        self.entities_ready.emit(library)
        self.idle.emit()

    def _first_search(self) -> FirstSearch:
        return self.first_search() if self.first_search is not None else ("", None, {})

    def _reap(self, task: Task) -> None:
        # the thread has left run(); join it so no QThread is destroyed while running
        task.wait()
        if task in self._live:
            self._live.remove(task)

    def cancel(self) -> None:
        """Stop the running task; its results are dropped. ``cancelled`` follows when it stops."""
        if self._task is not None:
            self._task.cancel()

    def shutdown(self, msecs: int = 30_000) -> None:
        """Cancel and join every thread (window close, tests)."""
        self._task = None
        for task in self._live:
            task.cancel()
        for task in self._live:
            task.wait(msecs)
        self._live.clear()

    def running_tasks(self) -> int:
        return sum(1 for t in self._live if t.is_running())


def _warmed(library: Library, first: FirstSearch) -> Library:
    """The library after the window's first search here, in the worker thread: the index
    finishes its lazy structures on the first search (1.5 s for 31,000 articles, measured), which
    must not happen on the GUI thread when the window shows the result, and the answer waits for
    the window's identical search (``Library.prime_search``).

    Then its objects are moved out of the garbage collector's sight (``gc.freeze``): a full
    collection walks every tracked object, a second or more with a large folder loaded, and it
    stops every thread, the event loop included. Articles, spans and index entries hold no
    reference cycles, so they are still freed by reference counting when a folder is closed.
    """
    query, filters, options = first
    library.prime_search(query, filters, **options)
    if any(a.related for a in library.articles.values()):
        library.title_links()  # the reading pane's "read also" links (~70 ms at 100,000 articles)
    gc.freeze()
    return library


def progress_fraction(progress: LoadProgress) -> float:
    return progress.done / progress.total if progress.total else 0.0
