"""The built index of a folder, kept on disk next to its file cache, so reopening skips the build.

Rebuilding the index of 100,000 articles takes ~26 s (bench_search.py); loading its snapshot takes
about a second. The snapshot records which files (path, size, mtime_ns) and which analysis
(``ANALYSIS_VERSION``, entity model key or none) it was built from. When only some files changed,
it is loaded and those files' articles are removed and re-added (``Index.add``/``remove`` are
cheap), so one new file in a big folder does not cost a rebuild.

Anything wrong with a snapshot (missing, truncated, another version) means "no snapshot": the
index is built from the articles as if it never existed.
"""

from __future__ import annotations

import contextlib
import pickle
import shutil
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.cache import ANALYSIS_VERSION, FileKey, code_key
from reader.index import Index
from reader.index.persist import load_index, save_index
from reader.model import Article

_META = "meta.pickle"
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class SnapshotUse:
    """How the index was obtained: loaded as is, loaded and patched, or built."""

    how: str  # "loaded" | "patched" | "built"
    readded: int = 0
    removed: int = 0
    # the entity model key the snapshot was saved with (None: saved without entities)
    entity_key: str | None = None


def _index_code() -> str:
    # the index's own code and the text analysis it runs: a new stemmer means a new index
    return code_key("index", "text")


def tags_digest(article: Article) -> int:
    """A stable digest of an article's final tags (the folder-wide tag pass may change them)."""
    return zlib.crc32("\x1f".join(article.tags).encode("utf-8", "surrogatepass"))


def save(
    directory: Path,
    index: Index,
    files: Mapping[str, FileKey],
    entity_key: str | None,
) -> str | None:
    """Write the snapshot (atomically: a new directory renamed over the old). None or a note."""
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
            "files": dict(files),
        }
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
) -> tuple[Index, SnapshotUse] | None:
    """The index of ``articles`` from the snapshot, patched for changed files; None if unusable.
    ``entity_key``: the entity model key the snapshot must have been saved with (None: without
    entities), or a tuple of the keys that will do."""
    accepted = entity_key if isinstance(entity_key, tuple) else (entity_key,)
    try:
        with (directory / _META).open("rb") as handle:
            meta = pickle.load(handle)
        if (meta.get("format"), meta.get("version"), meta.get("code")) != (
            _FORMAT,
            ANALYSIS_VERSION,
            _index_code(),
        ) or meta.get("entity_key") not in accepted:
            return None
        saved_with = meta.get("entity_key")
        by_id = {a.id: a for a in articles}
        index, live = load_index(directory, by_id)
    except Exception:  # a truncated or foreign snapshot is simply not used
        return None
    old_files: dict[str, FileKey] = meta["files"]
    stale = {rel for rel, key in old_files.items() if files.get(rel) != key}
    fresh = {rel for rel, key in files.items() if old_files.get(rel) != key}
    removed = 0
    for article_id, (rel, digest) in live.items():
        article = by_id.get(article_id)
        # an unchanged file's article is re-added too when its final tags differ: the
        # folder-wide tag pass (reader.formats.tags) saw other files this time
        if rel in stale or article is None or tags_digest(article) != digest:
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
        return index, SnapshotUse("loaded", entity_key=saved_with)
    return index, SnapshotUse("patched", readded=len(readd), removed=removed, entity_key=saved_with)
