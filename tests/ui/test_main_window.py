"""The window driven like a user would (issue 5 acceptance 3): opening folders, loading, reading,
exporting; finding articles is test_find_in_window.py, read and star marks test_read_and_star.py."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from ui_fixtures import (
    ARTICLES_MANY,
    QT_OFFSCREEN_NOISE,
    open_and_wait,
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


@pytest.mark.parametrize("key", [Qt.Key.Key_F1, "?"])
def test_f1_or_question_mark_shows_the_shortcuts(qtbot, make_window, news_folder, key):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    qtbot.keyClick(window.list_panel.view, key)
    assert window.shortcuts_dialog is not None and window.shortcuts_dialog.isVisible()
    assert window.shortcuts_dialog.table.rowCount() >= 8


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
