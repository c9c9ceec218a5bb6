"""The disk cache: each file's parsed articles and entity spans, so an unchanged folder reopens fast.

One folder, one directory under ``platformdirs.user_cache_dir("arabic-news-reader")/folders``
(named by a hash of the folder's absolute path: ``reader.storage.cache_folders``) holding ``files.sqlite`` (one row per file) and
the index snapshot (``reader.storage.snapshot``). A row is valid for the file's relative path, size and
modification time (ns), for ``ANALYSIS_VERSION`` and for a digest of the parsing code
(``code_key``); entity spans also carry the entity model's key (a hash of the model files and the
recogniser's code), so a retrained model invalidates them and only them. The row format is in
``reader.cache_rows``. SQLite without WAL (one writer; one file to size, evict and delete), one
transaction per batch of files.

The cache is only ever an accelerator. Whatever goes wrong with it (garbage bytes, a database
from another version, a read-only or full disk) turns into a note the caller shows, and the
folder is read from the files as if there were no cache; it is rebuilt when the disk allows.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.cache_rows import (
    FileSpans,
    Parsed,
    pack_articles,
    pack_spans,
    unpack_articles,
    unpack_spans,
)
from reader.storage.app_dirs import cache_root
from reader.storage.cache_folders import (
    DEFAULT_MAX_BYTES,
    STAMP,
    cache_size,
    clear_cache,
    evict,
    folder_dir,
)

# Bump when parsing or entity output changes: every cached row and snapshot is then rebuilt.
ANALYSIS_VERSION = 1
_SCHEMA = 1
_DB_NAME = "files.sqlite"
# up to this many files are looked up one by one (a live update); more read the whole table
_LOOKUP_MAX = 2000
_PAGE_BYTES = 65536

FileKey = tuple[int, int]  # (size, mtime_ns)

# the cache's names, and those of ``cache_folders`` its callers take from here
__all__ = [
    "ANALYSIS_VERSION",
    "FileKey",
    "FileSpans",
    "FolderCache",
    "Parsed",
    "cache_root",
    "cache_size",
    "clear_cache",
    "code_key",
    "evict",
    "folder_dir",
]


@lru_cache(maxsize=8)
def code_key(*parts: str) -> str:
    """A digest of the source of these parts of ``reader`` (packages or modules).

    Part of every cache key, so a changed parser, analyser or recogniser can never be answered
    by output cached from the old code, even when nobody remembered to bump ANALYSIS_VERSION.
    """
    package = Path(__file__).resolve().parent.parent  # the parts name paths under reader/
    digest = hashlib.sha1()
    for part in parts:
        target = package / part
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for file in files:
            try:
                digest.update(file.read_bytes())
            except OSError:
                digest.update(b"missing")
    return digest.hexdigest()[:16]


# ------------------------------------------------------------------------------- the cache
@dataclass(slots=True)
class FolderCache:
    """The cache of one folder. Every method swallows cache trouble into ``notes``."""

    directory: Path
    notes: list[str] = field(default_factory=list)
    _db: sqlite3.Connection | None = None
    writable: bool = True
    unwanted: list[str] = field(default_factory=list)
    # the files digest of the index snapshot on disk when it is this session's index (saved by
    # it, or loaded unpatched), else None
    snapshot_digest: str | None = None

    @classmethod
    def open(
        cls, root: Path, *, base: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> FolderCache:
        """Open (or create) the cache of ``root``; never raises."""
        cache = cls(folder_dir(root, base))
        cache._connect(root)
        if cache._db is not None and cache.writable:
            evict(base or cache_root(), max_bytes, keep=cache.directory)
        return cache

    @property
    def available(self) -> bool:
        return self._db is not None

    def _connect(self, root: Path) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # the path's own bytes: a folder name that is not UTF-8 (surrogateescape) has no text
            (self.directory / "folder.txt").write_bytes(os.fsencode(Path(root).resolve()))
            (self.directory / STAMP).touch()
        except OSError as exc:
            self.writable = False
            if not (self.directory / _DB_NAME).is_file():
                self.notes.append(f"cache unavailable ({exc.strerror or exc}); reading every file")
                return
            self.notes.append(
                f"cache read-only ({exc.strerror or exc}); changed files are not saved to it"
            )
        for attempt in (1, 2):
            try:
                self._db = self._open_db()
                return
            except sqlite3.DatabaseError as exc:
                self._close()
                reason = str(exc)
            except _OtherVersion as exc:
                self._close()
                reason = str(exc)
            if attempt == 1 and self._discard(reason):
                continue
            self.notes.append(f"cache unusable ({reason}); reading every file")
            return

    def _open_db(self) -> sqlite3.Connection:
        path = self.directory / _DB_NAME
        if self.writable:
            db = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
        else:
            uri = path.resolve().as_uri() + "?mode=ro"
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._db = db
        try:
            # no WAL: one writer, and a single file is simpler to size, evict and delete
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA synchronous=OFF")  # losing a cache on power loss costs a re-read
            # no mmap_size: reading the rows through a mapping took 0.13 instead of 0.19 s for
            # 100,000 rows, but every page read stays in the resident size (+400 MB of peak RSS
            # at 100k with the entity stage's second pass over the table)
            row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc) or not self.writable:
                raise
            row = None
            empty = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
            if not empty:
                raise _OtherVersion("cache from another version") from None
            self._create(db)
            return db
        if row is None or row[0] != _version():
            raise _OtherVersion("cache from another version")
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        # big pages for rows of a few KB each: with SQLite's 4 KB most rows spilled into overflow
        # pages; at 64 KB the 100,000 rows of a big folder are read in 0.09 instead of 0.19 s,
        # from a file 18 % smaller (set before the first table: the file has no page yet)
        db.execute(f"PRAGMA page_size={_PAGE_BYTES}")
        db.execute("BEGIN")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE files (rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
            " parsed BLOB, entity_key TEXT, entities BLOB)"
        )
        db.execute("INSERT INTO meta VALUES ('version', ?)", (_version(),))
        db.execute("COMMIT")

    def _discard(self, reason: str) -> bool:
        """Delete an unusable cache so it is rebuilt; False when the disk does not allow it."""
        if not self.writable:
            return False
        try:
            shutil.rmtree(self.directory)
            self.directory.mkdir(parents=True)
            (self.directory / STAMP).touch()
        except OSError:
            self.writable = False
            return False
        self.notes.append(f"cache ignored and rebuilt ({reason})")
        return True

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def close(self) -> None:
        self._close()

    def _failed(self, doing: str, exc: Exception) -> None:
        """A read or write went wrong mid-session: stop using the cache, say so once."""
        self.notes.append(f"cache {doing} failed ({exc}); reading files directly")
        self._close()

    # -- reading ----------------------------------------------------------------------------
    def rows(self) -> dict[str, tuple[int, int, str | None]]:
        """Every cached file: rel -> (size, mtime_ns, entity key or None)."""
        if self._db is None:
            return {}
        try:
            return {
                rel: (size, mtime, ekey)
                for rel, size, mtime, ekey in self._db.execute(
                    "SELECT rel, size, mtime_ns, entity_key FROM files"
                )
            }
        except sqlite3.Error as exc:
            self._failed("read", exc)
            return {}

    def parsed(
        self, wanted: dict[str, FileKey], *, entity_key: str | None = None, few: bool = False
    ) -> Iterator[tuple[str, Parsed, FileSpans | None]]:
        """(rel, parsed, spans or None) for each wanted file whose row matches its key.

        ``few``: a handful of files of a big folder (a live update): looked up by key instead of
        reading the whole table.

        Rows that do not unpack (garbage bytes) are skipped: the caller parses those files. Rows
        of files not wanted (deleted since) are remembered in ``unwanted`` for ``prune``.
        """
        if self._db is None:
            return
        # the spans' column only when they are wanted: 0.04 s of reading 100,000 rows
        spans_column = "entities" if entity_key is not None else "NULL"
        columns = f"rel, size, mtime_ns, parsed, entity_key, {spans_column}"
        try:
            if few and len(wanted) <= _LOOKUP_MAX:  # by primary key
                rows: Iterable[tuple] = (
                    row
                    for rel in wanted
                    for row in self._db.execute(
                        f"SELECT {columns} FROM files WHERE rel = ?", (rel,)
                    ).fetchall()
                )
            else:  # a whole folder: one scan
                rows = self._db.execute(f"SELECT {columns} FROM files")
            for rel, size, mtime, blob, ekey, spans_blob in rows:
                key = wanted.get(rel)
                if key is None:
                    self.unwanted.append(rel)
                if key != (size, mtime):
                    continue
                try:
                    parsed = unpack_articles(blob)
                    spans = (
                        unpack_spans(spans_blob)
                        if entity_key is not None and ekey == entity_key and spans_blob
                        else None
                    )
                except Exception:  # any garbage: this row is a miss, the file is read again
                    continue
                if spans is not None and len(spans) != len(parsed[0]):
                    spans = None
                yield rel, parsed, spans
        except sqlite3.Error as exc:
            self._failed("read", exc)

    def prune(self) -> None:
        """Forget the rows of files that are gone (seen by ``parsed`` as not wanted)."""
        if self.unwanted:
            self.forget(self.unwanted)
            self.unwanted = []

    # -- writing ----------------------------------------------------------------------------
    def put_parsed(self, items: Sequence[tuple[str, FileKey, Parsed | bytes]]) -> None:
        """Store parsed files (dropping their old spans), in one transaction; a file may come
        already packed (``pack_articles``, as the parse workers send it)."""
        rows = [
            (rel, key[0], key[1], p if isinstance(p, bytes) else pack_articles(p))
            for rel, key, p in items
        ]
        self._write(
            "INSERT OR REPLACE INTO files (rel, size, mtime_ns, parsed, entity_key, entities)"
            " VALUES (?, ?, ?, ?, NULL, NULL)",
            rows,
        )

    def put_spans(self, items: Sequence[tuple[str, FileKey, FileSpans]], entity_key: str) -> None:
        """Store entity spans of files already stored with this key, in one transaction."""
        rows = [(entity_key, pack_spans(s), rel, k[0], k[1]) for rel, k, s in items]
        self._write(
            "UPDATE files SET entity_key = ?, entities = ? WHERE rel = ? AND size = ?"
            " AND mtime_ns = ?",
            rows,
        )

    def forget(self, rels: Iterable[str]) -> None:
        self._write("DELETE FROM files WHERE rel = ?", [(r,) for r in rels])

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        if self._db is None or not self.writable or not rows:
            return
        try:
            self._db.execute("BEGIN")
            self._db.executemany(sql, rows)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # full disk, read-only file, locked for too long
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            self.writable = False
            if self._gone(exc):
                # SQLite says "attempt to write a readonly database" when the file was deleted
                # under it: say what happened, and stop using what is left of it
                self._close()
                self.notes.append(
                    "cache not updated: its folder was removed or became read-only;"
                    " continuing without the cache"
                )
                return
            self.notes.append(f"cache not updated ({exc}); this folder is read in full next time")

    def _gone(self, exc: sqlite3.Error) -> bool:
        """Whether a failed write means the cache's folder or file was removed or made
        read-only (not a full disk or a lock)."""
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        return code == sqlite3.SQLITE_READONLY or not (self.directory / _DB_NAME).is_file()

    @property
    def snapshot_dir(self) -> Path:
        return self.directory / "index"


class _OtherVersion(Exception):
    pass


def _version() -> str:
    return (
        f"{_SCHEMA}.{ANALYSIS_VERSION}.{code_key('formats', 'text', 'model.py', 'cache_rows.py')}"
    )
