"""What the user did to articles (read, starred), remembered across restarts.

Kept in the user's data directory (platformdirs), one small JSON file per opened folder, so the
articles themselves stay untouched and read-only folders work. Writes go to a temporary file in
the same directory and are moved over the old one with ``os.replace``: a crash mid-write leaves
the previous state, never half a file. A corrupt or unreadable file is not fatal: the state
starts empty and ``note`` says why (the UI shows it in the status bar).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "arabic-news-reader"
_FORMAT = 1


def state_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "state"


def state_path(folder: Path) -> Path:
    """The state file of one folder: named by a hash of its resolved path (paths can be long or odd)."""
    key = str(Path(folder).expanduser().resolve())
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return state_dir() / f"{digest}.json"


class UserState:
    """Read and starred flags of the articles of one folder, keyed by article id."""

    def __init__(self, folder: Path, path: Path | None = None) -> None:
        self.folder = Path(folder)
        self.path = path if path is not None else state_path(self.folder)
        self._read: set[str] = set()
        self._starred: set[str] = set()
        self.note: str | None = None
        self.dirty = False
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as err:
            self.note = f"{self.path}: could not read the saved state ({err.strerror or err}); starting empty"
            return
        try:
            data = json.loads(raw)
            read = data["read"]
            starred = data["starred"]
            if not (isinstance(read, list) and isinstance(starred, list)):
                raise TypeError("read/starred are not lists")
            self._read = {str(x) for x in read}
            self._starred = {str(x) for x in starred}
        except (ValueError, KeyError, TypeError) as err:
            self.note = f"{self.path}: saved state is damaged ({err}); starting empty"
            self._read, self._starred = set(), set()

    def is_read(self, article_id: str) -> bool:
        return article_id in self._read

    def is_starred(self, article_id: str) -> bool:
        return article_id in self._starred

    def set_read(self, article_id: str, value: bool = True) -> None:
        self._set(self._read, article_id, value)

    def set_starred(self, article_id: str, value: bool = True) -> None:
        self._set(self._starred, article_id, value)

    def _set(self, bucket: set[str], article_id: str, value: bool) -> None:
        if value and article_id not in bucket:
            bucket.add(article_id)
            self.dirty = True
        elif not value and article_id in bucket:
            bucket.discard(article_id)
            self.dirty = True

    def rename(self, old_id: str, new_id: str) -> None:
        """An article's id changed (its file was renamed or moved): its flags follow it.

        Idempotent: flags the old id no longer has leave the new id's flags alone.
        """
        for bucket in (self._read, self._starred):
            if old_id in bucket:
                bucket.discard(old_id)
                if new_id not in bucket:
                    bucket.add(new_id)
                self.dirty = True

    @property
    def starred_ids(self) -> frozenset[str]:
        return frozenset(self._starred)

    @property
    def read_ids(self) -> frozenset[str]:
        return frozenset(self._read)

    def save(self) -> None:
        """Write atomically (temp file + os.replace). Raises OSError when the directory is not writable."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": _FORMAT,
            "folder": str(self.folder.expanduser().resolve()),
            "read": sorted(self._read),
            "starred": sorted(self._starred),
        }
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(self.path)  # os.replace: atomic on POSIX and Windows
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.dirty = False
