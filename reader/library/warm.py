"""A folder seen before, answered from its cache without reading every article (the command line).

``main.py search`` needs the index and the few articles it shows, not the 100,000 article objects
a full load builds (unpickling and constructing them was half of a 3 s warm run). When every file
is as the index snapshot and its manifest (``reader.storage.snapshot.FolderManifest``) recorded (the
same paths, sizes and modification times) and the file cache is of this code, ``open_warm`` loads
the index alone (its buffers mapped, not read) and the manifest; ``WarmFolder.fetch`` reads the
hits' articles from their files' cached rows (or, if a row is gone, from the files themselves)
with the tags the folder-wide tag pass gave them.

Anything that does not fit gives None, and the caller loads the folder in full, which also
writes the manifest for the next time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.folder import summary_line
from reader.library.loading import Scanned
from reader.model import Article, LoadProblem
from reader.storage.cache import FolderCache, folder_dir

if TYPE_CHECKING:
    from reader.index import Index, SearchResult
    from reader.index.marks import Marks


@dataclass(slots=True)
class WarmFolder:
    """An unchanged folder's index and what the command line prints besides its hits."""

    root: Path
    index: Index
    problems: list[LoadProblem]
    files_seen: int
    articles_count: int
    # the paths of the files that gave no article
    skipped: set[str]
    stats: dict[str, object]
    _cache: FolderCache
    _scanned: Scanned
    # the file of each document number (the article's path, "" for none)
    _doc_files: list[str]
    _retagged: Mapping[str, tuple[str, ...]]
    notes: list[str] = field(default_factory=list)
    # relative path -> path, made the first time a file has no cached row
    _paths: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return self.articles_count

    def summary(self) -> str:
        return summary_line(self.articles_count, self.files_seen, self.skipped)

    def search(self, query: str, *, marks: Marks | None = None) -> SearchResult:
        return self.index.search(query, marks=marks)

    def fetch(self, ids: Iterable[str]) -> dict[str, Article]:
        """The articles with these ids, read by file. Raises ``LookupError`` when one cannot be
        found (a file changed since the scan): the caller then loads the folder in full."""
        by_file: dict[str, set[str]] = {}
        for article_id in ids:
            doc = self.index.doc_number(article_id)
            if doc is None:
                raise LookupError(article_id)
            rel = self._doc_files[doc] or article_id.split("#", 1)[0]
            by_file.setdefault(rel, set()).add(article_id)
        found: dict[str, Article] = {}
        for rel, wanted in by_file.items():
            for article in self._file_articles(rel):
                if article.id in wanted:
                    tags = self._retagged.get(article.id)
                    found[article.id] = (
                        article if tags is None else dataclasses.replace(article, tags=tags)
                    )
            if not wanted <= found.keys():
                raise LookupError(f"{rel}: {sorted(wanted - found.keys())}")
        return found

    def _file_articles(self, rel: str) -> tuple[Article, ...]:
        key = self._scanned.keys.get(rel)
        if key is None:
            raise LookupError(rel)
        for _, (articles, _), _ in self._cache.parsed({rel: key}, few=True):
            return articles
        # no row (evicted, damaged): the file is unchanged, so parsing it gives the same articles
        from reader.formats.parse import parse_file

        if not self._paths:
            entries = self._scanned.entries
            self._paths = dict(zip(self._scanned.rels, (p for _, p in entries), strict=True))
        return parse_file(Path(self._paths[rel]), self.root).articles

    def close(self) -> None:
        self._cache.close()


def open_warm(
    root: Path, scanned: Scanned, *, cache_base: Path | None = None
) -> tuple[WarmFolder | None, list[str]]:
    """(the folder answered from its cache, or None when it does not fit; notes about the
    cache met on the way, for the caller to show if it loads the folder in full)."""
    from reader.storage import snapshot

    keys = scanned.unchanged_keys
    if keys is None or not keys:
        return None, []
    directory = folder_dir(root, cache_base) / "index"
    if snapshot.load_manifest(directory) is None:  # cheap: no cache opened for a first open
        return None, []
    # the file cache's version covers the parsing code the manifest's articles came from
    cache = FolderCache.open(root, base=cache_base)
    if not cache.available or cache.notes:
        notes = list(cache.notes)
        cache.close()
        return None, notes
    loaded = snapshot.load_unchanged(cache.snapshot_dir, keys)
    if loaded is None:
        cache.close()
        return None, []
    index, doc_files, manifest = loaded
    problems = list(scanned.problems) + list(manifest.problems)
    # the scan's problems are about entries that are not article files: none gave an article
    skipped = {p.path for p in scanned.problems} | set(manifest.unread)
    return WarmFolder(
        root=root,
        index=index,
        problems=problems,
        files_seen=len(keys),
        articles_count=manifest.articles,
        skipped=skipped,
        stats={"cached_files": len(keys), "parsed_files": 0, "index": snapshot.IndexOrigin.LOADED},
        _cache=cache,
        _scanned=scanned,
        _doc_files=doc_files,
        _retagged=manifest.retagged,
    ), []
