"""Finding a folder's article files: ``scan_entries`` (and ``scan_folder``, its ``Path`` form).

The scan walks the tree once, names every file it leaves out (not an article format, unreadable,
a link loop) as a ``LoadProblem``, and gives the files in folder order (sorted by relative path),
the order every read of the folder settles ids in.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.formats.archivebox import snapshot_copy
from reader.formats.ids import unique_rels
from reader.formats.names import (
    is_article_name,
    not_read_reason,
    resources_reason,
)
from reader.formats.parse import printable_path
from reader.model import LoadProblem

_STOP_CHECK_EVERY = 2048
# a file's (size, mtime_ns): the disk cache's key of it
FileKey = tuple[int, int]


class FolderError(OSError):
    """The folder itself cannot be read (missing, not a folder, no permission)."""


def scan_folder(
    root: Path, *, should_stop: Callable[[], bool] | None = None
) -> tuple[list[Path], list[LoadProblem]]:
    """Article-like files under ``root``, sorted by relative path, and what could not be scanned.

    See ``scan_entries``, which this wraps.
    """
    found, problems = scan_entries(root, should_stop=should_stop)
    return [Path(path) for _, path in found], problems


def scan_entries(
    root: Path,
    *,
    should_stop: Callable[[], bool] | None = None,
    keys: dict[str, FileKey | None] | None = None,
) -> tuple[list[tuple[str, str]], list[LoadProblem]]:
    """``(relative path, path)`` strings of the article-like files under ``root``, sorted by
    relative path, and what could not be scanned. Strings, not ``Path`` objects: building 100,000
    of them costs ~1.5 s, a third of reopening a cached folder.

    ``keys``: filled with each file's ``(size, mtime_ns)`` by relative path (None when it cannot
    be stat'ed; a link's target's), stat'ed as the walk meets it (a link's from the stat that
    followed it): no second pass over 100,000 paths after the scan.

    Hidden files and folders (".git", ".cache") are skipped. Symbolic links are followed, but a
    folder is entered only once (by device and inode), so a link loop ends. Iterative, so a deep
    tree cannot exhaust the stack. Raises ``FolderError`` when ``root`` itself cannot be read.
    """
    root = Path(root)
    try:
        info = root.stat()
    except FileNotFoundError:
        raise FolderError(f"folder not found: {root}") from None
    except OSError as exc:
        raise FolderError(f"cannot open folder {root}: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise FolderError(f"not a folder: {root}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise FolderError(f"cannot open folder {root}: permission denied")
    scan = _Scan(visited={(info.st_dev, info.st_ino)}, stack=[(root, "")], keys=keys)
    found, problems, stack = scan.found, scan.problems, scan.stack
    seen = 0
    while stack or scan.linked:
        if not stack:
            scan.follow_next_link()
            continue
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    seen += 1
                    if should_stop is not None and seen % _STOP_CHECK_EVERY == 0 and should_stop():
                        return sorted(found), problems
                    _visit(entry, prefix, scan)
        except OSError as exc:
            where = prefix.rstrip("/") or "."
            problems.append(LoadProblem(where, f"cannot read folder: {exc.strerror or exc}"))
    found.sort()
    # in folder order too, not the walk's (which is the file system's)
    problems.sort(key=_by_path)
    problems = [LoadProblem(printable_path(p.path), p.reason) for p in problems]
    return found, problems


def _by_path(problem: LoadProblem) -> str:
    return problem.path


@dataclass(slots=True)
class _Scan:
    """The state of one walk: files found, problems met, folders entered and still to enter."""

    visited: set[tuple[int, int]]
    stack: list[tuple[Path, str]]
    found: list[tuple[str, str]] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)

    # linked folders wait until every real folder is walked, so a file keeps its real path
    # and a link into the tree is recognised as a duplicate (or a loop) and not read twice
    linked: list[tuple[Path, str, tuple[int, int]]] = field(default_factory=list)
    # relative path -> (size, mtime_ns) of each file found, when the caller asked
    keys: dict[str, FileKey | None] | None = None

    def follow_next_link(self) -> None:
        path, rel, key = self.linked.pop(0)
        if key in self.visited:
            reason = "symbolic link to a folder already read (a loop or a duplicate); not followed"
            self.problems.append(LoadProblem(rel, reason))
            return
        self.visited.add(key)
        self.stack.append((path, rel + "/"))


def _visit(entry: os.DirEntry[str], prefix: str, scan: _Scan) -> None:
    found, problems, visited, stack, keys = (
        scan.found,
        scan.problems,
        scan.visited,
        scan.stack,
        scan.keys,
    )
    name = entry.name
    if name.startswith("."):
        return
    rel = prefix + name
    path = entry.path
    try:
        if entry.is_symlink():
            try:
                target = entry.stat()  # follows the link
            except OSError as exc:
                if is_article_name(name):
                    problems.append(LoadProblem(rel, _link_reason(exc)))
                return
            if stat.S_ISDIR(target.st_mode):
                scan.linked.append((Path(path), rel, (target.st_dev, target.st_ino)))
                return
            mode = target.st_mode
        elif entry.is_dir(follow_symlinks=False):
            reason = resources_reason(Path(path))
            if reason is not None:
                problems.append(LoadProblem(rel, reason))
                return
            copy = snapshot_copy(Path(path))
            if copy is not None:
                _take_snapshot(rel, Path(path), copy, scan)
                return
            own = entry.stat(follow_symlinks=False)
            visited.add((own.st_dev, own.st_ino))
            stack.append((Path(path), rel + "/"))
            return
        elif entry.is_file(follow_symlinks=False):
            if is_article_name(name):
                found.append((rel, path))
                if keys is not None:
                    keys[rel] = _key(entry)
            else:
                _skip(rel, name, problems)
            return
        else:
            target = entry.stat(follow_symlinks=False)
            mode = target.st_mode
    except OSError as exc:
        problems.append(LoadProblem(rel, f"cannot read: {exc.strerror or exc}"))
        return
    if not is_article_name(name):
        if stat.S_ISREG(mode):
            _skip(rel, name, problems)
        return
    if stat.S_ISREG(mode):
        found.append((rel, path))
        if keys is not None:
            keys[rel] = (target.st_size, target.st_mtime_ns)
    else:
        # a FIFO would block the reader forever; sockets and devices are not articles either
        problems.append(LoadProblem(rel, "not a regular file (pipe, device or socket); skipped"))


def _take_snapshot(rel: str, folder: Path, copy: str, scan: _Scan) -> None:
    """An ArchiveBox snapshot: its one copy read (its article says so, ``archivebox.py``)."""
    copy_rel = f"{rel}/{copy}"
    scan.found.append((copy_rel, str(folder / copy)))
    if scan.keys is not None:
        try:
            info = (folder / copy).stat()
            scan.keys[copy_rel] = (info.st_size, info.st_mtime_ns)
        except OSError:
            scan.keys[copy_rel] = None


def _skip(rel: str, name: str, problems: list[LoadProblem]) -> None:
    reason = not_read_reason(name)
    if reason is not None:
        problems.append(LoadProblem(rel, reason))


def _key(entry: os.DirEntry[str]) -> FileKey | None:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _link_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link (its target does not exist)"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; skipped"
    return f"cannot follow symbolic link: {exc.strerror or exc}"


def printable_rels(entries: list[tuple[str, str]]) -> list[str]:
    """The scan's relative paths as the folder's file ids: printable (``printable_path``), and
    two names that differ only in bytes that are not UTF-8 (which print alike) made unique."""
    return unique_rels([printable_path(rel) for rel, _ in entries])
