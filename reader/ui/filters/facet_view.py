"""The list view of a facet panel: mouse and keyboard gestures on a value become two intentions,
"activate" (include, or clear a selected value) and "exclude"; FacetPanel (reader/ui/filters/facet_panel.py)
maps them to its signals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QToolTip, QWidget

from reader.ui.common.i18n import add_arabic, t
from reader.ui.filters.facet_delegate import FacetDelegate
from reader.ui.filters.facet_list import FacetListModel

add_arabic(
    {
        "Include": "تضمين",
        "Exclude": "استبعاد",
        "Clear": "إلغاء",
        "Exclude this value": "استبعاد هذه القيمة",
    }
)


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
