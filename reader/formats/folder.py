"""A folder of article files: find them (``scan_folder``) and read them all (``read_folder``).

Reading a small file costs about 100 µs from a cold cache and parsing it ~200 µs of pure Python,
so a large folder is parsed by a pool of processes, in chunks, with the results taken back in
folder order, when there are idle cores to run it (``reader.runtime.pool``) (tests/benchmarks/bench_formats.py measures
both paths).
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from reader.cache_rows import pack_articles, unpack_articles
from reader.formats.ids import IdClaims, unique_rels
from reader.formats.parse import ParseResult, parse_file, printable_path, relative_id
from reader.formats.sidecar import apply_sidecars, is_candidate
from reader.formats.tags import recover_multiword_tags
from reader.model import Article, LoadProblem
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


# What a folder of articles holds; anything else (images, PDFs) is named by the scan as a problem
# ("not an article format"). Files without an extension are read too: some scrapers save pages
# that way.
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".jsonlines"}
    | {".xml", ".trec", ".sgml", ".sgm", ""}
    | {".csv", ".tsv"}
    | {".html", ".htm", ".xhtml", ".shtml", ".tml", ".rss", ".atom", ".gz", ".bz2", ".xz"}
)
# A collection's own documentation is not an article (the ANT corpora ship README.md and LICENSE).
NOT_ARTICLES = re.compile(
    r"^(?:readme|licen[cs]e|copying|changelog|changes|notice|authors|contributing)(?:\.\w+)?$",
    re.IGNORECASE,
)
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
_STOP_CHECK_EVERY = 2048
# a file's (size, mtime_ns): the disk cache's key of it
FileKey = tuple[int, int]


class FolderError(OSError):
    """The folder itself cannot be read (missing, not a folder, no permission)."""


@dataclass(frozen=True, slots=True)
class FolderResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]
    files_seen: int

    @property
    def files_skipped(self) -> int:
        """Files that gave no article (each has at least one problem naming it)."""
        read = {a.path for a in self.articles}
        return len({p.path for p in self.problems} - read)

    def summary(self) -> str:
        """The one-line summary of the command-line contract."""
        read = {a.path for a in self.articles}
        skipped = {p.path for p in self.problems} - read
        return summary_line(len(self.articles), len(read), skipped)


def summary_line(articles: int, files: int, skipped: Iterable[str]) -> str:
    """ "N articles from M files, K files skipped", and when K > 0 the skipped files by extension,
    most first: ": .pdf ×2, .docx ×1" ("(none)" for names without one)."""
    by_suffix = Counter(_suffix(path.rsplit("/", 1)[-1]) or "(none)" for path in set(skipped))
    line = f"{articles} articles from {files} files, {by_suffix.total()} files skipped"
    if not by_suffix:
        return line
    groups = sorted(by_suffix.items(), key=lambda item: (-item[1], item[0] == "(none)", item[0]))
    return line + ": " + ", ".join(f"{suffix} ×{count}" for suffix, count in groups)


def _suffix(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return "." + ext.lower() if dot and stem else ""


def is_article_name(name: str) -> bool:
    return _suffix(name) in ARTICLE_SUFFIXES and not NOT_ARTICLES.match(name)


def not_read_reason(name: str) -> str | None:
    """Why the scan leaves a file out, for the problems list; None for a collection's own
    documentation (README, LICENSE), which is left out without a word."""
    if NOT_ARTICLES.match(name):
        return None
    return f"not an article format ({_suffix(name)})"


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


def read_folder(
    root: Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_batch: Callable[[list[Article]], None] | None = None,
    workers: int | None = None,
) -> FolderResult:
    """Scan ``root`` and parse every article file, in folder order.

    ``on_progress(files_done, files_total)`` and ``on_batch(articles)`` are called from the calling
    thread as chunks finish (batches come before the folder-wide tag pass, so their tags may still
    be split into single words). When ``should_stop()`` turns true, reading stops and what was
    read so far is returned: the caller decides what a partial result means.
    ``workers``: processes to use; None = one per idle CPU (``reader.runtime.pool.idle_cpus``), 1 = this process.
    Raises ``FolderError`` when ``root`` itself cannot be read.
    """
    root = Path(root)
    stop = should_stop or _never
    entries, problems = scan_entries(root, should_stop=stop)
    paths = [Path(path) for _, path in entries]
    # the scan's relative paths are the ids relative_id would make, without a Path each
    rels = unique_rels([printable_path(rel) for rel, _ in entries])
    claims = IdClaims()  # ids made unique in folder order, as a library load makes them
    total = len(paths)
    if on_progress is not None:
        on_progress(0, total)
    articles: list[Article] = []
    sidecars: list[str] = []
    done = 0
    chunks = _parse_chunks(paths, root, stop, workers, analysis=None)
    for chunk_size, results, _ in chunks:
        batch: list[Article] = []
        for path, rel, result in zip(
            paths[done : done + chunk_size], rels[done : done + chunk_size], results, strict=True
        ):
            file_articles, file_problems = claims.settle(rel, result.articles, result.problems)
            batch.extend(file_articles)
            problems.extend(file_problems)
            if not result.articles and is_candidate(path.name):
                sidecars.append(relative_id(path, root))
        done += chunk_size
        articles.extend(batch)
        if on_batch is not None and batch:
            on_batch(batch)
        if on_progress is not None:
            on_progress(done, total)
        if stop():
            chunks.close()  # shuts the pool down now, cancelling chunks not yet started
            break
    if sidecars:
        joined = apply_sidecars(root, sidecars, articles)
        articles = joined.articles
        problems.extend(joined.problems)
    if articles:
        # tags split one word each by the scraper are joined back where the folder shows how
        articles = list(recover_multiword_tags(articles))
    return FolderResult(tuple(articles), tuple(problems), files_seen=total)


def _never() -> bool:
    return False


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
