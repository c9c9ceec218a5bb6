"""The entity legend: one swatch per type, named, that doubles as the show/hide toggle for that type.

Colour is never the only signal (docs/UI.md): each swatch carries the type's name, and a hidden type shows
an empty swatch and dimmed text as well as a changed colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.model import ENTITY_KINDS
from reader.ui.common.flat_button import FlatToolButton
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.theme import ENTITY_COLOURS, ENTITY_LABELS

add_arabic(
    {
        "Entities:": "الكيانات:",
        "Person": "شخص",
        "Place": "مكان",
        "Organisation": "منظمة",
        "Other": "أخرى",
        "Show or hide the highlights of this type": "إظهار تمييز هذا النوع أو إخفاؤه",
    }
)


def legend_icon(fill: QColor, border: QColor, *, filled: bool, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(border, 1.2))
    painter.setBrush(fill if filled else Qt.GlobalColor.transparent)
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)


class EntityLegend(QWidget):
    """Four named swatches (Person, Place, Organisation, Other); clicking one hides or shows that type."""

    toggled = Signal(str, bool)  # kind, visible

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = "light"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._caption = QLabel(self)
        layout.addWidget(self._caption)
        self._buttons: dict[str, QToolButton] = {}
        for kind in ENTITY_KINDS:
            # a flat label, not a pushed-in button: the swatch and the text show the state
            button = FlatToolButton(self)
            button.setObjectName(f"legend_{kind}")
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.toggled.connect(lambda on, k=kind: self._on_toggled(k, on))
            layout.addWidget(button)
            self._buttons[kind] = button
        self.retranslate()
        self.set_theme("light")

    def set_theme(self, name: str) -> None:
        self._theme = name if name in ENTITY_COLOURS else "light"
        for kind in ENTITY_KINDS:
            self._paint_icon(kind)

    def visible_kinds(self) -> frozenset[str]:
        return frozenset(k for k, b in self._buttons.items() if b.isChecked())

    def set_visible_kinds(self, kinds: Iterable[str]) -> None:
        """Restore the toggles (e.g. from settings) without emitting ``toggled``."""
        wanted = set(kinds)
        for kind, button in self._buttons.items():
            button.blockSignals(True)
            button.setChecked(kind in wanted)
            button.blockSignals(False)
            self._paint_icon(kind)

    def button(self, kind: str) -> QToolButton:
        return self._buttons[kind]

    def retranslate(self) -> None:
        self._caption.setText(t("Entities:"))
        for kind, button in self._buttons.items():
            name = t(ENTITY_LABELS[kind])
            button.setText(name)
            button.setToolTip(t("Show or hide the highlights of this type"))
            button.setAccessibleName(name)

    def _on_toggled(self, kind: str, visible: bool) -> None:
        self._paint_icon(kind)
        self.toggled.emit(kind, visible)

    def _paint_icon(self, kind: str) -> None:
        swatch = ENTITY_COLOURS[self._theme][kind]
        button = self._buttons[kind]
        on = button.isChecked()
        button.setIcon(legend_icon(QColor(swatch.background), QColor(swatch.text), filled=on))
        font = button.font()
        font.setStrikeOut(not on)
        button.setFont(font)
        pal = self.palette()
        if not on:
            dim = pal.color(QPalette.ColorRole.WindowText)
            dim.setAlphaF(0.5)
            pal.setColor(QPalette.ColorRole.ButtonText, dim)
        button.setPalette(pal)
