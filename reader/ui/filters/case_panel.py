"""The sidebar's case section (issue 18): one-click views of the reader's marks (all, starred,
unread) and the saved searches, each with its live count.

The model knows no index: the window gives it the counts (``set_counts``, ``set_search_counts``)
after each change of the folder or of the marks. A saved search's row also says how many of its
matches are new since it was last opened (a live folder grew).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QFont
from PySide6.QtWidgets import QInputDialog, QLabel, QListView, QMenu, QVBoxLayout, QWidget

from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import tooltip_text

add_arabic(
    {
        "My case": "ملفي",
        "All articles": "كل المقالات",
        "Starred": "المميزة",
        "Unread": "غير المقروءة",
        "{n:,} new": "{n:,} جديد",
        "Rename…": "إعادة تسمية…",
        "Delete": "حذف",
        "Rename saved search": "إعادة تسمية البحث المحفوظ",
        "New name:": "الاسم الجديد:",
        "Saved search: {query}": "بحث محفوظ: {query}",
    }
)

VIEW_LABELS = {"all": "All articles", "starred": "Starred", "unread": "Unread"}
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "view" or "search"
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the view name or the search name
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
NEW_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex


class CaseViewsModel(QAbstractListModel):
    """Rows: the three views, then the saved searches by name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view_counts: dict[str, int | None] = dict.fromkeys(VIEW_LABELS)
        # name -> (query, count or None while unknown, new matches)
        self._searches: list[tuple[str, str, int | None, int]] = []
        self.current_view = "all"

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(VIEW_LABELS) + len(self._searches)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        views = list(VIEW_LABELS)
        if row < len(views):
            key, kind, count, new, query = views[row], "view", self._view_counts[views[row]], 0, ""
            label = t(VIEW_LABELS[key])
        else:
            key, query, count, new = self._searches[row - len(views)]
            kind, label = "search", key
        if role == Qt.ItemDataRole.DisplayRole:
            # the name isolated (FSI … PDI): an Arabic name in an English line, or the other way
            # round, would otherwise pull the count and "new" into its own direction. Not an
            # embedding (plain.isolated): the digits after one still take the name's direction
            # ("1 · (2) غزة new"), where this item view lays isolates out as meant.
            text = f"\u2068{label}\u2069"
            text = text if count is None else f"{text}  ({count:,})"
            return f"{text} · {t('{n:,} new').format(n=new)}" if new else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(t("Saved search: {query}").format(query=query)) if query else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(bool(new) or (kind == "view" and key == self.current_view))
            return font
        return {KIND_ROLE: kind, KEY_ROLE: key, COUNT_ROLE: count, NEW_ROLE: new}.get(role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_counts(self, counts: dict[str, int | None], current_view: str) -> None:
        self._view_counts.update(counts)
        self.current_view = current_view
        self._changed(0, len(VIEW_LABELS) - 1)

    def set_searches(self, searches: list[tuple[str, str]]) -> None:
        """(name, query) of every saved search, by name; counts unknown until given."""
        known = {name: (count, new) for name, _q, count, new in self._searches}
        self.beginResetModel()
        self._searches = [(n, q, *known.get(n, (None, 0))) for n, q in searches]
        self.endResetModel()

    def set_search_count(self, name: str, count: int, new: int) -> None:
        for i, (n, q, _c, _new) in enumerate(self._searches):
            if n == name:
                self._searches[i] = (n, q, count, new)
                self._changed(len(VIEW_LABELS) + i, len(VIEW_LABELS) + i)

    def search_names(self) -> list[str]:
        return [n for n, *_ in self._searches]

    def row_of(self, kind: str, key: str) -> int:
        for row in range(self.rowCount()):
            index = self.index(row)
            if index.data(KIND_ROLE) == kind and index.data(KEY_ROLE) == key:
                return row
        return -1

    def retranslate(self) -> None:
        self._changed(0, self.rowCount() - 1)

    def _changed(self, first: int, last: int) -> None:
        if last >= first >= 0:
            self.dataChanged.emit(self.index(first), self.index(last))


class CasePanel(QWidget):
    view_requested = Signal(str)  # "all" | "starred" | "unread"
    search_requested = Signal(str)  # a saved search's name
    rename_requested = Signal(str, str)  # old, new
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casePanel")
        self._title = QLabel()
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self.model = CaseViewsModel(self)
        self.view = _CaseList(self)
        self.view.setObjectName("caseViews")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.model.modelReset.connect(self._fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self._title)
        layout.addWidget(self.view)
        self.retranslate()
        self._fit()

    def retranslate(self) -> None:
        self._title.setText(t("My case"))
        self.model.retranslate()

    def _fit(self) -> None:
        rows = self.model.rowCount()
        height = self.view.sizeHintForRow(0) if rows else 18
        self.view.setFixedHeight(rows * height + 2 * self.view.frameWidth() + 2)

    def _activated(self, index: QModelIndex) -> None:
        kind, key = index.data(KIND_ROLE), index.data(KEY_ROLE)
        if kind == "view":
            self.view_requested.emit(key)
        elif kind == "search":
            self.search_requested.emit(key)

    def activate(self, kind: str, key: str) -> None:
        """Click a row by what it stands for (keyboard users, scripts and tests)."""
        row = self.model.row_of(kind, key)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))
            self._activated(self.model.index(row))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        if index.data(KIND_ROLE) != "search":
            return None
        name = index.data(KEY_ROLE)
        menu = QMenu(self)
        menu.addAction(t("Rename…"), lambda: self._ask_rename(name))
        menu.addAction(t("Delete"), lambda: self.delete_requested.emit(name))
        return menu

    def _ask_rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, t("Rename saved search"), t("New name:"), text=name)
        if ok and new.strip() and new != name:
            self.rename_requested.emit(name, new)


class _CaseList(QListView):
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        panel = self.parent()
        index = self.indexAt(event.pos())
        menu = panel.menu_for(index) if isinstance(panel, CasePanel) and index.isValid() else None
        if menu is not None:
            menu.exec(event.globalPos())
