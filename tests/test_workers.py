"""Worker processes end with the process that started them, and SIGTERM ends them (issue 17,
case 11: killed with its app, a folder's entity workers lived on, reparented to init).

Each test starts a small parent process that opens a real pool (the parse pool of
``reader.formats.parse_pool``, the entity pool of ``reader.library.tagging``) and waits with it open; the
test then kills the parent or signals a worker and polls /proc until the workers are gone.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc; the parent-death signal is Linux's"
)

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60.0  # starting a pool and loading the model take seconds on a busy machine

PARENT = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path

    def main():
        pool, folder = sys.argv[1], Path(sys.argv[2])
        # as an app started by a launcher that ignores SIGTERM: spawned workers inherit that
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if pool == "parse":
            from reader.formats import parse_pool

            parse_pool.PARALLEL_MIN_FILES = 1  # a pool for a dozen files
            parse_pool.CHUNK_FILES = 1
            parse_pool.HEAD_FILES = 1
            paths = sorted(folder.glob("*.txt"))
            steps = parse_pool.parse_files(paths, folder, workers=2)
            next(steps)  # the head file, parsed here
            next(steps)  # a worker's file: the workers are up
        elif pool == "tag":
            from reader.library import tagging
            from reader.model import Article

            body = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة. " * 3
            files = [(f"f{i}.txt", [Article(id=f"f{i}.txt", title="t", body=body)])
                     for i in range(tagging.CHUNK_ARTICLES * 6)]
            steps = tagging.tag_files(files, None, workers=1)
            next(steps)  # a chunk tagged by the worker: it is up, the model loaded
        else:  # a bare pool whose workers only watch their parent (the non-Linux way)
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            from reader.runtime.workers import watch_parent

            pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"), initializer=watch_parent
            )
            pool.submit(os.getpid).result()
        print("ready", flush=True)
        time.sleep(600)

    if __name__ == "__main__":
        main()
    """
)


def _state(pid: int) -> str | None:
    """The process's state letter, None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _alive(pid: int) -> bool:
    # a zombie has ended: it waits for a parent to reap it (init here may never do)
    return _state(pid) not in (None, "Z", "X")


def _children(pid: int) -> dict[int, str]:
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out[int(entry.name)] = cmdline
    return out


def _wait_gone(pids: list[int], timeout: float = TIMEOUT_S) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [p for p in pids if _alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


class _Parent:
    """The parent process, its workers and its resource tracker; whatever is left at the end is
    killed by pid."""

    def __init__(self, pool: str, tmp_path: Path) -> None:
        script = tmp_path / "parent.py"
        script.write_text(PARENT, encoding="utf-8")
        files = tmp_path / "articles"
        files.mkdir()
        for i in range(12):
            (files / f"{i:02}.txt").write_text(f"عنوان {i}\n\nنص الخبر رقم {i}.\n", "utf-8")
        self.stderr = tmp_path / "parent.err"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        with self.stderr.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(script), pool, str(files)],
                stdout=subprocess.PIPE,
                stderr=err,
                stdin=subprocess.DEVNULL,
                env=env,
                cwd=tmp_path,
            )
        self.workers: list[int] = []
        self.tracker: list[int] = []

    def wait_ready(self) -> None:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUT_S)
        line = self.proc.stdout.readline() if ready else b""
        assert line.strip() == b"ready", self.stderr.read_text(errors="replace")[-2000:]
        children = _children(self.proc.pid)
        self.workers = [p for p, cmd in children.items() if "spawn_main" in cmd]
        self.tracker = [p for p, cmd in children.items() if "resource_tracker" in cmd]
        assert self.workers, children

    def semaphores(self) -> list[Path]:
        """The pool's named semaphores: files in /dev/shm until someone unlinks them. The parent
        maps each by a temporary name, linked to the real one, so they are found by inode."""
        maps = Path(f"/proc/{self.proc.pid}/maps").read_text().splitlines()
        inodes = {int(line.split()[4]) for line in maps if "/dev/shm/sem." in line}
        return sorted(p for p in Path("/dev/shm").glob("sem.*") if _inode(p) in inodes)

    def kill(self) -> None:
        for pid in self.workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=TIMEOUT_S)
        # the tracker unlinks the semaphores once every process holding its pipe is gone
        for pid in _wait_gone(self.tracker):
            os.kill(pid, signal.SIGKILL)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


@pytest.mark.parametrize("pool", ["parse", "tag", "watch"])
def test_workers_end_when_their_parent_is_killed(pool: str, tmp_path: Path) -> None:
    parent = _Parent(pool, tmp_path)
    try:
        parent.wait_ready()
        semaphores = parent.semaphores()
        assert semaphores
        os.kill(parent.proc.pid, signal.SIGKILL)
        parent.proc.wait(timeout=TIMEOUT_S)
        assert _wait_gone(parent.workers) == []
        # with no worker left, the resource tracker exits and unlinks the pool's semaphores
        assert _wait_gone(parent.tracker) == []
        assert [s for s in semaphores if s.exists()] == []
    finally:
        parent.kill()


@pytest.mark.parametrize("pool", ["parse", "tag"])
def test_sigterm_ends_a_worker(pool: str, tmp_path: Path) -> None:
    """The parent ignores SIGTERM (an ignored signal stays ignored across exec); its workers
    answer it all the same."""
    parent = _Parent(pool, tmp_path)
    try:
        parent.wait_ready()
        worker = parent.workers[0]
        os.kill(worker, signal.SIGTERM)
        assert _wait_gone([worker]) == []
        assert parent.proc.poll() is None  # the parent lives on
    finally:
        parent.kill()
