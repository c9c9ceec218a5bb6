"""The user's marks on articles, driven as a user sets them: the article shown is read (and no
other), keys star and mark, and both are saved after a pause and survive a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_main_window import listed_titles
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

from reader.ui.list.article_model import Roles

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


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


def test_read_and_star_are_saved_after_a_pause(qtbot, make_window, news_folder):
    from reader.storage.state import UserState

    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.select_row(1)
    article_id = window.current_index().data(Roles.ID)
    with qtbot.waitSignal(window.session.save_timer.timeout, timeout=5000):
        window.session.toggle_star()
    assert UserState(news_folder.resolve()).is_starred(article_id)
