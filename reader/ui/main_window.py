"""The main window: search bar, filter sidebar, article list, reading pane, status bar.

Built left-to-right; Qt mirrors it for the Arabic interface. The window wires the pieces and keeps
the session (the open Library, the user's read/star state); loading is in ``FolderLoader``, the
current result in ``ResultsController``, the look of each part in its own module.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.index import SearchResult
from reader.index.types import SortKey
from reader.library.library import Library, LoadProgress
from reader.model import Article, LoadProblem
from reader.printable import printable
from reader.storage.state import UserState
from reader.ui.appearance import apply_language_direction, apply_theme
from reader.ui.cache_dialog import CacheClearing, CacheNote
from reader.ui.case_box import CaseBox
from reader.ui.case_wiring import CaseController
from reader.ui.chips import FilterChips
from reader.ui.export_dialog import FORMATS as EXPORT_FORMATS
from reader.ui.export_dialog import chosen_file, suggested_path
from reader.ui.export_result import current_articles, export_articles
from reader.ui.filter_state import FilterState
from reader.ui.html import RenderOptions
from reader.ui.i18n import add_arabic, set_language, t
from reader.ui.legend import EntityLegend
from reader.ui.list_panel import ArticleListPanel
from reader.ui.loader import FolderLoader
from reader.ui.menus import Actions
from reader.ui.plain import isolated, plain_label, tooltip_text, warn
from reader.ui.problems import ProblemsPanel, extension_summary
from reader.ui.reading_view import ReadingView
from reader.ui.results import ResultsController
from reader.ui.settings import ZOOM_STEP, Settings
from reader.ui.shortcuts_dialog import ShortcutsDialog
from reader.ui.sidebar import FilterSidebar
from reader.ui.status_panel import LoadStatus, skipped_label
from reader.ui.window_session import Session
from reader.ui.worker import Task, TaskHooks

# Latin-only in English: an Arabic example inside a left-to-right hint is reordered by the bidi
# algorithm into something unreadable
SEARCH_HINT = 'Search articles…  (words, "phrase", OR, -word, tag:…, source:…, entity:…)'

# the panel under the article (related headlines, entities) takes at most this share of the pane
# unless the user drags it taller, and never less than a line or two
EXTRAS_SHARE = 0.25
MIN_EXTRAS_PX = 60

MISSING_FOLDER = (
    "There is no folder {path}. Open one with File › Open Folder… (Ctrl+O) or drop it here."
)

add_arabic(
    {
        MISSING_FOLDER: "لا يوجد مجلد {path}. افتح مجلداً من ملف › فتح مجلد… (Ctrl+O) أو أسقطه هنا.",
        "Arabic News Reader": "قارئ الأخبار العربية",
        SEARCH_HINT: "ابحث في المقالات…  (كلمات، «عبارة»، OR، استبعاد بعلامة الناقص، وسم:…، مصدر:…، كيان:…)",
        "Could not open the folder": "تعذّر فتح المجلد",
        "Open Folder": "فتح مجلد",
        "Export Current Result": "تصدير النتيجة الحالية",
        "Exported {n:,} articles to {path}": "صُدِّر {n:,} مقالاً إلى {path}",
        "Export failed: {error}": "فشل التصدير: {error}",
        "{skipped}: {kinds}. Click to see each file and why.": "{skipped}: {kinds}. انقر لترى كل ملف وسببه.",
    }
)


class MainWindow(QMainWindow):
    article_shown = Signal(str)  # id shown in the reading pane

    def __init__(
        self, settings: Settings | None = None, *, entities: bool = True, use_cache: bool = True
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.loader = FolderLoader(self, entities=entities, use_cache=use_cache)
        self._finding_entities = False  # a load whose entity stage is still to come or running
        self.results = ResultsController(self)
        self.results.sort_key = self.settings.sort_key
        self.session = Session(self)
        self._build()
        self._connect()
        self.case = CaseController(self)
        self.apply_settings()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.actions_ = Actions(self)
        for action in vars(self.actions_).values():
            if hasattr(action, "shortcut"):
                self.addAction(action)

        self._build_toolbar()
        self._build_sidebar()
        middle = self._build_list()
        # right: the reading pane
        self.reading_view = ReadingView()
        # the article above, what came with it (read also, appended, entities) below
        self.reading_split = QSplitter(Qt.Orientation.Vertical)
        self.reading_split.setObjectName("readingSplitter")
        self.reading_split.addWidget(self.reading_view)
        self.reading_split.addWidget(self.reading_view.extras)
        # the article takes what the window gains; the panel under it is as tall as its content
        # (at most EXTRAS_SHARE of the pane, or the height the user dragged it to) and folds away
        self.reading_split.setStretchFactor(0, 1)
        self.reading_split.setStretchFactor(1, 0)
        self.reading_split.setCollapsible(0, False)
        self.reading_split.setCollapsible(1, True)
        self.reading_split.setSizes([700, 160])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(middle)
        # under the article and its panel: the reader's own tags and note (issue 18)
        self.case_box = CaseBox()
        # a layout, not a splitter: the box is as tall as its content (the note editor grows with
        # its text), and everything else goes to the article
        self.reading_column = QWidget()
        self.reading_column.setObjectName("readingColumn")
        column = QVBoxLayout(self.reading_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reading_split, 1)
        column.addWidget(self.case_box, 0)
        self.splitter.addWidget(self.reading_column)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([260, 380, 760])
        self.setCentralWidget(self.splitter)
        self._build_status()
        self.problems_panel = ProblemsPanel(self)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.export_task: Task | None = None
        self.cache_clearing = CacheClearing(self, self.actions_.clear_cache, self.cache_note)
        self.save_timer = QTimer(self)  # read/star writes are debounced: one write per burst
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(1000)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)

    def _build_toolbar(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(360)
        self.chips = FilterChips()
        self.chips.setObjectName("filterChips")
        toolbar = QToolBar()
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_box)
        toolbar.addWidget(self.chips)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_sidebar(self) -> None:
        # left: the filter sidebar; the panels keep their attribute names for tests and scripts
        self.sidebar = FilterSidebar()
        self.tag_facet = self.sidebar.tag_facet
        self.source_facet = self.sidebar.source_facet
        self.entity_facet = self.sidebar.entity_facet
        self.timeline = self.sidebar.timeline

    def _build_list(self) -> QWidget:
        # middle: header line, sort selector, the list (or why it is empty)
        panel = ArticleListPanel()
        self.list_panel = panel
        self.list_header, self.sort_box = panel.header, panel.sort_box
        self.model, self.delegate, self.list_view = panel.model, panel.delegate, panel.view
        self.empty_state, self.list_stack = panel.empty_state, panel.stack
        return panel

    def _build_status(self) -> None:
        # status bar: loading, skipped files, entity legend
        self.load_status = LoadStatus()
        self.problems_button = QPushButton()
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setFlat(True)
        self.problems_button.setVisible(False)
        # notes name files and quote errors and queries: plain text
        self.status_note = plain_label()
        self.status_note.setObjectName("statusNote")
        self.cache_note = CacheNote()
        self.legend = EntityLegend()
        self.legend.setObjectName("entityLegend")
        bar = self.statusBar()
        bar.addWidget(self.load_status)
        bar.addWidget(self.status_note, 1)
        bar.addPermanentWidget(self.cache_note)
        bar.addPermanentWidget(self.problems_button)
        bar.addPermanentWidget(self.legend)

    def _connect(self) -> None:
        a = self.actions_
        s = self.session
        a.open_folder.triggered.connect(self.choose_folder)
        a.export.triggered.connect(self.choose_export)
        a.clear_cache.triggered.connect(self.cache_clearing.clear)
        a.quit.triggered.connect(self.close)
        a.zoom_in.triggered.connect(lambda: self.set_zoom(self.settings.zoom + ZOOM_STEP))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(self.settings.zoom - ZOOM_STEP))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(100))
        a.theme_light.triggered.connect(lambda: self.set_theme("light"))
        a.theme_dark.triggered.connect(lambda: self.set_theme("dark"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        a.lang_ar.triggered.connect(lambda: self.set_language("ar"))
        a.show_problems.triggered.connect(self.show_problems)
        a.entity_panel.toggled.connect(self._show_extras)
        self.reading_split.splitterMoved.connect(self._extras_dragged)
        self.article_shown.connect(lambda _id: self.fit_extras())
        a.next_article.triggered.connect(lambda: self.move_selection(1))
        a.previous_article.triggered.connect(lambda: self.move_selection(-1))
        a.star.triggered.connect(s.toggle_star)
        a.toggle_read.triggered.connect(s.toggle_read)
        a.focus_search.triggered.connect(self.focus_search)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.recent_menu.aboutToShow.connect(
            lambda: a.fill_recent(self.settings.recent_folders, self.open_folder)
        )
        a.clear_recent.triggered.connect(self.settings.clear_recent_folders)
        self.escape.activated.connect(self.clear_search)
        self._connect_results()
        self._connect_loading()
        self._connect_filters()

    def _connect_results(self) -> None:
        s = self.session
        self.search_box.textEdited.connect(self.results.type_query)
        self.results.sort_changed.connect(self._show_sort)
        self.sort_box.currentIndexChanged.connect(self._sort_changed)
        self.results.results_changed.connect(s.show_result)
        self.list_view.selectionModel().currentChanged.connect(s.current_changed)
        self.list_view.open_requested.connect(self.open_current)
        self.model.user_flags_changed.connect(self.save_timer.start)
        self.save_timer.timeout.connect(s.save_state)

    def _connect_loading(self) -> None:
        s = self.session
        # before the session's reaction, which asks whether entities are still to come
        self.loader.started.connect(
            lambda _f: setattr(self, "_finding_entities", self.loader.entities)
        )
        self.loader.started.connect(s.load_started)
        self.loader.progress.connect(self._progress)
        self.loader.batch.connect(s.batch_arrived)
        self.loader.loaded.connect(s.library_loaded)
        self.loader.entities_ready.connect(s.entities_ready)
        self.loader.failed.connect(s.load_failed)
        self.loader.cancelled.connect(s.load_cancelled)
        self.loader.started.connect(lambda _f: self.load_status.begin())
        self.loader.idle.connect(self.load_status.finish)
        self.loader.idle.connect(self._entities_settled)
        self.loader.started.connect(lambda _f: self.cache_clearing.set_loading(True))
        self.loader.idle.connect(lambda: self.cache_clearing.set_loading(False))
        self.loader.loaded.connect(lambda lib: self.cache_note.set_notes(lib.notes))
        # the entities stage builds a new Library that need not repeat the first stage's notes
        self.loader.entities_ready.connect(
            lambda lib: self.cache_note.set_notes([*self.cache_note.notes, *lib.notes])
        )
        self.load_status.cancel_requested.connect(self.loader.cancel)
        self.problems_button.clicked.connect(self.show_problems)
        self.empty_state.action_requested.connect(self._empty_action)

    def _connect_filters(self) -> None:
        s = self.session
        rv = self.reading_view
        rv.tag_clicked.connect(
            lambda v: self.apply_filters(self.results.state.toggle_include_tag(v))
        )
        rv.source_clicked.connect(
            lambda v: self.apply_filters(self.results.state.toggle_include_source(v))
        )
        rv.entity_clicked.connect(
            lambda k, v: self.apply_filters(self.results.state.toggle_include_entity(k, v))
        )
        rv.article_requested.connect(s.show_article_by_id)
        rv.next_requested.connect(lambda: self.move_selection(1))
        rv.action_requested.connect(self._empty_action)
        self.sidebar.transition.connect(lambda step: self.apply_filters(step(self.results.state)))
        self.chips.remove_requested.connect(
            lambda key: self.apply_filters(self.results.state.remove(key))
        )
        self.chips.clear_requested.connect(lambda: self.apply_filters(self.results.state.clear()))
        self.legend.toggled.connect(lambda _k, _v: self.refresh_reading_options())

    # ------------------------------------------------------------------ settings, look, language
    def apply_settings(self) -> None:
        st = self.settings
        set_language(st.language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_language_direction(app, st.language)
        if st.geometry is not None:
            self.restoreGeometry(st.geometry)
        if st.splitter_state is not None:
            self.splitter.restoreState(st.splitter_state)
        self.actions_.entity_panel.setChecked(not st.extras_collapsed)
        (self.actions_.theme_dark if st.theme == "dark" else self.actions_.theme_light).setChecked(
            True
        )
        (self.actions_.lang_ar if st.language == "ar" else self.actions_.lang_en).setChecked(True)
        self.list_panel.set_sort_key(st.sort_key)
        self.retranslate()
        self.set_theme(st.theme)  # palette, D2's widgets, the list delegate, the reading pane

    def retranslate(self) -> None:
        self.setWindowTitle(self.session.window_title())
        self.search_box.setPlaceholderText(t(SEARCH_HINT))
        self.actions_.retranslate()
        self.actions_.populate(self.menuBar())
        dialogs = (
            [self.problems_panel, self.shortcuts_dialog] if hasattr(self, "problems_panel") else []
        )
        for widget in dict.fromkeys([*self.findChildren(QWidget), *dialogs]):
            if widget is not None and widget is not self and hasattr(widget, "retranslate"):
                widget.retranslate()
        self.session.retranslate()

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        for widget in (self.entity_facet, self.legend, self.chips):
            widget.set_theme(theme)
        self.delegate.theme = theme
        self.list_view.viewport().update()
        self.refresh_reading_options()

    def set_language(self, language: str) -> None:
        self.settings.language = language
        set_language(language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_language_direction(app, language)
        self.retranslate()
        self.refresh_reading_options()

    def set_zoom(self, zoom: int) -> None:
        self.settings.zoom = zoom
        self.refresh_reading_options()

    def refresh_reading_options(self) -> None:
        self.reading_view.set_options(
            RenderOptions(
                theme=self.settings.theme,
                zoom=self.settings.zoom,
                language=self.settings.language,
                visible_kinds=self.legend.visible_kinds(),
                active_tags=self.results.state.include_tags,
                entities_pending=self.entities_pending(),
            )
        )

    def entities_pending(self) -> bool:
        """True while the entity stage has yet to cover the open folder's articles."""
        if not self._finding_entities:
            return False
        library = self.session.library
        return library is None or not library.entities_computed

    # ------------------------------------------------------------------ folders
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, t("Open Folder"), self.settings.last_folder)
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder: str | Path) -> None:
        """The slot behind File › Open Folder, recent folders, drag and drop and the command line."""
        path = Path(folder).expanduser()
        if not path.is_dir():
            warn(self, t("Could not open the folder"), printable(str(path)))
            return
        self.settings.add_recent_folder(str(path.resolve()))
        self.cache_clearing.wait()  # a load during a clearing would read half a cache
        self.loader.open(path.resolve())

    def show_missing_folder(self, folder: Path) -> None:
        """A folder asked for (on the command line) that is not there: said in the window, which
        stays open so another can be chosen."""
        self.empty_state.set_message(MISSING_FOLDER, "open", path=isolated(printable(str(folder))))
        self.list_stack.setCurrentWidget(self.empty_state)
        self.reading_view.show_message(
            t("Could not open the folder"), self.empty_state.label.text()
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_folder(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = self._dropped_folder(event)
        if folder is not None:
            event.acceptProposedAction()
            self.open_folder(folder)

    @staticmethod
    def _dropped_folder(event: QDragEnterEvent | QDropEvent) -> str | None:
        for url in event.mimeData().urls():
            if isinstance(url, QUrl) and url.isLocalFile() and Path(url.toLocalFile()).is_dir():
                return url.toLocalFile()
        return None

    # ------------------------------------------------------------------ list and filters
    def apply_filters(self, state: FilterState) -> None:
        self.results.set_state(state)

    def clear_search(self) -> None:
        if self.search_box.text():
            self.search_box.clear()
            self.results.set_query("")
        elif self.shortcuts_dialog is not None and self.shortcuts_dialog.isVisible():
            self.shortcuts_dialog.close()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _sort_changed(self, index: int) -> None:
        key = self.list_panel.sort_key_at(index)
        if key is not None:
            self.settings.sort_key = key
            self.results.set_sort(key)

    def _show_sort(self, key: SortKey) -> None:
        """Reflect an automatic change of order without treating it as the user's choice."""
        self.sort_box.blockSignals(True)
        self.list_panel.set_sort_key(key)
        self.sort_box.blockSignals(False)

    def move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.list_view.currentIndex().row()
        row = 0 if current < 0 else min(rows - 1, max(0, current + step))
        self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row)
        if not index.isValid():
            return
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index)

    def open_current(self) -> None:
        self.reading_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _empty_action(self, action: str) -> None:
        if action == "open":
            self.choose_folder()
        elif action == "problems":
            self.show_problems()
        elif action in ("clear", "clear-filters"):
            self.search_box.clear()
            self.results.set_state(self.results.state.clear())
            self.results.set_query("")

    def _entities_settled(self) -> None:
        """Loading ended (or was cancelled): no entity surface says "Finding entities…" now."""
        self._finding_entities = False
        self.sidebar.entities_pending(False)
        if self.reading_view.options.entities_pending:
            self.refresh_reading_options()

    # ------------------------------------------------------------------ the panel under the article
    def fit_extras(self) -> None:
        """Size the entity panel to its content (capped), or fold it when the user hid it."""
        total = sum(self.reading_split.sizes())
        if total <= 0:
            return
        if self.settings.extras_collapsed:
            self.reading_split.setSizes([total, 0])
            return
        extras = self.reading_view.extras
        content = round(extras.document().size().height()) + 2 * extras.frameWidth() + 4
        cap = self.settings.extras_height or round(total * EXTRAS_SHARE)
        height = max(MIN_EXTRAS_PX, min(content, cap))
        self.reading_split.blockSignals(True)
        self.reading_split.setSizes([total - height, height])
        self.reading_split.blockSignals(False)

    def _show_extras(self, shown: bool) -> None:
        self.settings.extras_collapsed = not shown
        self.fit_extras()

    def _extras_dragged(self, _pos: int, _index: int) -> None:
        """A drag of the handle: the height is remembered; dragged shut, the panel is hidden."""
        height = self.reading_split.sizes()[1]
        if height == 0:
            self.actions_.entity_panel.setChecked(False)
        else:
            self.settings.extras_height = height
            if not self.actions_.entity_panel.isChecked():
                self.actions_.entity_panel.setChecked(True)

    # ------------------------------------------------------------------ panels
    def _progress(self, progress: LoadProgress) -> None:
        self.load_status.show_progress(progress)

    def show_problems(self) -> None:
        self.problems_panel.show()
        self.problems_panel.raise_()

    def set_problems(self, problems: list[LoadProblem]) -> None:
        self.problems_panel.set_problems(problems)
        skipped = len({p.path for p in problems})
        self.problems_button.setText(skipped_label(skipped))
        # which kinds of file were skipped, by extension: ".pdf ×2, .docx ×1"
        self.problems_button.setToolTip(
            tooltip_text(
                t("{skipped}: {kinds}. Click to see each file and why.").format(
                    skipped=skipped_label(skipped), kinds=extension_summary(problems)
                )
            )
            if skipped
            else ""
        )
        self.problems_button.setVisible(skipped > 0)

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    def choose_export(self) -> None:
        if self.session.library is None:
            return
        suggested = suggested_path(self.session.folder, self.settings.last_export_dir)
        path, chosen = QFileDialog.getSaveFileName(
            self, t("Export Current Result"), str(suggested), ";;".join(EXPORT_FORMATS.values())
        )
        if not path:
            return
        target, fmt = chosen_file(path, chosen)
        self.settings.last_export_dir = str(target.parent)
        self.export_to(target, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the current result in the background (100,000 articles take seconds)."""
        library = self.session.library
        if library is None:
            return
        # taken here, on the thread that owns the library: a live folder changes it meanwhile
        articles = current_articles(library, self.results.ids)
        with_entities = library.has_entities
        identities = library.identities if with_entities else None
        state = self.session.user_state.snapshot() if self.session.user_state else None

        def job(_hooks: TaskHooks) -> int:
            return export_articles(
                path,
                fmt,
                articles,
                with_entities=with_entities,
                identities=identities,
                state=state,
            )

        task = Task(job, "export")
        self.export_task = task
        task.finished.connect(
            lambda n: self.status_note.setText(
                t("Exported {n:,} articles to {path}").format(n=n, path=printable(str(path)))
            )
        )
        task.failed.connect(
            lambda error: self.status_note.setText(t("Export failed: {error}").format(error=error))
        )
        task.start()

    # ------------------------------------------------------------------ lifetime
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()
        self.loader.shutdown()
        if self.export_task is not None:
            self.export_task.wait()
        self.cache_clearing.wait()
        self.session.save_state()
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.problems_panel.close()
        super().closeEvent(event)

    # ------------------------------------------------------------------ for tests and --screenshot
    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def user_state(self) -> UserState | None:
        return self.session.user_state

    @property
    def result(self) -> SearchResult | None:
        return self.results.result

    def current_article(self) -> Article | None:
        return self.session.current

    def current_index(self) -> QModelIndex:
        return self.list_view.currentIndex()
