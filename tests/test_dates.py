"""parse_date: every date shape of the corpora and the scraped pages (issue 2)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reader.formats.dates import parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the scraped sample and every English ordinal
        ("7th, December 2023 GMT", D(2023, 12, 7)),
        # the Arabic comma between the parts (QA2)
        ("كانون الأول ١٨، ٢٠٢٣", D(2023, 12, 18)),
        ("الثلاثاء، 19 ديسمبر، 2023", D(2023, 12, 19)),
        ("1st, January 2024 GMT", D(2024, 1, 1)),
        ("2nd, February 2024 GMT", D(2024, 2, 2)),
        ("3rd, March 2024 GMT", D(2024, 3, 3)),
        ("4th, April 2024 GMT", D(2024, 4, 4)),
        ("11th, May 2024 GMT", D(2024, 5, 11)),
        ("12th, June 2024 GMT", D(2024, 6, 12)),
        ("13th, July 2024 GMT", D(2024, 7, 13)),
        ("21st, August 2024 GMT", D(2024, 8, 21)),
        ("22nd, September 2024 GMT", D(2024, 9, 22)),
        ("23rd, October 2024 GMT", D(2024, 10, 23)),
        ("31st, October 2024 GMT", D(2024, 10, 31)),
        ("29th, February 2024 GMT", D(2024, 2, 29)),
        # ISO 8601, with and without time and zone, and the compact TREC shape
        ("2023-12-07", D(2023, 12, 7)),
        ("2023-12-07T10:00:00+03:00", D(2023, 12, 7)),
        ("2017-01-25T14:36:00+01:00", D(2017, 1, 25)),
        ("2017-01-22T171800", D(2017, 1, 22)),
        ("2023-12-07T10:00:00Z", D(2023, 12, 7)),
        ("2023/12/07", D(2023, 12, 7)),
        ("20231207", D(2023, 12, 7)),
        # RFC 2822 (TREC <TIME>)
        ("Mon, 01 Oct 2018 22:09:25 GMT", D(2018, 10, 1)),
        ("Sat, 17 Mar 2018 10:00:00 +0300", D(2018, 3, 17)),
        ("Thu, 5 Sep 2019 01:02:03 -0000", D(2019, 9, 5)),
        # numeric, day first
        ("01/07/2016", D(2016, 7, 1)),
        ("7/12/2023", D(2023, 12, 7)),
        ("07-12-2023", D(2023, 12, 7)),
        ("07.12.2023", D(2023, 12, 7)),
        ("31/12/2023", D(2023, 12, 31)),
        # a second field above 12 can only be a day
        ("12/31/2023", D(2023, 12, 31)),
        ("07/12/23", D(2023, 12, 7)),
        # English month names in other orders and abbreviations
        ("December 7, 2023", D(2023, 12, 7)),
        ("Dec 7th 2023", D(2023, 12, 7)),
        ("7 Dec. 2023", D(2023, 12, 7)),
        ("2023 December 7", D(2023, 12, 7)),
        ("the 7th of December, 2023", D(2023, 12, 7)),
        ("Sept 3, 2020", D(2020, 9, 3)),
        ("DECEMBER 7 2023", D(2023, 12, 7)),
        # Egyptian / Gulf month names, weekday and م debris, Arabic-Indic and Persian digits
        ("الخميس 7 ديسمبر 2023م", D(2023, 12, 7)),
        ("الخميس، ٧ ديسمبر ٢٠٢٣ م", D(2023, 12, 7)),
        ("۷ دیسمبر ۲۰۲۳", D(2023, 12, 7)),
        ("15 يناير 2024", D(2024, 1, 15)),
        ("1 فبراير 2024", D(2024, 2, 1)),
        ("3 مارس 2024", D(2024, 3, 3)),
        ("4 أبريل 2024", D(2024, 4, 4)),
        ("4 ابريل 2024", D(2024, 4, 4)),
        ("4 إبريل 2024", D(2024, 4, 4)),
        ("5 مايو 2024", D(2024, 5, 5)),
        ("6 يونيو 2024", D(2024, 6, 6)),
        ("6 يونية 2024", D(2024, 6, 6)),
        ("7 يوليو 2024", D(2024, 7, 7)),
        ("7 يولية 2024", D(2024, 7, 7)),
        ("8 أغسطس 2024", D(2024, 8, 8)),
        ("9 سبتمبر 2024", D(2024, 9, 9)),
        ("10 أكتوبر 2024", D(2024, 10, 10)),
        ("11 نوفمبر 2024", D(2024, 11, 11)),
        ("12 ديسمبر 2024", D(2024, 12, 12)),
        ("12 ديسمبـــر 2024", D(2024, 12, 12)),
        # Levantine month names, two-word ones included
        ("الجمعة 7 كانون الأول 2023", D(2023, 12, 7)),
        ("7 كانون الثاني 2024", D(2024, 1, 7)),
        ("7 شباط 2024", D(2024, 2, 7)),
        ("7 آذار 2024", D(2024, 3, 7)),
        ("7 نيسان 2024", D(2024, 4, 7)),
        ("7 أيار 2024", D(2024, 5, 7)),
        ("7 حزيران 2024", D(2024, 6, 7)),
        ("7 تموز 2024", D(2024, 7, 7)),
        ("7 آب 2024", D(2024, 8, 7)),
        ("7 أيلول 2024", D(2024, 9, 7)),
        ("7 تشرين الأول 2024", D(2024, 10, 7)),
        ("7 تشرين الثاني 2024", D(2024, 11, 7)),
        ("7 كانون الأول (ديسمبر) 2023", D(2023, 12, 7)),
        ("7 ديسمبر/كانون الأول 2023", D(2023, 12, 7)),
        # Maghrebi spellings
        ("7 جوان 2024", D(2024, 6, 7)),
        ("7 جويلية 2024", D(2024, 7, 7)),
        ("7 أوت 2024", D(2024, 8, 7)),
        # Hijri date first, Gregorian after it
        ("الخميس 24 جمادى الأولى 1445 هـ - 7 ديسمبر 2023 م", D(2023, 12, 7)),
        ("24/05/1445 هـ الموافق 07/12/2023 م", D(2023, 12, 7)),
        # invisible marks and NBSP
        ("\u200f7\u00a0ديسمبر\u00a02023\u200f", D(2023, 12, 7)),
        ("  تاريخ النشر: 7th, December 2023 GMT  ", D(2023, 12, 7)),
    ],
)
def test_understood(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "no date here",
        "ليس هنا تاريخ",
        "December 2023",  # no day: a date is not invented
        "31st, February 2024 GMT",  # impossible day
        "32/01/2024",
        "1445 هـ",
        "24 جمادى الأولى 1445 هـ",  # Hijri only: not converted
        "the market 7 2023",  # "mar" inside a word is not a month
        "الانتخابات 7 2023",  # "اب" inside a word is not a month
        "1/2/3",
    ],
)
def test_not_understood(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.corpus
def test_every_trec_time_parses() -> None:
    """Every <TIME> shape in the unpacked corpora is understood (40 files of every folder)."""
    corpus = Path("/tmp/corpus")
    if not corpus.is_dir():
        pytest.skip("unpacked corpora are absent")
    shapes: dict[str, str] = {}
    folders = [corpus, *(p for p in corpus.rglob("*") if p.is_dir())]
    for folder in folders:
        for path in sorted(folder.glob("*.txt"))[:40]:
            text = path.read_text("utf-8", errors="replace")
            for value in re.findall(r"<TIME>([^<]*)</TIME>", text):
                shapes.setdefault(re.sub(r"\d", "9", value), value)
    assert shapes
    failures = [value for value in shapes.values() if parse_date(value) is None]
    assert failures == []
