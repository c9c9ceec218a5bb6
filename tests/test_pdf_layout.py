"""The geometry of a PDF page's text (reader/formats/pdf_layout.py): columns found down their
gutter and read in the script's direction, lines grouped top to bottom."""

from __future__ import annotations

from reader.formats.pdf_layout import Rect, bands, blocks


def _words(
    left: float, right: float, top: float, *, words: int = 4, height: float = 10
) -> list[Rect]:
    """A line of ``words`` boxes from ``left`` to ``right``, word gaps of 3 points."""
    step = (right - left) / words
    return [(left + i * step, top - height, left + (i + 1) * step - 3, top) for i in range(words)]


def _column(left: float, right: float, top: float, lines: int) -> list[Rect]:
    return [r for i in range(lines) for r in _words(left, right, top - i * 14)]


def test_two_columns_under_a_headline_read_right_column_first() -> None:
    headline = _words(60, 540, 800, height=20)
    right = _column(310, 540, 760, 8)
    left = _column(60, 290, 760, 6)
    page_number = [(296.0, 20.0, 302.0, 30.0)]
    found = blocks(headline + left + right + page_number, rtl=True)
    assert [sorted(block) for block in found] == [
        sorted(headline),
        sorted(right),
        sorted(left),
        sorted(page_number),
    ]
    left_to_right = blocks(headline + left + right, rtl=False)
    assert [sorted(block) for block in left_to_right] == [
        sorted(headline),
        sorted(left),
        sorted(right),
    ]


def test_one_ragged_column_is_one_block() -> None:
    """Right-aligned Arabic lines of different lengths leave no gutter."""
    rects = [
        r
        for i, start in enumerate([60, 140, 90, 200, 70, 120, 300, 80])
        for r in _words(start, 540, 800 - i * 14)
    ]
    assert blocks(rects, rtl=True) == [rects]


def test_lines_group_boxes_of_one_baseline_and_leave_stray_marks_to_them() -> None:
    line_one = _words(60, 540, 800)
    quote_mark = [(300.0, 796.0, 302.0, 799.5)]  # drawn apart, small and narrow
    line_two = _words(60, 540, 786)
    found = bands(line_one + quote_mark + line_two)
    assert len(found) == 2
    assert found[0].centre > found[1].centre
