"""Both themes readable, and a switch leaves no trace (issue 19): light → dark → light, and at
each step the text of every label, heading, button and list row is measured against what is
behind it, from the window's own pixels (WCAG AA: 4.5:1)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)

AA = 4.5


def _linear(channel: np.ndarray) -> np.ndarray:
    c = channel / 255.0
    return np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(rgb: np.ndarray) -> np.ndarray:
    r, g, b = (_linear(rgb[..., i].astype(float)) for i in range(3))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: float, b: float) -> float:
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def text_contrast(image: QImage) -> float:
    """The contrast of the text in ``image`` with its background: the background is the most
    common colour, the text the pixel that stands out most from it (the core of a stroke)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    pixels = data.reshape(h, image.bytesPerLine() // 4, 4)[:, :w, 2::-1].reshape(-1, 3)
    background = Counter(map(tuple, pixels)).most_common(1)[0][0]
    lum = luminance(pixels)
    bg = float(luminance(np.array(background, dtype=float)))
    return max(contrast(float(lum.max()), bg), contrast(float(lum.min()), bg))


def texts_to_check(window) -> list[tuple[str, QWidget]]:
    out = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() < 4 or widget.height() < 4:
            continue
        if widget.visibleRegion().isEmpty():  # scrolled out of the sidebar's view: not shown
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text().strip():
            out.append((f"{type(widget).__name__}#{widget.objectName()} {widget.text()!r}", widget))
        elif isinstance(widget, QComboBox):
            out.append((f"combo #{widget.objectName()}", widget))
    return out


def in_window(window, widget: QWidget, rect: QRect | None = None) -> QImage:
    """What the window shows of ``widget`` (or of ``rect`` in it): grabbed from the window, so
    the background is what is really behind the text, not the widget's own idea of it."""
    rect = rect if rect is not None else widget.rect()
    return window.grab(QRect(widget.mapTo(window, rect.topLeft()), rect.size())).toImage()


def text_area(widget: QWidget) -> QRect:
    """The widget less its icon (drawn in its own colours, it would hide the text's)."""
    rect = widget.rect()
    if isinstance(widget, QAbstractButton) and not widget.icon().isNull():
        skip = widget.iconSize().width() + 4
        if widget.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return rect.adjusted(0, 0, -skip, 0)
        return rect.adjusted(skip, 0, 0, 0)
    return rect


def low_contrast(window) -> list[str]:
    QApplication.processEvents()
    failures = []
    for name, widget in texts_to_check(window):
        ratio = text_contrast(in_window(window, widget, text_area(widget)))
        if ratio < AA:
            failures.append(f"{name}: {ratio:.2f}")
    # list rows: each row's title line and its quieter second line, measured apart
    for view_name, view in [
        ("article list", window.list_panel.view),
        ("tags", window.sidebar.tag_facet.view()),
        ("sources", window.sidebar.source_facet.view()),
    ]:
        model = view.model()
        for row in range(model.rowCount()):
            rect = view.visualRect(model.index(row, 0))
            if not rect.isValid() or not view.viewport().rect().intersects(rect):
                continue
            halves = (
                [
                    QRect(rect.x(), rect.y(), rect.width(), rect.height() // 2),
                    QRect(
                        rect.x(), rect.y() + rect.height() // 2, rect.width(), rect.height() // 2
                    ),
                ]
                if view is window.list_panel.view
                else [rect]
            )
            for part in halves:
                ratio = text_contrast(in_window(window, view.viewport(), part))
                if ratio < AA:
                    failures.append(f"{view_name} row {row}: {ratio:.2f}")
    return failures


@pytest.mark.parametrize("language", ["en", "ar"])
def test_light_dark_light_every_text_reads_at_aa(qtbot, make_window, news_folder, language):
    window = make_window(language=language)
    window.resize(1024, 700)
    open_and_wait(qtbot, window, news_folder)
    window.select_row(1)  # a selected row and unselected ones
    for theme in ("light", "dark", "light"):
        window.set_theme(theme)
        assert low_contrast(window) == [], theme
        box = window.list_panel.sort_box
        assert box.width() >= box.sizeHint().width(), f"sort box cut in {theme}"


def test_the_header_does_not_repeat_the_sort_box(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    assert window.list_panel.sort_box.currentText() == "Newest first"
    assert "Newest first" not in window.list_panel.header.text()
    assert window.list_panel.header.text() == "6 articles"
