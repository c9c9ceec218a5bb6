"""Filter chips: one per active filter, × removes that one, Clear all clears."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from reader.ui.common.theme import ENTITY_COLOURS
from reader.ui.filters.chips import FilterChips
from reader.ui.filters.filter_state import RANGE_KEY, FilterState

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

STATE = (
    FilterState(query="ترامب")
    .toggle_include_tag("غزة")
    .exclude_tag("بوتين")
    .toggle_include_source("Al Jazeera")
    .toggle_include_entity("PERS", "فلاديمير بوتين")
    .set_range(dt.date(2018, 3, 1), dt.date(2018, 5, 31))
)


@pytest.fixture
def chips(qtbot) -> FilterChips:
    widget = FilterChips()
    qtbot.addWidget(widget)
    widget.resize(560, 80)
    widget.set_filters(STATE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_one_chip_per_filter_with_its_label(chips) -> None:
    assert [(c.key, c.label.text()) for c in chips.chips()] == STATE.chips()
    assert len(chips.chips()) == 5  # the query is the search box's, not a chip
    assert chips.clear_button().isVisible()


@pytest.mark.parametrize("index", range(5))
def test_the_cross_emits_the_chip_key(qtbot, chips, index) -> None:
    chip = chips.chips()[index]
    with qtbot.waitSignal(chips.remove_requested) as blocker:
        qtbot.mouseClick(chip.button, Qt.MouseButton.LeftButton)
    assert blocker.args == [STATE.chips()[index][0]]
    # and the key is one FilterState understands
    assert STATE.remove(blocker.args[0]).chips() == [
        c for i, c in enumerate(STATE.chips()) if i != index
    ]


def test_clear_all_emits_clear_requested(qtbot, chips) -> None:
    with qtbot.waitSignal(chips.clear_requested):
        qtbot.mouseClick(chips.clear_button(), Qt.MouseButton.LeftButton)


def test_no_filter_no_chip_and_no_clear_button(qtbot, chips) -> None:
    chips.set_filters(FilterState(query="ترامب"))
    assert chips.chips() == []
    assert not chips.clear_button().isVisible()
    chips.set_filters(FilterState().set_range(dt.date(2020, 1, 1), None))
    assert [c.key for c in chips.chips()] == [RANGE_KEY]
    assert chips.clear_button().isVisible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_entity_chips_take_the_entity_colour(chips, theme) -> None:
    chips.set_theme(theme)
    person = next(c for c in chips.chips() if c.key[0] == "entity")
    tag = next(c for c in chips.chips() if c.key[0] == "tag")
    colour = ENTITY_COLOURS[theme]["PERS"].background
    # painted from the swatch (no per-widget style sheet, which would not follow a theme switch)
    assert person.colours()[0].name() == colour
    assert tag.colours()[0].name() != colour


def test_chips_wrap_to_the_width(qtbot, chips) -> None:
    wide = chips.heightForWidth(2000)
    narrow = chips.heightForWidth(300)
    assert narrow > wide
    chips.resize(300, narrow)
    for chip in chips.chips():
        assert chips.rect().contains(chip.geometry())


def test_right_to_left_puts_the_first_chip_at_the_right(qtbot, chips) -> None:
    chips.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chips.resize(561, 80)  # a new geometry lays the row out again
    first, second = chips.chips()[:2]
    assert first.geometry().right() > second.geometry().right()
    assert first.geometry().right() >= chips.width() - 2


def test_retranslate_relabels_the_chips(chips) -> None:
    from reader.ui.common.i18n import set_language

    set_language("ar")
    try:
        chips.retranslate()
        assert chips.chips()[0].label.text() == "وسم: غزة"
        assert chips.clear_button().text() == "مسح الكل"
    finally:
        set_language("en")
