"""A folder of article files read whole: every read of a folder (the library's load, through the
disk cache, and ``read_folder``, without one) settles it with the same steps.

1. ``reader.formats.scan.scan_entries``: the article files, in folder order.
2. ``reader.formats.parse_pool.parse_files``: each file parsed (on every core when it pays).
3. ``in_folder_order``: the files' articles in folder order, ids made unique (``IdClaims``).
4. ``join_folder``: metadata sidecars joined onto the pages they describe, then tags a scraper
   split one word each joined back where the folder shows how.

``read_folder`` is those steps with nothing cached: the command line and the window load through
``reader.library.loading``, which adds the cache and the index around the same calls.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.cache_rows import Parsed
from reader.formats.ids import IdClaims
from reader.formats.names import (
    file_suffix,
    is_article_name,
    left_out_with_its_folder,
    not_read_reason,
)
from reader.formats.parse_pool import parse_files
from reader.formats.scan import FolderError, printable_rels, scan_entries
from reader.formats.sidecar import apply_sidecars, is_candidate
from reader.formats.tags import recover_multiword_tags
from reader.model import Article, LoadProblem

# the scan's names, for callers that read a folder through this module
__all__ = [
    "FolderError",
    "FolderResult",
    "is_article_name",
    "left_out_with_its_folder",
    "not_read_reason",
    "read_folder",
    "scan_entries",
    "summary_line",
]


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
    by_suffix = Counter(file_suffix(path.rsplit("/", 1)[-1]) or "(none)" for path in set(skipped))
    line = f"{articles} articles from {files} files, {by_suffix.total()} files skipped"
    if not by_suffix:
        return line
    groups = sorted(by_suffix.items(), key=lambda item: (-item[1], item[0] == "(none)", item[0]))
    return line + ": " + ", ".join(f"{suffix} ×{count}" for suffix, count in groups)


@dataclass(frozen=True, slots=True)
class InFolderOrder:
    """The articles of a folder's files in folder order, with their ids made unique."""

    articles: list[Article]
    # each file's article ids, in the order of the files
    ids: list[tuple[str, ...]]
    # the tables among the files that gave no article: metadata sidecars, maybe
    sidecars: list[str]
    # whether an id had to change (an index built from the parsed ids is stale)
    renamed: bool


def in_folder_order(
    rels: list[str], parsed: dict[str, Parsed], problems: list[LoadProblem]
) -> InFolderOrder:
    """The articles of the files ``rels`` (parsed, by relative path) in that order with their ids
    made unique (``IdClaims``); their problems go on ``problems``."""
    articles: list[Article] = []
    all_ids: list[tuple[str, ...]] = []
    sidecars: list[str] = []
    settle = (claims := IdClaims()).settle
    # runs once per file (100,000 times on a big reopen): no generator per file, and the
    # usual one-article file and empty problems take the short way
    for rel in rels:
        file_articles, file_problems = settle(rel, *parsed[rel])
        articles.extend(file_articles)
        if file_problems:
            problems.extend(file_problems)
        if len(file_articles) == 1:
            ids: tuple[str, ...] = (file_articles[0].id,)
        else:
            ids = tuple([a.id for a in file_articles])
            if not ids and is_candidate(rel):
                sidecars.append(rel)
        all_ids.append(ids)
    return InFolderOrder(articles, all_ids, sidecars, claims.renamed)


@dataclass(frozen=True, slots=True)
class JoinedFolder:
    """A folder's articles once its sidecars and split tags are joined."""

    articles: list[Article]
    problems: list[LoadProblem] = field(default_factory=list)
    # the sidecars joined onto the articles
    sidecars: tuple[str, ...] = ()
    # files whose articles a sidecar changed
    reshaped: frozenset[str] = frozenset()
    # the articles whose tags were joined (now as joined)
    retagged: list[Article] = field(default_factory=list)


def join_folder(root: Path, articles: list[Article], sidecars: list[str]) -> JoinedFolder:
    """``articles`` (in folder order) with the metadata tables among ``sidecars`` joined onto
    their pages, then the folder-wide tag pass."""
    if not articles:
        return JoinedFolder(articles, sidecars=tuple(sidecars))
    problems: list[LoadProblem] = []
    reshaped: frozenset[str] = frozenset()
    joined_sidecars = tuple(sidecars)
    if sidecars:
        # metadata tables beside the pages: their title, date, url go onto the pages' articles
        join = apply_sidecars(root, sidecars, articles)
        articles, joined_sidecars = join.articles, join.sidecars
        problems.extend(join.problems)
        reshaped = join.reshaped
    # tags split one word each by the scraper are joined back where the folder shows how
    retagged = recover_multiword_tags(articles)
    changed = [a for a, b in zip(retagged, articles, strict=True) if a is not b]
    return JoinedFolder(retagged, problems, joined_sidecars, reshaped, changed)


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
    thread as chunks finish (batches come before the ids are settled and the folder-wide tag
    pass, as a library load's do). When ``should_stop()`` turns true, reading stops and what was
    read so far is returned: the caller decides what a partial result means.
    ``workers``: processes to use; None = one per idle CPU (``reader.runtime.pool.idle_cpus``),
    1 = this process. Raises ``FolderError`` when ``root`` itself cannot be read.
    """
    root = Path(root)
    entries, problems = scan_entries(root, should_stop=should_stop)
    rels = printable_rels(entries)
    total = len(entries)
    if on_progress is not None:
        on_progress(0, total)
    parsed: dict[str, Parsed] = {}
    paths = [path for _, path in entries]
    chunks = parse_files(paths, root, should_stop=should_stop, workers=workers)
    try:
        for size, results in chunks:
            batch: list[Article] = []
            for rel, result in zip(rels[len(parsed) : len(parsed) + size], results, strict=True):
                parsed[rel] = (result.articles, result.problems)
                batch.extend(result.articles)
            if on_batch is not None and batch:
                on_batch(batch)
            if on_progress is not None:
                on_progress(len(parsed), total)
            if should_stop is not None and should_stop():
                break
    finally:
        chunks.close()  # shuts the pool down now, cancelling chunks not yet started
    settled = in_folder_order(rels[: len(parsed)], parsed, problems)
    joined = join_folder(root, settled.articles, settled.sidecars)
    problems.extend(joined.problems)
    return FolderResult(tuple(joined.articles), tuple(problems), files_seen=total)
