"""The built index of a folder, kept on disk next to its file cache, so reopening skips the build.

Rebuilding the index of 100,000 articles takes ~26 s (bench_search.py); loading its snapshot takes
about a second. The snapshot records which files (path, size, mtime_ns) and which analysis
(``ANALYSIS_VERSION``, entity model key or none) it was built from. When only some files changed,
it is loaded and those files' articles are removed and re-added (``Index.add``/``remove`` are
cheap), so one new file in a big folder does not cost a rebuild.

The files are recorded twice: as a digest in the small meta file (an unchanged folder is known
without reading back the 100,000 keys) and as the keys themselves (to find which files changed).
A load of the whole folder that finds the snapshot right for its files adds a manifest
(``FolderManifest``): what the command line needs besides the index to answer from the cache
alone (``reader.library.warm``). Saving a snapshot replaces its directory, the manifest with it.

Anything wrong with a snapshot's files (missing, truncated, foreign bytes, another version)
means "no snapshot": the index is built from the articles as if it never existed, and the reason
is logged (logger ``reader.storage.snapshot``, level INFO; the user is not told, the folder is complete
either way). Only the errors reading such files raises are caught (``UNREADABLE``): a bug in the
code still surfaces instead of passing as a silent rebuild.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import pickle
import shutil
import zlib
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.index import Index
from reader.index.persist import load_bare_index, load_index, save_index
from reader.model import Article, LoadProblem
from reader.storage.cache import ANALYSIS_VERSION, FileKey, code_key

# What reading a missing, truncated or foreign snapshot raises: the OS (missing, unreadable),
# pickle (UnpicklingError, EOFError when cut short, and the AttributeError, ImportError,
# IndexError and KeyError its documentation names for foreign data), numpy and
# reader.index.persist (ValueError).
UNREADABLE: tuple[type[Exception], ...] = (
    OSError,
    EOFError,
    ValueError,
    pickle.UnpicklingError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
)

_log = logging.getLogger(__name__)

_META = "meta.pickle"
_FILES = "files.pickle"
_MANIFEST = "manifest.pickle"
# 1: the keys in the meta file; 2: a digest there, the keys in their own file
_FORMAT = 2
_READABLE = (1, 2)


class IndexOrigin(StrEnum):
    """Where a loaded folder's index came from (``Library.stats["index"]``, the command line's
    "cache:" line). A str, so it prints and compares as its value."""

    BUILT = "built"  # from the articles
    DERIVED = "derived"  # the postings of the index in memory shared, the facets rebuilt
    LOADED = "loaded"  # the snapshot, as saved
    PATCHED = "patched"  # the snapshot, with the changed files' articles removed and re-added


@dataclass(frozen=True, slots=True)
class SnapshotUse:
    """How the snapshot served: loaded as is, or loaded and patched."""

    how: IndexOrigin
    readded: int = 0
    removed: int = 0
    # the entity model key the snapshot was saved with (None: saved without entities)
    entity_key: str | None = None


def _unusable(what: str, directory: Path, exc: Exception) -> None:
    """Record why a snapshot file was not used (a missing one is the usual first open)."""
    level = logging.DEBUG if isinstance(exc, FileNotFoundError) else logging.INFO
    _log.log(level, "%s in %s not used (%s: %s)", what, directory, type(exc).__name__, exc)


def _index_code() -> str:
    # the index's own code and the text analysis it runs: a new stemmer means a new index
    return code_key("index", "text")


def files_digest(files: Mapping[str, FileKey]) -> str:
    """A digest of the files (relative path, size, mtime_ns), whatever the mapping's order
    (a scan's is already sorted: checking it costs a third of sorting the items)."""
    rels = list(files)
    ordered = sorted(rels)
    keys = files.values() if rels == ordered else [files[rel] for rel in ordered]
    digest = hashlib.blake2b(digest_size=20)
    digest.update("\0".join(ordered).encode("utf-8", "surrogatepass"))
    digest.update(array("q", itertools.chain.from_iterable(keys)).tobytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class FolderManifest:
    """What a load of the whole folder knew besides the index, for the files of ``files_digest``.

    ``problems``: the problems of the files (after the scan's own, which a reader finds again);
    ``unread``: the paths among them that gave no article (the summary's skipped files);
    ``retagged``: the final tags of the articles the folder-wide tag pass changed (a file's
    cached row holds its tags as parsed)."""

    files_digest: str
    articles: int
    problems: tuple[LoadProblem, ...]
    unread: tuple[str, ...]
    retagged: Mapping[str, tuple[str, ...]]


def tags_digest(article: Article) -> int:
    """A stable digest of an article's final tags (the folder-wide tag pass may change them)."""
    return zlib.crc32("\x1f".join(article.tags).encode("utf-8", "surrogatepass"))


def save(
    directory: Path,
    index: Index,
    files: Mapping[str, FileKey],
    entity_key: str | None,
    digest: str | None = None,
) -> str | None:
    """Write the snapshot (atomically: a new directory renamed over the old). None or a note.
    ``digest``: ``files_digest(files)`` if the caller has it."""
    tmp = directory.with_name(directory.name + ".tmp")
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        save_index(index, tmp)
        meta = {
            "format": _FORMAT,
            "version": ANALYSIS_VERSION,
            "code": _index_code(),
            "entity_key": entity_key,
            "files_digest": digest or files_digest(files),
        }
        with (tmp / _FILES).open("wb") as out:
            pickle.dump(dict(files), out, protocol=pickle.HIGHEST_PROTOCOL)
        with (tmp / _META).open("wb") as out:
            pickle.dump(meta, out, protocol=pickle.HIGHEST_PROTOCOL)
        if directory.exists():
            shutil.rmtree(directory)
        tmp.rename(directory)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        return f"index snapshot not saved ({exc.strerror or exc})"
    return None


def load(
    directory: Path,
    articles: Sequence[Article],
    files: Mapping[str, FileKey],
    entity_key: str | tuple[str | None, ...] | None,
    digest: str | None = None,
) -> tuple[Index, SnapshotUse] | None:
    """The index of ``articles`` from the snapshot, patched for changed files; None if unusable.
    ``entity_key``: the entity model key the snapshot must have been saved with (None: without
    entities), or a tuple of the keys that will do. ``digest``: ``files_digest(files)``."""
    accepted = entity_key if isinstance(entity_key, tuple) else (entity_key,)
    try:
        meta = _meta(directory)
        if meta is None or meta.get("entity_key") not in accepted:
            return None
        saved_with = meta.get("entity_key")
        by_id = {a.id: a for a in articles}
        index, live = load_index(directory, by_id)
        digest = digest or files_digest(files)
        if meta.get("files_digest") == digest:
            # a manifest for these files: a load of them found the snapshot right, tags included
            if manifest_digest(directory) == digest and len(live) == len(by_id):
                return index, SnapshotUse(IndexOrigin.LOADED, entity_key=saved_with)
            stale: set[str] = set()
            fresh: set[str] = set()
        else:
            old_files = _files(directory, meta)
            stale = {rel for rel, key in old_files.items() if files.get(rel) != key}
            fresh = {rel for rel, key in files.items() if old_files.get(rel) != key}
    except UNREADABLE as exc:  # a truncated or foreign snapshot is not used: the index is built
        _unusable("index snapshot", directory, exc)
        return None
    removed = 0
    for article_id, (rel, tags) in live.items():
        article = by_id.get(article_id)
        # an unchanged file's article is re-added too when its final tags differ: the
        # folder-wide tag pass (reader.formats.tags) saw other files this time
        if rel in stale or article is None or tags_digest(article) != tags:
            index.remove(article_id)
            removed += 1
    # every live id kept its article and there are as many ids as live ones: none is missing
    # (skips 100,000 membership tests on an unchanged folder)
    readd = (
        []
        if removed == 0 and len(live) == len(by_id)
        else [a for a in articles if a.id not in index]
    )
    index.add_many(readd)
    if not stale and not fresh and not readd and not removed:
        return index, SnapshotUse(IndexOrigin.LOADED, entity_key=saved_with)
    return index, SnapshotUse(
        IndexOrigin.PATCHED, readded=len(readd), removed=removed, entity_key=saved_with
    )


def _meta(directory: Path) -> dict | None:
    """The snapshot's meta data, or None when it is from another version or code."""
    with (directory / _META).open("rb") as handle:
        meta = pickle.load(handle)
    if meta.get("format") not in _READABLE or (meta.get("version"), meta.get("code")) != (
        ANALYSIS_VERSION,
        _index_code(),
    ):
        return None
    return meta


def _files(directory: Path, meta: dict) -> dict[str, FileKey]:
    if "files" in meta:  # format 1
        return meta["files"]
    with (directory / _FILES).open("rb") as handle:
        return pickle.load(handle)


def saved_digest(directory: Path) -> str | None:
    """The files digest of the snapshot on disk (None: none usable, or saved by format 1)."""
    try:
        meta = _meta(directory)
    except UNREADABLE as exc:
        _unusable("snapshot meta", directory, exc)
        return None
    return None if meta is None else meta.get("files_digest")


def holds(directory: Path, entity_key: str | None, digest: str) -> bool:
    """True when the snapshot on disk was saved for files with this ``digest`` under this entity
    model key (and this code): the index it holds is the one those articles give, so saving an
    index of the same articles again would only rewrite it (and drop its manifest)."""
    try:
        meta = _meta(directory)
    except UNREADABLE as exc:
        _unusable("snapshot meta", directory, exc)
        return False
    return (
        meta is not None
        and meta.get("entity_key") == entity_key
        and meta.get("files_digest") == digest
    )


def save_manifest(directory: Path, manifest: FolderManifest) -> None:
    """Add the manifest to the snapshot saved for the same files (nothing if there is none)."""
    if saved_digest(directory) != manifest.files_digest:
        return
    tmp = directory / (_MANIFEST + ".tmp")
    plain = (
        manifest.articles,
        tuple((p.path, p.reason) for p in manifest.problems),
        manifest.unread,
        dict(manifest.retagged),
    )
    with contextlib.suppress(OSError):
        with tmp.open("wb") as out:
            # the digest on its own first: a load that only checks it reads no more
            pickle.dump(manifest.files_digest, out, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(plain, out, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(directory / _MANIFEST)


def load_manifest(directory: Path) -> FolderManifest | None:
    try:
        with (directory / _MANIFEST).open("rb") as handle:
            digest = pickle.load(handle)
            count, problems, unread, retagged = pickle.load(handle)
        return FolderManifest(
            digest, count, tuple(LoadProblem(p, r) for p, r in problems), unread, retagged
        )
    except UNREADABLE as exc:  # missing or damaged: the folder is loaded in full
        _unusable("snapshot manifest", directory, exc)
        return None


def manifest_digest(directory: Path) -> str | None:
    """The files digest of the manifest in the snapshot directory, if there is one."""
    try:
        with (directory / _MANIFEST).open("rb") as handle:
            return pickle.load(handle)
    except UNREADABLE as exc:
        _unusable("snapshot manifest", directory, exc)
        return None


def load_unchanged(
    directory: Path, files: Mapping[str, FileKey]
) -> tuple[Index, list[str], FolderManifest] | None:
    """For a folder whose files are exactly those the snapshot and its manifest were saved for:
    (the index without articles, the file of each document number, the manifest); else None.

    The index's entity facets are whatever the snapshot was saved with: fit for any search
    that does not filter by entity."""
    manifest = load_manifest(directory)
    if manifest is None:
        return None
    digest = files_digest(files)
    if manifest.files_digest != digest or saved_digest(directory) != digest:
        return None
    try:
        index, doc_files = load_bare_index(directory)
    except UNREADABLE as exc:  # a truncated or foreign snapshot is not used
        _unusable("index snapshot", directory, exc)
        return None
    return index, doc_files, manifest
