"""The watch of a live folder, started on a thread of its own (``ui.background.live_folder`` follows it).

Placing the watches walks the whole tree (0.11 s of GUI time at 100,000 files), so the watcher
starts on a thread; a load waits for ``ready`` before its scan, so a file written while the
folder is read is still never missed. Bursts are reduced to relative paths on the watcher's
thread: a mass delete is one burst of tens of thousands of paths (19,000: 164 ms that the GUI
thread spent on the path arithmetic).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.library.loading import relative
from reader.library.watch import FolderChanges, FolderWatcher


@dataclass(frozen=True, slots=True)
class WatchStart:
    """A watcher being started: ``ready`` is set once it watches (or failed to start)."""

    watcher: FolderWatcher
    ready: threading.Event
    starter: threading.Thread


def start_watching(
    root: Path,
    on_burst: Callable[[Path, frozenset[str]], None],
    on_failed: Callable[[FolderWatcher, str], None],
    *,
    window: float,
    max_delay: float,
) -> WatchStart:
    """Watch ``root``: ``on_burst(root, relative paths)`` and ``on_failed(watcher, why)`` are
    called on the watcher's threads (emit a queued signal there)."""

    def forward(changes: FolderChanges) -> None:  # on the watcher's thread
        paths = [*changes.changed, *changes.removed]
        rels = frozenset(relative(root, p) for p in paths if _inside(p, root))
        if not rels:
            return
        # RuntimeError: the window was deleted without closing (interpreter exit)
        with contextlib.suppress(RuntimeError):
            on_burst(root, rels)

    watcher = FolderWatcher(root, forward, window=window, max_delay=max_delay)
    ready = threading.Event()

    def begin() -> None:
        try:
            watcher.start()
        except OSError as err:  # the inotify limit, a folder gone: it stays as loaded
            with contextlib.suppress(RuntimeError):  # the window is gone
                on_failed(watcher, str(err))
        finally:
            ready.set()

    starter = threading.Thread(target=begin, name="watch-start", daemon=True)
    starter.start()
    return WatchStart(watcher, ready, starter)


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(path).relative_to(root)
    except ValueError:
        return False
    return True
