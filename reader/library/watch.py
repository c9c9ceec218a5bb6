"""Follow a folder as a scraper writes into it: file events, coalesced, handed to a callback.

Why watchdog and not Qt's QFileSystemWatcher: QFileSystemWatcher needs one watch per directory
(a tree of a thousand folders is a thousand watches, added and removed by hand as folders come
and go), and for a directory it reports only "this directory changed", so every burst forces a
rescan of that directory to learn which files were created, changed or deleted; it also runs into
the per-process inotify limits on big trees. watchdog gives file-level created / modified /
moved / deleted events for a whole tree with one recursive watch (inotify on Linux, FSEvents on
macOS, ReadDirectoryChangesW on Windows), and keeps the core free of Qt.

Events are coalesced over a short quiet window (``window`` seconds, 0.3 by default, at most
``max_delay`` after the first one): a scraper writing a thousand files produces one callback with
a thousand paths, not a thousand callbacks. The callback runs on the watcher's own thread; a GUI
forwards it to its thread (a queued signal) before touching the library.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from reader.formats.scan import scan_entries


@dataclass(frozen=True, slots=True)
class FolderChanges:
    """One coalesced burst: files written, files gone, and (old, new) renames or moves."""

    changed: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()
    renamed: tuple[tuple[Path, Path], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.renamed)


ChangesFn = Callable[[FolderChanges], None]


@dataclass(slots=True)
class _Pending:
    # path -> "changed" | "removed", the last event wins (created then deleted = removed)
    state: dict[Path, str] = field(default_factory=dict)
    renamed: list[tuple[Path, Path]] = field(default_factory=list)
    first: float | None = None
    last: float = 0.0


class FolderWatcher:
    """Watch ``root`` recursively; call ``on_changes`` with each coalesced burst of changes.

    Hidden files and folders (a scraper's ``.part`` files) are ignored, except as the source of a
    rename into a visible name, which is reported as that file being written.
    """

    def __init__(
        self, root: Path, on_changes: ChangesFn, *, window: float = 0.3, max_delay: float = 2.0
    ) -> None:
        self.root = Path(root)
        self._on_changes = on_changes
        self._window = window
        self._max_delay = max_delay
        self._pending = _Pending()
        self._cond = threading.Condition()
        self._stopped = False
        self._observer = Observer()
        self._observer.schedule(_Handler(self), str(self.root), recursive=True)
        self._thread = threading.Thread(target=self._deliver, name="folder-watch", daemon=True)

    def start(self) -> None:
        self._observer.start()
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        self._observer.stop()
        self._observer.join(timeout=5)
        self._thread.join(timeout=5)

    def __enter__(self) -> FolderWatcher:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- events (watchdog's thread) -------------------------------------------------------
    def _note(self, path: Path, what: str) -> None:
        with self._cond:
            self._mark(path, what)
            self._cond.notify_all()

    def _mark(self, path: Path, what: str) -> None:
        pending = self._pending
        pending.state[path] = what
        now = time.monotonic()
        pending.last = now
        if pending.first is None:
            pending.first = now

    def _note_move(self, src: Path, dest: Path, is_dir: bool) -> None:
        with self._cond:
            if is_dir:
                # a folder moved: its old files are gone, its new files are written
                self._mark(src, "removed")
                for path in self._files_under(dest):
                    self._mark(path, "changed")
            else:
                if not self._hidden(src):
                    self._mark(src, "removed")
                    if not self._hidden(dest):
                        self._pending.renamed.append((src, dest))
                if not self._hidden(dest):
                    self._mark(dest, "changed")
            self._cond.notify_all()

    def _files_under(self, folder: Path) -> list[Path]:
        try:
            entries, _ = scan_entries(folder)
        except OSError:
            return []
        return [Path(path) for _, path in entries]

    def _hidden(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return True  # moved out of the folder
        return any(part.startswith(".") for part in parts)

    # -- delivery (our thread) --------------------------------------------------------------
    def _deliver(self) -> None:
        while True:
            with self._cond:
                while not self._stopped and not self._due():
                    self._cond.wait(timeout=self._wait_time())
                if self._stopped:
                    return
                pending, self._pending = self._pending, _Pending()
            changes = FolderChanges(
                changed=tuple(sorted(p for p, s in pending.state.items() if s == "changed")),
                removed=tuple(sorted(p for p, s in pending.state.items() if s == "removed")),
                renamed=tuple(pending.renamed),
            )
            if changes:
                self._on_changes(changes)

    def _due(self) -> bool:
        pending = self._pending
        if pending.first is None:
            return False
        now = time.monotonic()
        return now - pending.last >= self._window or now - pending.first >= self._max_delay

    def _wait_time(self) -> float | None:
        pending = self._pending
        if pending.first is None:
            return None
        now = time.monotonic()
        return max(
            0.01, min(pending.last + self._window - now, pending.first + self._max_delay - now)
        )


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        w = self._watcher
        kind = event.event_type
        src = Path(_text(event.src_path))
        if kind == "moved":
            w._note_move(src, Path(_text(event.dest_path)), event.is_directory)
            return
        if w._hidden(src):
            return
        if event.is_directory:
            if kind == "created":  # a folder moved in from elsewhere, or made and filled at once
                for path in w._files_under(src):
                    w._note(path, "changed")
            elif kind == "deleted":
                w._note(src, "removed")
            return
        if kind in ("created", "modified", "closed"):
            w._note(src, "changed")
        elif kind == "deleted":
            w._note(src, "removed")


def _text(path: str | bytes) -> str:
    return path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path
