"""The ``Library`` record: a loaded folder's articles, the problems met reading it, the index over
them and how the load went.

A passive record: ``reader.library.library`` builds one (``load_library``, or a new one from an
old with ``with_entities``); a live folder's changes (``reader.library.live``) update one in place,
on the thread that owns it, and the compaction (``reader.library.compaction``) swaps its index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.formats.folder import summary_line
from reader.library.loading import FileInfo, file_of
from reader.library.tagging import NOT_COMPUTED
from reader.library.title_links import TitleLinks
from reader.model import Article, ChangeSet, LoadProblem

if TYPE_CHECKING:
    from reader.entities.identity import Identities
    from reader.index import Filters, Index, SearchResult


@dataclass(slots=True)
class Library:
    """A folder in memory: its articles by id, the problems met reading it, its index, and what
    each file produced (for live changes)."""

    root: Path
    articles: dict[str, Article]
    problems: list[LoadProblem]
    index: Index
    files_seen: int = 0
    # None when entities were found; otherwise why not (shown to the user)
    entity_status: str | None = NOT_COMPUTED
    # things the user should know that are not about one file (the cache was rebuilt, ...)
    notes: list[str] = field(default_factory=list)
    # every file read: relative path -> its key and article ids (for live updates)
    files: dict[str, FileInfo] = field(default_factory=dict)
    # how this load went: files answered by the cache, files parsed, the index's origin
    stats: dict[str, object] = field(default_factory=dict)
    use_cache: bool = True
    workers: int | None = None
    # metadata sidecars joined onto the articles: such a folder's index is not kept as a snapshot
    # (a page's indexed title or date would go stale when its sidecar changes, the page not)
    sidecars: tuple[str, ...] = ()
    # (query, filters, options, index generation, result) of a search run ahead (prime_search)
    _primed: tuple | None = field(default=None, init=False, repr=False, compare=False)
    # built on first use (``title_links``), then kept up to date by live changes
    _title_links: TitleLinks | None = field(default=None, init=False, repr=False, compare=False)

    def get(self, article_id: str) -> Article:
        return self.articles[article_id]

    def __len__(self) -> int:
        return len(self.articles)

    def search(
        self, query: str = "", filters: Filters | None = None, **kwargs: object
    ) -> SearchResult:
        primed, self._primed = self._primed, None
        if primed is not None and primed[:4] == (query, filters, kwargs, self.index.generation):
            return primed[4]
        return self.index.search(query, filters, **kwargs)  # type: ignore[arg-type]

    def title_links(self) -> TitleLinks:
        """The "read also" headline -> article map of this folder (built on first use: ~70 ms at
        100,000 articles, so a loader calls it on its own thread)."""
        if self._title_links is None:
            self._title_links = TitleLinks(self.articles.values())
        return self._title_links

    @property
    def built_title_links(self) -> TitleLinks | None:
        """The map if it was built (a change to the articles must update it), else None."""
        return self._title_links

    def prime_search(
        self, query: str = "", filters: Filters | None = None, **kwargs: object
    ) -> None:
        """Search now and keep the answer for the next ``search``, if it asks the same of an
        unchanged index; any other search drops it. A folder loads on a worker thread, which
        runs the window's first search this way: at 100,000 articles it costs 15 ms of the
        turn that shows the loaded folder (where the GUI thread must stay under 100 ms)."""
        result = self.index.search(query, filters, **kwargs)  # type: ignore[arg-type]
        self._primed = (query, filters, kwargs, self.index.generation, result)

    @property
    def entities_computed(self) -> bool:
        """Whether the entity stage has run (found entities, or said why there are none)."""
        return self.entity_status != NOT_COMPUTED

    @property
    def identities(self) -> Identities | None:
        """The folder's entity identities, once worked out (the index names its entity facets
        with them; the reading pane and export name entities with them)."""
        from reader.entities.identity import Identities

        found = self.index.identities
        return found if isinstance(found, Identities) else None

    @property
    def has_entities(self) -> bool:
        return self.entity_status is None

    def summary(self) -> str:
        """The one-line summary of the command-line contract."""
        return summary_line(len(self.articles), self.files_seen, self.skipped_paths())

    def skipped_paths(self) -> set[str]:
        """Paths with a problem that gave no article."""
        return {p.path for p in self.problems} - read_paths(self.articles.values())

    def apply_changes(
        self,
        added_or_changed: Iterable[Path | str],
        removed: Iterable[Path | str] = (),
        *,
        entities: bool | None = None,
    ) -> ChangeSet:
        """Re-read only these files (through the cache) and update the articles and the index in
        place. Paths are absolute or relative to the folder; a path that is gone counts as removed.
        ``entities``: tag the new articles (default: when this library has entities).
        """
        from reader.library.live import apply_changes

        return apply_changes(self, added_or_changed, removed, entities=entities)


def read_paths(articles: Iterable[Article]) -> set[str]:
    """The files ``articles`` were read from."""
    return {file_of(a) for a in articles}
