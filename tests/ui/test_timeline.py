"""Timeline: binning, drag to select a range, clearing, tooltips."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QPoint, Qt

from reader.ui.filters.timeline import TimelineWidget
from reader.ui.filters.timeline_bins import DAY_SPAN_MAX, Bin, bin_counts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

START = dt.date(2023, 10, 1)
SIXTY_DAYS = [(START + dt.timedelta(days=i), i % 7 + 1) for i in range(60)]


def days(first: dt.date, n: int, count: int = 1) -> list[tuple[dt.date, int]]:
    return [(first + dt.timedelta(days=i), count) for i in range(n)]


@pytest.mark.parametrize(
    ("counts", "unit", "n_bins"),
    [
        (days(START, 1), "day", 1),
        (days(START, DAY_SPAN_MAX), "day", DAY_SPAN_MAX),
        (days(START, DAY_SPAN_MAX + 1), "month", 4),  # Oct..Jan
        ([(dt.date(2017, 1, 5), 3), (dt.date(2019, 6, 30), 2)], "month", 30),
        ([(dt.date(1990, 1, 1), 1), (dt.date(2020, 12, 31), 1)], "year", 31),
    ],
)
def test_unit_follows_the_span(counts, unit, n_bins) -> None:
    bins, got = bin_counts(counts)
    assert got == unit
    assert len(bins) == n_bins
    assert sum(b.count for b in bins) == sum(c for _, c in counts)


def test_bins_are_contiguous_and_gaps_are_zero_bars() -> None:
    bins, unit = bin_counts(
        [(dt.date(2018, 1, 15), 4), (dt.date(2018, 6, 2), 1), (dt.date(2018, 6, 3), 2)]
    )
    assert unit == "month"
    assert [b.count for b in bins] == [4, 0, 0, 0, 0, 3]
    assert bins[0] == Bin(dt.date(2018, 1, 1), dt.date(2018, 1, 31), 4)
    assert bins[1].start == dt.date(2018, 2, 1) and bins[1].end == dt.date(2018, 2, 28)
    for a, b in itertools.pairwise(bins):
        assert a.end + dt.timedelta(days=1) == b.start


def test_span_covers_the_selected_range_and_ignores_zero_counts() -> None:
    bins, unit = bin_counts(
        [(START, 2), (dt.date(2030, 1, 1), 0)], since=START - dt.timedelta(days=3)
    )
    assert unit == "day"
    assert bins[0].start == START - dt.timedelta(days=3)
    assert bins[-1].start == START
    assert bin_counts([]) == ([], "day")
    assert bin_counts([(START, 0)]) == ([], "day")


@pytest.fixture
def timeline(qtbot) -> TimelineWidget:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 110)
    widget.set_counts(SIXTY_DAYS)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def point(widget: TimelineWidget, index: int) -> QPoint:
    return QPoint(round(widget.x_of_bin(index)), round(widget.plot_rect().center().y()))


def drag(qtbot, widget: TimelineWidget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, pos=QPoint((start.x() + end.x()) // 2, start.y()))
    qtbot.mouseMove(widget, pos=end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
@pytest.mark.parametrize(("a", "b"), [(10, 20), (20, 10), (0, 59)])
def test_drag_selects_the_dates_under_the_band(qtbot, timeline, direction, a, b) -> None:
    # time runs left to right in both interfaces (see the module docstring)
    timeline.setLayoutDirection(direction)
    assert timeline.unit() == "day"
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        drag(qtbot, timeline, point(timeline, a), point(timeline, b))
    lo, hi = min(a, b), max(a, b)
    expected = [START + dt.timedelta(days=lo), START + dt.timedelta(days=hi)]
    assert blocker.args == expected
    assert list(timeline.selected_range()) == expected


def test_drag_over_months_selects_whole_months(qtbot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 110)
    widget.set_counts([(dt.date(2017, 1, 5), 3), (dt.date(2019, 6, 30), 2)])
    widget.show()
    assert widget.unit() == "month"
    with qtbot.waitSignal(widget.range_selected) as blocker:
        drag(qtbot, widget, point(widget, 14), point(widget, 16))  # Mar..May 2018
    assert blocker.args == [dt.date(2018, 3, 1), dt.date(2018, 5, 31)]


def test_a_click_without_dragging_selects_nothing(qtbot, timeline) -> None:
    with qtbot.assertNotEmitted(timeline.range_selected):
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=point(timeline, 5))
    assert timeline.selected_range() == (None, None)


def test_set_range_shows_without_emitting_and_double_click_clears(qtbot, timeline) -> None:
    since, until = START + dt.timedelta(days=3), START + dt.timedelta(days=9)
    with qtbot.assertNotEmitted(timeline.range_selected):
        timeline.set_range(since, until)
    assert timeline.selected_range() == (since, until)
    assert timeline._clear.isVisible()
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        qtbot.mouseDClick(timeline, Qt.MouseButton.LeftButton, pos=point(timeline, 30))
    assert blocker.args == [None, None]
    assert timeline.selected_range() == (None, None)
    assert not timeline._clear.isVisible()


@pytest.mark.parametrize("how", ["button", "escape"])
def test_clear_button_and_escape_reset_the_range(qtbot, timeline, how) -> None:
    timeline.set_range(START, START + dt.timedelta(days=2))
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        if how == "button":
            qtbot.mouseClick(timeline._clear, Qt.MouseButton.LeftButton)
        else:
            timeline.setFocus()
            qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert blocker.args == [None, None]


@pytest.mark.parametrize(
    ("index", "text"), [(0, "1 October 2023: 1 article"), (6, "7 October 2023: 7 articles")]
)
def test_tooltip_names_the_day_and_the_count(timeline, index, text) -> None:
    assert timeline.tooltip_at(point(timeline, index)) == text
    assert timeline.tooltip_at(QPoint(5, 2)) == ""  # above the bars, on the range label


def test_tooltip_per_month_in_arabic(qtbot) -> None:
    from reader.ui.common.i18n import set_language

    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 110)
    widget.set_counts([(dt.date(2018, 3, 5), 1200), (dt.date(2019, 6, 30), 2)])
    set_language("ar")
    try:
        assert widget.tooltip_at(point(widget, 0)) == "مارس 2018: 1,200 مقالات"
    finally:
        set_language("en")


@pytest.mark.parametrize(
    "counts", [[], SIXTY_DAYS, [(dt.date(1990, 1, 1), 5), (dt.date(2024, 1, 1), 9)]]
)
@pytest.mark.parametrize("size", [(300, 110), (120, 70)])
def test_paints_at_sidebar_sizes(qtbot, counts, size) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_counts(counts)
    widget.set_range(counts[0][0] if counts else None, None)
    image = widget.grab().toImage()
    assert image.width() == size[0]
    # something was drawn besides the background: bars or the "no dates" sentence
    base = image.pixelColor(1, 1)
    assert any(
        image.pixelColor(x, y) != base for x in range(0, size[0], 3) for y in range(0, size[1], 3)
    )


@pytest.mark.parametrize(
    ("keys", "first", "last"),
    [
        ([(Qt.Key.Key_Home, False)], 0, 0),
        ([(Qt.Key.Key_Home, False), (Qt.Key.Key_Right, False), (Qt.Key.Key_Right, False)], 2, 2),
        ([(Qt.Key.Key_End, False), (Qt.Key.Key_Left, True), (Qt.Key.Key_Left, True)], 57, 59),
        ([(Qt.Key.Key_Home, False), (Qt.Key.Key_Right, True), (Qt.Key.Key_End, True)], 0, 59),
        ([(Qt.Key.Key_Home, False), (Qt.Key.Key_Left, False)], 0, 0),  # stops at the edge
    ],
)
def test_keyboard_moves_stretches_and_applies_a_range(qtbot, timeline, keys, first, last) -> None:
    timeline.setFocus()
    for key, shift in keys:
        modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(timeline, key, modifier)
    assert timeline.pending_selection() == (first, last)
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert blocker.args == [START + dt.timedelta(days=first), START + dt.timedelta(days=last)]


def test_escape_drops_a_pending_keyboard_selection_first(qtbot, timeline) -> None:
    timeline.set_range(START, START + dt.timedelta(days=5))
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.pending_selection() == (0, 0)  # the cursor starts inside the range
    with qtbot.assertNotEmitted(timeline.range_selected):
        qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert timeline.pending_selection() is None
    assert timeline.selected_range() == (START, START + dt.timedelta(days=5))
    with qtbot.waitSignal(timeline.range_selected) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert blocker.args == [None, None]


@pytest.mark.parametrize(
    ("counts", "step", "labels"),
    [
        # ten years of months in 300 px: one label per year would collide, every fifth fits
        ([(dt.date(2011, 1, 1), 1), (dt.date(2020, 12, 1), 1)], 2.5, ["2015", "2020"]),
        # two years of months with room: a label per year
        ([(dt.date(2017, 1, 1), 1), (dt.date(2018, 12, 1), 1)], 12, ["2017", "2018"]),
        # sixty days with room for weekly labels
        (
            SIXTY_DAYS,
            30,
            ["2 Oct", "9 Oct", "16 Oct", "23 Oct", "30 Oct", "6 Nov", "13 Nov", "20 Nov", "27 Nov"],
        ),
        # a single day: its name
        ([(START + dt.timedelta(days=2), 3)], 280, ["3 October 2023"]),
    ],
)
def test_axis_labels_never_collide(counts, step, labels) -> None:
    from reader.ui.filters.timeline_bins import axis_ticks

    bins, unit = bin_counts(counts)
    width = lambda text: 7.0 * len(text)  # noqa: E731
    ticks = axis_ticks(bins, unit, step, width)
    assert [label for _, label in ticks] == labels
    for (i, a), (j, _) in itertools.pairwise(ticks):
        assert (j - i) * step >= width(a) or len(ticks) == 1


def test_one_day_is_a_bar_not_a_slab(qtbot) -> None:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 110)
    widget.set_counts(days(START, 1, 4))
    image = widget.grab().toImage()
    accent = widget.palette().color(widget.palette().ColorRole.Link)
    plot = widget.plot_rect()
    row = int(plot.bottom()) - 3  # a line through the bar, just above the axis
    filled = [x for x in range(image.width()) if image.pixelColor(x, row) == accent]
    assert filled, "the day's bar is drawn"
    assert len(filled) <= 30  # about a bar's width over the day, not the whole plot
    middle = (filled[0] + filled[-1]) / 2
    assert abs(middle - plot.center().x()) < 3  # centred over its date
