"""Speed of reading a whole folder: scan, then parse every file (one process vs a process pool).

Usage:
    .venv/bin/python tests/benchmarks/bench_formats.py --corpus DIR [--workers N ...] [--repeat R]
    .venv/bin/python tests/benchmarks/bench_formats.py --archive ../shared/corpus/ant-jawharafm-2017.tar.xz

With ``--archive`` the archive is unpacked into a fresh temporary folder first (and removed after).
Prints, for each worker count, the wall time of ``read_folder``, the files and articles per
second, and the CPU time of this process (with a pool, only the parent's share): on a machine
busy with other jobs the one-process CPU time varies far less than the wall time. The first run after unpacking reads from the page cache; drop caches (as root:
``sync; echo 3 > /proc/sys/vm/drop_caches``) before a run to measure a cold read.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.formats import read_folder, scan_folder  # noqa: E402
from reader.runtime.pool import idle_cpus  # noqa: E402


def _unpack(archive: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="bench-formats-"))
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def _bench(root: Path, workers: int | None, repeat: int) -> None:
    best = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = read_folder(root, workers=workers)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    assert result is not None
    files = result.files_seen
    label = f"auto ({idle_cpus()})" if workers is None else str(workers)
    print(
        f"workers={label:>9}  {best:7.2f} s  {files / best:8.0f} files/s  "
        f"{len(result.articles) / best:8.0f} articles/s  cpu {best_cpu:5.2f} s   ({result.summary()})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--corpus", type=Path, help="an unpacked folder of articles")
    where.add_argument("--archive", type=Path, help="a .tar.xz of articles, unpacked to a temp dir")
    parser.add_argument(
        "--workers", type=int, nargs="*", default=[1, 0], help="0 = one per idle CPU"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is shown")
    args = parser.parse_args()
    root = _unpack(args.archive) if args.archive else args.corpus
    try:
        start = time.perf_counter()
        paths, _ = scan_folder(root)
        print(f"scan: {len(paths)} files in {time.perf_counter() - start:.2f} s")
        for workers in args.workers:
            _bench(root, workers or None, args.repeat)
    finally:
        if args.archive:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
