"""A table's date column read in one order (reader/formats/csv_dates.py): month-first when one of
its dates can only be month-first and none only day-first, day-first otherwise, a column that
holds both noted on its ambiguous dates."""

from __future__ import annotations

import datetime as dt

from reader.formats.csv_dates import ColumnDates, column_date, column_dates
from reader.formats.csvfmt import parse_csv

BODY = "ارتفعت أسعار الذهب في السوق المحلية مدفوعة بتراجع الدولار أمام العملات الرئيسية."


def _dates(*values: str) -> list[tuple[dt.date | None, tuple[str, ...]]]:
    text = "title,date,text\n" + "".join(
        f'"خبر {n}","{v}","{BODY}"\n' for n, v in enumerate(values)
    )
    result = parse_csv(text, rel_path="d.csv", suffix=".csv")
    return [(a.date, a.problems) for a in result.articles]


def test_a_month_first_column_is_read_month_first_throughout() -> None:
    # an American tool's export: 03/25 can only be 25 March, so 03/12 is 12 March
    assert _dates("03/25/2024", "03/12/2024", "12/31/2023 10:15 PM", "04/04/2024") == [
        (dt.date(2024, 3, 25), ()),
        (
            dt.date(2024, 3, 12),
            ("date '03/12/2024' read month-first, as the date column's '03/25/2024' can only be",),
        ),
        (dt.date(2023, 12, 31), ()),
        (dt.date(2024, 4, 4), ()),  # the same day either way: nothing to say
    ]
    # two-digit years and Arabic-Indic digits too
    assert [d for d, _ in _dates("٠٣/٢٥/٢٤", "٠٣/١٢/٢٤")] == [
        dt.date(2024, 3, 25),
        dt.date(2024, 3, 12),
    ]


def test_a_day_first_or_ambiguous_column_keeps_the_default() -> None:
    assert _dates("25/03/2024", "03/12/2024") == [
        (dt.date(2024, 3, 25), ()),
        (dt.date(2024, 12, 3), ()),
    ]
    assert _dates("03/12/2024", "05/06/2024", "2024-03-27") == [
        (dt.date(2024, 12, 3), ()),
        (dt.date(2024, 6, 5), ()),
        (dt.date(2024, 3, 27), ()),
    ]


def test_a_column_that_contradicts_itself_says_so_on_its_ambiguous_dates() -> None:
    note = (
        "the date column holds day-first ('25/03/2024') and month-first ('03/26/2024') dates: "
        "'03/12/2024' may be either, read day-first"
    )
    assert _dates("25/03/2024", "03/26/2024", "03/12/2024") == [
        (dt.date(2024, 3, 25), ()),
        (dt.date(2024, 3, 26), ()),
        (dt.date(2024, 12, 3), (note,)),
    ]


def test_the_column_s_order_from_its_values() -> None:
    assert column_dates(["03/12/2024", "2024-03-25", "", "12 مارس 2024"]) == ColumnDates()
    assert column_dates(["03/12/2024", "03/25/2024"]) == ColumnDates(month_first="03/25/2024")
    assert column_dates(["13.03.2024", "03.14.2024"]) == ColumnDates(
        mixed=("13.03.2024", "03.14.2024")
    )
    problems: list[str] = []
    month_first = ColumnDates(month_first="03/25/2024")
    assert column_date("2024-03-12T10:00:00Z", problems, month_first) == dt.date(2024, 3, 12)
    assert column_date("الثلاثاء 03/12/2024", problems, month_first) == dt.date(2024, 3, 12)
    assert column_date("not a date", problems, month_first) is None
    assert problems == [
        "date 'الثلاثاء 03/12/2024' read month-first, as the date column's '03/25/2024' can only be",
        "unreadable date: 'not a date'",
    ]
    # a serial day number is a date in a spreadsheet's cell only
    notes: list[str] = []
    assert column_date("45298", notes, serial=True) == dt.date(2024, 1, 7)
    assert column_date("45298", notes) is None
    assert notes == ["date read from a spreadsheet's day number", "unreadable date: '45298'"]
