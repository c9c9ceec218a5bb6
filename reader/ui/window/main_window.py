"""The main window: search bar, filter sidebar, article list, reading pane, status bar.

Built left-to-right; Qt mirrors it for the Arabic interface. The window builds the panels and
wires their signals; each panel owns its widgets (``search_bar``, ``sidebar``, ``list_panel``,
``reading``, ``status``), and tests reach a widget through the panel that owns it. The folder
open is the ``Session``'s; loading is in ``FolderLoader``, the current result in
``ResultsController``, what is shown of it in the session's ``ResultView``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QSplitter, QWidget

from reader.index import SearchResult
from reader.library.library import Library
from reader.model import Article
from reader.printable import printable
from reader.storage.state import UserState
from reader.ui.background.loader import FolderLoader
from reader.ui.common.appearance import apply_language_direction, apply_theme
from reader.ui.common.i18n import add_arabic, set_language, t
from reader.ui.common.plain import isolated, warn
from reader.ui.common.settings import ZOOM_STEP, Settings
from reader.ui.filters.filter_state import FilterState
from reader.ui.filters.search_bar import SearchBar
from reader.ui.filters.sidebar import FilterSidebar
from reader.ui.list.list_panel import ArticleListPanel
from reader.ui.reading.html import RenderOptions
from reader.ui.reading.reading_column import ReadingColumn
from reader.ui.status.cache_dialog import CacheClearing
from reader.ui.status.status_bar import StatusArea
from reader.ui.window.case_wiring import CaseController
from reader.ui.window.menus import Actions
from reader.ui.window.result_export import ResultExport
from reader.ui.window.result_view import Panels
from reader.ui.window.results import ResultsController
from reader.ui.window.shortcuts_dialog import ShortcutsDialog
from reader.ui.window.window_session import Session

MISSING_FOLDER = (
    "There is no folder {path}. Open one with File › Open Folder… (Ctrl+O) or drop it here."
)

add_arabic(
    {
        MISSING_FOLDER: "لا يوجد مجلد {path}. افتح مجلداً من ملف › فتح مجلد… (Ctrl+O) أو أسقطه هنا.",
        "Arabic News Reader": "قارئ الأخبار العربية",
        "Could not open the folder": "تعذّر فتح المجلد",
        "Open Folder": "فتح مجلد",
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
        self.results = ResultsController(self)
        self.results.sort_key = self.settings.sort_key
        self._build()
        panels = Panels(
            self.list_panel, self.sidebar, self.reading.view, self.search_bar.chips, self.status
        )
        self.session = Session(self, self.loader, self.results, panels)
        self.exporter = ResultExport(self, self.session, self.results, self.settings, self.status)
        self._connect()
        self.case = CaseController(
            self,
            session=self.session,
            loader=self.loader,
            results=self.results,
            actions=self.actions_,
            panels=panels,
            case_box=self.reading.case_box,
            search_box=self.search_bar.box,
        )
        self.apply_settings()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.actions_ = Actions(self)
        for action in vars(self.actions_).values():
            if hasattr(action, "shortcut"):
                self.addAction(action)
        self.search_bar = SearchBar()
        self.addToolBar(self.search_bar)
        self.sidebar = FilterSidebar()  # left
        self.list_panel = ArticleListPanel()  # middle: header line, sort selector, the list
        self.reading = ReadingColumn()  # right: the article, its extras, the reader's own tags
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([260, 380, 760])
        self.setCentralWidget(self.splitter)
        self.status = StatusArea(self.statusBar(), self)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.cache_clearing = CacheClearing(self, self.actions_.clear_cache, self.status.cache_note)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)

    def _connect(self) -> None:
        a = self.actions_
        s = self.session
        a.open_folder.triggered.connect(self.choose_folder)
        a.export.triggered.connect(self.exporter.choose)
        a.clear_cache.triggered.connect(self.cache_clearing.clear)
        a.quit.triggered.connect(self.close)
        a.zoom_in.triggered.connect(lambda: self.set_zoom(self.settings.zoom + ZOOM_STEP))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(self.settings.zoom - ZOOM_STEP))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(100))
        a.theme_light.triggered.connect(lambda: self.set_theme("light"))
        a.theme_dark.triggered.connect(lambda: self.set_theme("dark"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        a.lang_ar.triggered.connect(lambda: self.set_language("ar"))
        a.show_problems.triggered.connect(self.status.show_problems)
        a.entity_panel.toggled.connect(self._show_extras)
        self.reading.extras_dragged.connect(self._extras_dragged)
        s.shown.article_shown.connect(self.article_shown)
        self.article_shown.connect(lambda _id: self.fit_extras())
        a.next_article.triggered.connect(lambda: self.list_panel.move_selection(1))
        a.previous_article.triggered.connect(lambda: self.list_panel.move_selection(-1))
        a.star.triggered.connect(s.toggle_star)
        a.toggle_read.triggered.connect(s.toggle_read)
        a.focus_search.triggered.connect(self.search_bar.focus)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.recent_menu.aboutToShow.connect(
            lambda: a.fill_recent(self.settings.recent_folders, self.open_folder)
        )
        a.clear_recent.triggered.connect(self.settings.clear_recent_folders)
        self.escape.activated.connect(self.clear_search)
        s.title_changed.connect(self.setWindowTitle)
        s.reading_options_stale.connect(self.refresh_reading_options)
        self._connect_results()
        self._connect_loading()
        self._connect_filters()

    def _connect_results(self) -> None:
        self.search_bar.box.textEdited.connect(self.results.type_query)
        self.results.sort_changed.connect(self.list_panel.show_sort)
        self.list_panel.sort_box.currentIndexChanged.connect(self._sort_changed)
        self.list_panel.view.open_requested.connect(self.open_current)

    def _connect_loading(self) -> None:
        loader, status = self.loader, self.status
        loader.progress.connect(status.load_status.show_progress)
        loader.started.connect(lambda _f: status.load_status.begin())
        loader.idle.connect(status.load_status.finish)
        loader.started.connect(lambda _f: self.cache_clearing.set_loading(True))
        loader.idle.connect(lambda: self.cache_clearing.set_loading(False))
        loader.loaded.connect(lambda lib: status.cache_note.set_notes(lib.notes))
        # the entities stage builds a new Library that need not repeat the first stage's notes
        loader.entities_ready.connect(
            lambda lib: status.cache_note.set_notes([*status.cache_note.notes, *lib.notes])
        )
        status.load_status.cancel_requested.connect(loader.cancel)
        self.list_panel.empty_state.action_requested.connect(self._empty_action)

    def _connect_filters(self) -> None:
        rv = self.reading.view
        rv.tag_clicked.connect(
            lambda v: self.apply_filters(self.results.state.toggle_include_tag(v))
        )
        rv.source_clicked.connect(
            lambda v: self.apply_filters(self.results.state.toggle_include_source(v))
        )
        rv.entity_clicked.connect(
            lambda k, v: self.apply_filters(self.results.state.toggle_include_entity(k, v))
        )
        rv.article_requested.connect(self.session.shown.show_article_by_id)
        rv.next_requested.connect(lambda: self.list_panel.move_selection(1))
        rv.action_requested.connect(self._empty_action)
        self.sidebar.transition.connect(lambda step: self.apply_filters(step(self.results.state)))
        chips = self.search_bar.chips
        chips.remove_requested.connect(
            lambda key: self.apply_filters(self.results.state.remove(key))
        )
        chips.clear_requested.connect(lambda: self.apply_filters(self.results.state.clear()))
        self.status.legend.toggled.connect(lambda _k, _v: self.refresh_reading_options())

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
        self.actions_.retranslate()
        self.actions_.populate(self.menuBar())
        dialogs = [self.status.problems_panel, self.shortcuts_dialog]
        for widget in dict.fromkeys([*self.findChildren(QWidget), *dialogs]):
            if widget is not None and widget is not self and hasattr(widget, "retranslate"):
                widget.retranslate()
        self.session.shown.retranslate()  # the article shown, in the new language

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        for widget in (self.sidebar.entity_facet, self.status.legend, self.search_bar.chips):
            widget.set_theme(theme)
        self.list_panel.delegate.theme = theme
        self.list_panel.view.viewport().update()
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
        self.reading.view.set_options(
            RenderOptions(
                theme=self.settings.theme,
                zoom=self.settings.zoom,
                language=self.settings.language,
                visible_kinds=self.status.legend.visible_kinds(),
                active_tags=self.results.state.include_tags,
                entities_pending=self.session.entities_pending(),
            )
        )

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
        text = self.list_panel.show_empty(
            MISSING_FOLDER, "open", path=isolated(printable(str(folder)))
        )
        self.reading.view.show_message(t("Could not open the folder"), text)

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
        box = self.search_bar.box
        if box.text():
            box.clear()
            self.results.set_query("")
        elif self.shortcuts_dialog is not None and self.shortcuts_dialog.isVisible():
            self.shortcuts_dialog.close()

    def _sort_changed(self, index: int) -> None:
        key = self.list_panel.sort_key_at(index)
        if key is not None:
            self.settings.sort_key = key
            self.results.set_sort(key)

    def open_current(self) -> None:
        self.reading.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _empty_action(self, action: str) -> None:
        if action == "open":
            self.choose_folder()
        elif action == "problems":
            self.status.show_problems()
        elif action in ("clear", "clear-filters"):
            self.search_bar.box.clear()
            self.results.set_state(self.results.state.clear())
            self.results.set_query("")

    # ------------------------------------------------------------------ the panel under the article
    def fit_extras(self) -> None:
        """Size the entity panel to its content (capped), or fold it when the user hid it."""
        self.reading.fit_extras(
            collapsed=self.settings.extras_collapsed,
            dragged_height=self.settings.extras_height or None,
        )

    def _show_extras(self, shown: bool) -> None:
        self.settings.extras_collapsed = not shown
        self.fit_extras()

    def _extras_dragged(self, height: int) -> None:
        """A drag of the handle: the height is remembered; dragged shut, the panel is hidden."""
        if height == 0:
            self.actions_.entity_panel.setChecked(False)
        else:
            self.settings.extras_height = height
            if not self.actions_.entity_panel.isChecked():
                self.actions_.entity_panel.setChecked(True)

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    # ------------------------------------------------------------------ lifetime
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()
        self.loader.shutdown()
        self.exporter.wait()
        self.cache_clearing.wait()
        self.session.save_state()
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.status.problems_panel.close()
        super().closeEvent(event)

    # ------------------------------------------------------------------ for tests and --screenshot
    # (the folder open and the row current; widgets are reached through the panel owning them)
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
        return self.list_panel.current_index()

    def select_row(self, row: int) -> None:
        self.list_panel.select_row(row)
