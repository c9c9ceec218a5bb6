"""Relative dates counted back from when a scraper saved the record (reader/formats/relative_dates.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reader.formats import parse_file
from reader.formats.relative_dates import relative_age

H, D = dt.timedelta(hours=1), dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("منذ ساعتين", 2 * H),
        ("منذ ساعة", H),
        ("منذ 5 ساعات", 5 * H),
        ("منذ ٣ أيام", 3 * D),
        ("قبل يومين", 2 * D),
        ("منذ أسبوعين", 14 * D),
        ("منذ 10 دقائق", dt.timedelta(minutes=10)),
        ("أمس", D),
        ("اليوم", dt.timedelta(0)),
        ("2 hours ago", 2 * H),
        ("an hour ago", H),
        ("3 days ago", 3 * D),
        ("Yesterday", D),
        ("منذ شهر", None),  # a month names no day
        ("منذ زمن", None),
        ("2023-11-14", None),
    ],
)
def test_relative_ages(text: str, age: dt.timedelta | None) -> None:
    assert relative_age(text) == age


def _read(tmp_path: Path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return parse_file(tmp_path / name, tmp_path).articles


def test_a_json_export_with_its_scrape_time_dates_its_relative_dates(tmp_path: Path) -> None:
    items = [
        {
            "title": "أ",
            "text": "نص أول.",
            "date": "منذ 5 ساعات",
            "scraped_at": "2023-11-14T03:00:00+03:00",
        },
        {"title": "ب", "text": "نص ثان.", "date": "2 days ago", "crawl_time": 1699930000},
        {"title": "ج", "text": "نص ثالث.", "date": "منذ ساعتين"},
    ]
    first, second, third = _read(tmp_path, "x.json", json.dumps(items, ensure_ascii=False))
    assert first.date == dt.date(2023, 11, 13)  # five hours before 03:00
    assert first.problems == (
        "date counted back from 'منذ 5 ساعات', from when the record was saved "
        "(2023-11-14T03:00:00+03:00)",
    )
    assert second.date == dt.date(2023, 11, 12)
    # nothing to count from: the date stays unknown, and is named
    assert third.date is None
    assert third.problems == (
        "relative date 'منذ ساعتين': the day it counts from (when it was saved) is not in the file",
    )


def test_a_csv_export_with_its_scrape_time_dates_its_relative_dates(tmp_path: Path) -> None:
    text = "title,text,date,scraped_at\nخبر,نص الخبر هنا.,أمس,2023-11-14 10:00:00\n"
    (article,) = _read(tmp_path, "x.csv", text)
    assert article.date == dt.date(2023, 11, 13)
    assert article.problems[0].startswith("date counted back from 'أمس'")
