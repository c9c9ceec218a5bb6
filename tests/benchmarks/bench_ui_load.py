"""How soon the window lists articles when a big folder opens, and how long the GUI ever freezes.

    .venv/bin/python tests/benchmarks/bench_ui_load.py [--corpus DIR] [--no-entities]

Opens the folder through the real window (offscreen), the same slot File › Open Folder uses, and
reports (issue 5, acceptance 4):
- time until the first articles are listed (target < 2 s),
- time until the list is searchable (index built) and until entities are found,
- the longest stall of the GUI thread while loading (target < 100 ms), measured by a probe timer
  firing every 10 ms: any gap between two firings beyond 10 ms is time the event loop was blocked.
Without --corpus it unpacks ../shared/corpus/ant-multisource-2018.tar.xz (31,525 articles) into a
fresh temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import resource
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
ARCHIVE = ROOT.parent / "shared" / "corpus" / "ant-multisource-2018.tar.xz"


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    # the folder holding the files (archives wrap them in one top directory)
    entries = list(into.iterdir())
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else into


def _rss_mb(pid: int | str) -> float:
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the process just ended
        pass
    return 0.0


def _children() -> list[str]:
    pids: list[str] = []
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):  # the thread just ended
            pids += (task / "children").read_text().split()
    return pids


class TreeMemory(threading.Thread):
    """Samples the resident memory of this process and its worker processes every 0.5 s.

    ``ru_maxrss`` of the children cannot say it: a "spawn" worker starts as a fork of the
    window, so its maximum is the window's size at that moment, not what the worker used.
    Reads /proc only (Linux); elsewhere the figures stay 0.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_workers = 0.0  # all workers at one moment
        self.peak_worker = 0.0  # the largest single worker
        self.peak_tree = 0.0  # window + workers at one moment
        self.peak_tree_parts = (0.0, 0.0, 0.0)  # (seconds since start, window, workers) then
        self._done = threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        while not self._done.wait(0.5):
            if not Path("/proc/self/task").is_dir():
                return
            workers = [_rss_mb(pid) for pid in _children()]
            total = sum(workers)
            self.peak_workers = max(self.peak_workers, total)
            self.peak_worker = max(self.peak_worker, max(workers, default=0.0))
            window = _rss_mb("self")
            if total + window > self.peak_tree:
                self.peak_tree = total + window
                self.peak_tree_parts = (time.perf_counter() - started, window, total)

    def stop(self) -> None:
        self._done.set()
        self.join()


