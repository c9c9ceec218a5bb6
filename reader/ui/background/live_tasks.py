"""The work a live folder (``ui.background.live_folder``) runs off the GUI thread after a commit: stage 3,
the new articles tagged in worker processes (``tagging_job``), and stage 4, the index rebuilt on
a task thread once removals left most of it dead, swapped in on the GUI thread if it did not
change meanwhile (``LiveCompaction``, ``reader.library.compaction.Compaction``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from reader.index import Index
from reader.library.compaction import Compaction
from reader.library.library import Library, tag_articles
from reader.library.loading import FileInfo
from reader.model import Article
from reader.ui.background.worker import Task, TaskHooks


class LiveCompaction:
    """Whether a compaction runs or is due, and the task that runs one."""

    def __init__(self) -> None:
        self.running = False  # a compaction task runs
        self.task: Task | None = None  # that task (cancelled when a round starts)
        self._failed: Compaction | None = None  # not retried until the index changes
        # the last compaction swapped in: articles, build time on the thread
        self.last: dict[str, float] = {}

    def reset(self) -> None:
        """Another library or folder: nothing runs, nothing failed."""
        self.running = False
        self._failed = None

    def due(self, library: Library) -> bool:
        failed = self._failed
        if failed is not None and failed.library is library and failed.current:
            return False  # the same index that could not be compacted: wait for a change
        return library.index.needs_compaction

    def start(
        self, library: Library, on_swapped: Callable[[], None]
    ) -> tuple[Task, Callable[[Index], None], Callable[[], None]]:
        """(the task that builds the compacted index, what to do with the index it built, what
        to do when it was dropped): the caller runs it. ``on_swapped`` follows a swap."""
        # the live articles are listed here, on the GUI thread that changes the index
        compaction = Compaction(library)
        started = time.perf_counter()

        def job(hooks: TaskHooks) -> Index:
            return compaction.build(hooks.should_stop)

        def done(index: Index) -> None:
            self.running = False
            built = time.perf_counter() - started
            if compaction.swap(index):
                self.last = {"articles": compaction.size, "build_s": built}
                on_swapped()

        def failed(_message: str) -> None:
            self._failed = compaction

        task = Task(job, "live-compact")
        self.running, self.task = True, task
        task.failed.connect(failed)  # before the caller's handler, which tries again

        def dropped() -> None:
            self.running = False

        return task, done, dropped


def tagging_job(
    library: Library, articles: Sequence[Article]
) -> Callable[[TaskHooks], list[Article]]:
    """A task's job tagging ``articles`` in worker processes: the tagged articles, or none when
    it stopped. Made on the GUI thread (the job never reads the library's dicts)."""
    files = _files_of(library, articles)

    def job(hooks: TaskHooks) -> list[Article]:
        tagged, status = tag_articles(
            library,
            articles,
            files,
            progress=hooks.progress,
            should_stop=hooks.should_stop,
            workers_only=True,
        )
        return tagged if status is None else []

    return job


def _files_of(library: Library, articles: Sequence[Article]) -> dict[str, FileInfo]:
    """The library's files these articles come from (their spans are cached by file)."""
    rels = {a.path or a.id.split("#", 1)[0] for a in articles}
    return {rel: library.files[rel] for rel in rels if rel in library.files}
