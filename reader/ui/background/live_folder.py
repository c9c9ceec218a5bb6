"""The window follows its folder: files written, changed, renamed or deleted show up by themselves.

``reader.library.watch.FolderWatcher`` (watchdog; its docstring says why not QFileSystemWatcher) reports
coalesced bursts on its own thread; here they only cross to the GUI thread (a queued signal) and
are queued as relative paths. The work is split so the event loop never waits long:

1. **prepare** (a ``Task`` thread): ``reader.library.live.prepare_changes`` reads and parses the files
   through the cache into plain data. It touches no library state; the tag pass gets a snapshot
   of the articles taken on the GUI thread.
2. **commit** (GUI thread, in slices): ``reader.library.live.Commit`` removes and adds articles in the
   index and the library, a slice per event-loop turn (``SLICE_SECONDS``), then ``applied``
   is emitted once and the session searches again (list, facets, timeline, counts).
3. **entities**, when the library has them: the new articles are listed and searchable first,
   then tagged in worker processes (``reader.library.library.tag_articles``, off the GIL; spans taken
   from and stored in the cache by file) and their spans committed in slices
   (``entities_applied``).

4. **compaction**, when removals left most of the index dead (``Index.needs_compaction``; a
   commit here never compacts inline: it would re-index every live article in one slice, ~15 s
   at 100,000): once nothing else waits or runs, ``reader.library.compaction.Compaction`` lists the live
   articles on the GUI thread and a ``Task`` builds a fresh index of them; it is swapped in on
   the GUI thread only if the index did not change meanwhile (else dropped, and tried again
   when the folder is quiet; a round that starts cancels it), then ``applied`` is emitted with
   an empty ``ChangeSet`` so the session searches again exactly as after a round.

Reading runs one round at a time (bursts that arrive meanwhile go together into the next
round); tagging runs in a lane of its own behind it, so new files never wait for entities; the
commits of both lanes share one slice loop and never interleave.

Loading swaps libraries under us (the searchable one, then the one with entities, built from a
snapshot of the first), so every path touched since the watch started is recorded while a load
runs and applied again to each library installed (applying is idempotent: files are read as they
are now). A swap drops the work in flight for the old library.

The watch is started by ``ui.live_watch``; the jobs of stages 3 and 4 are made by
``ui.live_tasks``; renames are paired by ``reader.library.renames``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from reader.library.library import ChangeSet, Library
from reader.library.live import Commit, PreparedChanges, SpanCommit, prepare_changes
from reader.library.renames import RenameMemory
from reader.library.watch import FolderWatcher
from reader.model import Article
from reader.ui.background.live_tasks import LiveCompaction, tagging_job
from reader.ui.background.live_watch import start_watching
from reader.ui.background.worker import Task, TaskHooks

# the longest a commit slice may hold the GUI thread (Index.add is ~0.3 ms per article, so this
# is ~50 articles; the 100 ms stall budget leaves room for the re-search and repaint after it)
SLICE_SECONDS = 0.015
# quiet time that closes a burst (reader.library.watch), and the longest a burst is held back
WATCH_WINDOW = 0.3
WATCH_MAX_DELAY = 1.0
# how long an unpaired removal or addition may still turn out to be half of a rename
RENAME_MEMORY_S = 10.0


class LiveFolder(QObject):
    # emitted on the watcher's thread; connected queued, so handled on the GUI thread
    _burst = Signal(object, object)  # (root, frozenset of relative paths)
    _watch_failed = Signal(object, str)  # (watcher, why): it could not start
    # ChangeSet: a round of changes is in the library (empty: the index was compacted, the
    # articles are the same)
    applied = Signal(object)
    entities_applied = Signal(object)  # list[str]: ids whose entity spans arrived
    idle = Signal()  # nothing waiting, nothing running (tests and benchmarks wait for it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: Path | None = None
        self.library: Library | None = None
        self.watcher: FolderWatcher | None = None
        # why the open folder is not followed (watching failed), else None
        self.unwatched: str | None = None
        # set once the watch is in place (or failed): a load waits for it before its scan
        self.watch_ready = threading.Event()
        self.watch_ready.set()
        self._starter: threading.Thread | None = None
        self._waiting: set[str] = set()
        # paths touched since the watch started, while a load may still swap the library
        self._recorded: set[str] | None = None
        self._generation = 0
        self._reading = False  # a prepare task runs
        self._ready: PreparedChanges | None = None  # read, waiting for the commit slot
        self._commit: Commit | SpanCommit | None = None  # being applied, slice by slice
        self._to_tag: dict[str, None] = {}  # ids committed without entities, in order
        self._tagging = False  # a tagging task runs
        self._spans_ready: list[Article] = []  # tagged, waiting for the commit slot
        self._compactor = LiveCompaction()
        # the unpaired halves of recent renames, for one seen a round later
        self._renames = RenameMemory(RENAME_MEMORY_S)
        self._tasks: list[Task] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._commit_slice)
        self._burst.connect(self._on_burst, Qt.ConnectionType.QueuedConnection)
        self._watch_failed.connect(self._on_watch_failed, Qt.ConnectionType.QueuedConnection)
        # measured per round, for the status line and the benchmark
        self.last_round: dict[str, float] = {}
        self._round_started = 0.0

    # ------------------------------------------------------------------ lifetime
    def start(self, root: Path) -> None:
        """Follow ``root`` from now on (a load is starting: record until ``load_finished``)."""
        self.stop()
        self.root = Path(root)
        self._recorded = set()
        self.unwatched = None
        started = start_watching(
            self.root,
            self._burst.emit,
            self._watch_failed.emit,
            window=WATCH_WINDOW,
            max_delay=WATCH_MAX_DELAY,
        )
        self.watcher, self.watch_ready = started.watcher, started.ready
        self._starter = started.starter

    def _on_watch_failed(self, watcher: FolderWatcher, why: str) -> None:
        with contextlib.suppress(Exception):
            watcher.stop()
        if watcher is self.watcher:
            self.unwatched = why
            self.watcher = None

    def stop(self) -> None:
        """Stop watching and drop every pending change; joins the watcher's threads."""
        self._drop_work()
        if self._starter is not None:
            self._starter.join()  # a watcher is stopped only once it has started
            self._starter = None
        if self.watcher is not None:
            with contextlib.suppress(Exception):  # one that failed to start is stopped too
                self.watcher.stop()
            self.watcher = None
        self.root = None
        self.library = None
        self._waiting.clear()
        self._recorded = None

    def shutdown(self, msecs: int = 30_000) -> None:
        """``stop`` and join every task thread (window close)."""
        self.stop()
        for task in self._tasks:
            task.cancel()
        for task in list(self._tasks):
            task.wait(msecs)
        self._tasks.clear()

    def watch_window(self, window: QObject) -> None:
        """Shut down when ``window`` closes (no thread outlives it)."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    @property
    def running(self) -> bool:
        return self.watcher is not None

    @property
    def busy(self) -> bool:
        """Something is waiting, being read, committed, tagged or compacted."""
        return self._compactor.running or self._changing

    @property
    def _changing(self) -> bool:
        """Some change to the library is waiting, being read, committed or tagged."""
        return (
            self._reading
            or self._commit is not None
            or self._tagging
            or bool(self._ready or self._spans_ready or self._to_tag)
            or bool(self._waiting and self.library is not None)
        )

    def running_tasks(self) -> int:
        return sum(1 for t in self._tasks if t.is_running())

    # ------------------------------------------------------------------ the library in use
    def set_library(self, library: Library | None) -> None:
        """A library of the watched folder was installed: (re)apply what was recorded to it."""
        self._drop_work()
        self.library = library
        if library is None:
            return
        if self._recorded:
            self._waiting |= self._recorded
        self._next()

    def load_finished(self) -> None:
        """No more library swaps are coming: stop recording."""
        self._recorded = None

    def _drop_work(self) -> None:
        """Forget the work in flight (a new library, another folder): results of running tasks
        are dropped when they arrive (the generation changed)."""
        self._generation += 1
        self._timer.stop()
        self._commit = None
        self._ready = None
        self._reading = False
        self._tagging = False
        self._compactor.reset()
        self._to_tag.clear()
        self._spans_ready.clear()
        self._renames.clear()
        for task in self._tasks:
            task.cancel()

    # ------------------------------------------------------------------ bursts
    def _on_burst(self, root: Path, rels: frozenset[str]) -> None:
        if root != self.root:
            return  # queued by the watcher of a folder no longer followed
        if self._recorded is not None:
            self._recorded |= rels
        self._waiting |= rels
        self._next()

    def _next(self) -> None:
        """Start whatever can start. Two lanes: files are read and committed one round at a
        time; entities are tagged behind them, so new files are listed without waiting for
        tags. Commits of either lane never interleave (one slice loop)."""
        library = self.library
        if library is None:
            return
        if self._commit is None:
            if self._ready is not None:
                self._start_commit(library, self._ready)
                self._ready = None
            elif self._spans_ready:
                self._commit = SpanCommit(library, self._spans_ready)
                self._spans_ready = []
                self._timer.start()
        if not self._reading and self._ready is None and self._waiting:
            rels, self._waiting = sorted(self._waiting), set()
            self._prepare(library, rels)
        if not self._tagging and self._to_tag:
            self._tag(library)
        compactor = self._compactor
        if compactor.running and self._commit is not None and compactor.task is not None:
            # the index is changing: the index being built would be dropped anyway
            compactor.task.cancel()
        elif not compactor.running and not self._changing and compactor.due(library):
            self._compact(library)
        if not self.busy:
            self.idle.emit()

    # ------------------------------------------------------------------ 1. read (thread)
    def _prepare(self, library: Library, rels: list[str]) -> None:
        self._reading = True
        self._round_started = time.perf_counter()
        root = library.root
        # snapshot taken here, on the GUI thread that commits: the thread never reads the
        # library's dicts while they change
        evidence = list(library.articles.values())

        def job(_hooks: TaskHooks) -> PreparedChanges:
            present = [rel for rel in rels if (root / rel).is_file()]
            gone = [rel for rel in rels if not (root / rel).exists()]
            return prepare_changes(library, present, gone, entities=False, evidence=evidence)

        def done(prepared: PreparedChanges) -> None:
            self.last_round["prepare_s"] = time.perf_counter() - self._round_started
            self._reading = False
            self._ready = prepared

        def dropped() -> None:
            self._reading = False

        self._run(Task(job, "live-prepare"), done, dropped)

    def _run(self, task: Task, on_finished: object, on_ended: Callable[[], None]) -> None:
        """Start ``task``; its result goes to ``on_finished`` unless the work was dropped, and
        ``on_ended`` clears the stage's busy flag when it fails or is cancelled."""
        generation = self._generation
        self._tasks.append(task)

        def finished(result: object) -> None:
            if generation == self._generation:
                on_finished(result)  # type: ignore[operator]
                self._next()

        def ended(*_: object) -> None:
            if generation == self._generation:
                on_ended()
                self._next()

        task.finished.connect(finished)
        task.failed.connect(ended)
        task.cancelled.connect(ended)
        task.done.connect(lambda t=task: self._reap(t))
        task.start()

    def _reap(self, task: Task) -> None:
        task.wait()
        if task in self._tasks:
            self._tasks.remove(task)

    # ------------------------------------------------------------------ 2. commit (GUI, sliced)
    def _start_commit(self, library: Library, prepared: PreparedChanges) -> None:
        self.last_round["longest_slice_s"] = 0.0
        # never compacted inside a slice: stage 4 does it on a thread
        self._commit = Commit(library, prepared, compact=False)
        self._timer.start()

    def _commit_slice(self) -> None:
        commit = self._commit
        if commit is None:
            return
        started = time.perf_counter()
        # at least one article per slice, however slow the machine: the commit always advances
        finished = commit.step(max_ops=1 << 30, max_seconds=SLICE_SECONDS)
        took = time.perf_counter() - started
        self.last_round["longest_slice_s"] = max(self.last_round.get("longest_slice_s", 0), took)
        if not finished:
            self._timer.start()
            return
        self._commit = None
        if isinstance(commit, Commit):
            self._committed(commit)
        elif commit.applied:
            self.entities_applied.emit(list(commit.applied))
        self._next()

    def _committed(self, commit: Commit) -> None:
        self.last_round["commit_done_s"] = time.perf_counter() - self._round_started
        change = commit.result
        library = commit.library
        got = (library.articles.get(i) for i in change.added)
        late = self._renames.pair(
            commit.removed_articles,
            [a for a in got if a is not None],
            change.renamed,
            library.articles.__contains__,
            time.monotonic(),
        )
        if late:
            change = dataclasses.replace(change, renamed=change.renamed + late)
        self.applied.emit(change)
        if commit.library.has_entities:
            for article_id in (*change.added, *change.updated):
                if article_id not in commit.carried:  # the same text: its spans were kept
                    self._to_tag[article_id] = None

    # ------------------------------------------------------------------ 4. compaction (thread)
    @property
    def last_compaction(self) -> dict[str, float]:
        """The last compaction swapped in: articles, build time on the thread."""
        return self._compactor.last

    def _compact(self, library: Library) -> None:
        # the same re-search as after a round
        task, done, dropped = self._compactor.start(library, lambda: self.applied.emit(ChangeSet()))
        self._run(task, done, dropped)

    # ------------------------------------------------------------------ 3. entities (processes)
    def _tag(self, library: Library) -> None:
        got = (library.articles.get(i) for i in self._to_tag)
        articles = [a for a in got if a is not None]
        self._to_tag.clear()
        if not articles:
            return
        self._tagging = True
        # made here, on the GUI thread that commits: the task never reads the library's dicts
        job = tagging_job(library, articles)

        def done(tagged: list[Article]) -> None:
            self._tagging = False
            self._spans_ready.extend(tagged)

        def dropped() -> None:
            self._tagging = False

        self._run(Task(job, "live-entities"), done, dropped)
