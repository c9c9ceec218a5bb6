"""A facet's "Show all" list (issue 18): every value over the current result with its count,
sortable by count or by name, with the facet filter box's Arabic matching; double-click or Enter
includes a value.

The model sorts itself (a proxy over 47,000 names re-sorts through Python calls per comparison);
sorting by name uses the folded form, so أحمد and احمد sort together.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.index import FacetValue
from reader.index.types import NONE_VALUE
from reader.index.value_match import fold_values, value_matcher
from reader.ui.common.i18n import add_arabic, t

add_arabic(
    {
        "Value": "القيمة",
        "Articles": "المقالات",
        "All values: {title}": "كل القيم: {title}",
        "{shown} of {total} values": "{shown} من {total} قيمة",
    }
)

AnyIndex = QModelIndex | QPersistentModelIndex


class FacetTableModel(QAbstractTableModel):
    """(value, count) rows, sortable, narrowed by a typed filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[str, int, str]] = []  # value, count, folded value
        self._rows: list[tuple[str, int, str]] = []
        self._sort = (1, Qt.SortOrder.DescendingOrder)
        self._needle = ""
        self._folded = True

    def set_values(self, values: Sequence[FacetValue]) -> None:
        self.set_table([v.value for v in values], [v.count for v in values])

    def set_table(self, names: Sequence[str], counts: Sequence[int]) -> None:
        """Values most frequent first, as the index lists them (that order is kept while the
        sort is by count, descending: no sort of 40,000 rows when the dialog opens)."""
        self.beginResetModel()
        # folded keys are made when first needed (a filter, the sort by name): opening the
        # list of 40,000 names costs only the rows
        self._all = list(zip(names, counts, [""] * len(names), strict=True))
        self._folded = False
        self._apply(presorted=True)
        self.endResetModel()

    def _fold(self) -> None:
        if not self._folded:
            keys = fold_values([r[0] for r in self._all])
            self._all = [(v, c, k) for (v, c, _), k in zip(self._all, keys, strict=True)]
            self._folded = True

    def set_filter_text(self, text: str) -> None:
        self.beginResetModel()
        self._needle = text.strip()
        self._apply()
        self.endResetModel()

    def _apply(self, *, presorted: bool = False) -> None:
        column, order = self._sort
        if self._needle or column == 0 or not presorted:
            self._fold()
        matches = value_matcher(self._needle)
        rows = [r for r in self._all if matches(r[2])] if self._needle else list(self._all)
        reverse = order == Qt.SortOrder.DescendingOrder
        if presorted and column == 1 and reverse:
            self._rows = rows
            return
        if column == 1:  # ties by name, always ascending
            rows.sort(key=lambda r: r[2])
            rows.sort(key=lambda r: r[1], reverse=reverse)
        else:
            rows.sort(key=lambda r: (r[2], r[0]), reverse=reverse)
        self._rows = rows

    def total(self) -> int:
        return len(self._all)

    def value_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    # ---- Qt model interface
    def rowCount(self, parent: AnyIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value, count, _key = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return f"{count:,}"
            return t(value) if value == NONE_VALUE else value
        if role == Qt.ItemDataRole.UserRole:
            return value if index.column() == 0 else count
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return t("Value") if section == 0 else t("Articles")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply()
        self.layoutChanged.emit()


class ShowAllDialog(QDialog):
    value_chosen = Signal(str)

    def __init__(
        self,
        title: str,
        table: tuple[Sequence[str], Sequence[int]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("showAllDialog")
        self.setWindowTitle(t("All values: {title}").format(title=title))
        self.model = FacetTableModel(self)
        self.model.set_table(*table)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("showAllFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(t("Filter values…"))
        self.filter_box.textChanged.connect(self._filter)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("showAllTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.activated.connect(self._chosen)
        self.table.doubleClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.resize(420, 520)
        self._count()

    def _filter(self, text: str) -> None:
        self.model.set_filter_text(text)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(
            t("{shown} of {total} values").format(
                shown=f"{self.model.rowCount():,}", total=f"{self.model.total():,}"
            )
        )

    def _chosen(self, index: QModelIndex) -> None:
        value = self.model.value_at(index.row())
        if value is not None:
            self.value_chosen.emit(value)
