"""The values inside a facet panel: a model of (value, count, state) rows, filtered as you type.

The model holds the values of one facet over the current result and their include/exclude state, and
filters itself on the normalised text of the filter box: typing ``ايران`` finds ``إيران`` (the same
folding as search, reader.index.value_match: hamza, ة/ه, ى/ي, a clitic on a typed word). How a row
looks is reader/ui/filters/facet_delegate.py; the gestures on it, reader/ui/filters/facet_view.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from reader.index.types import NONE_VALUE
from reader.index.value_match import fold_value, fold_values, value_matcher
from reader.ui.common.entity_variants import variants_line
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import tooltip_text
from reader.ui.filters.timeline_bins import article_count

if TYPE_CHECKING:
    from reader.index import FacetValue

add_arabic(
    {
        "included": "مُضمَّن",
        "excluded": "مُستبعَد",
    }
)

MAX_LISTED = 300  # rows listed per facet; the filter box reaches the rest
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "+" included, "-" excluded, "" neither
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


class FacetListModel(QAbstractListModel):
    """Facet values with counts and their include/exclude state, narrowed by a filter text.

    Only the MAX_LISTED most frequent matches are rows: nobody scrolls through 20,000 names, and a
    view over that many rows costs ~100 ms per result on the GUI thread (Qt asks rowCount per row
    while laying out). The filter box still searches every value. A new result costs O(MAX_LISTED)
    until the filter box is used; the full row list and the folded keys are built only then.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: Sequence[FacetValue] = ()
        self._pinned: list[tuple[str, int, str]] = []  # included, then excluded values
        self._selected: frozenset[str] = frozenset()
        self._all: list[tuple[str, int, str]] | None = None  # every row, built for filtering
        self._keys: list[str] = []  # folded text of each row of _all
        self._rows: list[tuple[str, int, str]] = []  # what is listed, at most MAX_LISTED
        self._matches = 0  # how many pass the filter (may exceed what is listed)
        self._total = 0  # every value, listed or not
        self._needle = ""
        self._narrowed: list[
            int
        ] = []  # indexes into _all matching _needle (for the next keystroke)
        self._folded: dict[str, str] = {}  # value -> normalised form, kept across results
        self._capped = False
        # an entity value -> its spellings in the folder (its tooltip lists the others)
        self.variants: Callable[[str], Sequence[str]] | None = None

    def set_values(
        self,
        values: Sequence[FacetValue],
        included: AbstractSet[str],
        excluded: AbstractSet[str],
        distinct: int | None = None,
    ) -> None:
        """``distinct``: how many values the facet has over the result when ``values`` holds only
        the most frequent (the index's facet limit); the filter box then asks for all of them."""
        selected = frozenset(included) | frozenset(excluded)
        counts = {v.value: v.count for v in values if v.value in selected} if selected else {}

        def by_count(value: str) -> tuple[int, str]:
            return -counts.get(value, 0), value

        pinned = [(v, counts.get(v, 0), "+") for v in sorted(included, key=by_count)]
        excluded_only = set(excluded) - set(included)
        pinned += [(v, counts.get(v, 0), "-") for v in sorted(excluded_only, key=by_count)]
        self.beginResetModel()
        try:
            self._values, self._pinned, self._selected = values, pinned, selected
            self._all = None
            self._total = len(values) + len(pinned) - len(counts)
            self._capped = distinct is not None and distinct > len(values)
            if self._capped:
                self._total += (distinct or 0) - len(values)
            self._rows, self._matches = self._matching(refine=False)
        finally:
            self.endResetModel()

    @property
    def capped(self) -> bool:
        """True while only the most frequent values are held (``set_full_values`` adds the rest)."""
        return self._capped

    def set_full_values(self, values: Sequence[FacetValue]) -> None:
        """Every value of the facet over the current result (asked for when the filter box is
        used on a capped facet): the filter then reaches the rare ones too."""
        self.set_full_table([v.value for v in values], [v.count for v in values])

    def set_full_table(self, names: Sequence[str], counts: Sequence[int]) -> None:
        """``set_full_values`` from the index's parallel lists (40,000 names: no object each;
        only the head, listed while the filter is empty, is made of FacetValues)."""
        from reader.index import FacetValue

        selected = self._selected
        head = MAX_LISTED + len(selected)
        self.beginResetModel()
        try:
            self._values = [
                FacetValue(n, c) for n, c in zip(names[:head], counts[:head], strict=True)
            ]
            rest = [(n, c, "") for n, c in zip(names, counts, strict=True) if n not in selected]
            self._all, self._capped = self._pinned + rest, False
            folded = self._folded
            new = [row[0] for row in self._all if row[0] not in folded]
            folded.update(zip(new, fold_values(new), strict=True))
            self._keys = [folded[row[0]] for row in self._all]
            self._narrowed = []
            pinned_only = {v for v, _c, _s in self._pinned} - set(names)
            self._total = len(names) + len(pinned_only)
            self._rows, self._matches = self._matching(refine=False)
        finally:
            self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        needle = fold_value(text.strip())
        if needle == self._needle:
            return
        # one more letter only narrows the previous matches, unless it makes a clitic reading
        refine = (
            bool(self._needle)
            and needle.startswith(self._needle)
            and " " not in needle
            and len(needle) < 4
        )
        self.beginResetModel()
        try:
            self._needle = needle
            self._rows, self._matches = self._matching(refine=refine)
        finally:
            self.endResetModel()

    def _head(self) -> list[tuple[str, int, str]]:
        """The pinned rows and then the most frequent others, MAX_LISTED in all."""
        rows = list(self._pinned)
        selected = self._selected
        for v in self._values:
            if len(rows) >= MAX_LISTED:
                break
            if v.value not in selected:
                rows.append((v.value, v.count, ""))
        return rows

    def _full(self) -> list[tuple[str, int, str]]:
        if self._all is None:
            selected = self._selected
            rest = [(v.value, v.count, "") for v in self._values if v.value not in selected]
            self._all = self._pinned + rest
            folded = self._folded
            new = [v for v, _c, _s in self._all if v not in folded]
            folded.update(zip(new, fold_values(new), strict=True))
            self._keys = [folded[v] for v, _c, _s in self._all]
            self._narrowed = []
        return self._all

    def _matching(self, *, refine: bool) -> tuple[list[tuple[str, int, str]], int]:
        if not self._needle:
            return self._head(), self._total
        rows = self._full()
        keys, matches = self._keys, value_matcher(self._needle)
        candidates = self._narrowed if refine and self._narrowed else range(len(rows))
        # selected values stay visible whatever the filter says, like the pinned rows
        hits = [i for i in candidates if rows[i][2] or matches(keys[i])]
        self._narrowed = hits
        return [rows[i] for i in hits[:MAX_LISTED]], len(hits)

    def total_values(self) -> int:
        return self._total

    def matching_values(self) -> int:
        """Values that pass the filter, listed or not (more than rowCount when capped)."""
        return self._matches

    def row_entry(self, row: int) -> tuple[str, int, str]:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        value, count, state = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return t(value) if value == NONE_VALUE else value  # "(none)" in the UI's language
        if role == COUNT_ROLE:
            return count
        if role == STATE_ROLE:
            return state
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            status = {"+": f" ({t('included')})", "-": f" ({t('excluded')})"}.get(state, "")
            text = f"{value}: {article_count(count)}{status}"
            text += variants_line(self.variants, value)
            # a screen reader reads text; a tooltip would render a value that looks like HTML
            return tooltip_text(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.FontRole and state:
            font = QFont()
            font.setBold(state == "+")
            font.setStrikeOut(state == "-")
            return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
