"""The folder open in the window: its Library, the reader's marks, loading and live changes.

The window builds the panels and wires the menus; the session owns the opened folder's
lifecycle (loading, live changes, read and star marks, where the reader was) and drives the
panels it is given through their own methods (what is shown of a result is its ``ResultView``).
It tells the window what changed through signals (the title, the reading pane's options).

Loading: ``load_started`` keeps the previous library aside; batches fill the list as they arrive
(one row insert per batch); ``library_loaded`` swaps in the searchable library; a cancel before
that restores the previous folder exactly, so the user never sees a half-loaded list as if done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.library.library import ChangeSet, Library
from reader.model import Article
from reader.printable import printable
from reader.storage.state import UserState
from reader.ui.background.live_folder import LiveFolder
from reader.ui.background.loader import FolderLoader
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import window_title
from reader.ui.list.article_model import Roles
from reader.ui.window.result_view import Panels, ResultView
from reader.ui.window.results import ResultsController

add_arabic(
    {
        "Loading…": "جارٍ التحميل…",
        "{n:,} articles so far…": "{n:,} مقال حتى الآن…",
        "Loading cancelled.": "أُلغي التحميل.",
        "Could not open the folder": "تعذّر فتح المجلد",
        "Entities unavailable: {reason}": "الكيانات غير متاحة: {reason}",
        "Changes to the folder are not followed: {reason}": "لا تُتابَع تغييرات المجلد: {reason}",
    }
)

# how often rows parsed so far are added to the list while a folder loads
FLUSH_MS = 400
# read and star marks are written at most this often: one write per burst of marks
SAVE_MS = 1000


class Session(QObject):
    title_changed = Signal(str)  # the window title for the folder now open (or none)
    # the reading pane's options are stale: the entity stage began or ended
    reading_options_stale = Signal()

    def __init__(
        self, window: QObject, loader: FolderLoader, results: ResultsController, panels: Panels
    ) -> None:
        super().__init__(window)
        self.loader, self.results = loader, results
        self.list, self.sidebar, self.reading = panels.list, panels.sidebar, panels.reading
        self.status = panels.status
        self.library: Library | None = None
        self.folder: Path | None = None
        self.user_state: UserState | None = None
        self._pending: dict[str, Article] = {}
        self._queued: list[str] = []
        self.notes: list[str] = []  # lasting status-bar notes (entities unavailable, state file)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush_pending)
        self._previous: tuple[Library | None, Path | None, UserState | None] | None = None
        self._finding_entities = False  # a load whose entity stage is still to come or running
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_MS)
        self.save_timer.timeout.connect(self.save_state)
        self.list.model.user_flags_changed.connect(self.save_timer.start)
        # the folder is followed while it is open: files written, changed, renamed, deleted
        self.live = LiveFolder(self)
        self.live.applied.connect(self.live_applied)
        self.live.entities_applied.connect(self.live_spans)
        loader.idle.connect(self.live.load_finished)
        # a load scans the folder only once the watch is in place (placed off the GUI thread)
        loader.scan_gate = lambda: self.live.watch_ready
        loader.first_search = results.search_args
        self.live.watch_window(window)
        # what is shown of the folder's current result, and the article read
        self.shown = ResultView(self, self, results, panels)
        self.shown.reading_options_stale.connect(self.reading_options_stale)
        self._connect()

    @property
    def current(self) -> Article | None:
        """The article shown in the reading pane."""
        return self.shown.current

    def _connect(self) -> None:
        loader = self.loader
        loader.started.connect(self.load_started)
        loader.batch.connect(self.batch_arrived)
        loader.loaded.connect(self.library_loaded)
        loader.entities_ready.connect(self.entities_ready)
        loader.failed.connect(self.load_failed)
        loader.cancelled.connect(self.load_cancelled)
        loader.idle.connect(self.entities_settled)

    # ------------------------------------------------------------------ loading
    def load_started(self, folder: str) -> None:
        self._finding_entities = self.loader.entities
        if self._previous is None:  # a second open during a load keeps the first fallback
            self._previous = (self.library, self.folder, self.user_state)
        self.save_state()
        # no marks go to the previous folder's state, even if reading the new one failed
        self.user_state = None
        self.list.model.set_state(None)
        self.folder = Path(folder)
        # watching starts before the load scans the folder, so no file written meanwhile is lost
        self.live.start(self.folder)
        self.library = None
        self.shown.current = None
        self._pending = {}
        self._queued = []
        self._flush_timer.stop()
        self.shown.opening = False
        self.shown.list_scroll.cancel()
        self.user_state = UserState(self.folder)
        self.list.model.set_state(self.user_state)
        self.list.model.set_ids((), lookup=self._pending.get)
        self.list.show_list()
        # nothing of the previous folder stays beside the new list while it loads
        self.sidebar.clear()
        self.status.set_problems([])
        self.reading_options_stale.emit()
        self.reading.show_message(t("Loading…"), printable(str(self.folder)))
        self.status.set_note(printable(self.user_state.note or ""))
        self.list.set_header("{n:,} articles so far…", n=0)
        self.title_changed.emit(self.window_title())

    def batch_arrived(self, articles: list[Article]) -> None:
        """Articles parsed so far: queued, then shown by ``flush_pending`` (throttled)."""
        for a in articles:
            if a.id not in self._pending:
                self._pending[a.id] = a
                self._queued.append(a.id)
        # the first rows appear at once; later ones in bursts, because every insert makes the
        # list lay out all its rows again (a Python call per row), which would freeze the window
        if self.list.model.rowCount() == 0:
            self.flush_pending()
        elif not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_pending(self) -> None:
        if not self._queued:
            return
        queued, self._queued = self._queued, []
        self.list.model.append_ids(queued)
        self.list.set_header("{n:,} articles so far…", n=len(self._pending))
        if self.current is None and self.list.model.rowCount() > 0:
            self.shown.preview_row(0)

    def library_loaded(self, library: Library) -> None:
        self._previous = None
        self._pending = {}
        self._queued = []
        self._flush_timer.stop()
        self.shown.opening = True
        self._install(library)
        self.live.set_library(library)

    def entities_ready(self, library: Library) -> None:
        self._install(library)
        self.live.set_library(library)  # changes made to the previous one are applied again

    def _install(self, library: Library) -> None:
        self.library = library
        self.list.model.set_lookup(library.articles.get)
        self.status.set_problems(list(library.problems), library.skipped_paths())
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
        self.notes = notes
        self.status.set_note(" · ".join(notes))
        if self.reading.options.entities_pending != self.entities_pending():
            self.reading_options_stale.emit()
        self.sidebar.entities_pending(self.entities_pending())
        self.results.set_library(library)

    def entities_pending(self) -> bool:
        """True while the entity stage has yet to cover the open folder's articles."""
        if not self._finding_entities:
            return False
        return self.library is None or not self.library.entities_computed

    def entities_settled(self) -> None:
        """Loading ended (or was cancelled): no entity surface says "Finding entities…" now."""
        self._finding_entities = False
        self.sidebar.entities_pending(False)
        if self.reading.options.entities_pending:
            self.reading_options_stale.emit()

    def load_failed(self, message: str) -> None:
        self.load_cancelled()
        self.status.set_note(f"{t('Could not open the folder')}: {printable(message)}")

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
        self.list.model.set_state(state)
        if library is not None:
            self.list.model.set_lookup(library.articles.get)
        self.shown.current = None
        self.results.set_library(library)
        # after the re-search, which writes the lasting notes into the same label
        self.status.set_note(t("Loading cancelled."))

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
        self.status.set_problems(list(library.problems), library.skipped_paths())
        renamed = dict(change.renamed)
        shown = self.current.id if self.current is not None else None
        self.refresh_live(follow=renamed.get(shown) if shown is not None else None)

    def live_spans(self, _ids: list[str]) -> None:
        """Entity spans of new articles arrived: facets and highlights fill in."""
        self.refresh_live()

    def refresh_live(self, follow: str | None = None) -> None:
        """The same query and filters again over the changed library; the selection stays
        (``follow``: the new id of the article shown, when its file was renamed)."""
        self.shown.refresh_live(follow)

    # ------------------------------------------------------------------ the window title
    def window_title(self) -> str:
        """ "<folder> — Arabic News Reader", in the current language (kept on a switch)."""
        if self.folder is None:
            return t("Arabic News Reader")
        return window_title(f"{printable(self.folder.name)} — {t('Arabic News Reader')}")

    # ------------------------------------------------------------------ read / star
    def toggle_star(self) -> None:
        index = self.list.current_index()
        if index.row() >= 0:
            self.list.model.set_starred(index.row(), not index.data(Roles.STARRED))

    def toggle_read(self) -> None:
        index = self.list.current_index()
        if index.row() >= 0:
            self.list.model.set_read(index.row(), not index.data(Roles.READ))

    def record_view(self) -> None:
        """Remember where the user is in this folder (saved with the read and star marks)."""
        view = self.shown.where()
        if self.user_state is not None and view is not None:
            self.user_state.set_view(view)

    def save_state(self) -> None:
        self.record_view()
        state = self.user_state
        if state is None or not state.dirty:
            return
        try:
            state.save()
        except OSError as err:
            self.status.set_note(printable(f"{state.path}: {err}"))
