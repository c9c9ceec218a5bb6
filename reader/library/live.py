"""Live folders: apply a burst of file changes to an open ``Library`` without re-reading the folder.

Only the named files are read (through the disk cache), tagged and re-indexed: the old articles of
each file are removed from the index and its new ones added, which costs about what adding them
did in the first place (``Index.add``/``remove``), so a scraper writing a thousand files costs a
thousand files, not the whole folder.

Two steps, so a GUI can keep its event loop turning:

* ``prepare_changes`` reads, parses (and optionally tags) the files into plain data. It never
  touches the library's mutable parts (articles, files, index), so it may run on a worker thread
  while the GUI thread searches and commits; the folder-wide tag pass takes its evidence from an
  article list the caller snapshots on the owning thread.
* ``Commit`` applies prepared changes to the library (index removals and additions, the dicts,
  the problems) in slices of a bounded size or time, on the thread that owns the library. Each
  article leaves or enters the index and ``library.articles`` in the same step, so a search run
  between two slices sees a consistent (if partly updated) folder.

Removals can leave most of the index dead; the index then rebuilds itself from its live articles
(``Index.needs_compaction``), seconds of work at 100,000 articles. ``apply_changes`` lets it do
so inline; a GUI commits with ``compact=False`` and builds the rebuilt index on a worker thread
with ``reader.library.compaction.Compaction``.

``apply_changes`` (``Library.apply_changes``) is both steps at once. Applying is idempotent: it
reads the files' current state, so the same paths applied again (to the same library or to one
built from an older snapshot) end in the same articles.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.formats.folder import is_article_name, not_read_reason
from reader.formats.ids import IdClaims
from reader.formats.sidecar import apply_sidecars, is_candidate, read_sidecar
from reader.formats.tags import recover_multiword_tags
from reader.library.loading import (
    FileInfo,
    LoadRun,
    never_stop,
    no_progress,
    open_cache,
    parse_some,
    relative,
)
from reader.library.renames import in_round
from reader.library.tagging import annotate_files, cached_spans, with_spans
from reader.model import Article, ChangeSet, LoadProblem

if TYPE_CHECKING:
    from reader.index import Index
    from reader.library.title_links import TitleLinks
    from reader.storage.cache import FileKey, Parsed


class LoadedFolder(Protocol):
    """What live changes read and write of an open folder (``reader.library.library.Library`` is one):
    named here so this module needs nothing from the library above it."""

    root: Path
    articles: dict[str, Article]
    problems: list[LoadProblem]
    index: Index
    files_seen: int
    notes: list[str]
    files: dict[str, FileInfo]
    use_cache: bool
    workers: int | None

    @property
    def has_entities(self) -> bool: ...

    @property
    def built_title_links(self) -> TitleLinks | None: ...


@dataclass(frozen=True, slots=True)
class FileRead:
    """One file as it is now: its cache key and ids, its articles, what went wrong reading it."""

    info: FileInfo
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


@dataclass(frozen=True, slots=True)
class PreparedChanges:
    """Files read for a live update, ready for ``Commit`` (plain data, no library state)."""

    root: Path
    # relative path -> the file as it is now, for every named file that exists
    read: dict[str, FileRead] = field(default_factory=dict)
    # relative paths that are gone (files, or folders that stand for every file under them)
    gone: frozenset[str] = frozenset()
    # True when the articles carry entity spans
    tagged: bool = False
    notes: tuple[str, ...] = ()
    # files written that are in no article format: named, as the scan of a full load names them
    skipped: tuple[LoadProblem, ...] = ()

    @property
    def articles(self) -> list[Article]:
        return [a for f in self.read.values() for a in f.articles]

    @property
    def paths(self) -> frozenset[str]:
        return self.gone | frozenset(self.read) | frozenset(p.path for p in self.skipped)


def prepare_changes(
    library: LoadedFolder,
    added_or_changed: Iterable[Path | str],
    removed: Iterable[Path | str],
    *,
    entities: bool | None,
    evidence: Sequence[Article] | None = None,
) -> PreparedChanges:
    """Read the named files (through the cache) into plain data for ``Commit``.

    Reads only ``library.root``, ``use_cache``, ``workers`` and ``has_entities``: safe on a worker
    thread while the owner commits. ``evidence``: the folder's articles for the multi-word tag
    pass, a list snapshotted by the owning thread (default: ``library.articles`` now, which is
    only safe when no other thread changes them). ``entities``: tag the new articles here
    (default: when the library has entities); a GUI passes False and tags in worker processes.
    """
    root = library.root
    present, gone, skipped = _sort_paths(root, added_or_changed, removed)
    cache = open_cache(root, library.use_cache, None)
    notes: list[str] = []
    try:
        parsed = parse_some(root, present, cache)
        tables = _sidecar_tables(library, present, parsed, gone)
        if tables:
            # an edited sidecar: the files it names now are read again (through the cache) and
            # joined with it
            named = _named_by(root, [rel for rel in present if rel in tables], parsed)
            parsed.update(parse_some(root, named, cache))
            present.extend(named)
        # ids unique among these files (by_id below, the tagging), settled in folder order as a
        # load settles them; the commit settles them against the library's other articles
        claims = IdClaims()
        settled = {rel: claims.settle(rel, *parsed[rel][1]) for rel in sorted(present)}
        parsed = {rel: (parsed[rel][0], settled[rel]) for rel in present}
        fresh = [a for rel in present for a in parsed[rel][1][0]]
        reshaped: frozenset[str] = frozenset()
        if fresh and tables:
            join = apply_sidecars(root, tables, fresh)
            fresh, reshaped = join.articles, join.reshaped
        if fresh:
            others = list(library.articles.values()) if evidence is None else evidence
            fresh = _recover_tags(others, fresh)
        tag = library.has_entities if entities is None else entities
        # a file whose body the sidecar changed has no key: its cached spans are of another body
        files = {
            rel: FileInfo(
                None if rel in reshaped else parsed[rel][0],
                tuple(a.id for a in parsed[rel][1][0]),
            )
            for rel in present
        }
        tagged = False
        if tag and fresh:
            run = LoadRun(root, cache, no_progress, never_stop, library.workers)
            spans = cached_spans(cache, files, few=True) if cache is not None else {}
            fresh, status = annotate_files(run, fresh, spans, tag_missing=True, files=files)
            tagged = status is None
        if cache is not None:
            notes = list(dict.fromkeys(cache.notes))
    finally:
        if cache is not None:
            cache.close()
    by_id = {a.id: a for a in fresh}
    read = {
        rel: FileRead(files[rel], tuple(by_id[i] for i in files[rel].ids), tuple(parsed[rel][1][1]))
        for rel in present
    }
    return PreparedChanges(root, read, frozenset(gone), tagged, tuple(notes), tuple(skipped))


class Commit:
    """Prepared changes applied to a library in slices (``step``), on the thread that owns it.

    The plan (which ids go, which come) is made against the library's files when the commit is
    created; nothing is changed until ``step``. Articles are removed first, then added; the
    library's files, problems and notes are updated with the last step. ``compact``: whether the
    index may rebuild itself inside a step when removals leave it mostly dead (seconds at
    100,000 articles); a GUI passes False and compacts on a thread (``compaction.compacted_index``).
    """

    def __init__(
        self, library: LoadedFolder, prepared: PreparedChanges, *, compact: bool = True
    ) -> None:
        self.library = library
        self.prepared = prepared
        self.compact = compact
        gone = _expand_folders(set(prepared.gone), library.files)
        # the paths as named too: a file only the scan's problems know (a .pdf) is no folder
        self._touched = gone | prepared.paths
        self._gone = gone
        old_ids = [
            i for rel in self._touched if rel in library.files for i in library.files[rel].ids
        ]
        self._old = {i: library.articles[i] for i in old_ids if i in library.articles}
        self._read = _settled(prepared.read, library.articles, set(old_ids))
        fresh = [a for f in self._read.values() for a in f.articles]
        # ids whose entity spans were carried over from the same text already in the library
        self.carried: set[str] = set()
        if not prepared.tagged:
            fresh = [self._keep_spans(a) for a in fresh]
        new_ids = {a.id for a in fresh}
        self._removals = [i for i in old_ids if i not in new_ids]
        self._additions = fresh
        self._pos = 0
        self._flushed = not self._additions
        self._result: ChangeSet | None = None

    def _keep_spans(self, article: Article) -> Article:
        """A file written again with the same text (a scraper re-saving it) keeps its spans:
        its entities do not vanish from the facets until it is tagged again."""
        old = self._old.get(article.id)
        if old is None or not _same_spanned_text(old, article):
            return article
        spans = (old.entities, tuple(a.entities for a in old.appended))
        if not spans[0] and not any(spans[1]):
            return article
        self.carried.add(article.id)
        return with_spans(article, spans)

    @property
    def removed_articles(self) -> list[Article]:
        """The articles this commit takes out (as they were), for renames found later."""
        return [self._old[i] for i in self._removals if i in self._old]

    @property
    def total(self) -> int:
        """Index operations in this commit (one per removed or added article)."""
        return len(self._removals) + len(self._additions)

    @property
    def done(self) -> bool:
        return self._result is not None

    def step(self, max_ops: int = 100, max_seconds: float | None = None) -> bool:
        """Apply up to ``max_ops`` removals/additions (or as many as fit in ``max_seconds``);
        True once everything is applied."""
        if self._result is not None:
            return True
        library = self.library
        index, articles = library.index, library.articles
        started = time.perf_counter()
        removals, additions = self._removals, self._additions
        n_remove = len(removals)
        compact = self.compact
        first = self._pos
        end = min(self.total, self._pos + max_ops)
        titles = library.built_title_links
        while self._pos < end:
            pos = self._pos
            if pos < n_remove:
                index.remove(removals[pos], compact=compact)
                gone = articles.pop(removals[pos], None)
                if titles is not None and gone is not None:
                    titles.remove(gone)
            else:
                article = additions[pos - n_remove]
                index.add(article, compact=compact)  # a changed file's old version is removed
                if titles is not None:
                    replaced = articles.get(article.id)
                    if replaced is not None:
                        titles.remove(replaced)
                    titles.add(article)
                articles[article.id] = article
            self._pos = pos + 1
            if max_seconds is not None and time.perf_counter() - started >= max_seconds:
                break
        if self._pos < self.total:
            return False
        if not self._flushed:
            # a step of its own: the postings of every article added, made searchable
            self._flushed = True
            flush_postings(index)
            if max_seconds is not None:
                return False
        if max_seconds is not None and self._pos > first:
            # the bookkeeping in a step of its own too: for a mass delete (19,000 files) it
            # is tens of ms after a full slice
            return False
        self._result = self._finish()
        return True

    def run(self) -> ChangeSet:
        while not self.step(max_ops=1 << 30):
            pass
        return self.result

    @property
    def result(self) -> ChangeSet:
        if self._result is None:
            raise RuntimeError("the commit has not finished")
        return self._result

    def _finish(self) -> ChangeSet:
        library, prepared = self.library, self.prepared
        for rel in self._gone:
            library.files.pop(rel, None)
        library.files.update({rel: f.info for rel, f in self._read.items()})
        new_problems = [*prepared.skipped, *(p for f in self._read.values() for p in f.problems)]
        library.problems = [p for p in library.problems if p.path not in self._touched]
        library.problems.extend(new_problems)
        library.files_seen = len(library.files)
        for note in prepared.notes:
            if note not in library.notes:
                library.notes.append(note)
        fresh = self._additions
        old = self._old
        added = tuple(a.id for a in fresh if a.id not in old)
        dropped = tuple(self._removals)
        added_set = set(added)
        return ChangeSet(
            added=added,
            removed=dropped,
            updated=tuple(a.id for a in fresh if a.id in old),
            renamed=in_round(
                [old[i] for i in dropped if i in old], [a for a in fresh if a.id in added_set]
            ),
            problems=tuple(new_problems),
        )


def _settled(
    read: dict[str, FileRead], articles: dict[str, Article], replaced: set[str]
) -> dict[str, FileRead]:
    """The files read, their ids made unique against the library's other articles (those of
    the files being re-read are replaced, so their ids are free)."""
    claims = IdClaims(lambda i: i in articles and i not in replaced)
    out: dict[str, FileRead] = {}
    for rel in sorted(read):  # folder order, as a load settles them
        file = read[rel]
        settled, problems = claims.settle(rel, file.articles, file.problems)
        info = file.info
        if settled != file.articles or problems != file.problems:
            info = FileInfo(info.key, tuple(a.id for a in settled))
        out[rel] = FileRead(info, settled, problems)
    return {rel: out[rel] for rel in read}


def commit_changes(library: LoadedFolder, prepared: PreparedChanges) -> ChangeSet:
    """All of ``prepared`` applied at once."""
    return Commit(library, prepared).run()


class SpanCommit:
    """Entity spans found later for articles already in the library, applied in slices.

    An article whose text changed since it was sent for tagging (its file was written again) is
    skipped: the newer version gets its own spans. Re-adding an article with the same text only
    replaces its facet values in the index (``Index.add``), no postings are rebuilt.
    """

    def __init__(self, library: LoadedFolder, tagged: Sequence[Article]) -> None:
        self.library = library
        self._tagged = list(tagged)
        self._pos = 0
        self.applied: list[str] = []

    @property
    def total(self) -> int:
        return len(self._tagged)

    def step(self, max_ops: int = 200, max_seconds: float | None = None) -> bool:
        library = self.library
        started = time.perf_counter()
        end = min(len(self._tagged), self._pos + max_ops)
        while self._pos < end:
            article = self._tagged[self._pos]
            self._pos += 1
            current = library.articles.get(article.id)
            if current is not None and _same_spanned_text(current, article):
                library.index.add(article)
                library.articles[article.id] = article
                self.applied.append(article.id)
            if max_seconds is not None and time.perf_counter() - started >= max_seconds:
                break
        return self._pos >= len(self._tagged)


def apply_changes(
    library: LoadedFolder,
    added_or_changed: Iterable[Path | str],
    removed: Iterable[Path | str],
    *,
    entities: bool | None,
) -> ChangeSet:
    """``prepare_changes`` then ``commit_changes`` (for the command line and the tests)."""
    prepared = prepare_changes(library, added_or_changed, removed, entities=entities)
    return commit_changes(library, prepared)


def flush_postings(index: Index) -> None:
    """Turn the postings added so far into a segment now, in a step of its own.

    The index does it lazily before the next search; a GUI that re-searches right after the
    commit would pay both in one event-loop turn. Once per commit, not per slice: each flush has
    a fixed cost, which per slice multiplied the GUI time of a big commit (docs/PERFORMANCE.md,
    "GUI stalls").
    """
    flush = getattr(index, "flush", None)  # a stand-in engine may have nothing to flush
    if flush is not None:
        flush()


def _same_spanned_text(a: Article, b: Article) -> bool:
    """Whether two versions of an article are the same text, so one's entity spans fit the other:
    title, body, tags and the appended parts' bodies (``reader.index.prepare.same_text`` asks
    another question: whether the index would hold the same postings, day and facets)."""
    return (a.title, a.body, a.tags, tuple(x.body for x in a.appended)) == (
        b.title,
        b.body,
        b.tags,
        tuple(x.body for x in b.appended),
    )


def _sort_paths(
    root: Path, added_or_changed: Iterable[Path | str], removed: Iterable[Path | str]
) -> tuple[list[str], set[str], list[LoadProblem]]:
    """(files to read, files gone, files in no article format) as relative ids; hidden names are
    dropped, and a collection's README or LICENSE."""
    gone = {relative(root, p) for p in removed}
    present: list[str] = []
    skipped: dict[str, LoadProblem] = {}
    for p in added_or_changed:
        rel = relative(root, p)
        name = rel.rsplit("/", 1)[-1]
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if not is_article_name(name):
            reason = not_read_reason(name)
            if reason is not None and (root / rel).is_file():
                skipped[rel] = LoadProblem(rel, reason)
            continue
        if (root / rel).is_file():
            present.append(rel)
            gone.discard(rel)
        else:
            gone.add(rel)
    present = list(dict.fromkeys(present))
    gone -= set(present)
    gone -= set(skipped)
    return present, gone, list(skipped.values())


