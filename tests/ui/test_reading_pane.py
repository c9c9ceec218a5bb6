"""The reading pane inside the window: entity highlights, clicks and tooltips, related links, zoom."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser
from ui_fixtures import QT_OFFSCREEN_NOISE

from reader.library.library import Library, build_index
from reader.model import Appended, Article, Span
from reader.ui.list.article_model import Roles
from reader.ui.reading.html import anchor

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def _article(i: int, body: str, names: list[tuple[str, str]], **kw) -> Article:
    spans = []
    for kind, name in names:
        start = body.index(name)
        spans.append(Span(start, start + len(name), kind))
    return Article(
        id=f"a{i}.txt",
        title=kw.pop("title", f"عنوان {i}"),
        body=body,
        date=dt.date(2023, 1, i),
        source="مصدر",
        entities=tuple(spans),
        path=f"a{i}.txt",
        **kw,
    )


@pytest.fixture
def tagged_library(tmp_path: Path) -> Library:
    articles = [
        _article(1, "التقى بوتين مع رئيسي في موسكو.", [("PERS", "بوتين"), ("LOC", "موسكو")]),
        _article(2, "زار بوتين بكين أمس.", [("PERS", "بوتين"), ("LOC", "بكين")]),
        _article(
            3,
            "اجتمع مجلس الأمن في نيويورك.",
            [("ORG", "مجلس الأمن"), ("LOC", "نيويورك")],
            related=("عنوان 1", "عنوان غير موجود"),
            appended=(Appended("خبر ملحق", "نص ملحق عن بوتين.", (Span(11, 16, "PERS"),)),),
        ),
    ]
    return Library(
        root=tmp_path,
        articles={a.id: a for a in articles},
        problems=[],
        index=build_index(articles, len(articles)),
        files_seen=3,
        entity_status=None,
    )


def test_clicking_an_entity_filters_to_articles_naming_it(qtbot, make_window, tagged_library):
    window = make_window()
    window.session.library_loaded(tagged_library)  # the slot the loader's `loaded` signal calls
    window.session.shown.show_article_by_id("a1.txt")
    html = window.reading.view.toHtml()
    assert "بوتين" in window.reading.view.toPlainText()
    window.reading.view._on_anchor(QUrl(anchor("entity", "PERS", "بوتين")))
    ids = {
        window.list_panel.model.index(r).data(Roles.ID)
        for r in range(window.list_panel.model.rowCount())
    }
    assert ids == {"a1.txt", "a2.txt"}
    assert window.results.state.include_entities == frozenset({("PERS", "بوتين")})
    assert html  # rendered before the click


def test_entity_tooltip_names_the_type(qtbot, make_window):
    window = make_window()
    tip = window.reading.view.tooltip_for(anchor("entity", "LOC", "موسكو"))
    assert tip.startswith("Place: موسكو")


def test_related_headline_links_to_the_article_with_that_title(qtbot, make_window, tagged_library):
    window = make_window()
    window.session.library_loaded(tagged_library)
    window.session.shown.show_article_by_id("a3.txt")
    extras = window.findChild(QTextBrowser, "articleExtras")
    assert extras is window.reading.view.extras
    text = extras.toPlainText()
    assert "Read also" in text and "Appended by the source page" in text
    assert "خبر ملحق" in text
    assert "خبر ملحق" not in window.reading.view.toPlainText()
    with qtbot.waitSignal(window.article_shown) as shown:
        extras.link_clicked.emit(QUrl(anchor("article", "a1.txt")))
    assert shown.args == ["a1.txt"]


def test_zoom_changes_the_font_size(qtbot, make_window, tagged_library):
    window = make_window()
    window.session.library_loaded(tagged_library)
    before = window.reading.view.document().defaultFont().pixelSize()
    window.actions_.zoom_in.trigger()
    window.actions_.zoom_in.trigger()
    assert window.reading.view.document().defaultFont().pixelSize() > before
    window.actions_.zoom_reset.trigger()
    assert window.reading.view.document().defaultFont().pixelSize() == before


def test_dark_theme_renders_dark_entity_colours(qtbot, make_window, tagged_library):
    window = make_window()
    window.session.library_loaded(tagged_library)
    window.session.shown.show_article_by_id("a1.txt")
    window.actions_.theme_dark.trigger()
    assert window.settings.theme == "dark"
    assert "#1e3a8a" in window.reading.view.toHtml().lower()  # person background, dark theme
    window.actions_.theme_light.trigger()
    assert "#dbeafe" in window.reading.view.toHtml().lower()


@pytest.mark.parametrize(("width", "wide"), [(600, False), (1800, True)])
def test_lines_keep_a_readable_measure(qtbot, width: int, wide: bool) -> None:
    from reader.ui.reading.reading_view import MEASURE_EM, ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(width, 600)
    view.show()
    view.show_article(Article(id="x", title="عنوان", body="نص " * 400))
    margin = view.document().rootFrame().frameFormat().leftMargin()
    if wide:
        assert view.viewport().width() - 2 * margin == pytest.approx(MEASURE_EM * 18, abs=2)
    else:
        assert margin == 12


def test_the_page_shown_is_not_rendered_again_for_the_same_inputs(qtbot) -> None:
    # a live refresh or the install of a loaded folder shows the same article again: the reader
    # keeps their place on the page (and the GUI thread its 10-35 ms); new highlights re-render
    from reader.ui.reading.reading_view import ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    body = "\n".join(f"فقرة رقم {i} عن غزة" for i in range(200))
    article = Article(id="x", title="عنوان", body=body)
    renders: list[int] = []
    view.textChanged.connect(lambda: renders.append(1))
    view.show_article(article)
    assert renders
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept, before = bar.value(), len(renders)
    view.show_article(article, (), (), {})
    assert len(renders) == before
    assert bar.value() == kept
    start = body.index("غزة")
    view.show_article(article, (), (Span(start, start + 3, "MATCH"),))
    assert len(renders) > before
    same_text = Article(id="x", title="عنوان", body=body)  # another object: a changed file
    before = len(renders)
    view.show_article(same_text, (), (Span(start, start + 3, "MATCH"),))
    assert len(renders) > before
