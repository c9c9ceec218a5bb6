"""What the window shows and why: the open Library, the user's flags, the current article.

Split from main_window.py so the window module holds construction and wiring, and this one the
reactions to loading and searching. It drives the window's widgets, never the other way round.

Loading: ``load_started`` keeps the previous library aside; batches fill the list as they arrive
(one row insert per batch); ``library_loaded`` swaps in the searchable library; a cancel before
that restores the previous folder exactly, so the user never sees a half-loaded list as if done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer

from reader.index import SearchResult
from reader.index.types import SortKey
from reader.library.library import ChangeSet, Library
from reader.model import Article
from reader.printable import printable
from reader.storage.state import UserState, ViewState
from reader.ui.article_model import Roles
from reader.ui.i18n import add_arabic, t
from reader.ui.list_panel import SORT_LABELS
from reader.ui.live_folder import LiveFolder
from reader.ui.plain import window_title
from reader.ui.scroll_restore import ScrollRestore

if TYPE_CHECKING:
    from reader.entities.identity import Identities
    from reader.ui.main_window import MainWindow

add_arabic(
    {
        "Pick an article in the list.": "اختر مقالاً من القائمة.",
        "Nothing selected": "لم يُحدَّد شيء",
        "Loading…": "جارٍ التحميل…",
        "{n:,} articles · {order}": "{n:,} مقال · {order}",
        "1 article · {order}": "مقال واحد · {order}",
        "{n:,} articles so far…": "{n:,} مقال حتى الآن…",
        "Loading cancelled.": "أُلغي التحميل.",
        "Could not open the folder": "تعذّر فتح المجلد",
        "Entities unavailable: {reason}": "الكيانات غير متاحة: {reason}",
        "Query: {error}": "الاستعلام: {error}",
        "{n:,} articles": "{n:,} مقال",
        "1 article": "مقال واحد",
        "This article was removed from the folder.": "حُذف هذا المقال من المجلد.",
        "Changes to the folder are not followed: {reason}": "لا تُتابَع تغييرات المجلد: {reason}",
    }
)

# how often rows parsed so far are added to the list while a folder loads
FLUSH_MS = 400


class Session(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.library: Library | None = None
        self.folder: Path | None = None
        self.user_state: UserState | None = None
        self.current: Article | None = None
        self._pending: dict[str, Article] = {}
        self._queued: list[str] = []
        self._notes: list[str] = []  # lasting status-bar notes (entities unavailable, state file)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush_pending)
        self._previous: tuple[Library | None, Path | None, UserState | None] | None = None
        self._header: tuple[str, dict[str, object]] = ("", {})
        # the folder is followed while it is open: files written, changed, renamed, deleted
        self.live = LiveFolder(self)
        self.live.applied.connect(self.live_applied)
        self.live.entities_applied.connect(self.live_spans)
        window.loader.idle.connect(self.live.load_finished)
        # a load scans the folder only once the watch is in place (placed off the GUI thread)
        window.loader.scan_gate = lambda: self.live.watch_ready
        window.loader.first_search = window.results.search_args
        self.live.watch_window(window)
        # True while the result is refreshed after a live change (not a new query)
        self._live_refresh = False
        self._follow: str | None = None
        # True from a folder's library arriving until its first result is shown: that result
        # opens on the article read last time, else on the first row of the current order
        self._opening = False
        self._list_scroll: ScrollRestore | None = None  # made once the window has its list

    # ------------------------------------------------------------------ loading
    def load_started(self, folder: str) -> None:
        if self._previous is None:  # a second open during a load keeps the first fallback
            self._previous = (self.library, self.folder, self.user_state)
        self.save_state()
        # no marks go to the previous folder's state, even if reading the new one failed
        self.user_state = None
        self.w.model.set_state(None)
        self.folder = Path(folder)
        # watching starts before the load scans the folder, so no file written meanwhile is lost
        self.live.start(self.folder)
        self.library = None
        self.current = None
        self._pending = {}
        self._queued = []
        self._flush_timer.stop()
        self._opening = False
        self.list_scroll.cancel()
        self.user_state = UserState(self.folder)
        w = self.w
        w.model.set_state(self.user_state)
        w.model.set_ids((), lookup=self._pending.get)
        w.list_stack.setCurrentWidget(w.list_view)
        # nothing of the previous folder stays beside the new list while it loads
        w.sidebar.clear()
        w.set_problems([])
        w.refresh_reading_options()
        w.reading_view.show_message(t("Loading…"), printable(str(self.folder)))
        w.status_note.setText(printable(self.user_state.note or ""))
        self._set_header("{n:,} articles so far…", n=0)
        w.setWindowTitle(self.window_title())

    def batch_arrived(self, articles: list[Article]) -> None:
        """Articles parsed so far: queued, then shown by ``flush_pending`` (throttled)."""
        for a in articles:
            if a.id not in self._pending:
                self._pending[a.id] = a
                self._queued.append(a.id)
        # the first rows appear at once; later ones in bursts, because every insert makes the
        # list lay out all its rows again (a Python call per row), which would freeze the window
        if self.w.model.rowCount() == 0:
            self.flush_pending()
        elif not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_pending(self) -> None:
        if not self._queued:
            return
        queued, self._queued = self._queued, []
        self.w.model.append_ids(queued)
        self._set_header("{n:,} articles so far…", n=len(self._pending))
        if self.current is None and self.w.model.rowCount() > 0:
            self.w.select_row(0)

    def library_loaded(self, library: Library) -> None:
        self._previous = None
        self._pending = {}
        self._queued = []
        self._flush_timer.stop()
        self._opening = True
        self._install(library)
        self.live.set_library(library)

    def entities_ready(self, library: Library) -> None:
        self._install(library)
        self.live.set_library(library)  # changes made to the previous one are applied again

    def _install(self, library: Library) -> None:
        self.library = library
        w = self.w
        w.model.set_lookup(library.articles.get)
        w.set_problems(list(library.problems))
        notes = (
            [printable(self.user_state.note)] if self.user_state and self.user_state.note else []
        )
        if library.articles and library.entity_status and library.entities_computed:
            notes.append(
                t("Entities unavailable: {reason}").format(reason=printable(library.entity_status))
            )
        if self.live.unwatched:
            notes.append(
                t("Changes to the folder are not followed: {reason}").format(
                    reason=printable(self.live.unwatched)
                )
            )
        self._notes = notes
        w.status_note.setText(" · ".join(notes))
        if w.reading_view.options.entities_pending != w.entities_pending():
            w.refresh_reading_options()
        w.sidebar.entities_pending(w.entities_pending())
        w.results.set_library(library)

    def load_failed(self, message: str) -> None:
        self.load_cancelled()
        self.w.status_note.setText(f"{t('Could not open the folder')}: {printable(message)}")

    def load_cancelled(self) -> None:
        if self._previous is None:  # cancelled while finding entities: the loaded library stays
            return
        library, folder, state = self._previous
        self._previous = None
        self._pending = {}
        self._queued = []
        self._flush_timer.stop()
        self.library, self.folder, self.user_state = library, folder, state
        if folder is not None:
            self.live.start(folder)
            self.live.set_library(library)
        else:
            self.live.stop()
        self.w.model.set_state(state)
        if library is not None:
            self.w.model.set_lookup(library.articles.get)
        self.current = None
        self.w.results.set_library(library)
        # after the re-search, which writes the lasting notes into the same label
        self.w.status_note.setText(t("Loading cancelled."))

    # ------------------------------------------------------------------ live folder
    def live_applied(self, change: ChangeSet) -> None:
        """Files of the open folder changed and the library has them: show it everywhere."""
        library = self.library
        if library is None:
            return
        state = self.user_state
        if state is not None and change.renamed:
            for old, new in change.renamed:
                state.rename(old, new)
            self.save_state()
        self.w.set_problems(list(library.problems))
        renamed = dict(change.renamed)
        shown = self.current.id if self.current is not None else None
        self.refresh_live(follow=renamed.get(shown) if shown is not None else None)

    def live_spans(self, _ids: list[str]) -> None:
        """Entity spans of new articles arrived: facets and highlights fill in."""
        self.refresh_live()

    def refresh_live(self, follow: str | None = None) -> None:
        """The same query and filters again over the changed library; the selection stays
        (``follow``: the new id of the article shown, when its file was renamed)."""
        self._live_refresh = True
        self._follow = follow
        try:
            self.w.results.search_now()
        finally:
            self._live_refresh = False
            self._follow = None

    # ------------------------------------------------------------------ results
    def show_result(self, result: SearchResult | None) -> None:
        w = self.w
        controller = w.results
        if result is None or self.library is None:
            w.model.set_ids(())
            w.sidebar.clear()
            w.empty_state.set_message(
                "No folder is open. Open one with File › Open Folder… (Ctrl+O) or drop it here.",
                "open",
            )
            w.list_stack.setCurrentWidget(w.empty_state)
            w.reading_view.show_message(t("Nothing selected"), t("Pick an article in the list."))
            self._set_header("")
            return
        index = self.library.index
        snippet_fn = None
        if controller.searching:
            query = result.query
            snippet_fn = lambda a: index.snippet(a, query)  # noqa: E731
        keep = self.current.id if self.current is not None else None
        if self._live_refresh and self._follow is not None:
            keep = self._follow  # the article shown was renamed or moved: it stays shown
        w.model.set_ids(controller.ids, lookup=self.library.articles.get, snippet_fn=snippet_fn)
        state = controller.state
        w.sidebar.show_result(result, state, self._identities())
        if w.reading_view.options.active_tags != state.include_tags:
            w.refresh_reading_options()
        w.chips.set_filters(state)
        # the sort box shows the order; the header names it only when a query chose it, to say
        # why the list is no longer newest first
        if controller.auto_relevance and controller.searching:
            template = "1 article · {order}" if result.total == 1 else "{n:,} articles · {order}"
        else:
            template = "1 article" if result.total == 1 else "{n:,} articles"
        self._set_header(template, n=result.total, order=SORT_LABELS[SortKey.RELEVANCE])
        notes = list(self._notes)
        if result.error:
            notes.insert(0, t("Query: {error}").format(error=result.error))
        w.status_note.setText(" · ".join(notes))
        if result.total == 0:
            self._show_empty()
            return
        w.list_stack.setCurrentWidget(w.list_view)
        if self._opening:
            self._opening = False
            self._open_where_left()
            return
        row = w.model.row_of(keep) if keep is not None else -1
        if self._live_refresh and keep is not None:
            self._keep_after_live_change(keep, row)
        elif row >= 0:
            self.current = None  # re-render with the new highlights
            w.select_row(row)
        else:
            w.select_row(0)

    @property
    def list_scroll(self) -> ScrollRestore:
        if self._list_scroll is None:
            self._list_scroll = ScrollRestore(self.w.list_view.verticalScrollBar())
        return self._list_scroll

    def _open_where_left(self) -> None:
        """A folder's first full result: the article read last time in this folder, scrolled as
        it was, with the list scrolled as it was; else the first row of the current order."""
        w = self.w
        view = self.user_state.view if self.user_state is not None else ViewState()
        row = w.model.row_of(view.article_id) if view.article_id is not None else -1
        self.current = None  # the article shown while loading may be another one
        w.select_row(max(row, 0))
        index = w.current_index()
        if self.current is None and index.isValid():
            # the row was current already (no currentChanged): it is the article shown
            self.current_changed(index, index)
        if row < 0:
            w.list_view.scrollToTop()
            return
        self.list_scroll.restore(view.list_scroll)
        w.reading_view.scroll_restore.restore(view.article_scroll)

    def record_view(self) -> None:
        """Remember where the user is in this folder (saved with the read and star marks)."""
        state, library = self.user_state, self.library
        if state is None or library is None or self._opening or self.current is None:
            return
        state.set_view(
            ViewState(
                self.current.id,
                self.w.reading_view.verticalScrollBar().value(),
                self.w.list_view.verticalScrollBar().value(),
            )
        )

    def _keep_after_live_change(self, keep: str, row: int) -> None:
        """After a live change: the article shown stays (re-rendered only when its file changed);
        one that was deleted leaves the pane empty rather than jumping to another article."""
        w = self.w
        article = self.library.articles.get(keep) if self.library is not None else None
        if article is None:
            self.current = None
            w.list_view.selectionModel().clearCurrentIndex()
            w.reading_view.show_message(
                t("Nothing selected"), t("This article was removed from the folder.")
            )
            return
        if article is not self.current:
            self.current = None  # its file changed: show the new version
        if row >= 0:
            w.select_row(row)  # the same article: current_changed does not render it again
        if self.current is None:
            self.show_article(article)  # also when the changed article left the result

    def _show_empty(self) -> None:
        w = self.w
        state = w.results.state
        if self.library is not None and not self.library.articles:
            w.empty_state.set_message("This folder holds no article that could be read.", "open")
            w.empty_state.set_problems(self.library.problems)
        elif state.query.strip():
            w.empty_state.set_message(
                "No article matches «{query}». Remove a filter or check the spelling.",
                "clear",
                query=state.query.strip(),
            )
        else:
            w.empty_state.set_message(
                "No article matches the current filters. Remove a filter.", "clear"
            )
        w.list_stack.setCurrentWidget(w.empty_state)
        self.current = None
        w.reading_view.show_message(t("Nothing selected"), w.empty_state.label.text())

    def _set_header(self, template: str, **values: object) -> None:
        self._header = (template, values)
        self._render_header()

    def _render_header(self) -> None:
        template, values = self._header
        if not template:
            self.w.list_header.setText("")
            return
        shown = {k: t(v) if k == "order" and isinstance(v, str) else v for k, v in values.items()}
        self.w.list_header.setText(t(template).format(**shown))

    def window_title(self) -> str:
        """ "<folder> — Arabic News Reader", in the current language (kept on a switch)."""
        if self.folder is None:
            return t("Arabic News Reader")
        return window_title(f"{printable(self.folder.name)} — {t('Arabic News Reader')}")

    def retranslate(self) -> None:
        self._render_header()
        if self.current is not None:
            self.show_article(self.current)

    # ------------------------------------------------------------------ the current article
    def current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        article = self.w.model.article_at(index.row()) if index.isValid() else None
        if article is None:
            return
        if self.current is not None and self.current.id == article.id:
            return
        self.show_article(article)
        self.w.model.set_read(index.row(), True)

    def show_article(self, article: Article) -> None:
        self.current = article
        w = self.w
        title_spans: list = []
        body_spans: list = []
        result = w.results.result
        if self.library is not None and result is not None and w.results.searching:
            title_spans, body_spans = self.library.index.highlights(article, result.query)
        w.reading_view.show_article(
            article, title_spans, body_spans, self._related_links(article), self._identities()
        )
        w.article_shown.emit(article.id)

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
        row = self.w.model.row_of(article_id)
        if row >= 0:
            self.w.select_row(row)
        else:  # filtered out of the list: show it anyway
            self.show_article(self.library.articles[article_id])

    # ------------------------------------------------------------------ read / star
    def toggle_star(self) -> None:
        row = self.w.current_index().row()
        if row >= 0:
            self.w.model.set_starred(row, not self.w.current_index().data(Roles.STARRED))

    def toggle_read(self) -> None:
        row = self.w.current_index().row()
        if row >= 0:
            self.w.model.set_read(row, not self.w.current_index().data(Roles.READ))

    def save_state(self) -> None:
        self.record_view()
        state = self.user_state
        if state is None or not state.dirty:
            return
        try:
            state.save()
        except OSError as err:
            self.w.status_note.setText(printable(f"{state.path}: {err}"))
