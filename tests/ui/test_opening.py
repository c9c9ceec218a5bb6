"""Opening and reopening a folder (issue 19): where the window starts, what it clears, what it
says while entities are found, Space through articles, the export dialog, a missing folder."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, write_folder

from reader.ui.common.settings import Settings
from reader.ui.list.article_model import Roles
from reader.ui.window.app import start_window
from reader.ui.window.export_dialog import chosen_file, suggested_path

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)

# long articles (the pane scrolls) on distinct days (the order is known)
LONG = [
    {
        "title": f"مقال طويل رقم {i}",
        "body": [f"الفقرة {p} من المقال {i} عن الاقتصاد والسياسة في المنطقة." for p in range(60)],
        "date": f"2020-01-{i + 1:02d}",
        "source": "الجزيرة",
    }
    for i in range(28)
]


def titles(window) -> list[str]:
    return [
        window.list_panel.model.index(r).data(Roles.TITLE)
        for r in range(window.list_panel.model.rowCount())
    ]


def press_space(widget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
        )


def test_a_folder_opens_on_the_first_row_of_the_order(qtbot, make_window, tmp_path):
    # many files: the list fills in arrival order while loading, then shows newest first
    folder = tmp_path / "many"
    for i, article in enumerate(LONG):
        write_folder(folder / f"f{i:02d}", [article])
    window = make_window()
    open_and_wait(qtbot, window, folder)
    assert window.current_index().row() == 0
    assert window.current_article().title == "مقال طويل رقم 27"  # 2020-01-28, the newest
    assert window.list_panel.view.verticalScrollBar().value() == 0


def test_reopen_restores_the_article_and_both_scroll_positions(qtbot, make_window, tmp_path):
    folder = write_folder(tmp_path / "long", LONG)
    window = make_window()
    open_and_wait(qtbot, window, folder)
    window.select_row(20)
    chosen = window.current_article().id
    pane = window.reading.view.verticalScrollBar()
    qtbot.waitUntil(lambda: pane.maximum() > 300)
    pane.setValue(300)
    listed = window.list_panel.view.verticalScrollBar()
    listed.setValue(listed.maximum() // 2)
    list_pos = listed.value()
    assert list_pos > 0
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, folder)
    assert again.current_article().id == chosen
    assert again.current_index().row() == 20
    qtbot.waitUntil(lambda: again.reading.view.verticalScrollBar().value() == 300)
    qtbot.waitUntil(lambda: again.list_panel.view.verticalScrollBar().value() == list_pos)


def test_the_old_folders_facets_and_pane_are_cleared_when_a_new_one_starts(
    qtbot, make_window, news_folder, tmp_path
):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    assert window.sidebar.tag_facet.model().rowCount() > 0 and window.sidebar.timeline.bins()
    seen: dict[str, object] = {}

    def at_start(_folder: str) -> None:  # connected after the window's own reaction
        seen["tags"] = window.sidebar.tag_facet.model().rowCount()
        seen["sources"] = window.sidebar.source_facet.model().rowCount()
        seen["timeline"] = len(window.sidebar.timeline.bins())
        seen["pane"] = window.reading.view.toPlainText()

    window.loader.started.connect(at_start)
    other = write_folder(tmp_path / "other", LONG[:2])
    open_and_wait(qtbot, window, other)
    assert seen["tags"] == 0 and seen["sources"] == 0 and seen["timeline"] == 0
    assert "غزة" not in seen["pane"] and "Loading…" in seen["pane"]


def test_entity_surfaces_say_finding_entities_until_the_stage_ran(qtbot, make_window, news_folder):
    window = make_window(entities=True, use_cache=False)
    seen: dict[str, str] = {}

    def at_loaded(_library) -> None:  # stage 1 done, entities not found yet
        seen["extras"] = window.reading.view.extras.toPlainText()
        seen["facet"] = window.sidebar.entity_facet.panel("PERS")._empty.text()

    window.loader.loaded.connect(at_loaded)
    open_and_wait(qtbot, window, news_folder, timeout=120_000)
    assert "Finding entities…" in seen["extras"]
    assert "No entities found" not in seen["extras"]
    assert seen["facet"] == "Finding entities…"
    assert "Finding entities…" not in window.reading.view.extras.toPlainText()


def test_space_reads_on_and_goes_to_the_next_article_at_the_end(qtbot, make_window, tmp_path):
    folder = write_folder(tmp_path / "long", LONG[:3])
    window = make_window()
    open_and_wait(qtbot, window, folder)
    first = window.current_article().title
    pane = window.reading.view
    pane.setFocus()
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    press_space(pane)
    assert bar.value() > 0 and window.current_article().title == first  # a page on, same article
    for _ in range(200):
        if window.current_article().title != first:
            break
        press_space(pane)
    assert window.current_article().title == titles(window)[1]
    assert window.current_index().row() == 1
    assert bar.value() == 0  # the next article starts at its top


def test_export_dialog_suggests_a_named_file_and_adds_the_extension(
    qtbot, make_window, news_folder, tmp_path, monkeypatch
):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    asked: dict[str, str] = {}
    target = tmp_path / "exports"
    target.mkdir()

    def fake_dialog(_parent, _caption, directory, filters, *args):
        asked["directory"], asked["filters"] = directory, filters
        return str(target / "result"), "JSON Lines (*.jsonl)"  # typed without an extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    window.exporter.choose()
    suggested = Path(asked["directory"])
    assert suggested.name == f"news-{dt.date.today().isoformat()}.jsonl"
    assert suggested.parent != Path(__file__).resolve().parents[2] / "seeds"
    assert suggested.parent.is_dir()
    qtbot.waitUntil(lambda: "Exported 6 articles" in window.status.note.text(), timeout=10_000)
    assert (target / "result.jsonl").is_file() and not (target / "result").exists()
    # the next export opens where this one went
    window.exporter.choose()
    assert Path(asked["directory"]).parent == target
    window.exporter.task.wait(5000)


def test_export_file_names() -> None:
    day = dt.date(2017, 3, 27)
    assert suggested_path(Path("/x/jawhara"), "", "csv", day).name == "jawhara-2017-03-27.csv"
    assert chosen_file("/t/a", "CSV (*.csv)") == (Path("/t/a.csv"), "csv")
    assert chosen_file("/t/a.CSV", "JSON Lines (*.jsonl)") == (Path("/t/a.CSV"), "csv")
    assert chosen_file("/t/a.v2", "JSON Lines (*.jsonl)") == (Path("/t/a.v2.jsonl"), "jsonl")


def test_a_missing_folder_argument_opens_the_window_and_says_so(qtbot, tmp_path, settings_file):
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.language = "en"
    missing = tmp_path / "no such folder"
    args = argparse.Namespace(folder=str(missing), screenshot=None, size=(900, 600))
    window = start_window(settings, missing, args)
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert window.list_panel.stack.currentWidget() is window.list_panel.empty_state
        message = window.list_panel.empty_state.label.text()
        assert "There is no folder" in message and "no such folder" in message
        assert window.list_panel.empty_state.button.isVisible()  # "Open Folder…" is offered
        assert "Could not open the folder" in window.reading.view.toPlainText()
        assert not window.loader.busy and window.library is None
    finally:
        window.close()
