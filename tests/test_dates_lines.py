"""Date lines of plain text and Hijri dates (reader/formats/dates.py ``date_line_date``,
``parse_hijri_date``; issue 16): the date is found, and the line leaves the body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.formats import parse_file
from reader.formats.dates import date_line_date, parse_date
from reader.formats.hijri_dates import parse_hijri_date

D = dt.date

DATE_LINES = [
    # labelled
    ("التاريخ: 10 ديسمبر 2012", D(2012, 12, 10)),
    ("تاريخ النشر : 3 كانون الثاني 2012 - 10:30", D(2012, 1, 3)),
    ("نشر في 12 أيار 2012", D(2012, 5, 12)),
    ("Posted on December 7, 2023", D(2023, 12, 7)),
    # bare, with weekday, Egyptian / Levantine / Maghreb month names
    ("الجمعة, 06 يوليو 2012", D(2012, 7, 6)),
    ("الأربعاء 4 يونيه 2014", D(2014, 6, 4)),
    ("السبت 5 آب 2017 - 11:20 ص", D(2017, 8, 5)),
    ("7 تشرين الأول 2016", D(2016, 10, 7)),
    ("26 جويلية 2012", D(2012, 7, 26)),
    ("3 جانفي 2013", D(2013, 1, 3)),
    ("14 أفريل 2015", D(2015, 4, 14)),
    ("2 فيفري 2016", D(2016, 2, 2)),
    # update and "published" labels, ISO time stamps, French (Maghreb sites)
    ("آخر تحديث: 12 مارس 2019 - 10:30 ص", D(2019, 3, 12)),
    ("منشور: 2019/03/12", D(2019, 3, 12)),
    ("تاريخ النشر: 2019-03-12T10:00:00+03:00", D(2019, 3, 12)),
    ("Last updated: March 12, 2019", D(2019, 3, 12)),
    ("Publié le 12 mars 2019", D(2019, 3, 12)),
    ("mardi 12 mars 2019", D(2019, 3, 12)),
    ("1er août 2018", D(2018, 8, 1)),
    ("21 ماي 2019", D(2019, 5, 21)),
    ("1 أوت 2020", D(2020, 8, 1)),
    # numeric, Arabic-Indic digits too
    ("07/04/2012", D(2012, 4, 7)),
    ("2012-05-03", D(2012, 5, 3)),
    ("٠٧/٠٤/٢٠١٢", D(2012, 4, 7)),
    ("١٠ ديسمبر ٢٠١٢", D(2012, 12, 10)),
    # Hijri alone: converted (Umm al-Qura, as hijridate computes it)
    ("15 رمضان 1444 هـ", D(2023, 4, 6)),
    ("١٥ رمضان ١٤٤٤ هـ", D(2023, 4, 6)),
    ("1444/09/15هـ", D(2023, 4, 6)),
    ("15/09/1444 هـ", D(2023, 4, 6)),
    ("الخميس 24 جمادى الأولى 1445 هـ", D(2023, 12, 8)),
    ("1 ذو الحجة 1444 هـ", D(2023, 6, 19)),
    # both calendars: the Gregorian date wins
    ("الأحد 12 مارس 2023 - 20 شعبان 1444 هـ", D(2023, 3, 12)),
    ("20 شعبان 1444 هـ الموافق 12 مارس 2023 م", D(2023, 3, 12)),
    # datelines: the place filed from, then the date
    ("تونس في 3 نوفمبر 2026", D(2026, 11, 3)),
    ("القاهرة - 2026/11/03", D(2026, 11, 3)),
    ("سيدي بوزيد، الثلاثاء 3 نوفمبر 2026", D(2026, 11, 3)),
    ("بيروت 3 تشرين الثاني 2026", D(2026, 11, 3)),
]


@pytest.mark.parametrize(("line", "date"), DATE_LINES)
def test_date_line(line: str, date: dt.date) -> None:
    assert date_line_date(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "قال الوزير في 10 ديسمبر 2012 إن الحكومة ستعمل",  # a sentence with a date is text
        "قال الوزير 10 ديسمبر 2012",  # two words before a date are no dateline without a mark
        "الرياض - واس",
        "فاز الفريق 3-1 على ملعبه",
        "2012",
        "ديسمبر",
        "1444/09/15",  # a Hijri-shaped number without هـ
        "15 رمضان 1200 هـ",  # outside hijridate's range: OverflowError caught
        "30 رمضان 1444 هـ",  # no such day in that month: ValueError caught
        "",
    ],
)
def test_not_a_date_line(line: str) -> None:
    assert date_line_date(line) is None


def test_hijri_conversion_and_its_limits() -> None:
    assert parse_hijri_date("وفي 1 محرم 1445 هـ بدأ العام") == D(2023, 7, 19)
    assert parse_hijri_date("1500/13/01 هـ") is None
    assert parse_hijri_date("7 ديسمبر 2023") is None
    # parse_date keeps its contract: a Hijri date alone is not converted there
    assert parse_date("24 جمادى الأولى 1445 هـ") is None


@pytest.mark.parametrize(("line", "date"), DATE_LINES)
def test_plain_text_date_line_under_the_title_becomes_the_date(
    tmp_path: Path, line: str, date: dt.date
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"عنوان الخبر\n{line}\nالفقرة الأولى.\nالفقرة الثانية.\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.date, article.body) == (
        "عنوان الخبر",
        date,
        "الفقرة الأولى.\nالفقرة الثانية.",
    )
    assert article.problems == ()


def test_date_line_above_the_title_with_a_url_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        "https://example.dz/news/77\r\nالجمعة, 06 يوليو 2012\r\nعنوان الخبر\r\nنص الخبر.\r\n".encode(
            "cp1256"
        )
    )
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.date, article.url, article.body) == (
        "عنوان الخبر",
        D(2012, 7, 6),
        "https://example.dz/news/77",
        "نص الخبر.",
    )


def test_a_date_line_deep_in_the_body_stays(tmp_path: Path) -> None:
    lines = ["عنوان الخبر", *(f"الفقرة رقم {n}." for n in range(1, 8)), "07/04/2012", "خاتمة."]
    path = tmp_path / "a.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.date is None
    assert "07/04/2012" in article.body.split("\n")


def test_markdown_date_line_and_front_matter_date(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# عنوان\n\n26 جويلية 2012\n\nنص المقالة.\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.date, article.body) == ("عنوان", D(2012, 7, 26), "نص المقالة.")
    path.write_text("---\ndate: 2020-01-02\n---\n# عنوان\n\nنص المقالة.\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.date == D(2020, 1, 2)
