"""An open folder's index rebuilt from its live articles on a worker thread, once removals have
left most of it dead, and swapped in on the owning thread if the index did not change meanwhile
(the live articles are listed on the owning thread). ``reader.library.live`` commits the changes
that make it needed; the window's live lane (``ui.background.live_folder``) decides when to run it."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.library.live import LoadedFolder, flush_postings
from reader.library.loading import LoadCancelled, never_stop
from reader.model import Article

if TYPE_CHECKING:
    from reader.index import Index

# articles indexed between two looks at ``should_stop`` while building a compacted index
COMPACT_STEP = 500


def compacted_index(
    articles: Sequence[Article], stemmer: str, should_stop: Callable[[], bool] = never_stop
) -> Index:
    """A fresh index of ``articles``, its postings flushed (searchable at no further cost).

    ``articles``: ``Index.live_articles()`` of the index to replace, listed on the thread that
    owns it (this may run on another thread: it reads only the list); in that order, ties rank
    as they did. Raises ``LoadCancelled`` when ``should_stop`` turns true.
    """
    from reader.index import Index

    index = Index(stemmer)
    for start in range(0, len(articles), COMPACT_STEP):
        if should_stop():
            raise LoadCancelled
        index.add_many(articles[start : start + COMPACT_STEP])
    flush_postings(index)
    # the live folder's entity identities, worked out again over what it holds now
    from reader.entities.identity import build_with_values

    index.ensure_identities(build_with_values)
    index.name_facet_values()
    return index


class Compaction:
    """The library's index rebuilt from its live articles on another thread, swapped in on the
    thread that owns the library only if the index did not change meanwhile (else dropped: the
    caller tries again once the changes are over).

    Create it on the owning thread (the articles are listed there: the index may not be read
    while that thread changes it), ``build`` anywhere, ``swap`` on the owning thread.
    """

    def __init__(self, library: LoadedFolder) -> None:
        index = library.index
        self.library = library
        # weak: a dropped attempt must not keep a replaced index (mostly dead postings) alive
        self._index = weakref.ref(index)
        self._generation = index.generation  # moves with every change
        self._stemmer = index.stemmer
        self._articles: list[Article] = index.live_articles()
        self.size = len(self._articles)

    @property
    def current(self) -> bool:
        """The library's index is still the one listed, unchanged since (owning thread)."""
        index = self.library.index
        return (
            index is self._index() and index.generation == self._generation and not index.changing
        )

    def build(self, should_stop: Callable[[], bool] = never_stop) -> Index:
        """The compacted index (any thread: reads only the list). Raises ``LoadCancelled``."""
        return compacted_index(self._articles, self._stemmer, should_stop)

    def swap(self, compacted: Index) -> bool:
        """Install ``compacted`` as the library's index if it is still current (owning thread)."""
        self._articles = []
        if not self.current:
            return False
        # generations go on increasing across the swap: a reader comparing them sees a change
        compacted.mark_changed(self._generation)
        self.library.index = compacted
        return True