def _sidecar_tables(
    library: LoadedFolder,
    present: list[str],
    parsed: dict[str, tuple[FileKey | None, Parsed]],
    gone: set[str],
) -> list[str]:
    """The folder's tables without articles (metadata sidecars, maybe) once these changes are
    made: the library's, less those gone or changed into article tables, and the new ones."""
    # list() copies the dict in one step of the interpreter: this may run on a worker thread
    known = [rel for rel, info in list(library.files.items()) if not info.ids and is_candidate(rel)]
    tables = [rel for rel in known if rel not in gone and rel not in parsed]
    tables += [rel for rel in present if not parsed[rel][1][0] and is_candidate(rel)]
    return tables


def _named_by(
    root: Path, sidecars: list[str], parsed: dict[str, tuple[FileKey | None, Parsed]]
) -> list[str]:
    """The article files the given sidecars name that are not read already."""
    named: list[str] = []
    for rel in sidecars:
        sidecar = read_sidecar(root, rel)
        if sidecar is None:
            continue
        for file in sidecar.files:
            hidden = any(part.startswith(".") for part in file.split("/"))
            if file in parsed or file in named or hidden or file.startswith("../"):
                continue
            if is_article_name(file.rsplit("/", 1)[-1]):
                named.append(file)
    return named


def _expand_folders(gone: set[str], files: dict[str, FileInfo]) -> set[str]:
    """A removed folder stands for every known file under it (watchers report the folder)."""
    folders = {rel for rel in gone if rel not in files}
    if not folders:
        return gone
    prefixes = tuple(rel.rstrip("/") + "/" for rel in folders)
    return (gone - folders) | {rel for rel in files if rel.startswith(prefixes)}


def _recover_tags(evidence: Sequence[Article], fresh: list[Article]) -> list[Article]:
    """The folder-wide tag pass for the new articles only, with the folder as evidence."""
    new_ids = {a.id for a in fresh}
    others = [a for a in evidence if a.id not in new_ids]
    from reader.formats.tags import _from_unsplit_tag_line

    merged = recover_multiword_tags(
        [*others, *fresh],
        is_candidate=lambda a: a.id in new_ids and _from_unsplit_tag_line(a),
    )
    return merged[len(others) :]
