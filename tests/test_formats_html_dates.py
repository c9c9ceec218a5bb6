"""A saved page whose markup gives no date: the date line it shows near its headline is read
(Arabic month names, a weekday, a label), leaves the body, and is noted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_run import export_records
from rain_story import HEADLINE, P1, P2

from reader.formats import parse_file
from reader.formats.html_dates import DATE_LINE_NOTE


def _page(article: str) -> str:
    return (
        f'<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8"><title>{HEADLINE}</title>'
        '</head><body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">'
        "سياسة</a></li></ul></nav></header>"
        f"{article}<footer><p>جميع الحقوق محفوظة © 2024 جريدة الغد</p></footer></body></html>"
    )


def _read(tmp_path: Path, page: str, name: str = "article.html"):
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    return article


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("الأحد 7 يناير 2024", dt.date(2024, 1, 7)),
        ("نشر في: 7 كانون الثاني 2024 - 10:30 ص", dt.date(2024, 1, 7)),
        ("آخر تحديث: 2024/01/07", dt.date(2024, 1, 7)),
    ],
    ids=["weekday", "label-and-time", "updated"],
)
def test_date_line_under_the_headline(tmp_path: Path, line: str, day: dt.date) -> None:
    article = _read(
        tmp_path,
        _page(f"<article><h1>{HEADLINE}</h1><p>{line}</p><p>{P1}</p><p>{P2}</p></article>"),
    )
    assert (article.title, article.date) == (HEADLINE, day)
    assert article.body == f"{P1}\n{P2}"
    assert article.problems == (DATE_LINE_NOTE,)


def test_html_saved_as_txt_reads_its_date_line(tmp_path: Path) -> None:
    page = _page(
        f"<article><h1>{HEADLINE}</h1><p>الأحد 7 يناير 2024</p><p>{P1}</p><p>{P2}</p></article>"
    )
    article = _read(tmp_path, page, name="article.txt")
    assert (article.date, article.body) == (dt.date(2024, 1, 7), f"{P1}\n{P2}")


def test_a_sentence_with_a_date_stays_in_the_body(tmp_path: Path) -> None:
    first = "وقالت الوزارة إن الدراسة ستستأنف يوم 7 يناير 2024 في جميع المدارس الحكومية."
    article = _read(
        tmp_path, _page(f"<article><h1>{HEADLINE}</h1><p>{first}</p><p>{P1}</p></article>")
    )
    assert article.date is None
    assert article.body == f"{first}\n{P1}"
    assert article.problems == ()


def test_div_page_with_the_text_in_its_own_element(tmp_path: Path) -> None:
    """An old div layout (title, date, text divs): the extractor took the text div first and put
    the headline and date line after the last paragraph."""
    page = (
        '<html><head><meta charset="utf-8"><title>انطلاق فعاليات معرض الكتاب الدولي بمشاركة 40 '
        'دولة - موقع الأخبار</title></head><body><div id="top"><a href="/">الرئيسية</a> | '
        '<a href="/c/1">محليات</a></div><div id="content"><div class="title">انطلاق فعاليات معرض '
        'الكتاب الدولي بمشاركة 40 دولة</div><div class="date">الخميس 14 مارس 2024</div>'
        f'<div class="text">{P1}<br><br>{P2}</div></div><div class="most-read"><b>الأكثر قراءة</b>'
        '<br><a href="/x">فضيحة في الدوري المحلي</a></div><div id="footer">جميع الحقوق محفوظة</div>'
        "</body></html>"
    )
    article = _read(tmp_path, page)
    assert article.title == "انطلاق فعاليات معرض الكتاب الدولي بمشاركة 40 دولة"
    assert article.date == dt.date(2024, 3, 14)
    assert article.body == f"{P1}\n{P2}"
    assert article.source == "موقع الأخبار"
    assert article.problems == ()  # the date element is marked as one: no guess


def test_metadata_date_wins_and_the_date_line_still_leaves(tmp_path: Path) -> None:
    page = _page(
        f"<article><h1>{HEADLINE}</h1><time datetime='2024-01-08'>الاثنين 8 يناير 2024</time>"
        f"<p>{P1}</p><p>{P2}</p></article>"
    ).replace("</title>", "</title><meta property='article:published_time' content='2024-01-08'>")
    article = _read(tmp_path, page)
    assert article.date == dt.date(2024, 1, 8)
    assert article.body == f"{P1}\n{P2}"
    assert article.problems == ()


def test_relative_date_line_is_named_not_kept(tmp_path: Path) -> None:
    page = _page(
        f'<div class="post"><h2 class="post-title">{HEADLINE}</h2>'
        f'<span class="post-date">منذ 3 ساعات</span><div class="post-body"><p>{P1}</p><p>{P2}</p>'
        "</div></div>"
    )
    article = _read(tmp_path, page)
    assert article.date is None
    assert article.body == f"{P1}\n{P2}"
    assert article.problems == (
        "relative date 'منذ 3 ساعات': the day it counts from (when it was saved) is not in the file",
    )


def test_export_shows_the_date_and_note(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        _page(f"<article><h1>{HEADLINE}</h1><p>الأحد 7 يناير 2024</p><p>{P1}</p></article>"),
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    assert [(r["date"], r["body"], r["problems"]) for r in records] == [
        ("2024-01-07", P1, [DATE_LINE_NOTE])
    ]
