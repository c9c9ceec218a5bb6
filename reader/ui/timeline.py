"""Timeline of article counts per day or month, with a draggable date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class TimelineWidget(QWidget):
    range_selected = Signal(object, object)  # since: date | None, until: date | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_counts(self, counts: Sequence[tuple[dt.date, int]]) -> None:
        pass

    def set_range(self, since: dt.date | None, until: dt.date | None) -> None:
        pass
