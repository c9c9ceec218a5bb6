"""A tool button drawn flat (no pushed-in panel while checked), styled only by the palette.

A per-widget style sheet ("border: none") did this before, but a widget with a style sheet keeps
the colours it had when the sheet was applied: after a theme switch its text stayed dark on the
dark window. Drawing the button without its On/Sunken state needs no sheet.
"""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QStylePainter, QToolButton, QWidget


class FlatToolButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.state &= ~(QStyle.StateFlag.State_On | QStyle.StateFlag.State_Sunken)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
