"""Facet panels: a titled list of values with counts; click includes, context menu excludes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from reader.index import FacetValue


class FacetPanel(QWidget):
    """Skeleton: the real list lands next."""

    include_requested = Signal(str)
    exclude_requested = Signal(str)
    cleared = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        QVBoxLayout(self)

    def set_values(
        self,
        values: Sequence[FacetValue],
        included: AbstractSet[str],
        excluded: AbstractSet[str],
    ) -> None:
        pass


class TagFacet(FacetPanel):
    mode_changed = Signal(str)

    def set_mode(self, mode: str) -> None:
        pass


class EntityFacet(QWidget):
    include_requested = Signal(str, str)
    exclude_requested = Signal(str, str)
    cleared = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_values(
        self,
        facets: Mapping[str, Sequence[FacetValue]],
        included: AbstractSet[tuple[str, str]],
        excluded: AbstractSet[tuple[str, str]],
    ) -> None:
        pass

    def set_theme(self, name: str) -> None:
        pass
