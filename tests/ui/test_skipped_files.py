"""Nothing skipped in silence, the window's part (issue 16): a folder that gave no article says
which files it held and why none could be read; the status bar groups the skipped files by
extension."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

from reader.model import LoadProblem
from reader.ui.common.i18n import set_language
from reader.ui.list.empty_state import LISTED_PROBLEMS, EmptyState, problem_lines
from reader.ui.status.problems import by_extension, extension_summary

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)

# what the core's scan says of files it does not read (and of an empty one)
UNREADABLE = [
    LoadProblem("a.pdf", "not an article format (.pdf)"),
    LoadProblem("b.docx", "not an article format (.docx)"),
    LoadProblem("c.png", "not an article format (.png)"),
    LoadProblem("d.txt", "empty file"),
]


def test_by_extension_counts_files_most_first() -> None:
    problems = [
        LoadProblem("x/a.pdf", "not an article format (.pdf)"),
        LoadProblem("b.docx", "not an article format (.docx)"),
        LoadProblem("c.PDF", "not an article format (.pdf)"),
        LoadProblem("d.jsonl", "line 3: invalid JSON at column 2: Expecting value"),
        LoadProblem("d.jsonl", "line 9: invalid JSON at column 1: Expecting value"),
        LoadProblem("README", "empty file"),
    ]
    assert by_extension(problems) == [(".pdf", 2), ("", 1), (".docx", 1), (".jsonl", 1)]
    assert extension_summary(problems) == ".pdf ×2, no extension ×1, .docx ×1, .jsonl ×1"


def test_empty_state_names_every_file_with_its_reason(qtbot) -> None:
    widget = EmptyState()
    qtbot.addWidget(widget)
    widget.set_message("This folder holds no article that could be read.", "open")
    widget.set_problems(UNREADABLE)
    widget.show()
    text = widget.details.text()
    assert widget.details.isVisible()
    assert text.splitlines()[0] == "4 files could not be read: .docx ×1, .pdf ×1, .png ×1, .txt ×1"
    for problem in UNREADABLE:
        assert f"{problem.path}: {problem.reason}" in text
    assert widget.problems_button.isVisible()
    with qtbot.waitSignal(widget.action_requested) as asked:
        qtbot.mouseClick(widget.problems_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["problems"]
    # another message (a search that found nothing) does not keep the list
    widget.set_message("No article matches the current filters. Remove a filter.", "clear")
    assert not widget.details.isVisible() and not widget.problems_button.isVisible()


def test_empty_state_lists_the_first_files_and_counts_the_rest(qtbot) -> None:
    problems = [LoadProblem(f"f{i:02}.pdf", "not an article format (.pdf)") for i in range(13)]
    lines = problem_lines(problems)
    assert len(lines) == LISTED_PROBLEMS + 1
    assert "f09.pdf: not an article format (.pdf)" in lines[-2]
    assert lines[-1] == "… and 3 more"


def test_empty_state_shows_names_with_invisible_characters_made_visible() -> None:
    lines = problem_lines([LoadProblem("a\nb\u202etxt.pdf", "not an article format (.pdf)")])
    assert "a\\nb\\u202etxt.pdf: not an article format (.pdf)" in lines[0]
    assert "\n" not in lines[0] and "\u202e" not in lines[0]


def test_empty_state_in_arabic(qtbot) -> None:
    widget = EmptyState()
    qtbot.addWidget(widget)
    set_language("ar")
    try:
        widget.set_message("This folder holds no article that could be read.", "open")
        widget.set_problems(UNREADABLE[:1])
        assert widget.details.text().splitlines()[0] == "تعذّرت قراءة ملف واحد: \u202a.pdf ×1\u202c"
        assert widget.problems_button.text() == "عرض الملفات المتجاوزة…"
    finally:
        set_language("en")


def test_status_bar_groups_the_skipped_files_by_extension(qtbot, make_window) -> None:
    window = make_window()
    window.status.set_problems(
        [
            LoadProblem("a.pdf", "not an article format (.pdf)"),
            LoadProblem("b.pdf", "not an article format (.pdf)"),
            LoadProblem("c.docx", "not an article format (.docx)"),
        ]
    )
    assert window.status.problems_button.text() == "3 files skipped"
    assert window.status.problems_button.toolTip().startswith("3 files skipped: .pdf ×2, .docx ×1.")
    window.status.set_problems([])
    assert (
        not window.status.problems_button.isVisible()
        and window.status.problems_button.toolTip() == ""
    )


def test_a_file_read_with_a_problem_is_not_counted_as_skipped(qtbot, make_window, tmp_path) -> None:
    """A table with one bad row gave its other articles: the status bar says the folder has a
    file with problems, not that a file was skipped (as the command line's summary does)."""
    folder = tmp_path / "news"
    folder.mkdir()
    table = "title,text\nالأول,نص الخبر الأول.\nبلا نص,\n"
    (folder / "export.csv").write_text(table, encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    assert window.list_panel.model.rowCount() == 1
    assert window.status.problems_button.text() == "1 file with problems"
    assert window.status.problems_panel._summary.text() == "1 file was read in part."
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    open_and_wait(qtbot, window, folder)
    assert window.status.problems_button.text() == "1 file skipped"
    summary = window.status.problems_panel._summary.text()
    assert summary == "1 file could not be read. 1 file was read in part."


def test_a_folder_that_gave_no_article_says_which_files_and_why(
    qtbot, make_window, tmp_path: Path
) -> None:
    folder = tmp_path / "unreadable"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "b.docx").write_bytes(b"PK\x03\x04" + bytes(26))
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (folder / "d.txt").write_bytes(b"")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    empty = window.list_panel.empty_state
    assert window.list_panel.stack.currentWidget() is empty
    assert empty.label.text() == "This folder holds no article that could be read."
    text = empty.details.text()
    assert "d.txt: empty file" in text
    # every file the core reports is named with its reason (the .pdf, .docx and .png too once
    # the scan reports files that are not articles)
    problems = window.library.problems
    assert problems
    for problem in problems[:LISTED_PROBLEMS]:
        assert f"{problem.path}: {problem.reason}" in text
    qtbot.mouseClick(empty.problems_button, Qt.MouseButton.LeftButton)
    assert window.status.problems_panel.isVisible()
    assert window.status.problems_panel.model().rowCount() == len(problems)


def test_extension_summary_keeps_its_order_in_an_arabic_sentence() -> None:
    set_language("ar")
    try:
        assert extension_summary(UNREADABLE[:2]) == "\u202a.docx ×1, .pdf ×1\u202c"
    finally:
        set_language("en")
