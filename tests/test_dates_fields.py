"""An export's date field (reader/formats/dates.py ``field_date``): Unix time written as digits
and Hijri dates read as in date lines; relative and empty dates named for what they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.dates import field_date, unreadable_date, url_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("1705312200", dt.date(2024, 1, 15)),
        ("1705312200000", dt.date(2024, 1, 15)),
        ("1705312200.5", dt.date(2024, 1, 15)),
        ("4 رجب 1445", dt.date(2024, 1, 16)),
        ("١٤٤٥/٠٧/٠٤ هـ", dt.date(2024, 1, 16)),
        ("الأحد 15 يناير 2024 - 10:30", dt.date(2024, 1, 15)),
        ("15 كانون الثاني 2024 / 4 رجب 1445", dt.date(2024, 1, 15)),  # the Gregorian one wins
        ("123", None),
    ],
)
def test_field_dates(text: str, date: dt.date | None) -> None:
    assert field_date(text) == date


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("منذ ساعتين", "relative date 'منذ ساعتين': the day it counts from"),
        ("قبل 3 أيام", "relative date 'قبل 3 أيام': the day it counts from"),
        ("أمس", "relative date 'أمس': the day it counts from"),
        ("2 hours ago", "relative date '2 hours ago': the day it counts from"),
        ("0000-00-00 00:00:00", "no date ('0000-00-00 00:00:00', a database's empty date)"),
        ("قريبا", "unreadable date: 'قريبا'"),
    ],
)
def test_what_is_not_read_is_named_for_what_it_is(text: str, reason: str) -> None:
    assert field_date(text) is None
    assert unreadable_date(text).startswith(reason)


def test_exports_read_them(tmp_path: Path) -> None:
    rows = [
        {"title": "خبر أول", "text": "نص الخبر الأول.", "date": "1705312200"},
        {"title": "خبر ثان", "text": "نص الخبر الثاني.", "date": "4 رجب 1445 هـ"},
        {"title": "خبر ثالث", "text": "نص الخبر الثالث.", "date": "منذ ساعتين"},
    ]
    (tmp_path / "a.json").write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    lines = "".join(f'"{r["title"]}","{r["text"]}","{r["date"]}"\n' for r in rows)
    (tmp_path / "b.csv").write_text("title,text,date\n" + lines, "utf-8")
    records, _ = export_records(tmp_path)
    for start in (0, 3):
        got = [(r["date"], r["problems"][:1]) for r in records[start : start + 3]]
        assert got[:2] == [("2024-01-15", []), ("2024-01-16", [])]
        assert got[2][0] is None and got[2][1][0].startswith("relative date 'منذ ساعتين'")


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.aljazeera.net/news/2018/10/20/sisi-salman", dt.date(2018, 10, 20)),
        ("https://example.net/a/2018-10-20-title", dt.date(2018, 10, 20)),
        ("https://example.net/20181020/story", dt.date(2018, 10, 20)),
        ("https://example.net/news/123456720181020", None),  # digits of a longer id
        ("https://example.net/2018/10/", None),  # a month's archive
        ("https://example.net/archive/2018/13/40/x", None),
        ("https://example.net/2099/01/01/x", None),  # not yet
        ("https://www.hespress.com/politique/420123.html", None),
    ],
)
def test_dates_in_addresses(url: str, date: dt.date | None) -> None:
    assert url_date(url) == date


def test_an_article_without_a_date_takes_its_address_s(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "https://example.net/news/2018/10/20/story\nعنوان الخبر\n\nنص الخبر عن الاقتصاد.\n", "utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "https://example.net/news/2018/10/20/story\nعنوان آخر\n2018-10-21\n\nنص الخبر.\n", "utf-8"
    )
    records, _ = export_records(tmp_path)
    assert [(r["date"], r["problems"]) for r in records] == [
        ("2018-10-20", ["date taken from the article's address"]),
        ("2018-10-21", []),  # a date the article gives wins
    ]


@pytest.mark.parametrize("text", ["1900-01-01", "1970-01-01 00:00:00", "0000000000", "1899-12-30"])
def test_a_placeholder_day_is_no_date_and_named_so(text: str) -> None:
    assert field_date(text) is None
    assert unreadable_date(text) == f"no date ({text!r}, a placeholder for a missing date)"


def test_a_table_with_placeholder_days_gives_no_date_with_a_note(tmp_path: Path) -> None:
    table = (
        "title,text,date\nخبر أول,نص الخبر الأول.,1900-01-01\nخبر ثان,نص الخبر الثاني.,2024-03-12\n"
    )
    (tmp_path / "rows.csv").write_text(table, encoding="utf-8")
    records, _ = export_records(tmp_path)
    assert [(r["date"], r["problems"]) for r in records] == [
        (None, ["no date ('1900-01-01', a placeholder for a missing date)"]),
        ("2024-03-12", []),
    ]
