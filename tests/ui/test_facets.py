"""Facet panels driven like a user would: clicks, the context menu, keys, the filter box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reader.index import FacetValue
from reader.ui.filters.facet_list import COUNT_ROLE, STATE_ROLE, FacetListModel
from reader.ui.filters.facet_panel import FILTER_BOX_THRESHOLD, FacetPanel
from reader.ui.filters.facets import EntityFacet, TagFacet

# the offscreen platform cannot resize native windows and says so on every show(); harmless
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TAGS = [
    FacetValue("غزة", 412),
    FacetValue("إيران", 198),
    FacetValue("روسيا", 150),
    FacetValue("الحرب في غزة", 120),
    FacetValue("بوتين", 60),
    FacetValue("اقتصاد", 44),
    FacetValue("Ukraine", 30),
    FacetValue("سوريا", 12),
    FacetValue("لبنان", 7),
    FacetValue("مصر", 1),
]


@pytest.fixture
def panel(qtbot) -> FacetPanel:
    widget = FacetPanel("Tags")
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.set_values(TAGS, set(), set())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_text(widget, text: str) -> None:
    """Type like a keyboard does; QTest.keyClicks asserts on characters outside ASCII."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def rows(panel: FacetPanel) -> list[tuple[str, int, str]]:
    model = panel.model()
    return [model.row_entry(r) for r in range(model.rowCount())]


def row_point(panel: FacetPanel, value: str, where: str = "middle") -> QPoint:
    """A point inside the row of ``value``: its middle, or over the exclude button."""
    view = panel.view()
    row = [r[0] for r in rows(panel)].index(value)
    index = panel.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    if where == "button":
        return view.itemDelegate().exclude_button_rect(rect, view.layoutDirection()).center()
    return rect.center()


def test_models_pass_qtmodeltester(qtmodeltester) -> None:
    model = FacetListModel()
    model.set_values(TAGS, {"غزة"}, {"مجهول"})
    qtmodeltester.check(model)
    model.set_filter_text("ا")
    qtmodeltester.check(model)


def test_values_show_with_counts_and_selected_ones_pinned_first(panel) -> None:
    panel.set_values(TAGS, {"روسيا"}, {"لم يعد في النتيجة"})
    assert rows(panel)[:3] == [
        ("روسيا", 150, "+"),
        ("لم يعد في النتيجة", 0, "-"),  # kept so the exclusion can be undone here
        ("غزة", 412, ""),
    ]
    assert len(rows(panel)) == len(TAGS) + 1
    index = panel.model().index(0, 0)
    assert index.data(COUNT_ROLE) == 150
    assert index.data(STATE_ROLE) == "+"
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert panel.model().index(1, 0).data(Qt.ItemDataRole.FontRole).strikeOut()


@pytest.mark.parametrize(
    ("included", "excluded", "signal"),
    [
        (set(), set(), "include_requested"),
        ({"إيران"}, set(), "cleared"),
        (set(), {"إيران"}, "cleared"),
    ],
)
def test_click_includes_and_clicking_a_selected_value_clears_it(
    qtbot, panel, included, excluded, signal
) -> None:
    panel.set_values(TAGS, included, excluded)
    with qtbot.waitSignal(getattr(panel, signal)) as blocker:
        qtbot.mouseClick(
            panel.view().viewport(), Qt.MouseButton.LeftButton, pos=row_point(panel, "إيران")
        )
    assert blocker.args == ["إيران"]


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_row_button_excludes_on_the_trailing_side(qtbot, panel, direction) -> None:
    panel.setLayoutDirection(direction)
    point = row_point(panel, "روسيا", "button")
    width = panel.view().viewport().width()
    assert (point.x() > width / 2) == (direction == Qt.LayoutDirection.LeftToRight)
    with (
        qtbot.waitSignal(panel.exclude_requested) as blocker,
        qtbot.assertNotEmitted(panel.include_requested),
    ):
        qtbot.mouseClick(panel.view().viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["روسيا"]


@pytest.mark.parametrize(
    ("state", "action", "signal"),
    [
        ("", "Include", "include_requested"),
        ("", "Exclude", "exclude_requested"),
        ("+", "Exclude", "exclude_requested"),
        ("+", "Clear", "cleared"),
        ("-", "Clear", "cleared"),
    ],
)
def test_context_menu_actions(qtbot, panel, state, action, signal) -> None:
    panel.set_values(
        TAGS, {"بوتين"} if state == "+" else set(), {"بوتين"} if state == "-" else set()
    )
    entry = next(r for r in rows(panel) if r[0] == "بوتين")
    menu = panel.view().build_menu(entry)
    qtbot.addWidget(menu)
    act = next(a for a in menu.actions() if a.text() == action)
    assert act.isEnabled()
    with qtbot.waitSignal(getattr(panel, signal)) as blocker:
        act.trigger()
    assert blocker.args == ["بوتين"]


@pytest.mark.parametrize(
    ("state", "disabled"), [("", {"Clear"}), ("+", {"Include"}), ("-", {"Exclude"})]
)
def test_context_menu_disables_what_would_do_nothing(qtbot, panel, state, disabled) -> None:
    menu = panel.view().build_menu(("x", 1, state))
    qtbot.addWidget(menu)
    assert {a.text() for a in menu.actions() if not a.isEnabled()} == disabled


@pytest.mark.parametrize(
    ("key", "signal"),
    [
        (Qt.Key.Key_Return, "include_requested"),
        (Qt.Key.Key_Enter, "include_requested"),
        (Qt.Key.Key_Delete, "exclude_requested"),
    ],
)
def test_keyboard_enter_includes_delete_excludes(qtbot, panel, key, signal) -> None:
    view = panel.view()
    view.setFocus()
    view.setCurrentIndex(panel.model().index(2, 0))
    with qtbot.waitSignal(getattr(panel, signal)) as blocker:
        qtbot.keyClick(view, key)
    assert blocker.args == [TAGS[2].value]


def test_filter_box_appears_only_for_long_lists(panel) -> None:
    assert len(TAGS) > FILTER_BOX_THRESHOLD
    assert panel.filter_box().isVisible()
    panel.set_values(TAGS[:FILTER_BOX_THRESHOLD], set(), set())
    assert not panel.filter_box().isVisible()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ايران", ["إيران"]),  # hamza dropped, as people type
        ("غزه", ["غزة", "الحرب في غزة"]),  # ta marbuta typed as ha
        ("ukr", ["Ukraine"]),
        ("", [v.value for v in TAGS]),
    ],
)
def test_filter_box_narrows_the_list_with_arabic_folding(qtbot, panel, typed, expected) -> None:
    type_text(panel.filter_box(), typed)
    assert [r[0] for r in rows(panel)] == expected


