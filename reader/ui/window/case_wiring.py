"""The window's case work (issue 18): views of the marks, own tags, notes, saved searches,
"Show all" for facets and the case file, wired to the session's user state.

Counts follow the folder: after every result (a new query, a live change of the folder, a mark)
the view counts are recounted from the state's id sets (a set walk, no search), and each saved
search is run again, one per event-loop turn so a list of them never stalls the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from reader.index import SearchResult
from reader.index.types import MY_TAG_FIELD, NONE_VALUE
from reader.model import ENTITY_KINDS
from reader.storage.casefile import CaseFileError, export_case, import_case
from reader.storage.saved_search import SavedSearch
from reader.ui.background.loader import FolderLoader
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import warn
from reader.ui.filters.facets import ENTITY_TITLES, FacetPanel
from reader.ui.filters.filter_state import FilterState
from reader.ui.filters.show_all import ShowAllDialog
from reader.ui.reading.case_box import CaseBox
from reader.ui.window.menus import Actions
from reader.ui.window.result_view import Panels
from reader.ui.window.results import ResultsController
from reader.ui.window.window_session import Session

if TYPE_CHECKING:
    from reader.storage.state import UserState

add_arabic(
    {
        "Save Search": "حفظ البحث",
        "Name of this search:": "اسم هذا البحث:",
        "Export Case File": "تصدير ملف القضية",
        "Import Case File": "استيراد ملف القضية",
        "Case files (*.json)": "ملفات القضية (*.json)",
        "Could not import the case file": "تعذّر استيراد ملف القضية",
        "Could not export the case file": "تعذّر تصدير ملف القضية",
        "Case file written to {path}": "كُتب ملف القضية في {path}",
        "Case file imported from {path}": "استُورد ملف القضية من {path}",
    }
)


class CaseController(QObject):
    """The case work of the folder open (``session``), wired to the parts of the window it
    drives; ``window`` is the parent of its dialogs."""

    def __init__(
        self,
        window: QWidget,
        *,
        session: Session,
        loader: FolderLoader,
        results: ResultsController,
        actions: Actions,
        panels: Panels,
        case_box: CaseBox,
        search_box: QLineEdit,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.session, self.loader, self.results, self.actions = session, loader, results, actions
        self.list, self.sidebar, self.reading = panels.list, panels.sidebar, panels.reading
        self.status, self.case_box, self.search_box = panels.status, case_box, search_box
        self.show_all_dialog: ShowAllDialog | None = None
        self._pending: list[SavedSearch] = []
        self._counted: tuple | None = None
        self._count_timer = QTimer(self)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_next)
        self._connect()

    # ------------------------------------------------------------------ wiring
    @property
    def state(self) -> UserState | None:
        return self.session.user_state

    def _connect(self) -> None:
        a = self.actions
        self.results.marks = lambda: self.state.marks() if self.state is not None else None
        self.session.shown.article_shown.connect(
            lambda i: self.case_box.show_article(i, self.state)
        )
        self.loader.started.connect(lambda _f: self.case_box.show_article(None, None))
        self.case_box.changed.connect(self._case_box_changed)
        self.results.results_changed.connect(self._result_shown)
        self.list.model.user_flags_changed.connect(self.refresh_view_counts)
        a.star.triggered.connect(lambda: QTimer.singleShot(0, self.results.marks_changed))
        a.my_tag.triggered.connect(self.focus_my_tag)
        # the list's context menu: star, read, own tag for the row clicked (it becomes current)
        self.list.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.view.addActions([a.star, a.toggle_read, a.my_tag])
        a.save_search.triggered.connect(self.ask_save_search)
        a.export_case.triggered.connect(self.ask_export_case)
        a.import_case.triggered.connect(self.ask_import_case)
        panel = self.sidebar.case_panel
        panel.search_requested.connect(self.open_search)
        panel.rename_requested.connect(self.rename_search)
        panel.delete_requested.connect(self.delete_search)
        self.reading.category_clicked.connect(
            lambda v: self.results.set_state(self.results.state.toggle_include_category(v))
        )
        for field, facet, title in self._facets():
            facet.all_values = lambda f=field: self.all_table(f)
            facet.show_all_requested.connect(
                lambda f=field, p=facet, n=title: self.show_all(f, p, n)
            )

    def _facets(self) -> list[tuple[str, FacetPanel, str]]:
        sidebar = self.sidebar
        facets = [
            ("tag", sidebar.tag_facet, "Tags"),
            ("source", sidebar.source_facet, "Sources"),
            ("category", sidebar.category_facet, "Sections"),
            (MY_TAG_FIELD, sidebar.my_tag_facet, "My tags"),
        ]
        panels = sidebar.entity_facet.panels()
        facets += [(kind, panels[kind], ENTITY_TITLES[kind]) for kind in ENTITY_KINDS]
        return facets

    # ------------------------------------------------------------------ own tags and notes
    def focus_my_tag(self) -> None:
        box = self.case_box
        if box.article_id is not None:
            box.tag_input.setFocus()

    def _case_box_changed(self, kind: str) -> None:
        self.session.save_state()  # at once: a note must survive a crash
        article_id = self.case_box.article_id
        if article_id is not None:
            self.list.model.marks_changed(article_id)
        if kind == "tags":  # the My tags facet counts them: always search again
            self.results.search_now()
        else:
            self.results.marks_changed(note=True)

    # ------------------------------------------------------------------ counts
    def _result_shown(self, result: SearchResult | None) -> None:
        self.refresh_view_counts()
        self.refresh_search_counts()
        if result is not None and self.show_all_dialog is not None:
            self.show_all_dialog.close()

    def refresh_view_counts(self) -> None:
        state = self.state
        library = self.session.library
        if state is None or library is None:
            counts: dict[str, int | None] = {"all": None, "starred": None, "unread": None}
        else:
            articles = library.articles
            read = sum(1 for i in state.read_ids if i in articles)
            counts = {
                "all": len(articles),
                "starred": sum(1 for i in state.starred_ids if i in articles),
                "unread": len(articles) - read,
            }
        self.sidebar.case_panel.model.set_counts(counts, self.results.state.view)

    def refresh_search_counts(self) -> None:
        state, library = self.state, self.session.library
        searches = list(state.searches) if state is not None else []
        model = self.sidebar.case_panel.model
        if [s.name for s in searches] != model.search_names():
            model.set_searches([(s.name, s.query) for s in searches])
            self.sidebar.case_panel._fit()
        # counted again only when the folder, the marks or the searches changed (not per query)
        key = (
            id(library.index) if library else None,
            library.index.generation if library else None,
            state.marks() if state else None,
            tuple(searches),
        )
        if key == self._counted:
            return
        self._counted = key
        self._pending = searches
        if searches:
            self._count_timer.start()

    def _count_next(self) -> None:
        library, state = self.session.library, self.state
        if not self._pending or library is None or state is None:
            self._count_timer.stop()
            return
        search = self._pending.pop(0)
        ids = library.index.matching_ids(search.query, search.filters, marks=state.marks())
        self.sidebar.case_panel.model.set_search_count(search.name, len(ids), search.new_count(ids))
        if not self._pending:
            self._count_timer.stop()

    # ------------------------------------------------------------------ saved searches
    def ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(self._window, t("Save Search"), t("Name of this search:"))
        if ok and name.strip():
            self.save_current_search(name)

    def save_current_search(self, name: str) -> None:
        """Save the query, filters, date range and sort shown now under ``name``."""
        state = self.state
        if state is None:
            return
        results = self.results
        state.save_search(
            SavedSearch(
                " ".join(name.split()),
                results.state.query,
                results.state.to_filters(),
                results.sort_key,
                frozenset(results.ids),
            )
        )
        self.session.save_state()
        self.refresh_search_counts()

    def open_search(self, name: str) -> None:
        """Restore a saved search; its current matches become the ones already seen."""
        state = self.state
        search = state.saved_search(name) if state is not None else None
        if state is None or search is None:
            return
        self.search_box.setText(search.query)
        self.results.sort_key = search.sort
        self.list.show_sort(search.sort)
        restored = FilterState.from_filters(search.query, search.filters)
        if restored == self.results.state:
            self.results.search_now()
        else:
            self.results.set_state(restored)
        state.save_search(
            SavedSearch(
                search.name, search.query, search.filters, search.sort, frozenset(self.results.ids)
            )
        )
        self.session.save_state()
        self.refresh_search_counts()

    def rename_search(self, old: str, new: str) -> None:
        if self.state is not None and self.state.rename_search(old, new):
            self.session.save_state()
            self.refresh_search_counts()

    def delete_search(self, name: str) -> None:
        if self.state is not None:
            self.state.delete_search(name)
            self.session.save_state()
            self.refresh_search_counts()

    # ------------------------------------------------------------------ show all
    def all_table(self, field: str) -> tuple[list[str], list[int]]:
        """Every value of a facet over the current result, most frequent first, and "(none)"
        for the articles without one, as parallel lists (no object per value: 40,000 names)."""
        library, result = self.session.library, self.results.result
        if library is None or result is None:
            return [], []
        if field == MY_TAG_FIELD:
            mine = result.facets.get(MY_TAG_FIELD, ())
            return [v.value for v in mine], [v.count for v in mine]
        names, counts = library.index.facet_table(field, result.ids)
        missing = result.missing.get(field, 0)
        if missing and names:  # at its place in the most-frequent-first order
            at = next((i for i, c in enumerate(counts) if c < missing), len(counts))
            names.insert(at, NONE_VALUE)
            counts.insert(at, missing)
        return names, counts

    def show_all(self, field: str, panel: FacetPanel, title: str) -> ShowAllDialog:
        if self.show_all_dialog is not None:
            self.show_all_dialog.close()
        dialog = ShowAllDialog(t(title), self.all_table(field), self._window)
        dialog.value_chosen.connect(panel.include_requested.emit)
        self.show_all_dialog = dialog
        dialog.show()
        return dialog

    # ------------------------------------------------------------------ the case file
    def ask_export_case(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window, t("Export Case File"), "case.json", t("Case files (*.json)")
        )
        if path:
            self.export_case_to(Path(path))

    def export_case_to(self, path: Path) -> None:
        if self.state is None:
            return
        try:
            export_case(self.state, path)
        except OSError as err:
            warn(
                self._window, t("Could not export the case file"), f"{path}: {err.strerror or err}"
            )
            return
        self.status.note.setText(t("Case file written to {path}").format(path=path))

    def ask_import_case(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, t("Import Case File"), "", t("Case files (*.json)")
        )
        if path:
            self.import_case_from(Path(path))

    def import_case_from(self, path: Path) -> bool:
        state = self.state
        if state is None:
            return False
        try:
            import_case(state, path)
        except CaseFileError as err:
            warn(self._window, t("Could not import the case file"), str(err))
            return False
        self.session.save_state()
        self.list.model.set_state(state)
        current = self.case_box.article_id
        self.case_box.show_article(current, state if current is not None else None)
        self.results.search_now()
        self.status.note.setText(t("Case file imported from {path}").format(path=path))
        return True
