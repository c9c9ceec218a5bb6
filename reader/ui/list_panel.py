"""The middle column: "1,284 articles · newest first", the sort selector, and the article list
(or, when it is empty, one sentence saying why with the action that helps)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from reader.ui.article_delegate import ArticleDelegate
from reader.ui.article_model import ArticleListModel
from reader.ui.empty_state import EmptyState
from reader.ui.i18n import add_arabic, t
from reader.ui.plain import plain_label

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

    def set_sort_key(self, key: SortKey) -> None:
        keys = [k for k, _ in SORT_CHOICES]
        self.sort_box.setCurrentIndex(keys.index(key) if key in keys else 0)

    def sort_key_at(self, index: int) -> SortKey | None:
        """The order of the sort box's ``index``-th choice (None when there is none)."""
        return SORT_CHOICES[index][0] if 0 <= index < len(SORT_CHOICES) else None

    def retranslate(self) -> None:
        for i, (_key, label) in enumerate(SORT_CHOICES):
            self.sort_box.setItemText(i, t(label))
