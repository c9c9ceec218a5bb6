"""The window driven like a user would: open, search, filter, read, star (issue 5 acceptance 3)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from ui_fixtures import (
    ARTICLES_MANY,
    QT_OFFSCREEN_NOISE,
    open_and_wait,
    type_text,
    write_folder,
)

from reader.index import Index
from reader.index.types import SortKey
from reader.library.library import LoadProgress
from reader.ui.list.article_model import Roles
from reader.ui.reading.html import anchor

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def listed_titles(window) -> list[str]:
    model = window.list_panel.model
    return [model.index(r).data(Roles.TITLE) for r in range(model.rowCount())]


def facet_counts(panel) -> dict[str, int]:
    model = panel.model()
    return {model.row_entry(r)[0]: model.row_entry(r)[1] for r in range(model.rowCount())}


def test_open_folder_lists_articles_newest_first_and_shows_the_first(
    qtbot, make_window, news_folder
):
    window = make_window()
    seen: list[LoadProgress] = []
    window.loader.progress.connect(seen.append)
    open_and_wait(qtbot, window, news_folder)
    assert window.list_panel.model.rowCount() == 6
    assert listed_titles(window)[0] == "إيران وروسيا توقعان اتفاقية"  # 2023-12-07 is the newest
    assert "6 articles" in window.list_panel.header.text()
    # the article selected while the list was filling stays selected and shown
    shown = window.reading.view.article
    assert shown is not None and shown.id == window.current_index().data(Roles.ID)
    assert shown.title in window.reading.view.toPlainText()
    assert any(p.stage == "parse" for p in seen)
    assert facet_counts(window.sidebar.source_facet)["الجزيرة"] == 2
    assert facet_counts(window.sidebar.tag_facet)["غزة"] == 2
    assert not window.status.load_status.isVisible()


def test_only_the_article_shown_once_the_folder_is_open_is_marked_read(
    qtbot, make_window, tmp_path
):
    """The list fills in folder order: the first file's article is shown for a moment, then the
    newest once the folder is read. Only that one is read; the other was never looked at."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-old.txt").write_text("خبر قديم\n2020-01-01\nنص الخبر القديم.\n", encoding="utf-8")
    (folder / "b-new.txt").write_text("خبر جديد\n2026-11-03\nنص الخبر الجديد.\n", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    model = window.list_panel.model
    read = {model.index(r).data(Roles.TITLE): model.index(r).data(Roles.READ) for r in range(2)}
    assert read == {"خبر جديد": True, "خبر قديم": False}


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
    import datetime as dt

    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.sidebar.timeline.range_selected.emit(dt.date(2018, 1, 1), dt.date(2020, 12, 31))
    assert sorted(listed_titles(window)) == sorted(
        ["ترامب يزور الرياض", "مقال فيه وسوم خطرة", "Elections in Tunisia"]
    )


def test_keyboard_moves_opens_stars_and_marks_read(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    view = window.list_panel.view
    view.setFocus()
    window.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.current_index().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.current_index().row() == 2
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert window.current_index().row() == 1
    shown = window.reading.view.article
    assert shown is not None and shown.title == listed_titles(window)[1]
    index = window.current_index()
    assert index.data(Roles.READ)  # selecting marks read
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert index.data(Roles.STARRED)
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert not index.data(Roles.READ)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.reading.view.hasFocus()


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


@pytest.mark.parametrize("key", [Qt.Key.Key_F1, "?"])
def test_f1_or_question_mark_shows_the_shortcuts(qtbot, make_window, news_folder, key):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    qtbot.keyClick(window.list_panel.view, key)
    assert window.shortcuts_dialog is not None and window.shortcuts_dialog.isVisible()
    assert window.shortcuts_dialog.table.rowCount() >= 8


def test_star_and_read_survive_a_restart(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.select_row(2)
    article_id = window.current_index().data(Roles.ID)
    window.session.toggle_star()
    window.select_row(3)
    read_id = window.current_index().data(Roles.ID)
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, news_folder)
    rows = {
        again.list_panel.model.index(r).data(Roles.ID): r
        for r in range(again.list_panel.model.rowCount())
    }
    starred = again.list_panel.model.index(rows[article_id])
    assert starred.data(Roles.STARRED)
    assert again.list_panel.model.index(rows[read_id]).data(Roles.READ)
    assert not again.list_panel.model.index(rows[read_id]).data(Roles.STARRED)


def test_markup_in_an_article_is_shown_as_text(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    requested: list[str] = []
    original = window.reading.view.loadResource
    window.reading.view.loadResource = lambda kind, url: (
        requested.append(url.toString()) or original(kind, url)
    )
    window.session.shown.show_article_by_id("news.jsonl#5")
    text = window.reading.view.toPlainText()
    assert '<img src="http://example.invalid/pixel.png">' in text
    assert "<script>alert('x')</script>" in text
    doc = window.reading.view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    assert not [u for u in requested if u.startswith("http")]


def test_the_last_folder_and_zoom_are_remembered(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.actions_.zoom_in.trigger()
    assert window.settings.zoom == 110
    window.splitter.setSizes([300, 500, 400])
    sizes = window.splitter.sizes()
    window.actions_.theme_dark.trigger()
    window.close()
    again = make_window()
    assert again.settings.zoom == 110
    assert again.splitter.sizes() == sizes
    assert again.settings.theme == "dark" and again.actions_.theme_dark.isChecked()
    assert again.list_panel.delegate.theme == "dark"
    assert Path(again.settings.last_folder) == news_folder.resolve()
    assert str(news_folder.resolve()) in again.settings.recent_folders


def test_arabic_interface_mirrors_the_layout(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.actions_.lang_ar.trigger()
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "مقال" in window.list_panel.header.text()
    assert window.list_panel.sort_box.currentText() == "الأحدث أولاً"
    window.actions_.lang_en.trigger()
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "articles" in window.list_panel.header.text()


def test_empty_folder_says_so(qtbot, make_window, tmp_path):
    window = make_window()
    empty = tmp_path / "empty"
    empty.mkdir()
    open_and_wait(qtbot, window, empty)
    assert window.list_panel.stack.currentWidget() is window.list_panel.empty_state
    assert "no article" in window.list_panel.empty_state.label.text()


def test_cancel_keeps_the_previous_folder(qtbot, make_window, news_folder, tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    big = tmp_path / "big"
    for i in range(40):  # many files: loading takes long enough to cancel in the middle
        write_folder(big / f"part{i:02d}", ARTICLES_MANY)
    window.loader.progress.connect(lambda _p: window.status.load_status.cancel_button.click())
    with qtbot.waitSignal(window.loader.cancelled, timeout=30_000):
        window.open_folder(big)
    assert window.library is not None and window.library.root == news_folder.resolve()
    assert window.list_panel.model.rowCount() == 6
    assert window.loader.running_tasks() == 0 or window.loader.busy is False


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_writes_the_current_result_in_list_order(
    qtbot, make_window, news_folder, tmp_path, fmt
):
    import csv
    import json

    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.reading.view._on_anchor(QUrl(anchor("tag", "غزة")))
    out = tmp_path / f"out.{fmt}"
    window.exporter.export_to(out, fmt)
    # The task may finish before a waitSignal could connect to it (it is created inside
    # export_to), so wait for what the user sees: the status line that reports the export.
    qtbot.waitUntil(lambda: "Exported 2 articles" in window.status.note.text(), timeout=10_000)
    assert window.exporter.task.wait(5000)
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        titles = [json.loads(line)["title"] for line in text.splitlines()]
    else:
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(text.lstrip("\ufeff").splitlines()))
        titles = [r["title"] for r in rows]
    assert titles == listed_titles(window)


def test_entities_unavailable_is_said_in_the_status_bar(
    qtbot, make_window, news_folder, monkeypatch
):
    from inline_tagging import tag_inline

    from reader.entities import RecogniserUnavailable

    def missing(_text: str) -> list:
        raise RecogniserUnavailable("entity model missing: test")

    # the workers' jobs run inline here (a worker process would not see the patch), failing the
    # way a worker that cannot load the model does
    tag_inline(monkeypatch, missing)
    window = make_window(entities=True)
    open_and_wait(qtbot, window, news_folder)
    assert "entity model missing: test" in window.status.note.text()
    window.results.set_state(window.results.state.toggle_include_tag("غزة"))
    assert "entity model missing: test" in window.status.note.text()  # kept across searches


def test_dropping_a_folder_opens_it(qtbot, make_window, news_folder):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(news_folder))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.loader.idle, timeout=30_000):
        window.dropEvent(event)
    assert window.list_panel.model.rowCount() == 6


def test_skipped_files_are_counted_and_listed(qtbot, make_window, news_folder):
    (news_folder / "broken.json").write_text('{"title": "x", "body": ', encoding="utf-8")
    (news_folder / "empty.txt").write_text("", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    assert window.status.problems_button.isVisible()
    assert window.status.problems_button.text() == "2 files skipped"
    qtbot.mouseClick(window.status.problems_button, Qt.MouseButton.LeftButton)
    assert window.status.problems_panel.isVisible()


def test_recent_folders_menu_reopens_a_folder(qtbot, make_window, news_folder, tmp_path):
    other = write_folder(tmp_path / "other", ARTICLES_MANY[:3])
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    open_and_wait(qtbot, window, other)
    assert window.list_panel.model.rowCount() == 3
    menu = window.actions_.recent_menu
    menu.aboutToShow.emit()
    entry = next(a for a in menu.actions() if a.text() == str(news_folder.resolve()))
    with qtbot.waitSignal(window.loader.idle, timeout=30_000):
        entry.trigger()
    assert window.list_panel.model.rowCount() == 6


def test_loading_shows_progress_with_cancel(qtbot, make_window, tmp_path):
    big = tmp_path / "big"
    for i in range(20):
        write_folder(big / f"part{i:02d}", ARTICLES_MANY)
    window = make_window()
    shown: list[str] = []
    window.loader.progress.connect(
        lambda _p: shown.append(
            f"{window.status.load_status.stage_label.text()}|{window.status.load_status.count_label.text()}"
            f"|{window.status.load_status.cancel_button.isVisible()}"
        )
    )
    open_and_wait(qtbot, window, big)
    assert any(s.startswith("Reading files|") and s.endswith("|True") for s in shown)
    assert any("/ 20" in s for s in shown)  # files done / total
    assert not window.status.load_status.isVisible()
    assert window.list_panel.model.rowCount() == 20 * len(ARTICLES_MANY)


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


def test_read_and_star_are_saved_after_a_pause(qtbot, make_window, news_folder):
    from reader.storage.state import UserState

    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.select_row(1)
    article_id = window.current_index().data(Roles.ID)
    with qtbot.waitSignal(window.session.save_timer.timeout, timeout=5000):
        window.session.toggle_star()
    assert UserState(news_folder.resolve()).is_starred(article_id)


def test_hovering_an_entity_shows_its_type(qtbot, make_window, monkeypatch):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    from reader.model import Article, Span

    window = make_window()
    view = window.reading.view
    body = "التقى بوتين مع رئيسي في موسكو"
    view.show_article(Article(id="x", title="عنوان", body=body, entities=(Span(6, 11, "PERS"),)))
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    cursor = view.document().find("بوتين")
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 2, QTextCursor.MoveMode.MoveAnchor)
    point = QPointF(view.cursorRect(cursor).center())
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        QPointF(view.viewport().mapToGlobal(point.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), move)
    assert any(text.startswith("Person: بوتين") for text in shown)


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


def test_no_cache_reads_every_file_again(qtbot, make_window, news_folder):
    # a first window fills the disk cache; `--no-cache` (use_cache=False) must not answer from it
    cached = make_window()
    open_and_wait(qtbot, cached, news_folder)
    cached.close()
    again = make_window()
    open_and_wait(qtbot, again, news_folder)
    assert again.library is not None and again.library.stats["cached_files"] > 0
    again.close()
    fresh = make_window(use_cache=False)
    open_and_wait(qtbot, fresh, news_folder)
    assert fresh.library is not None
    assert fresh.library.stats["cached_files"] == 0
    assert fresh.library.stats["parsed_files"] == again.library.stats["cached_files"]
    assert fresh.list_panel.model.rowCount() == again.list_panel.model.rowCount()


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        (SortKey.NEWEST, "إيران وروسيا توقعان اتفاقية"),
        (SortKey.OLDEST, "ارتفاع صادرات تونس من التمور"),
    ],
)
def test_a_loaded_folder_is_searched_on_the_loading_thread_not_the_gui_thread(
    qtbot, make_window, news_folder, monkeypatch, *, sort, first
):
    # at 100,000 articles that search is 15 ms of the turn that shows the folder
    gui = threading.current_thread()
    on_gui: list[tuple] = []
    search = Index.search

    def recorded(index, *args, **kwargs):
        if threading.current_thread() is gui:
            on_gui.append(args)
        return search(index, *args, **kwargs)

    monkeypatch.setattr(Index, "search", recorded)
    window = make_window(entities=True)
    window.results.set_sort(sort)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_folder(news_folder)
    assert on_gui == []  # the list, facets and timeline came from the search done ahead
    assert (
        window.list_panel.model.rowCount() == 6 and "6 articles" in window.list_panel.header.text()
    )
    assert listed_titles(window)[0] == first
    with qtbot.waitSignal(window.loader.idle, timeout=30_000):
        pass  # entities: the new library is searched ahead too
    assert on_gui == []
    assert facet_counts(window.sidebar.tag_facet)["غزة"] == 2
    window.results.set_query("غزة")  # the user's own searches run here, as always
    assert len(on_gui) == 1 and window.list_panel.model.rowCount() == 2
