"""Issue 18 through the real widgets: starred and unread views, own tags by keyboard (kept across
a rename on disk), a note that survives a window that never closed and finds its article, a saved
search whose count grows with a live folder, a rare entity found through the facet filter box
typed without hamza; the new Qt models pass qtmodeltester."""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_tagging import tag_inline
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QListView
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, type_text, write_folder

from reader.index import FacetValue
from reader.storage.casefile import case_bytes
from reader.storage.state import UserState
from reader.ui.filters.case_panel import KEY_ROLE, CaseViewsModel
from reader.ui.filters.show_all import FacetTableModel
from reader.ui.list.article_model import Roles

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def trec(path: Path, docno: str, title: str, body: str, date: str = "2024-03-01") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"<DOC>\n<DOCNO>{docno}</DOCNO>\n<SRC>live</SRC>\n<TITLE>{title}</TITLE>\n"
        f"<TIME>{date}</TIME>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def live_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "live"
    trec(folder / "a.txt", "a", "خبر عن غزة", "نص الخبر الأول عن غزة والحرب")
    trec(folder / "b.txt", "b", "خبر عن إيران", "نص الخبر الثاني عن إيران", "2024-03-02")
    trec(folder / "sub" / "c.txt", "c", "خبر عن موسكو", "نص الخبر الثالث عن موسكو", "2024-03-03")
    return folder


def open_live(qtbot, make_window, folder: Path, **kwargs):
    window = make_window(**kwargs)
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(lambda: not window.session.live.busy, timeout=5000)
    return window


def listed(window) -> list[str]:
    model = window.list_panel.model
    return [model.index(r).data(Roles.ID) for r in range(model.rowCount())]


def click_row(qtbot, view: QListView, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def case_row(window, key: str) -> QModelIndex:
    model = window.sidebar.case_panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r).data(KEY_ROLE) == key)
    return model.index(row)


def facet_row(panel, value: str) -> QModelIndex:
    model = panel.model()
    row = next(r for r in range(model.rowCount()) if model.row_entry(r)[0] == value)
    return model.index(row)


def test_star_three_articles_and_list_them(qtbot, make_window, news_folder):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    starred = []
    for row in (0, 2, 4):
        window.select_row(row)
        qtbot.keyClick(window.list_panel.view, Qt.Key.Key_S)
        starred.append(window.current_index().data(Roles.ID))
    qtbot.waitUntil(lambda: "(3)" in case_row(window, "starred").data(), timeout=3000)
    click_row(qtbot, window.sidebar.case_panel.view, case_row(window, "starred"))
    qtbot.waitUntil(lambda: sorted(listed(window)) == sorted(starred), timeout=3000)
    assert all(window.list_panel.model.index(r).data(Roles.STARRED) for r in range(3))
    assert window.results.state.view == "starred"
    # the unread view: every article not opened yet (the starred ones were)
    everything = set(window.library.articles)
    unread = everything - window.user_state.read_ids
    assert len(unread) >= 1 and not unread & set(starred)
    assert f"({len(unread)})" in case_row(window, "unread").data()
    click_row(qtbot, window.sidebar.case_panel.view, case_row(window, "unread"))
    qtbot.waitUntil(lambda: set(listed(window)) == unread, timeout=3000)
    assert window.results.state.view == "unread"
    # "All articles" clears the view
    click_row(qtbot, window.sidebar.case_panel.view, case_row(window, "all"))
    qtbot.waitUntil(lambda: set(listed(window)) == everything, timeout=3000)
    # the list sorted with the starred first
    window.list_panel.sort_box.setCurrentIndex(window.list_panel.sort_box.findData("starred"))
    qtbot.waitUntil(lambda: set(listed(window)[:3]) == set(starred), timeout=3000)
    assert window.list_panel.sort_box.currentText() == "Starred first"


def test_own_tag_by_keyboard_filtered_and_kept_across_a_rename(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    window.select_row(window.list_panel.model.row_of("a.txt"))
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_T)
    box = window.reading.case_box
    qtbot.waitUntil(box.tag_input.hasFocus, timeout=3000)
    type_text(box.tag_input, "ملف غزة")
    qtbot.keyClick(box.tag_input, Qt.Key.Key_Return)
    assert box.tag_texts() == ["ملف غزة"]
    facet = window.sidebar.my_tag_facet
    qtbot.waitUntil(lambda: facet.model().rowCount() == 1, timeout=3000)
    assert facet.model().row_entry(0)[:2] == ("ملف غزة", 1)
    click_row(qtbot, facet.view(), facet_row(facet, "ملف غزة"))
    qtbot.waitUntil(lambda: listed(window) == ["a.txt"], timeout=3000)
    assert "✎" not in (window.list_panel.model.index(0).data(Roles.MARKS) or "")
    assert "ملف غزة" in window.list_panel.model.index(0).data(Roles.MARKS)
    # the file is renamed on disk: the tag follows it, the filter still finds it
    (live_folder / "moved").mkdir()
    (live_folder / "a.txt").rename(live_folder / "moved" / "a2.txt")
    qtbot.waitUntil(lambda: listed(window) == ["moved/a2.txt"], timeout=5000)
    assert window.user_state.my_tags("moved/a2.txt") == ("ملف غزة",)
    assert UserState(live_folder).my_tags("moved/a2.txt") == ("ملف غزة",)  # saved


