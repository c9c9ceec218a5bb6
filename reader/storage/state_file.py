"""Where a folder's user state lives (one JSON file per folder in the user's data directory) and
how its bytes are read and decoded: the file format, apart from ``UserState``, which holds the
state in memory and saves it. Reading never blocks and never trusts the file: whatever is wrong
with it raises (``Damaged`` for a file that is not a regular file of a sane size)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.storage.app_dirs import data_root
from reader.storage.saved_search import SavedSearch

# 2 added own tags, notes and saved searches (issue 18); a format 1 file reads as having none
FORMAT = 2
# far above any real state (100,000 ids of 60 characters take 6 MB); a bigger file is damage
MAX_BYTES = 64 * 1024**2


def state_dir() -> Path:
    return data_root() / "state"


def state_path(folder: Path) -> Path:
    """The state file of one folder: named by a hash of its resolved path (paths can be long or odd)."""
    key = folder_key(folder)
    # the path's bytes: the same digest as its UTF-8 for every name that is UTF-8, and one for a
    # name that is not (surrogateescape) instead of a UnicodeEncodeError
    digest = hashlib.sha256(os.fsencode(key)).hexdigest()[:24]
    return state_dir() / f"{digest}.json"


def folder_key(folder: Path) -> str:
    try:
        return str(Path(folder).expanduser().resolve())
    except (OSError, RuntimeError):  # a symbolic link loop, no home directory for "~"
        return str(Path(folder).absolute())


@dataclass(frozen=True, slots=True)
class ViewState:
    """Where the user was in a folder: the article shown, how far it was scrolled, and how far
    the list was scrolled (pixels), so reopening the folder puts them back there."""

    article_id: str | None = None
    article_scroll: int = 0
    list_scroll: int = 0


class Damaged(Exception):
    """The state file exists but cannot be used; the message says why."""


def read_state_bytes(path: Path) -> bytes:
    """The bytes of a state or case file; OSError, or ValueError for a file that is not a
    regular file of a sane size."""
    try:
        return read_regular(path)
    except Damaged as err:
        raise ValueError(str(err)) from err


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of a sane size; else ``Damaged``.

    Opened without blocking and checked on the open descriptor, so a FIFO put there (or
    swapped in between a check and the open) is never read from."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Damaged("not a regular file")
        if info.st_size > MAX_BYTES:
            raise Damaged(f"{info.st_size:,} bytes, more than any saved state")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def decode(
    data: bytes,
) -> tuple[set[str], set[str], dict[str, tuple[str, ...]], dict[str, str], dict[str, SavedSearch]]:
    """The read and starred ids, own tags, notes and saved searches of a state file's bytes;
    raises on anything else. A format 1 file has only the ids."""
    value = json.loads(data.decode("utf-8"))
    if not isinstance(value, dict):
        raise TypeError("not a JSON object")
    read, starred = value["read"], value["starred"]
    if not (isinstance(read, list) and isinstance(starred, list)):
        raise TypeError("read/starred are not lists")
    if not all(isinstance(x, str) for x in (*read, *starred)):
        raise TypeError("an id is not a string")
    my_tags, notes, searches = (
        value.get("my_tags", {}),
        value.get("notes", {}),
        value.get("searches", {}),
    )
    if not (isinstance(my_tags, dict) and isinstance(notes, dict) and isinstance(searches, dict)):
        raise TypeError("my_tags/notes/searches are not objects")
    for tags in my_tags.values():
        if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
            raise TypeError("own tags are not lists of strings")
    if not all(isinstance(n, str) for n in notes.values()):
        raise TypeError("a note is not a string")
    saved = {name: SavedSearch.from_json(name, v) for name, v in searches.items()}
    tagged = {i: tuple(tags) for i, tags in my_tags.items() if tags}
    return set(read), set(starred), tagged, dict(notes), saved


def decode_view(data: bytes) -> ViewState:
    """The optional "view" section (older files have none); raises on a malformed one."""
    if b'"view"' not in data:
        return ViewState()
    value = json.loads(data.decode("utf-8")).get("view")
    if value is None:
        return ViewState()
    if not isinstance(value, dict):
        raise TypeError("view is not an object")
    article, article_scroll, list_scroll = (
        value.get("article"),
        value.get("article_scroll", 0),
        value.get("list_scroll", 0),
    )
    if not (article is None or isinstance(article, str)):
        raise TypeError("view.article is not a string")
    for number in (article_scroll, list_scroll):
        if type(number) is not int or number < 0:
            raise ValueError("a view scroll position is not a whole number of pixels")
    return ViewState(article, article_scroll, list_scroll)


def free_name(path: Path) -> Path:
    """``path``, or ``path`` with a number when that name is taken (an older damaged file stays)."""
    candidate, n = path, 1
    while (candidate.exists() or candidate.is_symlink()) and n < 100:
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate
