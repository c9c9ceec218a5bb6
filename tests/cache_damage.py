"""Ways to damage a folder's disk cache, shared by the core and the window tests of issue 6."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.storage.cache import folder_dir


def garbage_db(folder: Path) -> None:
    (folder_dir(folder) / "files.sqlite").write_bytes(b"\x00garbage, not a database" * 100)


def other_version(folder: Path) -> None:
    db = sqlite3.connect(folder_dir(folder) / "files.sqlite")
    db.execute("UPDATE meta SET value = '0.0' WHERE key = 'version'")
    db.commit()
    db.close()


def garbage_snapshot(folder: Path) -> None:
    for file in (folder_dir(folder) / "index").iterdir():
        file.write_bytes(b"truncated")


@contextlib.contextmanager
def refused_writes(monkeypatch: pytest.MonkeyPatch, directory: Path) -> Iterator[None]:
    """Every file write into ``directory`` is refused: a read-only cache as root sees it (root
    writes through permission bits, so chmod alone proves nothing here)."""
    real_write, real_touch = Path.write_text, Path.touch

    def refuse(path: Path, *args, **kwargs):
        if directory in path.parents:
            raise PermissionError(13, "Permission denied")
        return (real_touch if not args and not kwargs else real_write)(path, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_text", refuse)
        patch.setattr(Path, "touch", lambda p, *a, **k: refuse(p))
        yield