def test_filter_keeps_selected_values_and_says_when_nothing_matches(qtbot, panel) -> None:
    panel.set_values(TAGS, {"مصر"}, set())
    type_text(panel.filter_box(), "zzz")
    assert [r[0] for r in rows(panel)] == ["مصر"]
    panel.set_values(TAGS, set(), set())  # the filter text survives a new result
    assert rows(panel) == []
    assert panel._empty.isVisible()
    assert panel._empty.text() == "No value matches the filter"


def test_empty_result_says_so(qtbot) -> None:
    panel = FacetPanel("Sources")
    qtbot.addWidget(panel)
    panel.set_values([], set(), set())
    panel.show()
    assert panel._empty.isVisible()
    assert not panel.view().isVisible()


def test_collapsing_hides_the_list(qtbot, panel) -> None:
    panel.set_expanded(False)
    assert not panel.view().isVisible()
    assert not panel.filter_box().isVisible()
    panel.set_expanded(True)
    assert panel.view().isVisible()


def test_tag_mode_switch(qtbot) -> None:
    facet = TagFacet("Tags")
    qtbot.addWidget(facet)
    facet.show()
    facet.set_values(TAGS, {"غزة"}, set())
    assert not facet._mode_buttons["or"].isVisible()  # meaningless with one tag
    facet.set_values(TAGS, {"غزة", "إيران"}, set())
    assert facet._mode_buttons["or"].isVisible()
    assert facet.mode() == "and"
    with qtbot.waitSignal(facet.mode_changed) as blocker:
        qtbot.mouseClick(facet._mode_buttons["or"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["or"]
    with qtbot.assertNotEmitted(facet.mode_changed):
        facet.set_mode("and")
    assert facet.mode() == "and"


def test_entity_facet_routes_values_and_signals_by_kind(qtbot) -> None:
    facet = EntityFacet()
    qtbot.addWidget(facet)
    facet.resize(300, 700)
    facet.set_values(
        {
            "PERS": [FacetValue("بوتين", 9), FacetValue("ترامب", 7)],
            "LOC": [FacetValue("موسكو", 5)],
            "tag": [FacetValue("ignored", 1)],
        },
        {("LOC", "موسكو")},
        {("ORG", "حماس")},
    )
    facet.show()
    qtbot.waitExposed(facet)
    assert rows(facet.panel("PERS")) == [("بوتين", 9, ""), ("ترامب", 7, "")]
    assert rows(facet.panel("LOC")) == [("موسكو", 5, "+")]
    assert rows(facet.panel("ORG")) == [("حماس", 0, "-")]
    assert rows(facet.panel("MISC")) == []
    pers = facet.panel("PERS")
    with qtbot.waitSignal(facet.include_requested) as blocker:
        qtbot.mouseClick(
            pers.view().viewport(), Qt.MouseButton.LeftButton, pos=row_point(pers, "ترامب")
        )
    assert blocker.args == ["PERS", "ترامب"]
    org = facet.panel("ORG")
    with qtbot.waitSignal(facet.cleared) as blocker:
        qtbot.mouseClick(
            org.view().viewport(), Qt.MouseButton.LeftButton, pos=row_point(org, "حماس")
        )
    assert blocker.args == ["ORG", "حماس"]
    loc = facet.panel("LOC")
    with qtbot.waitSignal(facet.exclude_requested) as blocker:
        qtbot.mouseClick(
            loc.view().viewport(), Qt.MouseButton.LeftButton, pos=row_point(loc, "موسكو", "button")
        )
    assert blocker.args == ["LOC", "موسكو"]


def test_panels_fit_a_300_px_sidebar(qtbot, panel) -> None:
    assert panel.minimumSizeHint().width() <= 300
    # long lists scroll instead of pushing the other panels away
    assert panel.view().height() < 10 * panel.view().sizeHintForRow(0)


def test_long_lists_are_capped_and_the_filter_box_reaches_the_rest(qtbot, panel) -> None:
    from reader.ui.filters.facet_list import MAX_LISTED

    many = [FacetValue(f"value {i:05d}", 100_000 - i) for i in range(MAX_LISTED * 3)]
    panel.set_values(many, set(), {"value 00899"})
    assert panel.model().rowCount() == MAX_LISTED
    assert rows(panel)[0] == ("value 00899", 99_101, "-")  # pinned, even beyond the cap
    assert panel._empty.isVisible()
    assert "300" in panel._empty.text() and "900" in panel._empty.text()
    type_text(panel.filter_box(), "00850")
    assert [r[0] for r in rows(panel)] == ["value 00899", "value 00850"]
    assert not panel._empty.isVisible()


@pytest.mark.parametrize(
    "texts",
    [
        ["ا", "ال", "الح", "ال", "ا", ""],  # typing, then deleting back
        ["غ", "غز", "غزه", "x", ""],
        ["ر", "رو", "روس", "روسيا", "روسيا "],
    ],
)
def test_filter_stays_exact_while_typing_and_deleting(panel, texts) -> None:
    from reader.text.normalize import normalize

    panel.set_values(TAGS, {"مصر"}, set())
    for text in texts:
        panel.filter_box().setText(text)
        needle = normalize(text.strip())
        expected = ["مصر"] + [
            v.value for v in TAGS if v.value != "مصر" and needle in normalize(v.value)
        ]
        assert [r[0] for r in rows(panel)] == expected, text


def test_the_exclude_button_is_found_only_where_it_is_drawn(panel) -> None:
    view = panel.view()
    assert view.on_exclude_button(row_point(panel, "روسيا", "button"))
    assert not view.on_exclude_button(row_point(panel, "روسيا"))
    panel.set_values(TAGS, set(), {"روسيا"})  # an excluded value has no exclude button
    assert not view.on_exclude_button(row_point(panel, "روسيا", "button"))


def test_the_exclude_button_shows_without_hovering(panel, monkeypatch) -> None:
    """Every row not excluded already shows its exclude button (a hover-only button could not be
    found, nor reached without a mouse)."""
    from PySide6.QtGui import QPainter

    drawn: list[object] = []
    original = QPainter.drawEllipse
    monkeypatch.setattr(
        QPainter, "drawEllipse", lambda p, *a: (drawn.append(a), original(p, *a))[1]
    )
    view = panel.view()
    view.viewport().grab()  # no mouse over any row
    model = view.model()
    shown = [
        r
        for r in range(model.rowCount())
        if view.viewport().rect().intersects(view.visualRect(model.index(r, 0)))
    ]
    excluded = [r for r in shown if model.index(r, 0).data(STATE_ROLE) == "-"]
    assert shown and len(drawn) == len(shown) - len(excluded)


def test_the_count_gives_way_whole_in_a_narrow_sidebar(qtbot, panel) -> None:
    """ "200 of 6,907" where it fits; "6,907" alone where it does not (a cut label read
    "2( من 6,907"), the whole in its tooltip."""
    many = [FacetValue(f"value {i:05d}", 10_000 - i) for i in range(300)]
    panel.set_values(many, set(), set(), distinct=6_907)
    label = panel._size_label
    qtbot.waitUntil(lambda: label.text() == "300 of 6,907")
    assert label.toolTip() == "300 of 6,907"
    panel.resize(panel.minimumSizeHint().width(), 400)
    qtbot.waitUntil(lambda: label.text() == "6,907")
    assert label.fontMetrics().horizontalAdvance("300 of 6,907") > label.contentsRect().width()
    panel.resize(300, 400)
    qtbot.waitUntil(lambda: label.text() == "300 of 6,907")
    panel.set_values(TAGS, set(), set())
    assert (label.text(), label.toolTip()) == (f"{len(TAGS)}", "")
