"""Put a scroll bar back at a saved position once the content is tall enough to have it.

A list or a text view lays its content out after the event loop turns, so right after a folder
opens its scroll bar's range is still short; the position is applied when the range allows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QScrollBar


class ScrollRestore(QObject):
    def __init__(self, bar: QScrollBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.pending: int | None = None
        bar.rangeChanged.connect(self._apply)

    def restore(self, value: int) -> None:
        self.pending = value if value > 0 else None
        self._apply()

    def cancel(self) -> None:
        self.pending = None

    def _apply(self, *_range: int) -> None:
        if self.pending is not None and self.bar.maximum() >= self.pending:
            self.bar.setValue(self.pending)
            self.pending = None
