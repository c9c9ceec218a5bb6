"""Live folders, step 1: the files a burst named, read into plain data (``prepare_changes``).

Only the named files are read (through the disk cache), joined with the folder's metadata
sidecars and given the folder-wide tag pass; nothing of the library's mutable parts (articles,
files, index) is touched, so this may run on a worker thread while the owner searches and
commits (``reader.library.live.Commit``, step 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.formats.folder import is_article_name, left_out_with_its_folder, not_read_reason
from reader.formats.ids import IdClaims
from reader.formats.sidecar import apply_sidecars, is_candidate, read_sidecar
from reader.formats.tags import recover_multiword_tags
from reader.library.loading import (
    FileInfo,
    LoadRun,
    never_stop,
    no_progress,
    open_cache,
    parse_some,
    relative,
)
from reader.library.tagging import annotate_files, cached_spans
from reader.model import Article, LoadProblem

if TYPE_CHECKING:
    from reader.index import Index
    from reader.library.title_links import TitleLinks
    from reader.storage.cache import FileKey, FolderCache, Parsed


class LoadedFolder(Protocol):
    """What live changes read and write of an open folder (``reader.library.library.Library`` is one):
    named here so this module needs nothing from the library above it."""

    root: Path
    articles: dict[str, Article]
    problems: list[LoadProblem]
    index: Index
    files_seen: int
    notes: list[str]
    files: dict[str, FileInfo]
    use_cache: bool
    workers: int | None

    @property
    def has_entities(self) -> bool: ...

    @property
    def built_title_links(self) -> TitleLinks | None: ...


@dataclass(frozen=True, slots=True)
class FileRead:
    """One file as it is now: its cache key and ids, its articles, what went wrong reading it."""

    info: FileInfo
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


@dataclass(frozen=True, slots=True)
class PreparedChanges:
    """Files read for a live update, ready for ``Commit`` (plain data, no library state)."""

    root: Path
    # relative path -> the file as it is now, for every named file that exists
    read: dict[str, FileRead] = field(default_factory=dict)
    # relative paths that are gone (files, or folders that stand for every file under them)
    gone: frozenset[str] = frozenset()
    # True when the articles carry entity spans
    tagged: bool = False
    notes: tuple[str, ...] = ()
    # files written that are in no article format: named, as the scan of a full load names them
    skipped: tuple[LoadProblem, ...] = ()

    @property
    def articles(self) -> list[Article]:
        return [a for f in self.read.values() for a in f.articles]

    @property
    def paths(self) -> frozenset[str]:
        return self.gone | frozenset(self.read) | frozenset(p.path for p in self.skipped)


def prepare_changes(
    library: LoadedFolder,
    added_or_changed: Iterable[Path | str],
    removed: Iterable[Path | str],
    *,
    entities: bool | None,
    evidence: Sequence[Article] | None = None,
) -> PreparedChanges:
    """Read the named files (through the cache) into plain data for ``Commit``.

    Reads only ``library.root``, ``use_cache``, ``workers`` and ``has_entities``: safe on a worker
    thread while the owner commits. ``evidence``: the folder's articles for the multi-word tag
    pass, a list snapshotted by the owning thread (default: ``library.articles`` now, which is
    only safe when no other thread changes them). ``entities``: tag the new articles here
    (default: when the library has entities); a GUI passes False and tags in worker processes.
    """
    root = library.root
    present, gone, skipped = _sort_paths(root, added_or_changed, removed)
    cache = open_cache(root, library.use_cache, None)
    notes: list[str] = []
    try:
        parsed, fresh, reshaped = _parsed(library, present, gone, cache, evidence)
        # a file whose body the sidecar changed has no key: its cached spans are of another body
        files = {
            rel: FileInfo(
                None if rel in reshaped else parsed[rel][0],
                tuple(a.id for a in parsed[rel][1][0]),
            )
            for rel in present
        }
        tagged = False
        tag = library.has_entities if entities is None else entities
        if tag and fresh:
            run = LoadRun(root, cache, no_progress, never_stop, library.workers)
            spans = cached_spans(cache, files, few=True) if cache is not None else {}
            fresh, status = annotate_files(run, fresh, spans, tag_missing=True, files=files)
            tagged = status is None
        if cache is not None:
            notes = list(dict.fromkeys(cache.notes))
    finally:
        if cache is not None:
            cache.close()
    by_id = {a.id: a for a in fresh}
    read = {
        rel: FileRead(files[rel], tuple(by_id[i] for i in files[rel].ids), tuple(parsed[rel][1][1]))
        for rel in present
    }
    return PreparedChanges(root, read, frozenset(gone), tagged, tuple(notes), tuple(skipped))


def _parsed(
    library: LoadedFolder,
    present: list[str],
    gone: set[str],
    cache: FolderCache | None,
    evidence: Sequence[Article] | None,
) -> tuple[dict[str, tuple[FileKey | None, Parsed]], list[Article], frozenset[str]]:
    """(each file parsed, its ids settled; the new articles joined with the folder's sidecars
    and given the folder-wide tag pass; the files whose body a sidecar changed). The article
    files an edited sidecar names are read again and appended to ``present``."""
    root = library.root
    parsed = parse_some(root, present, cache)
    tables = _sidecar_tables(library, present, parsed, gone)
    if tables:
        # an edited sidecar: the files it names now are read again (through the cache) and
        # joined with it
        named = _named_by(root, [rel for rel in present if rel in tables], parsed)
        parsed.update(parse_some(root, named, cache))
        present.extend(named)
    # ids unique among these files (by_id in prepare_changes, the tagging), settled in folder
    # order as a load settles them; the commit settles them against the library's other articles
    claims = IdClaims()
    settled = {rel: claims.settle(rel, *parsed[rel][1]) for rel in sorted(present)}
    parsed = {rel: (parsed[rel][0], settled[rel]) for rel in present}
    fresh = [a for rel in present for a in parsed[rel][1][0]]
    reshaped: frozenset[str] = frozenset()
    if fresh and tables:
        join = apply_sidecars(root, tables, fresh)
        fresh, reshaped = join.articles, join.reshaped
    if fresh:
        others = list(library.articles.values()) if evidence is None else evidence
        fresh = _recover_tags(others, fresh)
    return parsed, fresh, reshaped


def _sort_paths(
    root: Path, added_or_changed: Iterable[Path | str], removed: Iterable[Path | str]
) -> tuple[list[str], set[str], list[LoadProblem]]:
    """(files to read, files gone, files in no article format) as relative ids; hidden names are
    dropped, and a collection's README or LICENSE."""
    gone = {relative(root, p) for p in removed}
    present: list[str] = []
    skipped: dict[str, LoadProblem] = {}
    for p in added_or_changed:
        rel = relative(root, p)
        name = rel.rsplit("/", 1)[-1]
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if left_out_with_its_folder(root, rel):
            continue  # as the scan does
        if not is_article_name(name):
            reason = not_read_reason(name)
            if reason is not None and (root / rel).is_file():
                skipped[rel] = LoadProblem(rel, reason)
            continue
        if (root / rel).is_file():
            present.append(rel)
            gone.discard(rel)
        else:
            gone.add(rel)
    present = list(dict.fromkeys(present))
    gone -= set(present)
    gone -= set(skipped)
    return present, gone, list(skipped.values())


