"""Article text laid out in its own direction in both interface languages (issue 19): every list
title and facet value whose text is Arabic is drawn right to left, so the quote or "!" that ends
an Arabic title stays at its end, even in the English interface."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, write_folder

from reader.bidi import first_strong_direction

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)

TITLES = [
    ('خامنئي : اسرائيل "ورم سرطاني"', "طهران"),
    ("اسرائيل توزع منشورات!", "القدس"),
    ("Elections in Tunisia", "BBC"),
]
ARTICLES = [
    {
        "title": title,
        "body": ["نص قصير."],
        "date": f"2017-03-2{i}",
        "source": source,
        "tags": [source, "أخبار"],
    }
    for i, (title, source) in enumerate(TITLES)
]


@pytest.fixture
def drawn(monkeypatch) -> list[tuple[str, Qt.LayoutDirection]]:
    """Every text the delegates draw, with the direction the painter lays it out in."""
    seen: list[tuple[str, Qt.LayoutDirection]] = []
    original = QPainter.drawText

    def spy(painter: QPainter, *args):
        text = next((a for a in args if isinstance(a, str)), None)
        if text:
            seen.append((text, painter.layoutDirection()))
        return original(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)
    return seen


@pytest.mark.parametrize("language", ["en", "ar"])
def test_arabic_titles_and_facet_values_are_laid_out_right_to_left(
    qtbot, make_window, tmp_path, drawn, language
):
    window = make_window(language=language)
    open_and_wait(qtbot, window, write_folder(tmp_path / "news", ARTICLES))
    drawn.clear()
    window.list_panel.view.viewport().grab()
    for facet in (window.sidebar.tag_facet, window.sidebar.source_facet):
        facet.view().viewport().grab()
    texts = dict(drawn)
    for title, source in TITLES:
        expected = (
            Qt.LayoutDirection.RightToLeft
            if first_strong_direction(title) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        assert texts.get(title) == expected, title
        expected = (
            Qt.LayoutDirection.RightToLeft
            if first_strong_direction(source) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        assert texts.get(source) == expected, source
    assert texts.get("أخبار") == Qt.LayoutDirection.RightToLeft


def test_a_titles_tooltip_keeps_its_direction(qtbot, make_window, tmp_path):
    from reader.ui.list.article_model import Roles

    window = make_window()
    open_and_wait(qtbot, window, write_folder(tmp_path / "news", ARTICLES))
    tips = {
        window.list_panel.model.index(r).data(Roles.TITLE): window.list_panel.model.index(r).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for r in range(window.list_panel.model.rowCount())
    }
    # an Arabic title embedded right to left (RLE … PDF) in the English interface's tooltip
    assert tips['خامنئي : اسرائيل "ورم سرطاني"'] == '\u202bخامنئي : اسرائيل "ورم سرطاني"\u202c'
    assert tips["Elections in Tunisia"] == "\u202aElections in Tunisia\u202c"
