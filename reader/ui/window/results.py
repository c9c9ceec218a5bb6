"""The current result: library + query + filters + sort -> a SearchResult, with typing debounced.

Typing in the search box restarts a single-shot timer (qutebrowser's throttle): the search runs
~250 ms after the last key, not on every key. Filter clicks search at once. The controller knows
no widget; the window listens to ``results_changed`` and updates the list, facets and timeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.index import Filters, SearchResult
from reader.index.marks import Marks
from reader.index.types import SortKey
from reader.library.library import Library
from reader.model import Article
from reader.ui.filters.filter_state import FilterState
from reader.ui.list.article_model import sort_ids

DEBOUNCE_MS = 250
# the orders the index gives itself; title, source and starred are sorted here over relevance
_INDEX_ORDERS = (SortKey.NEWEST, SortKey.OLDEST, SortKey.RELEVANCE)
# a query naming the reader's marks (is:, mytag:, note: and their Arabic forms)
_MARK_FIELDS = re.compile(r"(?:^|[\s-])(?:is|هو|mytags?|وسمي|notes?|ملاحظة):", re.IGNORECASE)


class ResultsController(QObject):
    results_changed = Signal(object)  # SearchResult
    filters_changed = Signal(object)  # FilterState
    sort_changed = Signal(
        object
    )  # SortKey: the controller switched the order itself (see _follow_query)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.state = FilterState()
        self.sort_key = SortKey.NEWEST
        # True while "relevance" was chosen automatically because a query started
        self._auto_relevance = False
        self.result: SearchResult | None = None
        self.ids: tuple[str, ...] = ()
        # the open folder's marks (stars, read, own tags, notes), set by the window's session
        self.marks: Callable[[], Marks | None] = lambda: None
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.search_now)

    # ---- inputs
    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.search_now()

    def type_query(self, text: str) -> None:
        """From the search box: remember the text, search after the pause."""
        self._follow_query(text)
        self.state = self.state.with_query(text)
        self.debounce.start()

    def set_query(self, text: str) -> None:
        """Set the query and search at once (Escape, --query, clear buttons)."""
        self._follow_query(text)
        self.state = self.state.with_query(text)
        self.search_now()

    def _follow_query(self, text: str) -> None:
        """Best matches first while searching, newest first again after: a query switches the
        default order to relevance and clearing it switches back, unless the user chose an order."""
        had, has = bool(self.state.query.strip()), bool(text.strip())
        if not had and has and self.sort_key == SortKey.NEWEST:
            self.sort_key, self._auto_relevance = SortKey.RELEVANCE, True
            self.sort_changed.emit(self.sort_key)
        elif had and not has and self._auto_relevance:
            self.sort_key, self._auto_relevance = SortKey.NEWEST, False
            self.sort_changed.emit(self.sort_key)

    def set_state(self, state: FilterState) -> None:
        if state == self.state:
            return
        self.state = state
        self.filters_changed.emit(state)
        self.search_now()

    def set_sort(self, key: SortKey) -> None:
        """The user's choice in the sort selector."""
        self._auto_relevance = False
        if key != self.sort_key:
            self.sort_key = key
            self.search_now()

    def marks_changed(self, *, note: bool = False) -> None:
        """The reader starred, read, tagged or (``note``) wrote a note: search again when the
        current result depends on it (a view, an own-tag filter, is:/mytag:/note:, or words,
        which also search notes)."""
        state = self.state
        if (
            state.view != "all"
            or self.sort_key == SortKey.STARRED
            or state.include_my_tags
            or state.exclude_my_tags
            or _MARK_FIELDS.search(state.query)
            or (note and state.query.strip())
        ):
            self.search_now()

    @property
    def auto_relevance(self) -> bool:
        """True while the order is relevance because a query switched to it."""
        return self._auto_relevance

    @property
    def searching(self) -> bool:
        """True when the query has words, so the list shows snippets and relevance makes sense."""
        return bool(self.result and self.result.query and self.state.query.strip())

    # ---- the search
    def search_now(self) -> None:
        self.debounce.stop()
        if self.library is None:
            self.result, self.ids = None, ()
            self.results_changed.emit(None)
            return
        query, filters, options = self.search_args()
        result = self.library.search(query, filters, **options)
        ids = result.ids
        shown = self._shown_sort()
        if shown in (SortKey.TITLE, SortKey.SOURCE):
            ids = sort_ids(ids, self.lookup, shown)
        elif shown == SortKey.STARRED:
            # the starred ones first, each part in the index's order (best match or newest)
            marks = self.marks()
            starred = marks.starred if marks is not None else frozenset()
            ids = (*(i for i in ids if i in starred), *(i for i in ids if i not in starred))
        self.result, self.ids = result, tuple(ids)
        self.results_changed.emit(result)

    def search_args(self) -> tuple[str, Filters, dict[str, object]]:
        """What ``search_now`` asks the library: (query, filters, keyword options). The loader
        runs the same search ahead on its thread (``Library.prime_search``)."""
        return (
            self.state.query,
            self.state.to_filters(),
            {"sort": self._index_sort(), **self._marks_option()},
        )

    def _marks_option(self) -> dict[str, object]:
        """The marks, when this search reads them: a view, own-tag filters or fields, words (which
        also search notes) or own tags to count. Left out otherwise, so opening an article (a
        new read mark, a new snapshot) does not make the search run ahead on the loading thread
        differ from the window's."""
        marks = self.marks()
        if marks is None:
            return {}
        state, query = self.state, self.state.query
        if (
            state.view != "all"
            or state.include_my_tags
            or state.exclude_my_tags
            or _MARK_FIELDS.search(query)
            or (query.strip() and len(marks.notes))
            or marks.my_tags
        ):
            return {"marks": marks}
        return {}

    def _shown_sort(self) -> SortKey:
        if self.sort_key == SortKey.RELEVANCE and not self.state.query.strip():
            return SortKey.NEWEST  # relevance means nothing without words; show newest first
        return self.sort_key

    def _index_sort(self) -> SortKey:
        shown = self._shown_sort()
        return shown if shown in _INDEX_ORDERS else SortKey.RELEVANCE

    def lookup(self, article_id: str) -> Article | None:
        return self.library.articles.get(article_id) if self.library is not None else None