def test_a_note_survives_a_window_never_closed_and_finds_its_article(
    qtbot, make_window, news_folder
):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.select_row(2)
    article_id = window.current_index().data(Roles.ID)
    title = window.current_article().title
    note = window.reading.case_box.note_edit
    type_text(note, "اتصل بالمراسل في صفاقس")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    type_text(note, "ask about dates")
    # written to disk while the window is still open: no close event is needed
    qtbot.waitUntil(
        lambda: "صفاقس" in UserState(news_folder).article_note(article_id), timeout=3000
    )
    assert window.isVisible()
    # a second window reads what the first (never closed) left on disk
    again = make_window()
    open_and_wait(qtbot, again, news_folder)
    again.select_row(again.list_panel.model.row_of(article_id))
    assert (
        again.reading.case_box.note_edit.toPlainText() == "اتصل بالمراسل في صفاقس\nask about dates"
    )
    assert "✎" in again.current_index().data(Roles.MARKS)
    # a word of the note finds the article, though its text does not hold it
    type_text(again.search_bar.box, "صفاقس")
    qtbot.waitUntil(lambda: listed(again) == [article_id], timeout=3000)
    assert again.results.result.note_ids == {article_id}
    assert again.current_article().title == title
    again.search_bar.box.clear()
    type_text(again.search_bar.box, "ملاحظة:المراسل")
    qtbot.waitUntil(lambda: listed(again) == [article_id], timeout=3000)


def test_saved_search_count_grows_with_the_folder(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    type_text(window.search_bar.box, "غزة")
    qtbot.waitUntil(lambda: listed(window) == ["a.txt"], timeout=3000)
    window.case.save_current_search("غزة هذا الأسبوع")
    qtbot.waitUntil(lambda: "(1)" in case_row(window, "غزة هذا الأسبوع").data(), timeout=3000)
    # another search meanwhile; then the folder grows with two matching files
    window.search_bar.box.clear()
    window.results.set_query("")
    trec(live_folder / "d.txt", "d", "غزة من جديد", "قصف على غزة", "2024-03-04")
    trec(live_folder / "e.txt", "e", "عاجل", "أخبار غزة اليوم", "2024-03-05")
    qtbot.waitUntil(lambda: "(3)" in case_row(window, "غزة هذا الأسبوع").data(), timeout=5000)
    assert "2 new" in case_row(window, "غزة هذا الأسبوع").data()
    # one click restores it; its matches are then seen
    click_row(qtbot, window.sidebar.case_panel.view, case_row(window, "غزة هذا الأسبوع"))
    qtbot.waitUntil(lambda: sorted(listed(window)) == ["a.txt", "d.txt", "e.txt"], timeout=3000)
    assert window.search_bar.box.text() == "غزة"
    qtbot.waitUntil(lambda: "new" not in case_row(window, "غزة هذا الأسبوع").data(), timeout=3000)
    assert UserState(live_folder).saved_search("غزة هذا الأسبوع").query == "غزة"
    # rename and delete, as the row's context menu asks
    panel = window.sidebar.case_panel
    assert panel.menu_for(case_row(window, "غزة هذا الأسبوع")) is not None
    assert panel.menu_for(case_row(window, "starred")) is None
    panel.rename_requested.emit("غزة هذا الأسبوع", "Gaza")
    assert window.sidebar.case_panel.model.search_names() == ["Gaza"]
    panel.delete_requested.emit("Gaza")
    assert window.sidebar.case_panel.model.search_names() == []
    assert UserState(live_folder).searches == ()


RARE = "أحمد المؤمن"


def _names(text: str) -> list:
    """The body "قال NAME اليوم." names a person (the tagger the workers stand in for)."""
    from reader.model import Span

    if not text.startswith("قال ") or " اليوم" not in text:
        return []
    return [Span(4, text.index(" اليوم"), "PERS")]


def test_a_rare_entity_is_found_through_the_facet_filter_typed_without_hamza(
    qtbot, make_window, tmp_path, monkeypatch
):
    tag_inline(monkeypatch, _names)
    common = [f"شخص {chr(0x0628 + i // 20)}{chr(0x0628 + i % 20)}" for i in range(210)]
    articles = [
        {"title": f"خبر {i}", "body": [f"قال {name} اليوم."], "date": "2024-01-01"}
        for i, name in enumerate(common * 2)
    ]
    articles.append({"title": "خبر نادر", "body": [f"قال {RARE} اليوم."], "date": "2024-01-02"})
    folder = write_folder(tmp_path / "people", articles)
    window = make_window(entities=True)
    open_and_wait(qtbot, window, folder, timeout=60_000)
    panel = window.sidebar.entity_facet.panel("PERS")
    qtbot.waitUntil(lambda: panel.model().total_values() == 211, timeout=10_000)
    assert panel._size_label.text() == "200 of 211"
    assert RARE not in [panel.model().row_entry(r)[0] for r in range(panel.model().rowCount())]
    type_text(panel.filter_box(), "احمد المومن")
    qtbot.waitUntil(lambda: panel.model().rowCount() == 1, timeout=3000)
    assert panel.model().row_entry(0)[:2] == (RARE, 1)
    click_row(qtbot, panel.view(), panel.model().index(0))
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=3000)
    assert window.current_article().title == "خبر نادر"
    # Show all lists every value, sortable by name
    dialog = window.case.show_all("PERS", panel, "People")
    assert dialog.model.rowCount() == 1  # over the current result
    window.search_bar.chips.clear_requested.emit()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 421, timeout=3000)
    dialog = window.case.show_all("PERS", panel, "People")
    assert dialog.model.rowCount() == 211
    dialog.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert dialog.model.value_at(0) == RARE  # ا sorts before ش, with the hamza folded
    type_text(dialog.filter_box, "مومن")
    assert dialog.model.rowCount() == 1
    dialog.close()


