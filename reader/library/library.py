"""A loaded folder: its articles, the problems met reading it, and the index over them.

Loading runs in stages (read and parse the files, find entities, build the index), each reporting
progress through a plain callback and checking ``should_stop`` between steps, so the command line
and the GUI's background worker share it. Parsing and entity tagging run in worker processes
(``reader.formats.folder.parse_files``, ``reader.library.tagging``); the disk cache (``reader.storage.cache``)
answers for unchanged files and the index snapshot (``reader.storage.snapshot``) spares the index build.

A ``Library`` returned by ``load_library``/``with_entities`` is a snapshot the caller swaps in;
``Library.apply_changes`` (live folders) updates one in place, on the thread that owns it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.folder import summary_line
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
from reader.library.tagging import (
    NOT_COMPUTED,
    annotate_files,
    cached_spans,
    default_recogniser,
    entity_recogniser,
)
from reader.library.title_links import TitleLinks
from reader.model import Article, ChangeSet, LoadProblem

if TYPE_CHECKING:
    from reader.entities import Recogniser
    from reader.entities.identity import Identities
    from reader.index import Filters, Index, SearchResult
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


@dataclass(slots=True)
class Library:
    root: Path
    articles: dict[str, Article]
    problems: list[LoadProblem]
    index: Index
    files_seen: int = 0
    # None when entities were found; otherwise why not (shown to the user)
    entity_status: str | None = NOT_COMPUTED
    # things the user should know that are not about one file (the cache was rebuilt, ...)
    notes: list[str] = field(default_factory=list)
    # every file read: relative path -> its key and article ids (for live updates)
    files: dict[str, FileInfo] = field(default_factory=dict)
    # how this load went: files answered by the cache, files parsed, the index's origin
    stats: dict[str, object] = field(default_factory=dict)
    use_cache: bool = True
    workers: int | None = None
    # metadata sidecars joined onto the articles: such a folder's index is not kept as a snapshot
    # (a page's indexed title or date would go stale when its sidecar changes, the page not)
    sidecars: tuple[str, ...] = ()
    # (query, filters, options, index generation, result) of a search run ahead (prime_search)
    _primed: tuple | None = field(default=None, init=False, repr=False, compare=False)
    # built on first use (``title_links``), then kept up to date by live changes
    _title_links: TitleLinks | None = field(default=None, init=False, repr=False, compare=False)

    def get(self, article_id: str) -> Article:
        return self.articles[article_id]

    def __len__(self) -> int:
        return len(self.articles)

    def search(
        self, query: str = "", filters: Filters | None = None, **kwargs: object
    ) -> SearchResult:
        primed, self._primed = self._primed, None
        if primed is not None and primed[:4] == (query, filters, kwargs, self.index.generation):
            return primed[4]
        return self.index.search(query, filters, **kwargs)  # type: ignore[arg-type]

    def title_links(self) -> TitleLinks:
        """The "read also" headline -> article map of this folder (built on first use: ~70 ms at
        100,000 articles, so a loader calls it on its own thread)."""
        if self._title_links is None:
            self._title_links = TitleLinks(self.articles.values())
        return self._title_links

    @property
    def built_title_links(self) -> TitleLinks | None:
        """The map if it was built (a change to the articles must update it), else None."""
        return self._title_links

    def prime_search(
        self, query: str = "", filters: Filters | None = None, **kwargs: object
    ) -> None:
        """Search now and keep the answer for the next ``search``, if it asks the same of an
        unchanged index; any other search drops it. A folder loads on a worker thread, which
        runs the window's first search this way: at 100,000 articles it costs 15 ms of the
        turn that shows the loaded folder (where the GUI thread must stay under 100 ms)."""
        result = self.index.search(query, filters, **kwargs)  # type: ignore[arg-type]
        self._primed = (query, filters, kwargs, self.index.generation, result)

    @property
    def entities_computed(self) -> bool:
        """Whether the entity stage has run (found entities, or said why there are none)."""
        return self.entity_status != NOT_COMPUTED

    @property
    def identities(self) -> Identities | None:
        """The folder's entity identities, once worked out (the index names its entity facets
        with them; the reading pane and export name entities with them)."""
        from reader.entities.identity import Identities

        found = self.index.identities
        return found if isinstance(found, Identities) else None

    @property
    def has_entities(self) -> bool:
        return self.entity_status is None

    def summary(self) -> str:
        """The one-line summary of the command-line contract."""
        return summary_line(len(self.articles), self.files_seen, self.skipped_paths())

    def skipped_paths(self) -> set[str]:
        """Paths with a problem that gave no article."""
        return {p.path for p in self.problems} - _read_paths(self.articles.values())

    def apply_changes(
        self,
        added_or_changed: Iterable[Path | str],
        removed: Iterable[Path | str] = (),
        *,
        entities: bool | None = None,
    ) -> ChangeSet:
        """Re-read only these files (through the cache) and update the articles and the index in
        place. Paths are absolute or relative to the folder; a path that is gone counts as removed.
        ``entities``: tag the new articles (default: when this library has entities).
        """
        from reader.library.live import apply_changes

        return apply_changes(self, added_or_changed, removed, entities=entities)


def _read_paths(articles: Iterable[Article]) -> set[str]:
    return {a.path or a.id.split("#", 1)[0] for a in articles}


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
        library = Library(
            root=root,
            articles={},
            problems=read.problems,
            index=None,  # type: ignore[arg-type]  # set below, once the articles are read
            files_seen=len(read.files),
            notes=[],
            files=read.files,
            stats={"cached_files": read.cached_files, "parsed_files": read.parsed_files},
            use_cache=use_cache,
            workers=workers,
            sidecars=read.sidecars,
        )
        articles = read.articles
        status: str | None = NOT_COMPUTED
        if entities or (read.articles and read.spans_missing == 0):
            articles, status = annotate_files(
                run,
                articles,
                read.spans,
                tag_missing=entities,
                files=read.files,
            )
        library.entity_status = status
        library.articles = {a.id: a for a in articles}
        library.index, how = index_for(
            None if read.sidecars else cache,
            articles,
            read.files,
            with_entities=status is None,
            progress=report,
            stop=stop,
            built=read.index,
            save_patched=save_patched,
        )
        library.stats["index"] = how
        if cache is not None and cache.snapshot_digest:
            _save_manifest(cache, read, library)
        library.notes = _notes(cache)
        return library
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


def _save_manifest(cache: FolderCache, read: ReadResult, library: Library) -> None:
    """Next to the snapshot that is this load's index: what else the command line needs to
    answer from the cache alone when no file changes (``reader.library.warm``)."""
    from reader.storage import snapshot

    digest = cache.snapshot_digest
    if digest is None or snapshot.manifest_digest(cache.snapshot_dir) == digest:
        return
    if any(info.key is None for info in read.files.values()):
        return  # a file that could not be stat'ed is read every time
    file_problems = tuple(read.problems[read.scan_problems :])
    unread = {p.path for p in file_problems} - _read_paths(library.articles.values())
    manifest = snapshot.FolderManifest(
        digest, len(library.articles), file_problems, tuple(sorted(unread)), read.retagged
    )
    snapshot.save_manifest(cache.snapshot_dir, manifest)


def _notes(cache: FolderCache | None) -> list[str]:
    return list(dict.fromkeys(cache.notes)) if cache is not None else []
