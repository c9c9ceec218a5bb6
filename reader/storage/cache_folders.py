"""Where the disk cache lives (one directory per opened folder under the user's cache directory),
how much it takes, and what is deleted when it grows past its limit or the user clears it.
``reader.storage.cache`` keeps each folder's files in the directory named here."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from reader.storage.app_dirs import cache_root

DEFAULT_MAX_BYTES = 2 * 1024**3
# touched whenever a folder's cache is opened: the least recently used is evicted first
STAMP = "last-used"


def folder_dir(root: Path, base: Path | None = None) -> Path:
    """The cache directory of one opened folder."""
    digest = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return (base or cache_root()) / "folders" / digest.hexdigest()[:24]


def clear_cache(base: Path | None = None) -> list[str]:
    """Delete every cached folder (the "Clear cache" menu). Returns notes for what could not go."""
    notes: list[str] = []
    folders = (base or cache_root()) / "folders"
    if not folders.exists():
        return notes
    for entry in folders.iterdir():
        try:
            shutil.rmtree(entry)
        except OSError as exc:
            notes.append(f"cache: cannot delete {entry}: {exc.strerror or exc}")
    return notes


def cache_size(base: Path | None = None) -> int:
    """Bytes the cache takes on disk (for the UI, next to "Clear cache")."""
    total = 0
    for folder in _folders(base or cache_root()):
        total += _tree_size(folder)
    return total


def evict(base: Path, max_bytes: int, *, keep: Path | None = None) -> list[Path]:
    """Delete least recently used folder caches until the cache fits in ``max_bytes``."""
    folders = [(f, _last_used(f), _tree_size(f)) for f in _folders(base)]
    total = sum(size for _, _, size in folders)
    removed: list[Path] = []
    for folder, _, size in sorted(folders, key=lambda f: f[1]):
        if total <= max_bytes:
            break
        if keep is not None and folder == keep:
            continue
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)
            total -= size
            removed.append(folder)
    return removed


def _folders(base: Path) -> list[Path]:
    try:
        return [p for p in (base / "folders").iterdir() if p.is_dir()]
    except OSError:
        return []


def _last_used(folder: Path) -> float:
    try:
        return (folder / STAMP).stat().st_mtime
    except OSError:
        return 0.0


def _tree_size(folder: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).stat().st_size
    return total
