"""The list inside a facet panel: a model of (value, count, state) rows, its delegate and its view.

The model holds the values of one facet over the current result and their include/exclude state, and
filters itself on the normalised text of the filter box: typing ``ايران`` finds ``إيران`` (the same
folding as search, reader.index.value_match: hamza, ة/ه, ى/ي, a clitic on a typed word). The view turns mouse and keyboard gestures into two
intentions, "activate" (include, or clear a selected value) and "exclude"; FacetPanel
(reader/ui/facets.py) maps them to its signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from reader.bidi import first_strong_direction
from reader.index.types import NONE_VALUE
from reader.index.value_match import fold_value, fold_values, value_matcher
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import tooltip_text
from reader.ui.timeline_bins import article_count

if TYPE_CHECKING:
    from reader.index import FacetValue

add_arabic(
    {
        "Include": "تضمين",
        "Exclude": "استبعاد",
        "Clear": "إلغاء",
        "Exclude this value": "استبعاد هذه القيمة",
        "included": "مُضمَّن",
        "excluded": "مُستبعَد",
        "Also written: {variants}": "يُكتب أيضاً: {variants}",
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


class FacetDelegate(QStyledItemDelegate):
    """Paints a row as [mark] value … count [exclude button], mirrored for right-to-left."""

    MARK_W = 14
    BUTTON_W = 18

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        # Arabic UI fonts have tall ascent/descent already; little extra padding keeps lists dense
        size.setHeight(option.fontMetrics.height())
        return size

    def exclude_button_rect(self, option_rect: QRect, direction: Qt.LayoutDirection) -> QRect:
        r = QRect(
            option_rect.right() - self.BUTTON_W,
            option_rect.top(),
            self.BUTTON_W,
            option_rect.height(),
        )
        return QStyle.visualRect(direction, option_rect, r)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        direction = opt.direction
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        state = index.data(STATE_ROLE) or ""
        count = index.data(COUNT_ROLE) or 0
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(fg)
        dim.setAlphaF(0.75)  # quieter, and still 4.5:1 on the row in both themes
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.save()
        try:
            # the mark: a check for included, a minus for excluded
            mark = QStyle.visualRect(
                direction, rect, QRect(rect.left(), rect.top(), self.MARK_W, rect.height())
            )
            if state:
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Link) if not selected else fg, 2))
                cy = mark.center().y()
                if state == "+":
                    x = mark.left() + 2
                    painter.drawPolyline([_pt(x, cy), _pt(x + 3, cy + 3), _pt(x + 9, cy - 4)])
                else:
                    painter.drawLine(mark.left() + 2, cy, mark.left() + 10, cy)
            # the count (and, on hover, the exclude button) at the trailing end
            fm = opt.fontMetrics
            count_text = f"{count:,}"
            # the exclude button is always there (not only on hover), so it can be found
            trailing = self.BUTTON_W if state != "-" else 0
            count_w = fm.horizontalAdvance(count_text) + 6
            count_rect = QStyle.visualRect(
                direction,
                rect,
                QRect(rect.right() - trailing - count_w, rect.top(), count_w, rect.height()),
            )
            painter.setPen(dim)
            painter.setFont(opt.font)
            count_align = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignRight)
            painter.drawText(count_rect, count_align | Qt.AlignmentFlag.AlignVCenter, count_text)
            if trailing:
                self._paint_exclude_button(
                    painter, self.exclude_button_rect(opt.rect, direction), dim
                )
            # the value, elided, in the row's font (bold when included, struck through when excluded)
            value_w = rect.width() - self.MARK_W - count_w - trailing - 4
            value_rect = QStyle.visualRect(
                direction,
                rect,
                QRect(rect.left() + self.MARK_W + 2, rect.top(), value_w, rect.height()),
            )
            painter.setPen(dim if state == "-" else fg)
            painter.setFont(opt.font)
            elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, value_rect.width())
            align = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeft)
            # the value is laid out in its own direction (an Arabic name right to left in the
            # English interface too), at the interface's leading side
            painter.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if first_strong_direction(text) == "rtl"
                else Qt.LayoutDirection.LeftToRight
            )
            painter.drawText(
                value_rect,
                align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
        finally:
            painter.restore()

    @staticmethod
    def _paint_exclude_button(painter: QPainter, rect: QRect, colour: QColor) -> None:
        # drawn, not a glyph: the bundled fonts have no ⊖, and a fallback font would look foreign
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.4))
        d = min(rect.width(), rect.height()) - 6
        box = QRect(0, 0, d, d)
        box.moveCenter(rect.center())
        painter.drawEllipse(box)
        painter.drawLine(box.left() + 3, box.center().y(), box.right() - 3, box.center().y())


# variants listed in a tooltip: enough to recognise the name, never a wall of text
VARIANTS_SHOWN = 8


def variants_line(lookup: Callable[[str], Sequence[str]] | None, name: str) -> str:
    """A new line naming the other spellings of an entity in the folder (empty when none)."""
    others = [v for v in lookup(name) if v != name] if lookup is not None else []
    if not others:
        return ""
    shown = "، ".join(others[:VARIANTS_SHOWN]) + ("…" if len(others) > VARIANTS_SHOWN else "")
    return "\n" + t("Also written: {variants}").format(variants=shown)


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)


class FacetListView(QListView):
    """The list: keyboard and mouse gestures become 'activate' (include/clear) and 'exclude'."""

    activated_value = Signal(str, str)  # value, current state
    exclude_value = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)  # hover shows the exclude button
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setItemDelegate(FacetDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    def _entry(self, index: QModelIndex) -> tuple[str, int, str] | None:
        model = self.model()
        if not index.isValid() or not isinstance(model, FacetListModel):
            return None
        return model.row_entry(index.row())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        entry = self._entry(index)
        if entry is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if self.on_exclude_button(event.position().toPoint()):
            self.exclude_value.emit(entry[0], entry[2])
        else:
            self.activated_value.emit(entry[0], entry[2])

    def on_exclude_button(self, pos: QPoint) -> bool:
        """True when ``pos`` (viewport coordinates) is over a row's exclude button."""
        index = self.indexAt(pos)
        entry = self._entry(index)
        if entry is None or entry[2] == "-":
            return False
        delegate = self.itemDelegate()
        if not isinstance(delegate, FacetDelegate):
            return False
        rect = delegate.exclude_button_rect(self.visualRect(index), self.layoutDirection())
        return rect.contains(pos)

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and self.on_exclude_button(event.pos())
        ):
            QToolTip.showText(event.globalPos(), t("Exclude this value"), self)
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self._entry(self.currentIndex())
        key = event.key()
        if entry is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated_value.emit(entry[0], entry[2])
        elif entry is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.exclude_value.emit(entry[0], entry[2])
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        entry = self._entry(index)
        if entry is None:
            return
        menu = self.build_menu(entry)
        menu.exec(event.globalPos())

    def build_menu(self, entry: tuple[str, int, str]) -> QMenu:
        """The context menu for one value (a method of its own so tests can trigger its actions)."""
        value, _count, state = entry
        menu = QMenu(self)
        include = menu.addAction(t("Include"))
        include.setEnabled(state != "+")
        include.triggered.connect(lambda: self.activated_value.emit(value, ""))
        exclude = menu.addAction(t("Exclude"))
        exclude.setEnabled(state != "-")
        exclude.triggered.connect(lambda: self.exclude_value.emit(value, ""))
        clear = menu.addAction(t("Clear"))
        clear.setEnabled(bool(state))
        clear.triggered.connect(lambda: self.activated_value.emit(value, state))
        return menu
