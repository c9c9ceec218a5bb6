"""Loading a folder into a ``Library`` (``reader.library.record``): its articles, the problems met
reading it, and the index over them.

Loading runs in stages (read and parse the files, find entities, build the index), each reporting
progress through a plain callback and checking ``should_stop`` between steps, so the command line
and the GUI's background worker share it. Parsing and entity tagging run in worker processes
(``reader.formats.parse_pool.parse_files``, ``reader.library.tagging``); the disk cache (``reader.storage.cache``)
answers for unchanged files and the index snapshot (``reader.storage.snapshot``) spares the index build.

A ``Library`` returned by ``load_library``/``with_entities`` is a snapshot the caller swaps in;
``Library.apply_changes`` (live folders) updates one in place, on the thread that owns it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.indexing import build_index_plain, index_for
from reader.library.loading import (
    FileInfo,
    LoadCancelled,
    LoadProgress,
    LoadRun,
    ProgressFn,
    ReadResult,
    Scanned,
    StopFn,
    gc_paused,
    never_stop,
    no_progress,
    open_cache,
    read_files,
)
from reader.library.record import Library, read_paths
from reader.library.tagging import (
    NOT_COMPUTED,
    annotate_files,
    cached_spans,
    default_recogniser,
    entity_recogniser,
)
from reader.model import Article, ChangeSet

if TYPE_CHECKING:
    from reader.entities import Recogniser
    from reader.index import Index
    from reader.storage.cache import FolderCache

__all__ = [
    "ChangeSet",
    "Library",
    "LoadCancelled",
    "LoadProgress",
    "annotate",
    "build_index",
    "default_recogniser",
    "entity_recogniser",
    "load_library",
    "tag_articles",
    "with_entities",
]


def annotate(
    articles: Sequence[Article],
    recogniser: Recogniser,
    *,
    progress: ProgressFn = no_progress,
    should_stop: StopFn = never_stop,
) -> list[Article]:
    """Articles with their entity spans (body and appended), in the same order, in this process."""
    out: list[Article] = []
    total = len(articles)
    for i, article in enumerate(articles):
        if i % 200 == 0:
            if should_stop():
                raise LoadCancelled
            progress(LoadProgress("entities", i, total))
        out.append(recogniser.annotate(article))
    progress(LoadProgress("entities", total, total))
    return out


def build_index(
    articles: Iterable[Article],
    total: int,
    *,
    progress: ProgressFn = no_progress,
    should_stop: StopFn = never_stop,
) -> Index:
    """A fresh index of ``articles`` (no snapshot), reporting progress."""
    return build_index_plain(articles, total, progress=progress, should_stop=should_stop)


def load_library(
    root: Path | str,
    *,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
    on_batch: Callable[[list[Article]], None] | None = None,
    entities: bool = True,
    use_cache: bool = True,
    workers: int | None = None,
    cache_base: Path | None = None,
    scanned: Scanned | None = None,
    save_patched: bool = False,
) -> Library:
    """Read, (optionally) tag and index every article under ``root``.

    Unchanged files come from the disk cache (with their cached entity spans when ``entities``);
    the rest are parsed in worker processes. With ``entities=False`` the spans are left for a
    later stage (``with_entities``, the window's entity stage: both take them from the cache),
    so an unchanged folder is searchable sooner. ``workers``: processes for parsing and
    tagging (None: one per idle core). Raises ``LoadCancelled`` when ``should_stop`` turns true,
    ``reader.formats.FolderError`` when the folder cannot be read. ``scanned``: the folder as
    ``reader.library.loading.scan`` found it just before (not scanned again). ``save_patched``: an
    index snapshot patched for a few changed files is saved even so (a second or so at 100,000
    articles), so the next open of the unchanged folder can answer from it alone (the command
    line: ``reader.library.warm``).
    """
    from reader.runtime.allocator import lean_memory

    with lean_memory(), gc_paused():
        return _load(
            Path(root),
            progress or no_progress,
            should_stop or never_stop,
            on_batch,
            entities=entities,
            use_cache=use_cache,
            workers=workers,
            cache_base=cache_base,
            scanned=scanned,
            save_patched=save_patched,
        )


def _load(
    root: Path,
    report: ProgressFn,
    stop: StopFn,
    on_batch: Callable[[list[Article]], None] | None,
    *,
    entities: bool,
    use_cache: bool,
    workers: int | None,
    cache_base: Path | None,
    scanned: Scanned | None,
    save_patched: bool,
) -> Library:
    cache = open_cache(root, use_cache, cache_base)
    run = LoadRun(root, cache, report, stop, workers, on_batch, scanned)
    try:
        read = read_files(run, build_index=True, with_spans=entities)
        articles = read.articles
        status: str | None = NOT_COMPUTED
        if entities or (read.articles and read.spans_missing == 0):
            articles, status = annotate_files(
                run, articles, read.spans, tag_missing=entities, files=read.files
            )
        index, how = index_for(
            None if read.sidecars else cache,
            articles,
            read.files,
            with_entities=status is None,
            progress=report,
            stop=stop,
            built=read.index,
            save_patched=save_patched,
        )
        by_id = {a.id: a for a in articles}
        if cache is not None and cache.snapshot_digest:
            _save_manifest(cache, read, by_id)
        return Library(
            root=root,
            articles=by_id,
            problems=read.problems,
            index=index,
            files_seen=len(read.files),
            entity_status=status,
            notes=_notes(cache),
            files=read.files,
            stats={
                "cached_files": read.cached_files,
                "parsed_files": read.parsed_files,
                "index": how,
            },
            use_cache=use_cache,
            workers=workers,
            sidecars=read.sidecars,
        )
    finally:
        if cache is not None:
            cache.close()


def with_entities(
    library: Library,
    *,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
    workers_only: bool = False,
) -> Library:
    """A new Library with entity spans on every article and an index that knows them.

    Spans come from the cache where it has them; the rest are tagged in worker processes and
    cached. The given library is left untouched, so a GUI can keep using it until the new one is
    swapped in. When the model cannot be loaded, the same articles come back with
    ``entity_status`` saying why. ``workers_only`` (a GUI's thread): nothing is tagged here, nor
    the model loaded, however few the articles (``reader.library.tagging``). Raises ``LoadCancelled``.
    """
    report = progress or no_progress
    stop = should_stop or never_stop
    if library.has_entities:
        return library
    cache = open_cache(library.root, library.use_cache, None)
    try:
        articles, status = _tagged(
            library,
            cache,
            list(library.articles.values()),
            library.files,
            report=report,
            stop=stop,
            workers_only=workers_only,
        )
        if status is not None:
            return dataclasses.replace(library, entity_status=status)
        index, how = index_for(
            None if library.sidecars else cache,
            articles,
            library.files,
            with_entities=True,
            progress=report,
            stop=stop,
            previous=library.index,
        )
        return dataclasses.replace(
            library,
            articles={a.id: a for a in articles},
            index=index,
            entity_status=None,
            notes=list(library.notes) + [n for n in _notes(cache) if n not in library.notes],
            stats={**library.stats, "index": how},
        )
    finally:
        if cache is not None:
            cache.close()


def tag_articles(
    library: Library,
    articles: Sequence[Article],
    files: dict[str, FileInfo],
    *,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
    workers_only: bool = False,
) -> tuple[list[Article], str | None]:
    """``articles`` of the library's folder with entity spans and None, or as given and why not.

    For a few articles (a live folder's new files) with the library's ``files`` they come from:
    spans are taken from the cache and stored there by file, as ``with_entities`` does; nothing
    else of the library is read but its root, ``use_cache`` and ``workers``, so this may run on a
    thread while the library's owner changes it. Raises ``LoadCancelled``.
    """
    cache = open_cache(library.root, library.use_cache, None)
    try:
        return _tagged(
            library,
            cache,
            list(articles),
            files,
            report=progress or no_progress,
            stop=should_stop or never_stop,
            workers_only=workers_only,
            few=True,
        )
    finally:
        if cache is not None:
            cache.close()


def tagged_articles(library: Library, articles: list[Article]) -> tuple[list[Article], str | None]:
    """``articles`` of ``library`` with their entity spans, taken from the disk cache where it
    has them and tagged on every idle core where not, the new spans cached (when the library
    uses the cache), or None and why the model cannot be used (``main.py export``)."""
    cache = open_cache(library.root, library.use_cache, None)
    return _tagged(
        library,
        cache,
        articles,
        library.files,
        report=no_progress,
        stop=never_stop,
        workers_only=False,
    )


def _tagged(
    library: Library,
    cache: FolderCache | None,
    articles: list[Article],
    files: dict[str, FileInfo],
    *,
    report: ProgressFn,
    stop: StopFn,
    workers_only: bool,
    few: bool = False,
) -> tuple[list[Article], str | None]:
    spans = cached_spans(cache, files, few=few) if cache is not None and files else {}
    run = LoadRun(library.root, cache, report, stop, library.workers)
    return annotate_files(
        run, articles, spans, tag_missing=True, files=files, workers_only=workers_only
    )


def _save_manifest(cache: FolderCache, read: ReadResult, articles: dict[str, Article]) -> None:
    """Next to the snapshot that is this load's index: what else the command line needs to
    answer from the cache alone when no file changes (``reader.library.warm``)."""
    from reader.storage import snapshot

    digest = cache.snapshot_digest
    if digest is None or snapshot.manifest_digest(cache.snapshot_dir) == digest:
        return
    if any(info.key is None for info in read.files.values()):
        return  # a file that could not be stat'ed is read every time
    file_problems = tuple(read.problems[read.scan_problems :])
    unread = {p.path for p in file_problems} - read_paths(articles.values())
    manifest = snapshot.FolderManifest(
        digest, len(articles), file_problems, tuple(sorted(unread)), read.retagged
    )
    snapshot.save_manifest(cache.snapshot_dir, manifest)


def _notes(cache: FolderCache | None) -> list[str]:
    return list(dict.fromkeys(cache.notes)) if cache is not None else []
