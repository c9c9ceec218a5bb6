"""What the user did to articles (read, starred), remembered across restarts.

Kept in the user's data directory (platformdirs), one small JSON file per opened folder, so the
articles themselves stay untouched and read-only folders work. A ``UserState`` is bound to its
folder's file when it is made and only ever saves there. Writes go to a temporary file in the
same directory, synced, and moved over the old one with ``os.replace``: a crash mid-write leaves
the previous state, never half a file.

Reading never raises and never blocks: a file that is not a regular file (a FIFO would block the
read forever), that is too big, that does not decode or that does not hold the expected lists is
damage. The state then starts empty, the file is kept aside as ``<name>.damaged`` (so the next
save loses nothing), and ``note`` says so; the window shows it in the status bar.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

import platformdirs

from reader.printable import printable

APP_NAME = "arabic-news-reader"
_FORMAT = 1
# far above any real state (100,000 ids of 60 characters take 6 MB); a bigger file is damage
_MAX_BYTES = 64 * 1024**2


def state_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "state"


def state_path(folder: Path) -> Path:
    """The state file of one folder: named by a hash of its resolved path (paths can be long or odd)."""
    key = _folder_key(folder)
    # the path's bytes: the same digest as its UTF-8 for every name that is UTF-8, and one for a
    # name that is not (surrogateescape) instead of a UnicodeEncodeError
    digest = hashlib.sha256(os.fsencode(key)).hexdigest()[:24]
    return state_dir() / f"{digest}.json"


def _folder_key(folder: Path) -> str:
    try:
        return str(Path(folder).expanduser().resolve())
    except (OSError, RuntimeError):  # a symbolic link loop, no home directory for "~"
        return str(Path(folder).absolute())


class _Damaged(Exception):
    """The state file exists but cannot be used; the message says why."""


class UserState:
    """Read and starred flags of the articles of one folder, keyed by article id.

    Making one never raises: whatever is wrong with the saved file becomes ``note``.
    """

    def __init__(self, folder: Path, path: Path | None = None) -> None:
        self.folder = Path(folder)
        self._read: set[str] = set()
        self._starred: set[str] = set()
        self.note: str | None = None
        self.dirty = False
        # the file could not be used nor moved aside: never write over it
        self._kept_in_place = False
        self.path = path if path is not None else state_path(self.folder)
        self._load()

    def _load(self) -> None:
        try:
            data = _read_regular(self.path)
        except FileNotFoundError:
            return
        except _Damaged as err:
            self._set_aside(str(err))
            return
        except OSError as err:  # unreadable: kept aside too, so a save cannot overwrite it
            self._set_aside(f"could not be read: {err.strerror or err}", damaged=False)
            return
        try:
            read, starred = _decode(data)
        except UnicodeDecodeError:  # before ValueError, its base class
            self._set_aside("not UTF-8")
            return
        except RecursionError:  # JSON nested thousands deep
            self._set_aside("JSON nested too deeply")
            return
        except json.JSONDecodeError as err:
            self._set_aside(f"invalid JSON: {err}")
            return
        except (ValueError, KeyError, TypeError) as err:
            self._set_aside(f"{type(err).__name__}: {err}")
            return
        self._read, self._starred = read, starred

    def _set_aside(self, reason: str, *, damaged: bool = True) -> None:
        """The file cannot be used: keep it as ``<name>.damaged`` and start empty, with a note.

        When it cannot be moved, this session's marks are not saved over it (``save`` raises)."""
        self._read, self._starred = set(), set()
        what = f"{printable(str(self.path))}: saved state " + (
            f"is damaged ({reason})" if damaged else reason
        )
        aside = _free_name(self.path.with_name(self.path.name + ".damaged"))
        try:
            self.path.replace(aside)
        except OSError as err:
            self._kept_in_place = True
            self.note = (
                f"{what} and could not be kept aside ({err.strerror or err}); starting empty,"
                " marks are not saved"
            )
            return
        self.note = f"{what}; kept as {printable(aside.name)}, starting empty"

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
        """Write atomically (temp file, fsync, os.replace) to this folder's own file.

        Raises OSError when the directory is not writable, or when the file there could not
        be read nor kept aside (saving would destroy it)."""
        if self._kept_in_place:
            raise PermissionError(f"not saved over {self.path.name}, which could not be kept aside")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": _FORMAT,
            "folder": _folder_key(self.folder),
            "read": sorted(self._read),
            "starred": sorted(self._starred),
        }
        # a lone surrogate (a folder name that is not UTF-8) has no UTF-8; "backslashreplace"
        # writes it as the JSON escape \udcff, which reads back as the same string
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "backslashreplace")
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).replace(self.path)  # os.replace: atomic on POSIX and Windows
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.dirty = False


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of a sane size; else ``_Damaged``.

    Opened without blocking and checked on the open descriptor, so a FIFO put there (or
    swapped in between a check and the open) is never read from."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Damaged("not a regular file")
        if info.st_size > _MAX_BYTES:
            raise _Damaged(f"{info.st_size:,} bytes, more than any saved state")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(_MAX_BYTES + 1)
    finally:
        os.close(fd)


def _decode(data: bytes) -> tuple[set[str], set[str]]:
    """The read and starred ids of a state file's bytes; raises on anything else."""
    value = json.loads(data.decode("utf-8"))
    if not isinstance(value, dict):
        raise TypeError("not a JSON object")
    read, starred = value["read"], value["starred"]
    if not (isinstance(read, list) and isinstance(starred, list)):
        raise TypeError("read/starred are not lists")
    if not all(isinstance(x, str) for x in (*read, *starred)):
        raise TypeError("an id is not a string")
    return set(read), set(starred)


def _free_name(path: Path) -> Path:
    """``path``, or ``path`` with a number when that name is taken (an older damaged file stays)."""
    candidate, n = path, 1
    while (candidate.exists() or candidate.is_symlink()) and n < 100:
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate
