"""The bar over the window: the search box and, beside it, the filters in force as chips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolBar

from reader.ui.common.i18n import add_arabic, t
from reader.ui.filters.chips import FilterChips

# Latin-only in English: an Arabic example inside a left-to-right hint is reordered by the bidi
# algorithm into something unreadable
SEARCH_HINT = (
    'Search articles…  (words, "phrase", OR, -word, word*, title:…, tag:…, source:…, entity:…)'
)

add_arabic(
    {
        SEARCH_HINT: (
            "ابحث في المقالات…  (كلمات، «عبارة»، أو، استبعاد بعلامة الناقص، بادئة*، عنوان:…، "
            "وسم:…، مصدر:…، كيان:…)"
        ),
    }
)


class SearchBar(QToolBar):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("searchBar")
        self.setMovable(False)
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(360)
        self.chips = FilterChips()
        self.chips.setObjectName("filterChips")
        self.addWidget(self.box)
        self.addWidget(self.chips)

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(t(SEARCH_HINT))
