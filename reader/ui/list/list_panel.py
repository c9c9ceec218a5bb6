"""The middle column: "1,284 articles · newest first", the sort selector, and the article list
(or, when it is empty, one sentence saying why with the action that helps).

The panel owns its widgets; the window's session drives it through the methods below (the
header line, the list or the empty state, the current row), never through the widgets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListView,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.index.types import SortKey
from reader.model import LoadProblem
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import plain_label
from reader.ui.list.article_delegate import ArticleDelegate
from reader.ui.list.article_model import ArticleListModel
from reader.ui.list.empty_state import EmptyState

add_arabic(
    {
        "Newest first": "الأحدث أولاً",
        "Oldest first": "الأقدم أولاً",
        "Title": "العنوان",
        "Source": "المصدر",
        "Relevance": "الصلة",
        "Starred first": "المميزة أولاً",
    }
)

SORT_CHOICES = (
    (SortKey.NEWEST, "Newest first"),
    (SortKey.OLDEST, "Oldest first"),
    (SortKey.TITLE, "Title"),
    (SortKey.SOURCE, "Source"),
    (SortKey.RELEVANCE, "Relevance"),
    (SortKey.STARRED, "Starred first"),
)
SORT_LABELS = dict(SORT_CHOICES)


class ArticleListView(QListView):
    """The list; Enter or Space asks the window to open (focus) the current article."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class ArticleListPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = plain_label()
        self.header.setObjectName("listHeader")
        # the count gives way to the sort box when the column is narrow
        self.header.setMinimumWidth(0)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._header: tuple[str, dict[str, object]] = ("", {})
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sortBox")
        # as wide as its longest choice in the current language and font, never "Newest fi"
        self.sort_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key, _label in SORT_CHOICES:
            self.sort_box.addItem("", key)
        self.model = ArticleListModel(self)
        self.delegate = ArticleDelegate(self)
        self.view = ArticleListView()
        self.view.setObjectName("articleList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        # every row has the same height: the view never measures 100,000 rows one by one
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.empty_state = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_state)
        header = QHBoxLayout()
        header.setContentsMargins(6, 4, 6, 0)
        header.addWidget(self.header, 1)
        header.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    # ------------------------------------------------------------------ the order
    def set_sort_key(self, key: SortKey) -> None:
        keys = [k for k, _ in SORT_CHOICES]
        self.sort_box.setCurrentIndex(keys.index(key) if key in keys else 0)

    def show_sort(self, key: SortKey) -> None:
        """Reflect an order not chosen in the box (a query's, a saved search's): no signal, so it
        is not taken for the user's choice."""
        self.sort_box.blockSignals(True)
        self.set_sort_key(key)
        self.sort_box.blockSignals(False)

    def sort_key_at(self, index: int) -> SortKey | None:
        """The order of the sort box's ``index``-th choice (None when there is none)."""
        return SORT_CHOICES[index][0] if 0 <= index < len(SORT_CHOICES) else None

    # ------------------------------------------------------------------ the header line
    def set_header(self, template: str, **values: object) -> None:
        """The line over the list, kept as a template so a language switch renders it again
        (``order``: an order's English label, translated when shown)."""
        self._header = (template, values)
        self._render_header()

    def _render_header(self) -> None:
        template, values = self._header
        if not template:
            self.header.setText("")
            return
        shown = {k: t(v) if k == "order" and isinstance(v, str) else v for k, v in values.items()}
        self.header.setText(t(template).format(**shown))

    # ------------------------------------------------------------------ the list or why it is empty
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.view)

    def show_empty(
        self,
        message: str,
        action: str = "",
        problems: Sequence[LoadProblem] = (),
        **values: str,
    ) -> str:
        """Say why the list is empty instead of the list (``EmptyState.set_message``, with the
        files that gave no article); returns the sentence as shown."""
        self.empty_state.set_message(message, action, **values)
        if problems:
            self.empty_state.set_problems(problems)
        self.stack.setCurrentWidget(self.empty_state)
        return self.empty_state.label.text()

    # ------------------------------------------------------------------ the current row
    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()

    def select_row(self, row: int) -> None:
        index = self.model.index(row)
        if not index.isValid():
            return
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 else min(rows - 1, max(0, current + step))
        self.select_row(row)

    def retranslate(self) -> None:
        for i, (_key, label) in enumerate(SORT_CHOICES):
            self.sort_box.setItemText(i, t(label))
        self._render_header()
