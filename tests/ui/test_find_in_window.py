"""Finding articles in the window as a user does: typing a query (words, prefixes), clicking a
tag, a source or the timeline, excluding a value, sorting the list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QUrl
from test_main_window import facet_counts, listed_titles
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, type_text, write_folder

from reader.index.types import SortKey
from reader.ui.reading.html import anchor

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def test_typing_a_query_filters_the_list_after_the_debounce(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    type_text(window.search_bar.box, "ترامب")
    # nothing happens while the user is still typing
    assert window.results.debounce.isActive()
    assert window.list_panel.model.rowCount() == 6
    with qtbot.waitSignal(window.results.results_changed, timeout=2000):
        pass
    titles = listed_titles(window)
    assert sorted(titles) == sorted(["غزة تحت القصف من جديد", "ترامب يزور الرياض"])
    assert window.list_panel.model.has_snippets
    assert "2 articles" in window.list_panel.header.text()


def test_typing_a_prefix_lists_the_words_starting_with_it(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    type_text(window.search_bar.box, "ترا*")
    with qtbot.waitSignal(window.results.results_changed, timeout=2000):
        pass
    assert sorted(listed_titles(window)) == sorted(["غزة تحت القصف من جديد", "ترامب يزور الرياض"])


def test_a_query_matching_nothing_says_so_and_offers_to_clear(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.search_bar.box.setText("زنجبيل")
    window.results.type_query("زنجبيل")
    window.results.search_now()
    assert window.list_panel.stack.currentWidget() is window.list_panel.empty_state
    assert "«زنجبيل»" in window.list_panel.empty_state.label.text()
    qtbot.mouseClick(window.list_panel.empty_state.button, Qt.MouseButton.LeftButton)
    assert window.list_panel.model.rowCount() == 6
    assert window.search_bar.box.text() == ""


def test_no_article_with_every_word_lists_those_with_the_most_and_says_so(
    qtbot, make_window, news_folder
):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    type_text(window.search_bar.box, "ترامب يزور الرياض زنجبيل")
    with qtbot.waitSignal(window.results.results_changed, timeout=2000):
        pass
    assert listed_titles(window) == ["ترامب يزور الرياض"]
    assert "1 article with 3 of the 4 words" in window.list_panel.header.text()
    assert "No article has all 4 words; these have 3" in window.status.note.text()


def test_a_search_lists_a_copied_text_once_and_the_pane_links_its_copies(
    qtbot, make_window, tmp_path
):
    story = {"title": "ترامب يزور الرياض", "body": ["زار الرئيس الأمريكي الرياض."]}
    folder = write_folder(tmp_path / "news", [story, {**story, "tags": ["سياسة"]}])
    window = make_window()
    open_and_wait(qtbot, window, folder)
    assert window.list_panel.model.rowCount() == 2  # the folder lists every file's article
    type_text(window.search_bar.box, "ترامب")
    with qtbot.waitSignal(window.results.results_changed, timeout=2000):
        pass
    assert listed_titles(window) == ["ترامب يزور الرياض"]
    assert "1 copy of a listed text left out" in window.status.note.text()
    extras = window.reading.view.extras.toPlainText()
    assert "The same text is also in" in extras
    assert "news.jsonl#" in extras.split("The same text is also in")[1]


def test_clicking_a_tag_chip_in_the_reading_pane_filters(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.reading.view._on_anchor(QUrl(anchor("tag", "غزة")))
    assert sorted(listed_titles(window)) == sorted(["غزة تحت القصف من جديد", "ترامب يزور الرياض"])
    assert window.results.state.include_tags == frozenset({"غزة"})
    # counts follow the result: only the two Gaza articles' sources remain
    assert facet_counts(window.sidebar.source_facet) == {"الجزيرة": 2}


def test_clicking_a_source_facet_entry_filters_and_updates_counts(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    panel = window.sidebar.source_facet
    model = panel.model()
    row = next(r for r in range(model.rowCount()) if model.row_entry(r)[0] == "الجزيرة")
    rect = panel.view().visualRect(model.index(row, 0))
    qtbot.mouseClick(panel.view().viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.results.state.include_sources == frozenset({"الجزيرة"})
    assert window.list_panel.model.rowCount() == 2
    assert facet_counts(window.sidebar.tag_facet) == {"غزة": 2, "حرب": 1, "السعودية": 1}


def test_excluding_a_tag_removes_its_articles(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.sidebar.tag_facet.exclude_requested.emit("غزة")
    assert window.list_panel.model.rowCount() == 4
    assert "غزة تحت القصف من جديد" not in listed_titles(window)
    assert window.results.state.exclude_tags == frozenset({"غزة"})
    # the chip row offers the way back; "clear all" restores everything
    window.search_bar.chips.clear_requested.emit()
    assert window.list_panel.model.rowCount() == 6


def test_timeline_range_filters_by_date(qtbot, make_window, news_folder):

    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.sidebar.timeline.range_selected.emit(dt.date(2018, 1, 1), dt.date(2020, 12, 31))
    assert sorted(listed_titles(window)) == sorted(
        ["ترامب يزور الرياض", "مقال فيه وسوم خطرة", "Elections in Tunisia"]
    )


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)],
)
def test_ctrl_f_focuses_search_and_escape_clears(qtbot, make_window, news_folder, key, modifier):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.list_panel.view.setFocus()
    qtbot.keyClick(window.list_panel.view, key, modifier)
    assert window.search_bar.box.hasFocus()
    type_text(window.search_bar.box, "ترامب")
    window.results.search_now()
    assert window.list_panel.model.rowCount() == 2
    qtbot.keyClick(window.search_bar.box, Qt.Key.Key_Escape)
    assert window.search_bar.box.text() == ""
    assert window.list_panel.model.rowCount() == 6


@pytest.mark.parametrize(
    ("key", "first"),
    [
        (SortKey.NEWEST, "إيران وروسيا توقعان اتفاقية"),
        (SortKey.OLDEST, "ارتفاع صادرات تونس من التمور"),
        ("title", "Elections in Tunisia"),
        ("source", "Elections in Tunisia"),  # "BBC" sorts before the Arabic sources
    ],
)
def test_sort_selector_orders_the_list(qtbot, make_window, news_folder, key, first):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.list_panel.sort_box.setCurrentIndex(window.list_panel.sort_box.findData(key))
    assert listed_titles(window)[0] == first
    assert window.settings.sort_key == key


def test_a_query_orders_by_relevance_until_it_is_cleared(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    assert window.list_panel.sort_box.currentData() == SortKey.NEWEST
    window.search_bar.box.setText("ترامب")
    window.results.set_query("ترامب")
    assert window.list_panel.sort_box.currentData() == "relevance"
    assert "Relevance" in window.list_panel.header.text()
    assert window.settings.sort_key == SortKey.NEWEST  # not the user's choice: not remembered
    window.results.set_query("")
    assert window.list_panel.sort_box.currentData() == SortKey.NEWEST
    # an order the user picks is kept while searching
    window.list_panel.sort_box.setCurrentIndex(window.list_panel.sort_box.findData("title"))
    window.results.set_query("ترامب")
    assert window.list_panel.sort_box.currentData() == "title"
