"""Facet panels (FEATURES.md, Datashare-style): a titled list of values with counts over the current result.

Click (or Enter) includes a value, the context menu, the hover button or Delete excludes it, and acting on a
value that is already included or excluded clears it. Selected values are pinned to the top and kept even
when the current result no longer contains them (an excluded value always has count 0 in its own result),
so a filter can always be undone from where it was made.

The list is a ``FacetListModel`` (QAbstractListModel) that holds ``(value, count)`` pairs and the
selection state, and filters itself on the normalised text of the filter box: typing ``ايران`` finds
``إيران`` (the same folding as search, reader.text.normalize).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model import ENTITY_KINDS
from reader.text.normalize import normalize
from reader.ui.i18n import add_arabic, t
from reader.ui.theme import ENTITY_COLOURS
from reader.ui.timeline import article_count

if TYPE_CHECKING:
    from reader.index import FacetValue

add_arabic(
    {
        "Filter values…": "تصفية القيم…",
        "Include": "تضمين",
        "Exclude": "استبعاد",
        "Clear": "إلغاء",
        "Exclude this value": "استبعاد هذه القيمة",
        "Nothing in this result": "لا شيء في هذه النتيجة",
        "The {shown} most frequent of {total}; type above to find others.": "أكثر {shown} تكرارًا من {total}؛ اكتب أعلاه للعثور على غيرها.",
        "No value matches the filter": "لا قيمة تطابق التصفية",
        "all": "الكل",
        "any": "أيّ",
        "Articles with all the selected tags": "مقالات تحمل كل الوسوم المختارة",
        "Articles with any of the selected tags": "مقالات تحمل أيًّا من الوسوم المختارة",
        "included": "مُضمَّن",
        "excluded": "مُستبعَد",
        "articles": "مقالات",
        "People": "أشخاص",
        "Places": "أماكن",
        "Organisations": "منظمات",
        "Other": "أخرى",
    }
)

FILTER_BOX_THRESHOLD = 8  # the filter box appears for lists longer than this
MAX_VISIBLE_ROWS = 8  # taller lists scroll, so four panels still fit a sidebar
MAX_LISTED = 300  # rows listed per facet; the filter box reaches the rest
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "+" included, "-" excluded, "" neither
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
ENTITY_TITLES = {"PERS": "People", "LOC": "Places", "ORG": "Organisations", "MISC": "Other"}


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

    def set_values(
        self, values: Sequence[FacetValue], included: AbstractSet[str], excluded: AbstractSet[str]
    ) -> None:
        selected = frozenset(included) | frozenset(excluded)
        counts = {v.value: v.count for v in values if v.value in selected} if selected else {}
        pinned = [(v, counts.get(v, 0), "+") for v in sorted(included)]
        pinned += [(v, counts.get(v, 0), "-") for v in sorted(set(excluded) - set(included))]
        self.beginResetModel()
        try:
            self._values, self._pinned, self._selected = values, pinned, selected
            self._all = None
            self._total = len(values) + len(pinned) - len(counts)
            self._rows, self._matches = self._matching(refine=False)
        finally:
            self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        needle = normalize(text.strip())
        if needle == self._needle:
            return
        # typing one more letter only narrows the previous matches
        refine = bool(self._needle) and needle.startswith(self._needle)
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
            keys = []
            for value, _count, _state in self._all:
                key = folded.get(value)
                if key is None:
                    key = folded[value] = normalize(value)
                keys.append(key)
            self._keys = keys
            self._narrowed = []
        return self._all

    def _matching(self, *, refine: bool) -> tuple[list[tuple[str, int, str]], int]:
        if not self._needle:
            return self._head(), self._total
        rows = self._full()
        keys, needle = self._keys, self._needle
        candidates = self._narrowed if refine and self._narrowed else range(len(rows))
        # selected values stay visible whatever the filter says, like the pinned rows
        hits = [i for i in candidates if rows[i][2] or needle in keys[i]]
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
            return value
        if role == COUNT_ROLE:
            return count
        if role == STATE_ROLE:
            return state
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            status = {"+": f" ({t('included')})", "-": f" ({t('excluded')})"}.get(state, "")
            return f"{value}: {article_count(count)}{status}"
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

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> object:
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

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
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
        hovered = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        pal = opt.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(fg)
        dim.setAlphaF(0.6)
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
            trailing = self.BUTTON_W if hovered and state != "-" else 0
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
            painter.drawText(value_rect, align | Qt.AlignmentFlag.AlignVCenter, elided)
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


def _pt(x: float, y: float) -> object:
    from PySide6.QtCore import QPointF

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

    def mouseReleaseEvent(self, event: object) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        entry = self._entry(index)
        if entry is None or event.button() != Qt.MouseButton.LeftButton:
            return
        delegate = self.itemDelegate()
        button = delegate.exclude_button_rect(self.visualRect(index), self.layoutDirection())
        if entry[2] != "-" and button.contains(event.position().toPoint()):
            self.exclude_value.emit(entry[0], entry[2])
        else:
            self.activated_value.emit(entry[0], entry[2])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self._entry(self.currentIndex())
        key = event.key()
        if entry is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated_value.emit(entry[0], entry[2])
        elif entry is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.exclude_value.emit(entry[0], entry[2])
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: object) -> None:
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


class FacetPanel(QWidget):
    """A collapsible titled list of facet values with counts and a filter box for long lists."""

    include_requested = Signal(str)
    exclude_requested = Signal(str)
    cleared = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._header = QToolButton(self)
        self._header.setObjectName("facetHeader")
        self._header.setCheckable(True)
        self._header.setChecked(True)
        self._header.setAutoRaise(True)
        # a section heading, not a push button: no sunken frame while expanded
        self._header.setStyleSheet("QToolButton { border: none; padding: 2px 0px; }")
        self._header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._header.toggled.connect(self._set_expanded)
        header_font = self._header.font()
        header_font.setBold(True)
        self._header.setFont(header_font)
        self._size_label = QLabel(self)
        self._size_label.setObjectName("facetSize")
        self._size_label.setEnabled(False)  # the disabled colour reads as secondary text
        self._header_row = QHBoxLayout()
        self._header_row.setContentsMargins(0, 0, 0, 0)
        self._swatch = QLabel(self)  # the entity colour; a tool button shows an arrow OR an icon
        self._swatch.setVisible(False)
        self._header_row.addWidget(self._swatch)
        self._header_row.addWidget(self._header)
        self._header_row.addStretch(1)
        self._header_row.addWidget(self._size_label)

        self._filter = QLineEdit(self)
        self._filter.setObjectName("facetFilter")
        self._filter.setClearButtonEnabled(True)
        self._filter.setVisible(False)
        self._model = FacetListModel(self)
        self._filter.textChanged.connect(self._on_filter_text)
        self._view = FacetListView(self)
        self._view.setModel(self._model)
        self._view.activated_value.connect(self._on_activated)
        self._view.exclude_value.connect(self._on_exclude)
        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        self._empty.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(self._header_row)
        layout.addWidget(self._filter)
        layout.addWidget(self._view)
        layout.addWidget(self._empty)
        self.set_title(title)
        self.retranslate()
        self._update_arrow()
        self._fit_height()

    # --- public API ----------------------------------------------------------------------------
    def set_values(
        self,
        values: Sequence[FacetValue],
        included: AbstractSet[str],
        excluded: AbstractSet[str],
    ) -> None:
        """Show ``values`` (counts over the current result, most frequent first) and the selection."""
        self._model.set_values(values, included, excluded)
        total = self._model.total_values()
        self._size_label.setText(f"{total:,}" if total else "")
        self._filter.setVisible(total > FILTER_BOX_THRESHOLD and self._header.isChecked())
        self._refresh_empty()
        self._fit_height()

    def set_title(self, title: str) -> None:
        self._title = title
        self._header.setText(title)
        self._view.setAccessibleName(title)

    def title(self) -> str:
        return self._title

    def retranslate(self) -> None:
        """Re-apply the interface strings after a language switch (the title is the caller's)."""
        self._filter.setPlaceholderText(t("Filter values…"))
        self._view.setToolTip("")
        self._refresh_empty()

    def set_expanded(self, expanded: bool) -> None:
        self._header.setChecked(expanded)

    def is_expanded(self) -> bool:
        return self._header.isChecked()

    def set_header_icon(self, icon: QIcon) -> None:
        self._swatch.setPixmap(icon.pixmap(12, 12))
        self._swatch.setVisible(not icon.isNull())

    def model(self) -> FacetListModel:
        return self._model

    def view(self) -> FacetListView:
        return self._view

    def filter_box(self) -> QLineEdit:
        return self._filter

    # --- internals -----------------------------------------------------------------------------
    def _on_activated(self, value: str, state: str) -> None:
        if state:
            self.cleared.emit(value)
        else:
            self.include_requested.emit(value)

    def _on_exclude(self, value: str, state: str) -> None:
        if state == "-":
            self.cleared.emit(value)
        else:
            self.exclude_requested.emit(value)

    def _on_filter_text(self, text: str) -> None:
        self._model.set_filter_text(text)
        self._refresh_empty()
        self._fit_height()

    def _refresh_empty(self) -> None:
        """The line under the list: why it is empty, or that it shows only the most frequent."""
        rows = self._model.rowCount()
        matches = self._model.matching_values()
        expanded = self._header.isChecked()
        if rows == 0:
            filtered = self._model.total_values() > 0
            self._empty.setText(
                t("No value matches the filter") if filtered else t("Nothing in this result")
            )
        elif matches > rows:
            self._empty.setText(
                t("The {shown} most frequent of {total}; type above to find others.").format(
                    shown=f"{rows:,}", total=f"{matches:,}"
                )
            )
        self._empty.setVisible(expanded and (rows == 0 or matches > rows))
        self._view.setVisible(expanded and rows > 0)

    def _set_expanded(self, expanded: bool) -> None:
        self._filter.setVisible(expanded and self._model.total_values() > FILTER_BOX_THRESHOLD)
        self._refresh_empty()
        self._update_arrow()
        self._fit_height()

    def _update_arrow(self) -> None:
        if self._header.isChecked():
            arrow = Qt.ArrowType.DownArrow
        elif self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            arrow = Qt.ArrowType.LeftArrow  # collapsed arrows point along the reading direction
        else:
            arrow = Qt.ArrowType.RightArrow
        self._header.setArrowType(arrow)

    def _fit_height(self) -> None:
        # the list is exactly as tall as its rows (up to MAX_VISIBLE_ROWS), so stacked panels stay compact
        rows = min(self._model.rowCount(), MAX_VISIBLE_ROWS)
        row_h = self._view.sizeHintForRow(0) if self._model.rowCount() else 0
        frame = 2 * self._view.frameWidth()
        self._view.setFixedHeight(max(rows * row_h + frame, frame + 1))
        self.updateGeometry()

    def changeEvent(self, event: object) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._update_arrow()
        super().changeEvent(event)


class TagFacet(FacetPanel):
    """The tag facet, with an all/any switch for how several selected tags combine."""

    mode_changed = Signal(str)  # "and" or "or"

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._mode_buttons: dict[str, QToolButton] = {}
        super().__init__(title, parent)
        group = self._mode_group = QButtonGroup(self)
        group.setExclusive(True)
        for mode in ("and", "or"):
            button = QToolButton(self)
            button.setObjectName(f"tagMode_{mode}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            group.addButton(button)
            self._header_row.insertWidget(self._header_row.count() - 1, button)
            self._mode_buttons[mode] = button
        self._mode_buttons["and"].setChecked(True)
        group.buttonToggled.connect(self._on_mode_button)
        self._show_mode_switch(False)
        self.retranslate()

    def set_values(
        self,
        values: Sequence[FacetValue],
        included: AbstractSet[str],
        excluded: AbstractSet[str],
    ) -> None:
        super().set_values(values, included, excluded)
        # all/any only means something once two tags are included; hidden before, to keep it quiet
        self._show_mode_switch(len(included) >= 2)

    def _show_mode_switch(self, shown: bool) -> None:
        for button in self._mode_buttons.values():
            button.setVisible(shown)

    def set_mode(self, mode: str) -> None:
        """Reflect the state's mode without emitting ``mode_changed``."""
        button = self._mode_buttons.get(mode)
        if button is not None and not button.isChecked():
            # the group, not the button, emits buttonToggled: silence the group
            self._mode_group.blockSignals(True)
            button.setChecked(True)
            self._mode_group.blockSignals(False)

    def mode(self) -> str:
        return "or" if self._mode_buttons["or"].isChecked() else "and"

    def retranslate(self) -> None:
        super().retranslate()
        if not self._mode_buttons:
            return
        self._mode_buttons["and"].setText(t("all"))
        self._mode_buttons["and"].setToolTip(t("Articles with all the selected tags"))
        self._mode_buttons["or"].setText(t("any"))
        self._mode_buttons["or"].setToolTip(t("Articles with any of the selected tags"))

    def _on_mode_button(self, button: QToolButton, checked: bool) -> None:
        if checked:
            self.mode_changed.emit("or" if button is self._mode_buttons["or"] else "and")


class EntityFacet(QWidget):
    """One facet list per entity kind (People, Places, Organisations, Other), headed by its colour."""

    include_requested = Signal(str, str)  # kind, value
    exclude_requested = Signal(str, str)
    cleared = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._panels: dict[str, FacetPanel] = {}
        for kind in ENTITY_KINDS:
            panel = FacetPanel(t(ENTITY_TITLES[kind]), self)
            panel.setObjectName(f"entityFacet_{kind}")
            panel.include_requested.connect(lambda v, k=kind: self.include_requested.emit(k, v))
            panel.exclude_requested.connect(lambda v, k=kind: self.exclude_requested.emit(k, v))
            panel.cleared.connect(lambda v, k=kind: self.cleared.emit(k, v))
            layout.addWidget(panel)
            self._panels[kind] = panel
        self.set_theme("light")

    def set_values(
        self,
        facets: Mapping[str, Sequence[FacetValue]],
        included: AbstractSet[tuple[str, str]],
        excluded: AbstractSet[tuple[str, str]],
    ) -> None:
        """``facets`` maps a kind (PERS, LOC, ORG, MISC) to its values; other keys are ignored."""
        for kind, panel in self._panels.items():
            panel.set_values(
                facets.get(kind, ()),
                {v for k, v in included if k == kind},
                {v for k, v in excluded if k == kind},
            )

    def panel(self, kind: str) -> FacetPanel:
        return self._panels[kind]

    def set_theme(self, name: str) -> None:
        colours = ENTITY_COLOURS.get(name, ENTITY_COLOURS["light"])
        for kind, panel in self._panels.items():
            panel.set_header_icon(
                swatch_icon(QColor(colours[kind].background), QColor(colours[kind].text))
            )

    def retranslate(self) -> None:
        for kind, panel in self._panels.items():
            panel.set_title(t(ENTITY_TITLES[kind]))
            panel.retranslate()


def swatch_icon(fill: QColor, border: QColor, size: int = 12) -> QIcon:
    """A small rounded square of an entity colour (shared with the legend)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(border, 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(0.5, 0.5, size - 1, size - 1, 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)
