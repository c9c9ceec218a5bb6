"""An export's date field (reader/formats/dates.py ``field_date``): Unix time written as digits
and Hijri dates read as in date lines; relative and empty dates named for what they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.dates import field_date, unreadable_date


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
