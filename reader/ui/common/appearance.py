"""Fonts, palette and layout direction applied to the whole application.

The fonts are the bundled Noto faces (resources/fonts, OFL): registered with QFontDatabase at
start-up so the app never depends on what the machine has installed. The palette is set in code
(Fusion style) so light and dark look the same on every platform.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from reader.ui.common.theme import UI_FONT_FAMILY, UI_FONT_PX

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
FONTS = RESOURCES / "fonts"
_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register every bundled .ttf once; returns the family names Qt now knows."""
    if not _loaded:
        for path in sorted(FONTS.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(_loaded))


_DARK = {
    QPalette.ColorRole.Window: "#1f2937",
    QPalette.ColorRole.WindowText: "#e5e7eb",
    QPalette.ColorRole.Base: "#111827",
    QPalette.ColorRole.AlternateBase: "#1f2937",
    QPalette.ColorRole.Text: "#f3f4f6",
    QPalette.ColorRole.Button: "#374151",
    QPalette.ColorRole.ButtonText: "#f3f4f6",
    QPalette.ColorRole.Highlight: "#2563eb",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#374151",
    QPalette.ColorRole.ToolTipText: "#f9fafb",
    QPalette.ColorRole.PlaceholderText: "#9ca3af",
    QPalette.ColorRole.Link: "#93c5fd",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f3f4f6",
    QPalette.ColorRole.WindowText: "#111827",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f9fafb",
    QPalette.ColorRole.Text: "#111827",
    QPalette.ColorRole.Button: "#e5e7eb",
    QPalette.ColorRole.ButtonText: "#111827",
    QPalette.ColorRole.Highlight: "#bfdbfe",
    QPalette.ColorRole.HighlightedText: "#111827",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#111827",
    QPalette.ColorRole.PlaceholderText: "#6b7280",
    QPalette.ColorRole.Link: "#1d4ed8",
}


def palette_for(theme: str) -> QPalette:
    palette = QPalette()
    for role, colour in (_DARK if theme == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette_for(theme))


def apply_ui_font(app: QApplication) -> None:
    font = QFont(UI_FONT_FAMILY)
    font.setPixelSize(UI_FONT_PX)
    app.setFont(font)


def apply_language_direction(app: QApplication, language: str) -> None:
    """Qt mirrors the whole layout for Arabic; the code builds it left-to-right once."""
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
