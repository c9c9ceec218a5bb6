"""A row of removable chips, one per active filter, and a Clear all button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reader.ui.filter_state import FilterState


class FilterChips(QWidget):
    remove_requested = Signal(object)  # a key from FilterState.chips()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_filters(self, state: FilterState) -> None:
        pass

    def set_theme(self, name: str) -> None:
        pass
