"""A facet panel (Datashare-style): a titled list of values with counts over the current result.

Click (or Enter) includes a value, the context menu, the hover button or Delete excludes it, and acting on a
value that is already included or excluded clears it. Selected values are pinned to the top and kept even
when the current result no longer contains them (an excluded value always has count 0 in its own result),
so a filter can always be undone from where it was made.

The list itself is reader/ui/filters/facet_list.py (its model), facet_delegate.py and facet_view.py; the
panels built on this one (tags, entities) are in reader/ui/filters/facets.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.flat_button import FlatToolButton
from reader.ui.common.i18n import add_arabic, t
from reader.ui.filters.facet_list import FacetListModel
from reader.ui.filters.facet_view import FacetListView

if TYPE_CHECKING:
    from reader.index import FacetValue

add_arabic(
    {
        "Filter values…": "تصفية القيم…",
        "Nothing in this result": "لا شيء في هذه النتيجة",
        "The {shown} most frequent of {total}; type above to find others.": "أكثر {shown} تكرارًا من {total}؛ اكتب أعلاه للعثور على غيرها.",
        "No value matches the filter": "لا قيمة تطابق التصفية",
        "{shown} of {total}": "{shown} من {total}",
        "Show all": "عرض الكل",
        "Every value of this facet, with counts": "كل قيم هذا الوجه مع أعدادها",
    }
)

FILTER_BOX_THRESHOLD = 8  # the filter box appears for lists longer than this
MAX_VISIBLE_ROWS = 8  # taller lists scroll, so four panels still fit a sidebar


class FacetPanel(QWidget):
    """A collapsible titled list of facet values with counts and a filter box for long lists."""

    include_requested = Signal(str)
    exclude_requested = Signal(str)
    cleared = Signal(str)
    show_all_requested = Signal()
    # every value over the current result, asked for when the filter box is used on a capped
    # facet (the window sets it on the instance: the index counts them on demand)
    # (names, counts), most frequent first
    all_values: Callable[[], tuple[Sequence[str], Sequence[int]]] | None = None

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # a section heading, not a push button: no sunken frame while expanded
        self._header = FlatToolButton(self)
        self._header.setObjectName("facetHeader")
        self._header.setCheckable(True)
        self._header.setChecked(True)
        self._header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._header.toggled.connect(self._set_expanded)
        header_font = self._header.font()
        header_font.setBold(True)
        self._header.setFont(header_font)
        self._size_label = _SizeLabel(self)
        self._header_row = QHBoxLayout()
        self._header_row.setContentsMargins(0, 0, 0, 0)
        self._swatch = QLabel(self)  # the entity colour; a tool button shows an arrow OR an icon
        self._swatch.setVisible(False)
        self._header_row.addWidget(self._swatch)
        self._header_row.addWidget(self._header)
        self._header_row.addWidget(self._size_label, 1)  # takes the free space, right-aligned
        self._show_all = self._show_all_button()

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
        self._pending = ""  # what an empty list says while its values are still being found

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

    def _show_all_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("facetShowAll")
        button.setAutoRaise(True)
        button.setVisible(False)
        button.clicked.connect(self.show_all_requested.emit)
        self._header_row.addWidget(button)
        return button

    # --- public API ----------------------------------------------------------------------------
    def set_values(
        self,
        values: Sequence[FacetValue],
        included: AbstractSet[str],
        excluded: AbstractSet[str],
        distinct: int | None = None,
    ) -> None:
        """Show ``values`` (counts over the current result, most frequent first) and the selection.
        ``distinct``: how many values the facet has over the result when ``values`` is capped."""
        self._model.set_values(values, included, excluded, distinct)
        total = self._model.total_values()
        listed = len(values)
        if distinct is not None and distinct > listed:
            self._size_label.set_texts(
                t("{shown} of {total}").format(shown=f"{listed:,}", total=f"{distinct:,}"),
                f"{distinct:,}",
            )
        else:
            self._size_label.set_texts(f"{total:,}" if total else "")
        self._show_all.setVisible(total > 0)
        if self._filter.text().strip():
            self._on_filter_text(self._filter.text())
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
        self._show_all.setText(t("Show all"))
        self._show_all.setToolTip(t("Every value of this facet, with counts"))
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
        if text.strip() and self._model.capped and self.all_values is not None:
            self._model.set_full_table(*self.all_values())
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
            if filtered:
                self._empty.setText(t("No value matches the filter"))
            else:
                self._empty.setText(t(self._pending or "Nothing in this result"))
        elif matches > rows:
            self._empty.setText(
                t("The {shown} most frequent of {total}; type above to find others.").format(
                    shown=f"{rows:,}", total=f"{matches:,}"
                )
            )
        self._empty.setVisible(expanded and (rows == 0 or matches > rows))
        self._view.setVisible(expanded and rows > 0)

    def set_pending(self, text: str) -> None:
        """``text`` (English source) replaces "Nothing in this result" until set to ""."""
        self._pending = text
        self._refresh_empty()

    def _set_expanded(self, expanded: bool) -> None:
        self._filter.setVisible(expanded and self._model.total_values() > FILTER_BOX_THRESHOLD)
        self._refresh_empty()
        self._update_arrow()
        self._fit_height()

    def _update_arrow(self) -> None:
        # a painted triangle as the button's icon: Fusion draws arrowType arrows over the text in
        # right-to-left layouts
        if self._header.isChecked():
            points = ((1, 3), (9, 3), (5, 8))  # down
        elif self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            points = ((8, 1), (8, 9), (3, 5))  # collapsed arrows point along the reading direction
        else:
            points = ((2, 1), (2, 9), (7, 5))
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        pixmap = QPixmap(10, 10)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon([QPointF(x, y) for x, y in points])
        painter.end()
        self._header.setIcon(QIcon(pixmap))

    def _fit_height(self) -> None:
        # the list is exactly as tall as its rows (up to MAX_VISIBLE_ROWS), so stacked panels stay compact
        rows = min(self._model.rowCount(), MAX_VISIBLE_ROWS)
        row_h = self._view.sizeHintForRow(0) if self._model.rowCount() else 0
        frame = 2 * self._view.frameWidth()
        self._view.setFixedHeight(max(rows * row_h + frame, frame + 1))
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.PaletteChange):
            self._update_arrow()
        super().changeEvent(event)


class _SizeLabel(QLabel):
    """The facet's count beside its title: "201 of 6,907", or "6,907" alone where the sidebar
    is too narrow for the whole (cut, it read "2( من 6,907"); the tooltip says it in full."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("facetSize")
        self.setEnabled(False)  # the disabled colour reads as secondary text
        # the count may give way to the title and Show all in a narrow sidebar: the sidebar
        # never scrolls sideways, which would hide every value's count
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._texts: tuple[str, str] = ("", "")

    def set_texts(self, full: str, short: str | None = None) -> None:
        self._texts = (full, full if short is None else short)
        self.setToolTip(full if short not in (None, full) else "")
        self._fit()

    def full_text(self) -> str:
        return self._texts[0]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        full, short = self._texts
        fits = self.fontMetrics().horizontalAdvance(full) <= self.contentsRect().width()
        self.setText(full if fits else short)
