"""Entity colour legend whose swatches double as per-type visibility toggles."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reader.model import ENTITY_KINDS


class EntityLegend(QWidget):
    toggled = Signal(str, bool)  # kind, visible

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visible = frozenset(ENTITY_KINDS)

    def set_theme(self, name: str) -> None:
        pass

    def visible_kinds(self) -> frozenset[str]:
        return self._visible