def _sidecar_tables(
    library: LoadedFolder,
    present: list[str],
    parsed: dict[str, tuple[FileKey | None, Parsed]],
    gone: set[str],
) -> list[str]:
    """The folder's tables without articles (metadata sidecars, maybe) once these changes are
    made: the library's, less those gone or changed into article tables, and the new ones."""
    # list() copies the dict in one step of the interpreter: this may run on a worker thread
    known = [rel for rel, info in list(library.files.items()) if not info.ids and is_candidate(rel)]
    tables = [rel for rel in known if rel not in gone and rel not in parsed]
    tables += [rel for rel in present if not parsed[rel][1][0] and is_candidate(rel)]
    return tables


def _named_by(
    root: Path, sidecars: list[str], parsed: dict[str, tuple[FileKey | None, Parsed]]
) -> list[str]:
    """The article files the given sidecars name that are not read already."""
    named: list[str] = []
    for rel in sidecars:
        sidecar = read_sidecar(root, rel)
        if sidecar is None:
            continue
        for file in sidecar.files:
            hidden = any(part.startswith(".") for part in file.split("/"))
            if file in parsed or file in named or hidden or file.startswith("../"):
                continue
            if is_article_name(file.rsplit("/", 1)[-1]):
                named.append(file)
    return named


def _recover_tags(evidence: Sequence[Article], fresh: list[Article]) -> list[Article]:
    """The folder-wide tag pass for the new articles only, with the folder as evidence."""
    new_ids = {a.id for a in fresh}
    others = [a for a in evidence if a.id not in new_ids]
    from reader.formats.tags import _from_unsplit_tag_line

    merged = recover_multiword_tags(
        [*others, *fresh],
        is_candidate=lambda a: a.id in new_ids and _from_unsplit_tag_line(a),
    )
    return merged[len(others) :]
