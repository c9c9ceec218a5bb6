"""The stages of loading a folder, through the disk cache and on every core (used by library.py).

1. ``read_files``: scan, take unchanged files from the cache, parse the rest in worker processes
   (caching them), then the folder-wide tag pass. When no file comes from the cache, the index
   is built here too, chunk by chunk as the workers (which also analyse the text for it) hand
   the chunks over, instead of after every file is read.
2. ``reader.library.tagging.annotate_files``: entity spans from the cache, the rest tagged in worker
   processes (cached).
3. ``reader.library.indexing.index_for``: the index snapshot when one fits (patched for changed
   files), else a build whose result is saved as the next snapshot.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.folder import in_folder_order, join_folder
from reader.formats.parse import relative_id
from reader.formats.parse_pool import ChunkAnalysis, parse_files, parse_files_prepared
from reader.formats.scan import printable_rels, scan_entries
from reader.model import Article, LoadProblem
from reader.storage.cache import FileKey, FileSpans, FolderCache, Parsed
from reader.storage.entity_key import entity_model_key

if TYPE_CHECKING:
    from reader.index import Index
    from reader.index.prepare import PreparedChunk, VocabMaps

# how many articles pass between two progress reports / cancellation checks
STEP = 200
# cached articles are handed to ``on_batch`` in groups of this many
CACHED_BATCH = 2000


@dataclass(frozen=True, slots=True)
class LoadProgress:
    stage: str  # "scan" | "parse" | "entities" | "index"
    done: int
    total: int


class LoadCancelled(Exception):
    """``should_stop`` turned true during loading; nothing was half-applied."""


ProgressFn = Callable[[LoadProgress], None]
StopFn = Callable[[], bool]


def no_progress(_: LoadProgress) -> None:
    """The ``ProgressFn`` of a caller that shows no progress."""
    return None


def never_stop() -> bool:
    """The ``StopFn`` of a caller that never cancels."""
    return False


@dataclass(frozen=True, slots=True)
class FileInfo:
    """A file read into the library: its cache key (None when it could not be stat'ed) and ids."""

    key: FileKey | None
    ids: tuple[str, ...]


@dataclass(slots=True)
class ReadResult:
    articles: list[Article]
    # the scan's problems (the first ``scan_problems``), then the files' in folder order
    problems: list[LoadProblem]
    files: dict[str, FileInfo]
    spans: dict[str, FileSpans]
    spans_missing: int
    cached_files: int
    parsed_files: int
    # the index of ``articles`` built while parsing (a load with nothing from the cache), or None
    index: Index | None = None
    scan_problems: int = 0
    # article id -> its tags after the folder-wide tag pass, for the articles it changed
    retagged: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the metadata sidecars joined onto the articles (reader/formats/sidecar.py)
    sidecars: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scanned:
    """A folder's article files as the scan found them: ``(relative path, path)`` in folder
    order, their printable relative paths and cache keys (None: could not be stat'ed), and the
    scan's problems."""

    entries: list[tuple[str, str]]
    rels: list[str]
    keys: dict[str, FileKey | None]
    problems: list[LoadProblem]

    @property
    def unchanged_keys(self) -> dict[str, FileKey] | None:
        """Every file's key, or None when some file could not be stat'ed."""
        keys = self.keys
        return None if None in keys.values() else keys  # type: ignore[return-value]


def relative(root: Path, path: Path | str) -> str:
    """A path (absolute or relative to ``root``) as the library's relative file id."""
    path = Path(path)
    return relative_id(path if path.is_absolute() else root / path, root)


def file_of(article: Article) -> str:
    """The relative path of the file ``article`` was read from (its id's file part when the
    article names no path)."""
    return article.path or article.id.split("#", 1)[0]


def file_key(path: Path | str) -> FileKey | None:
    try:
        info = os.stat(path)  # noqa: PTH116 (a str path: no Path object per file)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


@dataclass(frozen=True, slots=True)
class LoadRun:
    """What every stage of one load shares: the folder, its cache, the caller's hooks."""

    root: Path
    cache: FolderCache | None
    report: ProgressFn
    stop: StopFn
    workers: int | None = None
    on_batch: Callable[[list[Article]], None] | None = None
    # the folder already scanned (by a caller that tried something cheaper first), or None
    scanned: Scanned | None = None


class _GcPause:
    """How many loads run now (the UI may start one while another finishes)."""

    lock = threading.Lock()
    count = 0
    was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a folder loads: the 100,000 articles and tuples a warm
    reopen creates set off generation-2 collections that walk every one of them again (0.5 s of
    a 3.1 s reopen at 100k; the loaded objects hold no cycles, reference counting frees them).
    Nested or concurrent loads share one pause; collection resumes when the last one ends, with
    the objects that exist then moved out of its sight (``gc.freeze``, as the window does after a
    load): switched back on, its first pass walked all of them (0.17 s at 100k, then again in
    the older generations)."""
    with _GcPause.lock:
        if _GcPause.count == 0:
            _GcPause.was_enabled = gc.isenabled()
            gc.disable()
        _GcPause.count += 1
    try:
        yield
    finally:
        with _GcPause.lock:
            _GcPause.count -= 1
            if _GcPause.count == 0 and _GcPause.was_enabled:
                gc.freeze()
                gc.enable()


def open_cache(root: Path, use_cache: bool, base: Path | None) -> FolderCache | None:
    return FolderCache.open(root, base=base) if use_cache else None


# ---------------------------------------------------------------------------------- reading
def read_files(run: LoadRun, *, build_index: bool = False, with_spans: bool = True) -> ReadResult:
    """The folder's articles; with ``build_index``, and nothing in the cache, their index too.
    ``with_spans``: also the entity spans the cache holds (unpacking 1.5 million spans is 2.3 s
    of a 5.4 s warm reopen at 100k, so a load that finds entities in a later stage skips it)."""
    run.report(LoadProgress("scan", 0, 0))
    scanned = run.scanned or scan(run.root, run.stop)
    rels, keys = scanned.rels, scanned.keys
    problems = list(scanned.problems)
    total = len(scanned.entries)
    run.report(LoadProgress("parse", 0, total))
    parsed, spans = _from_cache(run, keys, total, with_spans=with_spans)
    cached_files = len(parsed)
    # path strings: the parse workers make Path objects of their own chunks (100,000 of them
    # cost ~1.5 s of a warm reopen, ~0.4 s before a cold load's first rows)
    missing = (
        [(rel, p) for rel, (_, p) in zip(rels, scanned.entries, strict=True) if rel not in parsed]
        if len(parsed) < total
        else []
    )
    # with nothing cached the files are parsed in folder order, the order the index wants
    index = _new_index() if build_index and not parsed and missing else None
    _parse_missing(run, missing, keys, parsed, total, index=index)
    if run.cache is not None:
        run.cache.prune()  # rows of files deleted since the last time
    settled = in_folder_order(rels, parsed, problems)
    files = {rel: FileInfo(keys[rel], ids) for rel, ids in zip(rels, settled.ids, strict=True)}
    if settled.renamed:
        index = None  # built from the ids before their clashes were broken: index_for builds it
    # (an index built while parsing takes the articles a sidecar changed in ``index_for``)
    joined = join_folder(run.root, settled.articles, settled.sidecars)
    problems.extend(joined.problems)
    for rel in joined.reshaped:
        # no key: its entity spans are neither taken from the cache nor stored there
        files[rel] = FileInfo(None, files[rel].ids)
        spans.pop(rel, None)
    if index is not None and settled.articles:
        # an article whose tags were joined is re-indexed (at the end, like a live update)
        index.add_many(joined.retagged)
    missing_spans = sum(1 for rel, info in files.items() if info.ids and rel not in spans)
    return ReadResult(
        joined.articles,
        problems,
        files,
        spans,
        missing_spans,
        cached_files,
        len(missing),
        index,
        len(scanned.problems),
        {a.id: a.tags for a in joined.retagged},
        joined.sidecars,
    )


def _from_cache(
    run: LoadRun, keys: dict[str, FileKey | None], total: int, *, with_spans: bool
) -> tuple[dict[str, Parsed], dict[str, FileSpans]]:
    """The files the cache holds unchanged (and their entity spans, with ``with_spans``), handed
    to ``on_batch`` as they come. Raises ``LoadCancelled``."""
    parsed: dict[str, Parsed] = {}
    spans: dict[str, FileSpans] = {}
    cache = run.cache
    if cache is None or not cache.available:
        return parsed, spans
    wanted = {rel: key for rel, key in keys.items() if key is not None}
    batch: list[Article] = []
    span_key = entity_model_key() if with_spans else None
    for rel, result, file_spans in cache.parsed(wanted, entity_key=span_key):
        parsed[rel] = result
        if file_spans is not None:
            spans[rel] = file_spans
        batch.extend(result[0])
        if len(batch) >= CACHED_BATCH:
            _emit(run.on_batch, batch)
            batch = []
            run.report(LoadProgress("parse", len(parsed), total))
            if run.stop():
                raise LoadCancelled
    _emit(run.on_batch, batch)
    return parsed, spans


def scan(root: Path, stop: StopFn) -> Scanned:
    """The folder's article files and their cache keys. Raises ``LoadCancelled``, and
    ``reader.formats.FolderError`` when the folder cannot be read."""
    found: dict[str, FileKey | None] = {}
    entries, problems = scan_entries(root, should_stop=stop, keys=found)
    if stop():
        raise LoadCancelled
    raws = [raw for raw, _ in entries]
    rels = printable_rels(entries)
    # by printable path: a file name that is not UTF-8 has another one (building a second dict
    # of 100,000 keys when none has was 0.04 s of a warm reopen)
    keys = found if rels == raws else dict(zip(rels, map(found.__getitem__, raws), strict=True))
    return Scanned(entries, rels, keys, problems)


def _new_vocab_maps() -> VocabMaps:
    from reader.index.prepare import VocabMaps

    return VocabMaps()


def _index_analysis() -> ChunkAnalysis[PreparedChunk]:
    """The index's analysis of each chunk, done in the parse workers where the texts are."""
    from reader.index.memory import prepare_in_worker
    from reader.index.prepare import with_texts

    return ChunkAnalysis(prepare_in_worker, with_texts)


def _new_index() -> Index:
    from reader.index import Index

    return Index()


def _parse_missing(
    run: LoadRun,
    missing: list[tuple[str, str]],
    keys: dict[str, FileKey | None],
    parsed: dict[str, Parsed],
    total: int,
    *,
    index: Index | None,
) -> None:
    root, cache, report, stop = run.root, run.cache, run.report, run.stop
    if not missing:
        return
    pos = 0
    paths = [p for _, p in missing]
    chunks = parse_files_prepared(
        paths, root, _index_analysis(), should_stop=stop, workers=run.workers
    )
    vocabs = _new_vocab_maps()
    try:
        for size, results, prepared in chunks:
            to_cache = []
            batch: list[Article] = []
            for (rel, _), result in zip(missing[pos : pos + size], results, strict=True):
                parsed[rel] = (result.articles, result.problems)
                batch.extend(result.articles)
                key = keys[rel]
                if key is not None:
                    to_cache.append((rel, key, result.packed or parsed[rel]))
            pos += size
            if cache is not None:
                cache.put_parsed(to_cache)
            del to_cache
            _emit(run.on_batch, batch)
            if index is not None:
                if prepared is not None:
                    index.add_prepared(batch, prepared, vocabs)
                else:
                    index.add_many(batch)
            del prepared
            report(LoadProgress("parse", len(parsed), total))
            if stop():
                raise LoadCancelled
    finally:
        chunks.close()  # shuts the pool down, dropping chunks not yet started


def _emit(on_batch: Callable[[list[Article]], None] | None, batch: list[Article]) -> None:
    if on_batch is not None and batch:
        on_batch(batch)


def parse_some(
    root: Path, rels: Sequence[str], cache: FolderCache | None
) -> dict[str, tuple[FileKey | None, Parsed]]:
    """Parse a few files (live updates) through the cache, in this process."""
    keys = {rel: file_key(root / rel) for rel in rels}
    out: dict[str, tuple[FileKey | None, Parsed]] = {}
    if cache is not None and cache.available:
        wanted = {rel: key for rel, key in keys.items() if key is not None}
        for rel, result, _ in cache.parsed(wanted, few=True):
            out[rel] = (keys[rel], result)
    todo = [rel for rel in rels if rel not in out]
    to_cache = []
    pos = 0
    for size, results in parse_files([root / rel for rel in todo], root, workers=1):
        for rel, read in zip(todo[pos : pos + size], results, strict=True):
            out[rel] = (keys[rel], (read.articles, read.problems))
            key = keys[rel]
            if key is not None:
                to_cache.append((rel, key, read.packed or out[rel][1]))
        pos += size
    if cache is not None:
        cache.put_parsed(to_cache)
    return out
