"""Finding entities in worker processes, so the window never waits for them.

``reader.library.with_entities`` tags articles in the calling thread. In the GUI's background
thread that shares Python's GIL with the event loop, and tagging one long article is a single
call that keeps the GIL for up to 0.7 s (measured on the multi-source corpus), so the window
froze for seconds while entities were found. Here the tagging runs in separate processes (own
interpreter, own GIL), at a lower CPU priority, one chunk of articles at a time: the loading
thread only sends articles, receives spans, and builds the index.

Spans of unchanged files come from the disk cache and new ones are stored there, file by file,
so a folder is tagged once. Cancellation is checked between chunks; a cancelled run leaves the
given Library untouched (the files tagged so far stay cached).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence

from reader.cache import FolderCache, entity_model_key
from reader.library import Library, LoadCancelled, LoadProgress, build_index
from reader.loading import cached_spans, open_cache, with_spans
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

    Spans of unchanged files come from the disk cache; only the other files are tagged, and
    their spans are stored for the next time (reopening a tagged folder tags nothing). When the
    recogniser cannot be loaded, the same articles come back with ``entity_status`` saying why.
    Raises LoadCancelled when ``should_stop`` turns true.
    """
    from reader.entities import RecogniserUnavailable

    if library.has_entities:
        return library
    cache = open_cache(library.root, library.use_cache, None)
    try:
        groups = _file_groups(library)
        cached = cached_spans(cache, library.files) if cache is not None else {}
        done: dict[str, Article] = {}
        for rel, ids in groups:
            spans = cached.get(rel)
            if spans is not None and len(spans) == len(ids):
                for article_id, article_spans in zip(ids, spans, strict=True):
                    done[article_id] = with_spans(library.articles[article_id], article_spans)
        todo = [(rel, ids) for rel, ids in groups if not all(i in done for i in ids)]
        total = len(library.articles)
        # said at once: the workers take seconds to start and load the model (11 s measured on
        # 10,000 articles, machine busy), and the status bar would sit at "Indexing N / N"
        progress(LoadProgress("entities", len(done), total))
        try:
            _tag_files(
                library,
                todo,
                cache,
                done=done,
                total=total,
                progress=progress,
                should_stop=should_stop,
                workers=workers,
            )
        except RecogniserUnavailable as exc:
            return dataclasses.replace(library, entity_status=str(exc))
        notes = list(library.notes)
        if cache is not None:
            notes += [n for n in dict.fromkeys(cache.notes) if n not in notes]
    finally:
        if cache is not None:
            cache.close()
    progress(LoadProgress("entities", total, total))
    tagged = [done.get(a.id, a) for a in library.articles.values()]
    # the texts did not change, only the spans: share the postings, rebuild the facets
    index = library.index.with_articles(tagged) if library.index is not None else None
    if index is None:
        index = build_index(tagged, total, progress=progress, should_stop=should_stop)
    return dataclasses.replace(
        library,
        articles={a.id: a for a in tagged},
        problems=list(library.problems),
        index=index,
        entity_status=None,
        notes=notes,
    )


def _file_groups(library: Library) -> list[tuple[str, tuple[str, ...]]]:
    """(file, its article ids) for every file, and one group per article the files do not know."""
    groups = [
        (rel, info.ids)
        for rel, info in library.files.items()
        if info.ids and all(i in library.articles for i in info.ids)
    ]
    known = {i for _, ids in groups for i in ids}
    groups += [("", (i,)) for i in library.articles if i not in known]
    return groups


def _tag_files(
    library: Library,
    todo: list[tuple[str, tuple[str, ...]]],
    cache: FolderCache | None,
    *,
    done: dict[str, Article],
    total: int,
    progress: Callable[[LoadProgress], None],
    should_stop: Callable[[], bool],
    workers: int | None,
) -> None:
    """Tag the articles of ``todo`` in worker processes into ``done``; store each file's spans."""
    if not todo:
        return
    workers = workers or max(1, min(2, os.cpu_count() or 1))
    ekey = entity_model_key()
    # spawn, not fork: forking a process that runs Qt threads can copy held locks
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(workers, mp_context=context, initializer=_lower_priority) as pool:
        pending: list[tuple[_Chunk, cf.Future[list[SpanSets]]]] = []
        try:
            for chunk in _file_chunks(library, todo):
                articles = [a for _, arts in chunk for a in arts]
                pending.append((chunk, pool.submit(_tag_chunk, articles)))
                # a few chunks in flight per worker: bounded memory, and Cancel acts quickly
                while len(pending) >= 3 * workers:
                    _collect(pending.pop(0), cache, library, ekey, done)
                    _check(len(done), total, progress, should_stop)
            while pending:
                _collect(pending.pop(0), cache, library, ekey, done)
                _check(len(done), total, progress, should_stop)
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


_Chunk = list[tuple[str, list[Article]]]


def _file_chunks(library: Library, todo: list[tuple[str, tuple[str, ...]]]) -> Iterator[_Chunk]:
    """Whole files, about CHUNK articles at a time (a file's spans are stored together)."""
    chunk: _Chunk = []
    size = 0
    for rel, ids in todo:
        chunk.append((rel, [library.articles[i] for i in ids]))
        size += len(ids)
        if size >= CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _collect(
    item: tuple[_Chunk, cf.Future[list[SpanSets]]],
    cache: FolderCache | None,
    library: Library,
    ekey: str,
    done: dict[str, Article],
) -> None:
    chunk, future = item
    results = iter(future.result())
    stored = []
    for rel, articles in chunk:
        spans = tuple(next(results) for _ in articles)
        for article, article_spans in zip(articles, spans, strict=True):
            done[article.id] = _with_spans(article, article_spans)
        info = library.files.get(rel)
        if info is not None and info.key is not None:
            stored.append((rel, info.key, spans))
    if cache is not None and stored:
        cache.put_spans(stored, ekey)
    gc.freeze()  # long-lived from here on: keep them out of full collections (see loader._warmed)


def _check(
    done: int,
    total: int,
    progress: Callable[[LoadProgress], None],
    should_stop: Callable[[], bool],
) -> None:
    if should_stop():
        raise LoadCancelled
    progress(LoadProgress("entities", done, total))
