"""Live folders: apply a burst of file changes to an open ``Library`` without re-reading the folder.

Only the named files are read (through the disk cache), tagged and re-indexed: the old articles of
each file are removed from the index and its new ones added, which costs about what adding them
did in the first place (``Index.add``/``remove``), so a scraper writing a thousand files costs a
thousand files, not the whole folder.

Two steps, so a GUI can keep its event loop turning:

* ``prepare_changes`` (``reader.library.live_read``) reads, parses (and optionally tags) the
  files into plain data. It never touches the library's mutable parts (articles, files, index),
  so it may run on a worker thread while the GUI thread searches and commits; the folder-wide
  tag pass takes its evidence from an article list the caller snapshots on the owning thread.
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
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.ids import IdClaims
from reader.library.live_read import FileRead, LoadedFolder, PreparedChanges, prepare_changes
from reader.library.loading import FileInfo
from reader.library.renames import in_round
from reader.library.tagging import with_spans
from reader.model import Article, ChangeSet

if TYPE_CHECKING:
    from reader.index import Index

# step 1 lives in live_read; its names are read here too (one import for both steps)
__all__ = [
    "Commit",
    "FileRead",
    "LoadedFolder",
    "PreparedChanges",
    "SpanCommit",
    "apply_changes",
    "commit_changes",
    "flush_postings",
    "prepare_changes",
]


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


def _expand_folders(gone: set[str], files: dict[str, FileInfo]) -> set[str]:
    """A removed folder stands for every known file under it (watchers report the folder)."""
    folders = {rel for rel in gone if rel not in files}
    if not folders:
        return gone
    prefixes = tuple(rel.rstrip("/") + "/" for rel in folders)
    return (gone - folders) | {rel for rel in files if rel.startswith(prefixes)}
