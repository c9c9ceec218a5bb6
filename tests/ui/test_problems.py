"""Problems panel: the skipped files, sortable, filterable, copyable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from reader.model import LoadProblem
from reader.ui.status.problems import ProblemsModel, ProblemsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PROBLEMS = [
    LoadProblem("b/doc-2.xml", "not a TREC file: no <DOC> element"),
    LoadProblem("a/مقال.json", "invalid JSON at line 3, column 14"),
    LoadProblem("c/empty.txt", "empty file"),
]


@pytest.fixture
def panel(qtbot) -> ProblemsPanel:
    widget = ProblemsPanel()
    qtbot.addWidget(widget)
    widget.set_problems(PROBLEMS)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(panel: ProblemsPanel, col: int) -> list[str]:
    model = panel.table().model()
    return [model.index(r, col).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = ProblemsModel()
    model.set_problems(PROBLEMS)
    qtmodeltester.check(model)


def test_lists_every_problem_sorted_by_path_with_a_count(panel) -> None:
    assert column(panel, 0) == ["a/مقال.json", "b/doc-2.xml", "c/empty.txt"]
    assert panel._summary.text() == "3 files could not be read."


def test_header_click_sorts_by_reason(qtbot, panel) -> None:
    header = panel.table().horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert column(panel, 1) == sorted(p.reason for p in PROBLEMS)


def test_filter_box_narrows_rows(qtbot, panel) -> None:
    qtbot.keyClicks(panel.filter_box(), "json")
    assert column(panel, 0) == ["a/مقال.json"]


def test_copy_puts_path_reason_lines_on_the_clipboard(qtbot, panel) -> None:
    panel.copy_to_clipboard()
    assert QGuiApplication.clipboard().text().splitlines() == sorted(str(p) for p in PROBLEMS)
    selection = panel.table().selectionModel()
    selection.select(
        panel.table().model().index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(panel._copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "c/empty.txt: empty file"


@pytest.mark.parametrize(
    ("problems", "summary"),
    [([], "Every file was read."), (PROBLEMS[:1], "1 file could not be read.")],
)
def test_summary_sentence(panel, problems, summary) -> None:
    panel.set_problems(problems)
    assert panel._summary.text() == summary


def test_summary_counts_files_not_rows_and_the_files_read_in_part_apart(panel) -> None:
    bad_lines = [
        LoadProblem("feed.jsonl", "line 4: invalid JSON"),
        LoadProblem("feed.jsonl", "line 9: invalid JSON"),
    ]
    panel.set_problems(bad_lines, skipped=set())
    assert panel._summary.text() == "1 file was read in part."
    panel.set_problems([*bad_lines, *PROBLEMS], skipped={p.path for p in PROBLEMS})
    assert panel._summary.text() == "3 files could not be read. 1 file was read in part."
    # without a word on which files gave articles, every file is one that could not be read
    panel.set_problems(bad_lines)
    assert panel._summary.text() == "1 file could not be read."


def test_the_summary_in_arabic(panel) -> None:
    from reader.ui.common.i18n import set_language

    set_language("ar")
    try:
        panel.set_problems([*PROBLEMS, LoadProblem("feed.jsonl", "line 4")], {"c/empty.txt"})
        assert panel._summary.text() == "تعذّرت قراءة ملف واحد. قُرئت 3 ملفات جزئيًّا."
    finally:
        set_language("en")


def test_paths_display_left_to_right_and_copy_plain(panel) -> None:
    index = panel.table().model().index(0, 0)
    shown = index.data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("\u202a") and shown.endswith("\u202c")
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "a/مقال.json"


def test_retranslate_renames_the_columns(panel) -> None:
    from reader.ui.common.i18n import set_language

    set_language("ar")
    try:
        panel.retranslate()
        model = panel.table().model()
        assert model.headerData(0, Qt.Orientation.Horizontal) == "الملف"
        assert panel.windowTitle() == "ملفات متجاوزة"
    finally:
        set_language("en")


def test_ctrl_c_in_the_table_copies(qtbot, panel) -> None:
    QGuiApplication.clipboard().clear()
    panel.activateWindow()
    panel.table().setFocus()
    qtbot.keyClick(panel.table(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines() == sorted(str(p) for p in PROBLEMS)


@pytest.mark.parametrize("shown_before", [False, True])
def test_path_column_fits_the_longest_path_once_shown(qtbot, shown_before: bool) -> None:
    widget = ProblemsPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    if shown_before:
        widget.show()
        qtbot.waitExposed(widget)
    start = widget.table().columnWidth(0)
    long_path = "reports/2024/" + "x" * 60 + ".txt"
    widget.set_problems([*PROBLEMS, LoadProblem(long_path, "empty file")])
    if not shown_before:
        widget.show()
        qtbot.waitExposed(widget)
    width = widget.table().columnWidth(0)
    assert width > start
    assert width <= widget.width() // 2


def test_long_names_and_reasons_wrap_instead_of_being_cut(qtbot) -> None:
    widget = ProblemsPanel()
    qtbot.addWidget(widget)
    long_path = "/".join(["أرشيف الأخبار", "2017", "مارس", "قسم الاقتصاد والأعمال"]) + "/مقال.json"
    reason = "invalid JSON at line 3, column 14: expecting ',' delimiter " * 3
    widget.set_problems([LoadProblem(long_path, reason.strip())])
    widget.resize(600, 300)
    widget.show()
    qtbot.waitExposed(widget)
    table = widget.table()
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and table.wordWrap()
    line = table.fontMetrics().height()
    qtbot.waitUntil(lambda: table.rowHeight(0) >= 2 * line)  # the reason takes several lines
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == header.ResizeMode.Interactive  # the user can widen it
    tip = table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == long_path
