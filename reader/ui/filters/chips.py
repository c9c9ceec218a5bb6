"""The active filters as a wrapping row of removable chips, and one button that clears them all.

The chips are built from ``FilterState.chips()``; each remembers its opaque key and hands it back
through ``remove_requested``, so this widget knows nothing of what a filter means. Entity chips take
their entity's colour, so a chip reads the same as the highlight it came from.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import plain_label
from reader.ui.common.theme import ENTITY_COLOURS, Swatch
from reader.ui.filters.filter_state import FilterState

add_arabic(
    {
        "Clear all": "مسح الكل",
        "Remove all filters": "إزالة كل المرشحات",
        "Remove this filter": "إزالة هذا المرشح",
    }
)


class FlowLayout(QLayout):
    """Lays items out in rows that wrap, honouring the layout direction (the Qt 'flow layout' example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, row_h = rect.x(), rect.y(), 0
        parent = self.parentWidget()
        rtl = parent is not None and parent.isRightToLeft()
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and x > rect.x():
                x, y, row_h = rect.x(), y + row_h + self._spacing, 0
            if apply:
                geo = QRect(QPoint(x, y), hint)
                if rtl:  # mirror within the row, so the first chip sits at the right edge
                    geo.moveLeft(rect.x() + rect.right() - geo.right())
                item.setGeometry(geo)
            x += hint.width() + self._spacing
            row_h = max(row_h, hint.height())
        return y + row_h - rect.y()


def cross_icon(colour: QColor, size: int = 10) -> QIcon:
    """A painted ×: no glyph, so no dependence on what the fonts cover."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.6))
    painter.drawLine(2, 2, size - 2, size - 2)
    painter.drawLine(size - 2, 2, 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class Chip(QFrame):
    """One filter: its label and a remove button."""

    remove_clicked = Signal(object)

    def __init__(self, key: Hashable, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("filterChip")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)  # symmetric: margins do not mirror in RTL
        layout.setSpacing(2)
        self._swatch: Swatch | None = None
        self.label = plain_label(label, self)  # values come from articles: never markup
        self.label.setMaximumWidth(260)
        self.button = QToolButton(self)
        self.button.setObjectName("chipRemove")
        self.button.setAutoRaise(True)
        self.button.setToolTip(t("Remove this filter"))
        self.button.setAccessibleName(f"{t('Remove this filter')}: {label}")
        self.button.clicked.connect(lambda: self.remove_clicked.emit(self.key))
        layout.addWidget(self.label)
        layout.addWidget(self.button)

    def set_colours(self, swatch: Swatch | None) -> None:
        """An entity's own colours, or (None) the palette's button colours, which follow a
        theme switch by themselves (a style sheet would keep the colours it was given)."""
        self._swatch = swatch
        if swatch is None:
            self.label.setPalette(QPalette())
            self.label.setAttribute(Qt.WidgetAttribute.WA_SetPalette, False)
        else:
            palette = self.label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(swatch.text))
            self.label.setPalette(palette)
        self._repaint_icon()
        self.update()

    def colours(self) -> tuple[QColor, QColor, QColor]:
        """(background, text, border) of the chip now."""
        if self._swatch is not None:
            text = QColor(self._swatch.text)
            return QColor(self._swatch.background), text, text
        palette = self.palette()
        return (
            palette.color(QPalette.ColorRole.Button),
            palette.color(QPalette.ColorRole.ButtonText),
            palette.color(QPalette.ColorRole.Mid),
        )

    def _repaint_icon(self) -> None:
        self.button.setIcon(cross_icon(self.colours()[1]))

    def paintEvent(self, _event: QPaintEvent) -> None:
        background, _text, border = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1))
        painter.setBrush(background)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(rect, 11, 11)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._repaint_icon()
        super().changeEvent(event)


class FilterChips(QWidget):
    """A wrapping row of chips for the active filters, plus 'Clear all' when there is any."""

    remove_requested = Signal(object)  # a key from FilterState.chips()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = "light"
        self._state: FilterState | None = None
        self._chips: list[Chip] = []
        self._layout = FlowLayout(self)
        self._clear = QToolButton(self)
        self._clear.setObjectName("clearFilters")
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clear_requested)
        self._clear.setVisible(False)
        self._layout.addWidget(self._clear)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def set_filters(self, state: FilterState) -> None:
        """One chip per active filter of ``state`` (the query is the search box's, not a chip)."""
        self._state = state
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        self._layout.removeWidget(self._clear)
        for key, label in state.chips():
            chip = Chip(key, label, self)
            chip.remove_clicked.connect(self.remove_requested)
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self._layout.addWidget(self._clear)
        self._clear.setVisible(bool(self._chips))
        self._paint_chips()
        self.updateGeometry()

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def clear_button(self) -> QToolButton:
        return self._clear

    def set_theme(self, name: str) -> None:
        self._theme = name if name in ENTITY_COLOURS else "light"
        self._paint_chips()

    def retranslate(self) -> None:
        self._clear.setText(t("Clear all"))
        self._clear.setToolTip(t("Remove all filters"))
        if self._state is not None:  # the labels are in the interface language: build them again
            self.set_filters(self._state)

    def _paint_chips(self) -> None:
        for chip in self._chips:
            key = chip.key
            swatch = None
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "entity":
                swatch = ENTITY_COLOURS[self._theme].get(str(key[2]))
            chip.set_colours(swatch)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self._layout.heightForWidth(width))