def main() -> int:
    from reader.runtime.allocator import tune_allocator

    tune_allocator()  # as the app does (reader.cli.main)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder to open (default: unpack the archive)")
    parser.add_argument("--no-entities", action="store_true", help="stop after the index stage")
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.common.appearance import apply_ui_font, load_fonts
    from reader.ui.common.settings import Settings
    from reader.ui.window.main_window import MainWindow

    app = QApplication([])
    load_fonts()
    apply_ui_font(app)
    tmp = tempfile.TemporaryDirectory(prefix="bench-ui-")
    folder = args.corpus
    if folder is None:
        if not ARCHIVE.is_file():
            print(f"{ARCHIVE}: not found; pass --corpus DIR", file=sys.stderr)
            return 2
        t0 = time.perf_counter()
        folder = unpack(ARCHIVE, Path(tmp.name))
        print(f"unpacked {ARCHIVE.name} in {time.perf_counter() - t0:.1f} s")

    settings = Settings(QSettings(str(Path(tmp.name) / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, entities=not args.no_entities)
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    clock = QElapsedTimer()
    marks: dict[str, float] = {}
    gaps: list[tuple[float, float]] = []  # (when, gap) in ms
    last = [0.0]

    def probe() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append((now, now - last[0]))
        last[0] = now

    def mark(name: str) -> None:
        marks.setdefault(name, clock.nsecsElapsed() / 1e6)

    window.list_panel.model.rowsInserted.connect(lambda *_: mark("first rows listed"))
    window.list_panel.model.modelReset.connect(
        lambda: window.list_panel.model.rowCount() and mark("first rows listed")
    )
    window.loader.loaded.connect(lambda _lib: mark("searchable (index built)"))
    window.loader.entities_ready.connect(lambda _lib: mark("entities found"))
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(probe)
    loop = QEventLoop()
    window.loader.idle.connect(loop.quit)

    # the cyclic garbage collector pauses every thread; record how long its full passes take
    gc_pauses: list[float] = []
    gc_started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if info.get("generation") == 2:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            else:
                gc_pauses.append((time.perf_counter() - gc_started[0]) * 1000)

    gc.callbacks.append(on_gc)
    memory = TreeMemory()
    memory.start()
    clock.start()
    timer.start()
    window.open_folder(folder)  # the slot behind File › Open Folder
    loop.exec()
    timer.stop()
    memory.stop()
    mark("idle")

    library = window.library
    print(f"folder: {folder}")
    print(
        f"articles: {len(library.articles) if library else 0:,}; listed: {window.list_panel.model.rowCount():,}"
    )
    for name, ms in sorted(marks.items(), key=lambda kv: kv[1]):
        print(f"{name:>28}: {ms / 1000:7.2f} s")
    worst = sorted(gaps, key=lambda g: g[1], reverse=True)[:5]
    stall = worst[0][1] - 10 if worst else 0.0
    print(f"longest GUI-thread stall: {stall:.0f} ms (probe every 10 ms; {len(gaps):,} probes)")
    print("worst gaps (at s: ms): " + ", ".join(f"{w / 1000:.2f}: {g:.0f}" for w, g in worst))
    print(f"full garbage collections: {len(gc_pauses)}, longest {max(gc_pauses, default=0):.0f} ms")
    # ru_maxrss is in KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory: window process {own:,.0f} MB; worker processes (sampled every 0.5 s) "
        f"{memory.peak_workers:,.0f} MB together, largest {memory.peak_worker:,.0f} MB; "
        f"window and workers together {memory.peak_tree:,.0f} MB "
        "(at {:.0f} s: window {:,.0f} + workers {:,.0f})".format(*memory.peak_tree_parts)
    )
    first = marks.get("first rows listed")
    print(
        f"targets: first rows < 2 s: {'ok' if first is not None and first < 2000 else 'MISSED'}; "
        f"stall < 100 ms: {'ok' if stall < 100 else 'MISSED'}"
    )
    measure_big_list(app, window)
    window.close()
    tmp.cleanup()
    return 0


def measure_big_list(app: object, window: object, rows: int = 100_000) -> None:
    """100,000 rows in the list: the reset, then paging through it, timed per step."""
    import datetime as dt

    from reader.model import Article

    articles = {
        f"gen/{i}.txt": Article(
            id=f"gen/{i}.txt",
            title=f"مقال تجريبي رقم {i} عن الاقتصاد والسياسة",
            body="نص",
            date=dt.date(2018, 1, 1) + dt.timedelta(days=i % 365),
            source="مصدر",
        )
        for i in range(rows)
    }
    model, view = window.list_panel.model, window.list_panel.view  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    model.set_ids(list(articles), articles.get)
    view.scrollToTop()
    app.processEvents()  # type: ignore[attr-defined]
    reset_ms = (time.perf_counter() - t0) * 1000
    steps = []
    bar = view.verticalScrollBar()
    for k in range(1, 41):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum() * k // 40)
        view.viewport().repaint()
        app.processEvents()  # type: ignore[attr-defined]
        steps.append((time.perf_counter() - t0) * 1000)
    print(
        f"{rows:,} rows: reset + first paint {reset_ms:.0f} ms; paging through it: "
        f"median {sorted(steps)[len(steps) // 2]:.1f} ms, worst {max(steps):.1f} ms per page"
    )


if __name__ == "__main__":
    sys.exit(main())
