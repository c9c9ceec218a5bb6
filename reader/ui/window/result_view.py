"""What the window shows of the current result and of the article read: the list, the
sidebar, the chips, the header line, the reading pane; where a folder opens (the article read
last time) and what stays shown when the folder changes underneath.

The session (window_session.py) owns the folder open and tells this view when to show what; the
view reads the folder through ``OpenFolder`` and drives the panels through their own methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, QObject, Signal

from reader.index import SearchResult
from reader.index.types import SortKey
from reader.library.library import Library
from reader.model import Article
from reader.storage.state import UserState, ViewState
from reader.ui.common.i18n import add_arabic, current_language, t
from reader.ui.common.query_text import query_text
from reader.ui.common.scroll_restore import ScrollRestore
from reader.ui.filters.chips import FilterChips
from reader.ui.filters.sidebar import FilterSidebar
from reader.ui.list.list_panel import SORT_LABELS, ArticleListPanel
from reader.ui.reading.reading_view import ReadingView
from reader.ui.status.status_bar import StatusArea
from reader.ui.window.results import ResultsController

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic(
    {
        "Pick an article in the list.": "اختر مقالاً من القائمة.",
        "Nothing selected": "لم يُحدَّد شيء",
        "{n:,} articles · {order}": "{n:,} مقال · {order}",
        "1 article · {order}": "مقال واحد · {order}",
        "Query: {error}": "الاستعلام: {error}",
        "{n:,} articles": "{n:,} مقال",
        "1 article": "مقال واحد",
        "This article was removed from the folder.": "حُذف هذا المقال من المجلد.",
        "{n:,} articles with {held} of the {words} words": (
            "{n:,} مقال فيها {held} من الكلمات الـ{words}"
        ),
        "1 article with {held} of the {words} words": "مقال واحد فيه {held} من الكلمات الـ{words}",
        "1 copy of a listed text left out": "لم تُعرض نسخة واحدة من نص مدرج",
        "{n:,} copies of listed texts left out": "لم تُعرض {n:,} نسخ من نصوص مدرجة",
        "No article has all {words} words; these have {held}": (
            "لا يوجد مقال فيه الكلمات الـ{words} كلها؛ في هذه {held} منها"
        ),
    }
)


@dataclass(frozen=True, slots=True)
class Panels:
    """The parts of the window a session drives."""

    list: ArticleListPanel
    sidebar: FilterSidebar
    reading: ReadingView
    chips: FilterChips
    status: StatusArea


class OpenFolder(Protocol):
    """What the view reads of the folder open (the window's session)."""

    @property
    def library(self) -> Library | None: ...

    @property
    def user_state(self) -> UserState | None: ...

    @property
    def notes(self) -> list[str]: ...


class ResultView(QObject):
    article_shown = Signal(str)  # id of the article shown in the reading pane
    # the reading pane's options are stale: the tags filtered on changed
    reading_options_stale = Signal()

    def __init__(
        self, parent: QObject, folder: OpenFolder, results: ResultsController, panels: Panels
    ) -> None:
        super().__init__(parent)
        self.folder, self.results = folder, results
        self.list, self.sidebar, self.reading = panels.list, panels.sidebar, panels.reading
        self.chips, self.status = panels.chips, panels.status
        self.current: Article | None = None
        # True from a folder's library arriving until its first result is shown: that result
        # opens on the article read last time, else on the first row of the current order
        self.opening = False
        self._previewing = False
        # True while the result is refreshed after a live change (not a new query)
        self._live_refresh = False
        self._follow: str | None = None
        self.list_scroll = ScrollRestore(self.list.view.verticalScrollBar())
        results.results_changed.connect(self.show_result)
        self.list.view.selectionModel().currentChanged.connect(self.current_changed)

    @property
    def library(self) -> Library | None:
        return self.folder.library

    def refresh_live(self, follow: str | None = None) -> None:
        """The same query and filters again over the changed library; the selection stays
        (``follow``: the new id of the article shown, when its file was renamed)."""
        self._live_refresh = True
        self._follow = follow
        try:
            self.results.search_now()
        finally:
            self._live_refresh = False
            self._follow = None

    # ------------------------------------------------------------------ results
    def show_result(self, result: SearchResult | None) -> None:
        controller = self.results
        if result is None or self.library is None:
            self._show_no_folder()
            return
        index = self.library.index
        snippet_fn = None
        if controller.searching:
            query = result.query
            snippet_fn = lambda a: index.snippet(a, query)  # noqa: E731
        keep = self.current.id if self.current is not None else None
        if self._live_refresh and self._follow is not None:
            keep = self._follow  # the article shown was renamed or moved: it stays shown
        model = self.list.model
        model.set_ids(controller.ids, lookup=self.library.articles.get, snippet_fn=snippet_fn)
        state = controller.state
        self.sidebar.show_result(result, state, self._identities())
        if self.reading.options.active_tags != state.include_tags:
            self.reading_options_stale.emit()
        self.chips.set_filters(state)
        self._show_count(result)
        if result.total == 0:
            self._show_empty()
            return
        self.list.show_list()
        if self.opening:
            self.opening = False
            self._open_where_left()
            return
        row = model.row_of(keep) if keep is not None else -1
        if self._live_refresh and keep is not None:
            self._keep_after_live_change(keep, row)
        elif row >= 0:
            self.current = None  # re-render with the new highlights
            self.list.select_row(row)
        else:
            self.list.select_row(0)

    def _show_count(self, result: SearchResult) -> None:
        """The header's count, and the status note (the query's error before the lasting notes)."""
        controller = self.results
        # the sort box shows the order; the header names it only when a query chose it, to say
        # why the list is no longer newest first
        held, words = result.relaxed or (0, 0)
        if result.relaxed:
            # no article has every word: the list holds those with the most, and says so
            template = (
                "1 article with {held} of the {words} words"
                if result.total == 1
                else "{n:,} articles with {held} of the {words} words"
            )
        elif controller.auto_relevance and controller.searching:
            template = "1 article · {order}" if result.total == 1 else "{n:,} articles · {order}"
        else:
            template = "1 article" if result.total == 1 else "{n:,} articles"
        order = SORT_LABELS[SortKey.RELEVANCE]
        self.list.set_header(template, n=result.total, order=order, held=held, words=words)
        notes = list(self.folder.notes)
        if result.error:
            error = query_text(result.error, current_language())
            notes.insert(0, t("Query: {error}").format(error=error))
        if result.relaxed:
            text = t("No article has all {words} words; these have {held}")
            notes.insert(0, text.format(words=words, held=held))
        if result.copies:
            text = t(
                "1 copy of a listed text left out"
                if result.copies == 1
                else "{n:,} copies of listed texts left out"
            )
            notes.insert(0, text.format(n=result.copies))
        self.status.set_note(" · ".join(notes))

    def _show_no_folder(self) -> None:
        self.list.model.set_ids(())
        self.sidebar.clear()
        self.list.show_empty(
            "No folder is open. Open one with File › Open Folder… (Ctrl+O) or drop it here.",
            "open",
        )
        self.reading.show_message(t("Nothing selected"), t("Pick an article in the list."))
        self.list.set_header("")

    def _open_where_left(self) -> None:
        """A folder's first full result: the article read last time in this folder, scrolled as
        it was, with the list scrolled as it was; else the first row of the current order."""
        state = self.folder.user_state
        view = state.view if state is not None else ViewState()
        row = self.list.model.row_of(view.article_id) if view.article_id is not None else -1
        self.current = None  # the article shown while loading may be another one
        self.list.select_row(max(row, 0))
        index = self.list.current_index()
        if self.current is None and index.isValid():
            # the row was current already (no currentChanged): it is the article shown
            self.current_changed(index, index)
        if row < 0:
            self.list.view.scrollToTop()
            return
        self.list_scroll.restore(view.list_scroll)
        self.reading.scroll_restore.restore(view.article_scroll)

    def where(self) -> ViewState | None:
        """Where the reader is in this folder (the article, both scroll positions), or None
        while there is nothing of it to remember."""
        if self.library is None or self.opening or self.current is None:
            return None
        return ViewState(
            self.current.id,
            self.reading.verticalScrollBar().value(),
            self.list.view.verticalScrollBar().value(),
        )

    def _keep_after_live_change(self, keep: str, row: int) -> None:
        """After a live change: the article shown stays (re-rendered only when its file changed);
        one that was deleted leaves the pane empty rather than jumping to another article."""
        article = self.library.articles.get(keep) if self.library is not None else None
        if article is None:
            self.current = None
            self.list.view.selectionModel().clearCurrentIndex()
            self.reading.show_message(
                t("Nothing selected"), t("This article was removed from the folder.")
            )
            return
        if article is not self.current:
            self.current = None  # its file changed: show the new version
        if row >= 0:
            self.list.select_row(row)  # the same article: current_changed does not render it again
        if self.current is None:
            self.show_article(article)  # also when the changed article left the result

    def _show_empty(self) -> None:
        query = self.results.state.query.strip()
        if self.library is not None and not self.library.articles:
            text = self.list.show_empty(
                "This folder holds no article that could be read.", "open", self.library.problems
            )
        elif query:
            text = self.list.show_empty(
                "No article matches «{query}». Remove a filter or check the spelling.",
                "clear",
                query=query,
            )
        else:
            text = self.list.show_empty(
                "No article matches the current filters. Remove a filter.", "clear"
            )
        self.current = None
        self.reading.show_message(t("Nothing selected"), text)

    def retranslate(self) -> None:
        if self.current is not None:
            self.show_article(self.current)

    # ------------------------------------------------------------------ the current article
    def current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        article = self.list.model.article_at(index.row()) if index.isValid() else None
        if article is None:
            return
        if self.current is not None and self.current.id == article.id:
            return
        self.show_article(article)
        if not self._previewing:
            self.list.model.set_read(index.row(), True)

    def preview_row(self, row: int) -> None:
        """Show the article of ``row`` without marking it read: while a folder loads, the first
        row changes as files arrive, and an article shown for a moment on the way is not one
        the reader has read."""
        self._previewing = True
        try:
            self.list.select_row(row)
        finally:
            self._previewing = False

    def show_article(self, article: Article) -> None:
        self.current = article
        title_spans: list = []
        body_spans: list = []
        result = self.results.result
        if self.library is not None and result is not None and self.results.searching:
            title_spans, body_spans = self.library.index.highlights(article, result.query)
        copies = self.library.index.copies(article.id) if self.library is not None else ()
        self.reading.show_article(
            article,
            title_spans,
            body_spans,
            self._related_links(article),
            self._identities(),
            copies=copies,
        )
        self.article_shown.emit(article.id)

    def _identities(self) -> Identities | None:
        """The folder's entity identities (names in the reading pane, variants in tooltips)."""
        return self.library.identities if self.library is not None else None

    def _related_links(self, article: Article) -> dict[str, str]:
        """Related headline -> id of the article in this folder with that title."""
        if self.library is None or not article.related:
            return {}
        return self.library.title_links().links(article)

    def show_article_by_id(self, article_id: str) -> None:
        if self.library is None or article_id not in self.library.articles:
            return
        row = self.list.model.row_of(article_id)
        if row >= 0:
            self.list.select_row(row)
        else:  # filtered out of the list: show it anyway
            self.show_article(self.library.articles[article_id])
