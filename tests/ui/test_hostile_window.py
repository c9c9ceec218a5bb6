"""The window meets hostile input (issue 17): a damaged state file, a folder path that is not
UTF-8, file names that hide a newline or a bidi override."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, write_folder

from reader.model import LoadProblem
from reader.storage.state import UserState, state_path
from reader.ui.list.article_model import Roles
from reader.ui.status.problems import ProblemsModel

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def _star_current_and_wait(qtbot, window) -> str:
    article_id = window.current_index().data(Roles.ID)
    with qtbot.waitSignal(window.session.save_timer.timeout, timeout=5000):
        window.session.toggle_star()
    return article_id


def _saved(folder: Path) -> dict:
    return json.loads(state_path(folder).read_text("utf-8"))


def test_marks_stay_in_their_own_folders_file_when_one_state_file_is_damaged(
    qtbot, make_window, tmp_path: Path
) -> None:
    a = write_folder(tmp_path / "a")
    b = tmp_path / "b"
    b.mkdir()
    (b / "b1.txt").write_text("خبر المجلد الثاني\nنص الخبر\n", encoding="utf-8")
    (b / "b2.txt").write_text("خبر آخر\nنص آخر\n", encoding="utf-8")
    damaged = state_path(b.resolve())
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"[" * 100_000)

    window = make_window()
    open_and_wait(qtbot, window, a)
    window.select_row(0)
    a_id = _star_current_and_wait(qtbot, window)
    assert _saved(a.resolve())["starred"] == [a_id]

    open_and_wait(qtbot, window, b)
    note = window.status.note.text()
    assert "saved state is damaged (JSON nested too deeply)" in note, note
    assert window.user_state is not None and window.user_state.path == damaged
    window.select_row(0)
    b_id = _star_current_and_wait(qtbot, window)
    assert b_id.startswith("b")

    open_and_wait(qtbot, window, a)
    assert _saved(a.resolve())["starred"] == [a_id]  # nothing of b in a's file
    assert b_id not in _saved(a.resolve())["read"]
    assert _saved(b.resolve())["starred"] == [b_id]
    assert damaged.with_name(damaged.name + ".damaged").read_bytes() == b"[" * 100_000
    assert UserState(a.resolve()).is_starred(a_id)


def test_a_folder_under_a_path_that_is_not_utf8_opens(qtbot, make_window, tmp_path: Path) -> None:
    parent = os.fsencode(tmp_path) + b"/\xff\xfe"
    os.mkdir(parent)  # noqa: PTH102 (bytes: the name on disk is exactly these bytes)
    folder = write_folder(Path(os.fsdecode(parent)) / "news")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    assert window.list_panel.model.rowCount() == 6
    assert "Could not open the folder" not in window.status.note.text()
    window.select_row(0)
    article_id = _star_current_and_wait(qtbot, window)
    assert UserState(folder.resolve()).is_starred(article_id)


def test_problems_panel_shows_hidden_characters_of_names_escaped(qtmodeltester) -> None:
    model = ProblemsModel()
    model.set_problems(
        [LoadProblem("two\nlines.txt", "empty file"), LoadProblem("a\u202etxt.json", "x")]
    )
    qtmodeltester.check(model)
    shown = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert shown == ["two\\nlines.txt", "a\\u202etxt.json"]
    display = model.index(1, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "\\u202e" in display and "\u202e" not in display


def test_window_export_writes_a_cut_emoji_as_fffd_and_every_article_after_it(
    tmp_path: Path,
) -> None:
    from reader.model import Article
    from reader.ui.window.export_result import export_articles

    articles = [
        Article("a.json#1", "عنوان \ud83d مقطوع", "نص \ud83d", source="الجزيرة"),
        Article("a.json#2", "الخبر الثاني", "نص الخبر الثاني"),
    ]
    target = tmp_path / "out.jsonl"
    assert export_articles(target, "jsonl", articles, with_entities=False) == 2
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert [(r["id"], r["title"], r["body"]) for r in records] == [
        ("a.json#1", "عنوان \ufffd مقطوع", "نص \ufffd"),
        ("a.json#2", "الخبر الثاني", "نص الخبر الثاني"),
    ]
