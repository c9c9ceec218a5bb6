"""Finding entities in worker processes, so the window never waits for them.

``reader.library.with_entities`` tags articles in the calling thread. In the GUI's background
thread that shares Python's GIL with the event loop, and tagging one long article is a single
call that keeps the GIL for up to 0.7 s (measured on the multi-source corpus), so the window
froze for seconds while entities were found. Here the tagging runs in separate processes (own
interpreter, own GIL), at a lower CPU priority, one chunk of articles at a time: the loading
thread only sends articles, receives spans, and builds the index.

Cancellation is checked between chunks; a cancelled run leaves the given Library untouched.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence

from reader.library import Library, LoadCancelled, LoadProgress, build_index
from reader.model import Article, Span

CHUNK = 32
# niceness of the tagging processes: the event loop gets a core first
NICENESS = 5

SpanSets = tuple[tuple[Span, ...], tuple[tuple[Span, ...], ...]]  # body, each appended body

_recogniser = None


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # best effort: a refusal changes nothing else
            os.nice(NICENESS)


def _tag_chunk(articles: Sequence[Article]) -> list[SpanSets]:
    """In a worker process: the entity spans of each article (the model is loaded once)."""
    global _recogniser  # noqa: PLW0603 - one model per worker process
    if _recogniser is None:
        from reader.library import default_recogniser

        _recogniser = default_recogniser()  # raises RecogniserUnavailable
    out: list[SpanSets] = []
    for article in articles:
        tagged = _recogniser.annotate(article)
        out.append((tagged.entities, tuple(a.entities for a in tagged.appended)))
    return out


def _chunks(articles: Sequence[Article]) -> Iterator[Sequence[Article]]:
    for start in range(0, len(articles), CHUNK):
        yield articles[start : start + CHUNK]


def _with_spans(article: Article, spans: SpanSets) -> Article:
    body, appended = spans
    extras = tuple(
        dataclasses.replace(a, entities=s) for a, s in zip(article.appended, appended, strict=True)
    )
    return dataclasses.replace(article, entities=body, appended=extras)


def find_entities(
    library: Library,
    *,
    progress: Callable[[LoadProgress], None],
    should_stop: Callable[[], bool],
    workers: int | None = None,
) -> Library:
    """A new Library whose articles carry entity spans, with an index that knows them.

    When the recogniser cannot be loaded, the same articles come back with ``entity_status``
    saying why. Raises LoadCancelled when ``should_stop`` turns true.
    """
    from reader.entities import RecogniserUnavailable

    articles = list(library.articles.values())
    total = len(articles)
    workers = workers or max(1, min(2, os.cpu_count() or 1))
    # spawn, not fork: forking a process that runs Qt threads can copy held locks
    context = multiprocessing.get_context("spawn")
    tagged: list[Article] = []
    # said at once: the workers take seconds to start and load the model (11 s measured on
    # 10,000 articles, machine busy), and the status bar would sit at "Indexing N / N" meanwhile
    progress(LoadProgress("entities", 0, total))
    with cf.ProcessPoolExecutor(workers, mp_context=context, initializer=_lower_priority) as pool:
        pending: list[tuple[Sequence[Article], cf.Future[list[SpanSets]]]] = []
        chunks = _chunks(articles)
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_tag_chunk, chunk)))
                # a few chunks in flight per worker: bounded memory, and Cancel acts quickly
                while len(pending) >= 3 * workers:
                    tagged.extend(_collect(pending.pop(0)))
                    _check(tagged, total, progress, should_stop)
            while pending:
                tagged.extend(_collect(pending.pop(0)))
                _check(tagged, total, progress, should_stop)
        except RecogniserUnavailable as exc:
            pool.shutdown(cancel_futures=True)
            return dataclasses.replace(library, entity_status=str(exc))
        except LoadCancelled:
            pool.shutdown(cancel_futures=True)
            raise
    progress(LoadProgress("entities", total, total))
    index = build_index(tagged, total, progress=progress, should_stop=should_stop)
    return Library(
        root=library.root,
        articles={a.id: a for a in tagged},
        problems=list(library.problems),
        index=index,
        files_seen=library.files_seen,
        entity_status=None,
    )


def _collect(item: tuple[Sequence[Article], cf.Future[list[SpanSets]]]) -> list[Article]:
    chunk, future = item
    tagged = [_with_spans(a, s) for a, s in zip(chunk, future.result(), strict=True)]
    gc.freeze()  # long-lived from here on: keep them out of full collections (see loader._warmed)
    return tagged


def _check(
    tagged: list[Article],
    total: int,
    progress: Callable[[LoadProgress], None],
    should_stop: Callable[[], bool],
) -> None:
    if should_stop():
        raise LoadCancelled
    progress(LoadProgress("entities", len(tagged), total))
