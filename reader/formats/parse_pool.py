"""Parsing many files on every core: ``parse_files`` (and ``parse_files_prepared``, which also has
the workers analyse each chunk's articles for the index).

Reading a small file costs about 100 µs from a cold cache and parsing it ~200 µs of pure Python,
so a large folder is parsed by a pool of processes (``reader.runtime.pool``), in chunks, with the
results taken back in folder order, when there are idle cores to run it
(tests/benchmarks/bench_formats.py measures both paths).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from reader.cache_rows import pack_articles, unpack_articles
from reader.formats.parse import ParseResult, parse_file
from reader.model import Article
from reader.runtime.pool import POOL_FAILURES, start_pool, stop_pool, workers_for

T = TypeVar("T")


@dataclass(frozen=True)
class ChunkAnalysis(Generic[T]):
    """Work the caller wants done on each chunk's articles inside the parse workers, where the
    texts already are (the loader passes the index's analysis): ``in_worker`` runs there on the
    parsed articles, ``in_parent`` gets its answer back with the articles rebuilt in this process.
    Both must be module-level functions, so the pool can send them to its processes."""

    in_worker: Callable[[list[Article]], T]
    in_parent: Callable[[T, list[Article]], T]


# Below this many files one process wins: parsing costs ~220 µs a file (bench_formats.py,
# Jawhara corpus) and starting a pool of "spawn" workers costs a few hundred milliseconds.
PARALLEL_MIN_FILES = 2000
CHUNK_FILES = 256
# what a saved web page costs to parse, in text files (tests/benchmarks/bench_html.py)
PAGE_WEIGHT = 40
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
# With a pool, the first files are parsed here while the workers start (a "spawn" worker takes
# ~0.3 s to start, seconds on a busy machine), so the list shows its first rows at once.
HEAD_FILES = 32


def _parse_chunk(paths: Sequence[Path | str], root: Path) -> list[ParseResult]:
    # paths may come as strings: a cold load of 100,000 files spent ~0.4 s building Path objects
    # before its first file was parsed; here each worker builds its own chunk's
    return [parse_file(Path(path), root) for path in paths]


# Articles cross the process boundary as the disk cache's rows (``cache_rows``: plain tuples,
# pickled): unpickling a slotted dataclass runs its generated __setstate__ field by field, about
# 4x slower than pickle's tuples plus a constructor call, and the parent's unpickling is the
# serial part of the parallel read. The row is then stored as it came: pickling the articles
# again in the parent cost time and, worse, memory: pickling a str caches its UTF-8 copy inside
# the str for good (PyUnicode_AsUTF8AndSize), +245 MB of bodies at 100,000 articles.
_Packed = list[bytes]


def _parse_chunk_packed(paths: Sequence[Path | str], root: Path) -> _Packed:
    return _pack(_parse_chunk(paths, root))


def _pack(results: list[ParseResult]) -> _Packed:
    return [pack_articles((result.articles, result.problems)) for result in results]


def _parse_chunk_plain(paths: Sequence[Path | str], root: Path) -> tuple[_Packed, None]:
    return _parse_chunk_packed(paths, root), None


def _parse_chunk_analysed(
    paths: Sequence[Path | str], root: Path, analysis: ChunkAnalysis[Any]
) -> tuple[_Packed, Any]:
    """A chunk parsed, and its articles analysed by ``analysis`` (the texts are not sent twice)."""
    results = _parse_chunk(paths, root)
    return _pack(results), analysis.in_worker([a for r in results for a in r.articles])


def _parse_chunk_here(paths: Sequence[Path | str], root: Path) -> list[ParseResult]:
    """A chunk parsed in this process, as a worker's would come: rows made, articles rebuilt
    from them. The parsed articles' strings go with the pickling that made the rows (and the
    UTF-8 copies it left in them); rebuilding costs ~3 µs an article."""
    return _unpack(_pack(_parse_chunk(paths, root)))


def _unpack(packed: _Packed) -> list[ParseResult]:
    return [ParseResult(*unpack_articles(row), packed=row) for row in packed]


def parse_files(
    paths: Sequence[Path | str],
    root: Path,
    *,
    should_stop: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> Generator[tuple[int, list[ParseResult]], None, None]:
    """Parse ``paths`` (in a pool when it pays), yielding ``(files in chunk, results)`` in order.

    The library uses this for the files its disk cache does not hold. Closing the generator (or
    ``should_stop()`` turning true) shuts the pool down, cancelling chunks not yet started.
    """
    chunks = _parse_chunks(paths, root, should_stop or _never, workers, analysis=None)
    try:
        for size, results, _ in chunks:
            yield size, results
    finally:
        chunks.close()


def parse_files_prepared(
    paths: Sequence[Path | str],
    root: Path,
    analysis: ChunkAnalysis[T],
    *,
    should_stop: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> Generator[tuple[int, list[ParseResult], T | None], None, None]:
    """``parse_files``, and the workers also run ``analysis`` on each chunk's articles:
    ``(files, results, answer)``, the answer None for a chunk parsed in this process (the head
    chunk, or every chunk without a pool)."""
    return _parse_chunks(paths, root, should_stop or _never, workers, analysis=analysis)


_Chunk = tuple[int, list[ParseResult], Any]


def _parse_chunks(
    paths: Sequence[Path | str],
    root: Path,
    stop: Callable[[], bool],
    workers: int | None,
    *,
    analysis: ChunkAnalysis[Any] | None,
) -> Generator[_Chunk, None, None]:
    chunks = [paths[i : i + CHUNK_FILES] for i in range(0, len(paths), CHUNK_FILES)]
    count = workers_for(workers)
    count = min(count, len(chunks))
    if count <= 1 or _parse_weight(paths) < PARALLEL_MIN_FILES:
        for chunk in chunks:
            yield len(chunk), _parse_chunk_here(chunk, root), None
        return
    rest = paths[HEAD_FILES:]
    chunks = [paths[:HEAD_FILES]] + [
        rest[i : i + CHUNK_FILES] for i in range(0, len(rest), CHUNK_FILES)
    ]
    yield from _parse_in_pool(chunks, root, stop, count, analysis)


def _parse_weight(paths: Sequence[Path | str]) -> int:
    """The folder's parsing cost in text files: a saved web page costs as much as ~40 of them
    (main-text extraction, ~10 ms a page), so a few hundred pages are worth a pool too."""
    if len(paths) >= PARALLEL_MIN_FILES:
        return len(paths)
    pages = sum(1 for path in paths if str(path).lower().endswith(_PAGE_SUFFIXES))
    return len(paths) + pages * (PAGE_WEIGHT - 1)


def _parse_in_pool(
    chunks: list[Sequence[Path | str]],
    root: Path,
    stop: Callable[[], bool],
    count: int,
    analysis: ChunkAnalysis[Any] | None,
) -> Generator[_Chunk, None, None]:
    executor = start_pool(count)
    work: Callable[[Sequence[Path | str], Path], tuple[_Packed, Any]] = (
        functools.partial(_parse_chunk_analysed, analysis=analysis)
        if analysis is not None
        else _parse_chunk_plain
    )
    done = 0  # chunks handed to the caller
    try:
        # Keep only a few chunks in flight so a stop request is honoured quickly and memory
        # holds at most a few chunks of parsed articles that nobody has collected yet.
        pending: list[Future[tuple[_Packed, Any]]] = []
        for chunk in chunks[1 : 1 + count * 3]:
            pending.append(executor.submit(work, chunk, root))
        done = 1
        yield len(chunks[0]), _parse_chunk_here(chunks[0], root), None  # while the workers start
        while pending:
            packed, prepared = pending.pop(0).result()
            results = _unpack(packed)
            del packed
            if analysis is not None and prepared is not None:
                prepared = analysis.in_parent(prepared, [a for r in results for a in r.articles])
            following = done + len(pending) + 1
            if not stop() and following < len(chunks):
                pending.append(executor.submit(work, chunks[following], root))
            done += 1
            yield len(chunks[done - 1]), results, prepared
    except POOL_FAILURES:
        # the rest is parsed here, slower but complete
        for chunk in chunks[done:]:
            if stop():
                return
            done += 1
            yield len(chunk), _parse_chunk_here(chunk, root), None
    finally:
        stop_pool(executor, wait=True)


def _never() -> bool:
    return False
