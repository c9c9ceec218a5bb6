"""Ways to damage a folder's disk cache, shared by the core and the window tests of issue 6."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.cache import folder_dir


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