def test_section_facet_none_value_and_meta_line(qtbot, make_window, tmp_path):
    folder = tmp_path / "sections"
    trec(folder / "a.txt", "a", "خبر رياضي", "مباراة")
    (folder / "a.txt").write_text(
        "<DOC>\n<DOCNO>a</DOCNO>\n<CAT>sport</CAT>\n<TITLE>خبر رياضي</TITLE>\n"
        "<TIME>2024-03-01</TIME>\n<TEXT>\nمباراة\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    trec(folder / "b.txt", "b", "خبر بلا قسم", "نص")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    facet = window.sidebar.category_facet
    values = [facet.model().row_entry(r)[:2] for r in range(facet.model().rowCount())]
    assert values == [("sport", 1), ("(none)", 1)]
    click_row(qtbot, facet.view(), facet_row(facet, "(none)"))
    qtbot.waitUntil(lambda: listed(window) == ["b.txt"], timeout=3000)
    window.search_bar.chips.clear_requested.emit()
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=3000)
    window.select_row(window.list_panel.model.row_of("a.txt"))
    assert "sport" in window.reading.view.toPlainText()
    type_text(window.search_bar.box, "قسم:sport")
    qtbot.waitUntil(lambda: listed(window) == ["a.txt"], timeout=3000)


def test_case_file_from_the_window_round_trips(qtbot, make_window, news_folder, tmp_path):
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    window.select_row(1)
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_S)
    window.reading.case_box.add_tags("مهم، للمتابعة")
    out = tmp_path / "case.json"
    window.case.export_case_to(out)
    data = out.read_bytes()
    assert data == case_bytes(window.user_state)
    state = window.user_state
    article_id = window.current_index().data(Roles.ID)
    state.set_my_tags(article_id, [])
    assert window.case.import_case_from(out)
    assert state.my_tags(article_id) == ("مهم", "للمتابعة")
    again = tmp_path / "again.json"
    window.case.export_case_to(again)
    assert again.read_bytes() == data


def test_new_models_pass_the_model_tester(qtmodeltester):
    views = CaseViewsModel()
    views.set_counts({"all": 10, "starred": 2, "unread": 5}, "starred")
    views.set_searches([("a", "غزة"), ("b", "is:starred")])
    views.set_search_count("a", 4, 1)
    qtmodeltester.check(views)
    table = FacetTableModel()
    table.set_values([FacetValue("أحمد", 3), FacetValue("زيد", 1), FacetValue("(none)", 2)])
    table.sort(0, Qt.SortOrder.AscendingOrder)
    table.set_filter_text("احمد")
    qtmodeltester.check(table)
