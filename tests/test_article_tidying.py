"""What every reader's article gets on the way out (reader/formats/article_repairs.py): a site's
footer and share lines out of the body, its "read also" links moved to the related headlines,
a wire dateline's date for an undated article, direction marks off the title's ends; and what
a plain text's head holds (a lead paragraph is no headline, a time of day alone is no title)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.datelines import DATELINE_NOTE, dateline_date
from reader.formats.dates import URL_DATE_NOTE
from reader.formats.read_also import split_read_also
from reader.formats.titles import TITLE_FROM_FIRST_SENTENCE

HEADLINE = "وزير المالية يعلن خطة لخفض العجز بنسبة 3% في 2025"
LEAD = (
    "أعلن وزير المالية، اليوم الثلاثاء، عن خطة جديدة تهدف إلى خفض عجز الموازنة العامة بنسبة 3%"
    " خلال العام المقبل."
)
SECOND = (
    "وقال الوزير في مؤتمر صحفي عقده في العاصمة إن الخطة تتضمن إصلاحات ضريبية وترشيدا للإنفاق"
    " الحكومي، مشيرا إلى أن صندوق النقد الدولي رحب بهذه الخطوة."
)


def _records(tmp_path: Path, files: dict[str, str]) -> list[dict]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    records, _ = export_records(tmp_path)
    return records


def test_a_sites_footer_leaves_the_body_of_any_reader(tmp_path: Path) -> None:
    footer = [
        "جميع الحقوق محفوظة © 2024 - صحيفة الرأي",
        "تابعوا آخر الأخبار عبر قناتنا على تليجرام",
        "اشترك في النشرة البريدية",
    ]
    text = "\n".join([HEADLINE, LEAD, SECOND, *footer])
    rows = [{"title": HEADLINE, "text": "\n".join([LEAD, SECOND, *footer])}]
    table = "title,text\n" + f'"{HEADLINE}","' + "\n".join([LEAD, SECOND, *footer]) + '"\n'
    records = _records(
        tmp_path, {"a.txt": text, "b.json": json.dumps(rows, ensure_ascii=False), "c.csv": table}
    )
    assert [r["body"] for r in records] == [f"{LEAD}\n{SECOND}"] * 3


def test_read_also_links_become_the_related_headlines(tmp_path: Path) -> None:
    markdown = "\n\n".join(
        [
            f"# {HEADLINE}",
            LEAD,
            "**اقرأ أيضا:** [البنك المركزي يثبت الفائدة](https://md.example/x)",
            SECOND,
        ]
    )
    wordpress = [
        {
            "title": HEADLINE,
            "content": f"<p>{LEAD}</p><p>اقرأ أيضاً: الحكومة تقر زيادة الأجور</p><p>{SECOND}</p>",
        }
    ]
    records = _records(
        tmp_path,
        {"a.md": markdown, "b.json": json.dumps(wordpress, ensure_ascii=False)},
    )
    assert [(r["body"], r["related"]) for r in records] == [
        (f"{LEAD}\n{SECOND}", ["البنك المركزي يثبت الفائدة"]),
        (f"{LEAD}\n{SECOND}", ["الحكومة تقر زيادة الأجور"]),
    ]


def test_a_marker_line_over_headlines_takes_them_and_sentences_stay() -> None:
    body = "\n".join(
        [
            LEAD,
            "شاهد أيضا الحضور عرضا مسرحيا في الساحة",  # a sentence that opens with the words
            "طالع أيضاً",
            "الحكومة تقر زيادة الأجور",
            "البنك المركزي يثبت الفائدة",
            SECOND,
            "اقرأ أيضا: " + LEAD,  # a whole sentence after the marker is no headline
            "اقرأ أيضا",  # a marker over nothing stays as written
        ]
    )
    kept, related = split_read_also(body)
    assert related == ("الحكومة تقر زيادة الأجور", "البنك المركزي يثبت الفائدة")
    assert kept.split("\n") == [
        LEAD,
        "شاهد أيضا الحضور عرضا مسرحيا في الساحة",
        SECOND,
        "اقرأ أيضا: " + LEAD,
        "اقرأ أيضا",
    ]
    assert split_read_also(LEAD) == (LEAD, ())


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("الرباط - 7 يناير 2024 (و م ع) - أغلقت السلطات", dt.date(2024, 1, 7)),
        ("PARIS, March 12, 2024 (AFP) — The ministry said", dt.date(2024, 3, 12)),
        ("القاهرة – الخميس 14 مارس 2024 – قال", dt.date(2024, 3, 14)),
        ("Beirut - 2024-03-12 (Reuters) - The", dt.date(2024, 3, 12)),
        # without an agency or a weekday: a history article's opening, not a wire's dateline
        ("القاهرة - 23 يوليو 1952 - كان هذا التاريخ", None),
        ("BERLIN - November 9, 1989 - the night the wall fell", None),
        ("الرياض - واس - أعلن", None),
        ("أعلن الوزير في 2024 أن", None),
    ],
)
def test_a_wire_datelines_date(opening: str, date: dt.date | None) -> None:
    assert dateline_date(opening + " ...") == date


def test_an_undated_article_takes_its_datelines_date_noted(tmp_path: Path) -> None:
    dated = "الرباط - 7 يناير 2024 (و م ع) - " + LEAD
    records = _records(
        tmp_path,
        {
            "a.txt": f"{HEADLINE}\n\n{dated}\n{SECOND}",
            "b.txt": f"{HEADLINE}\n12/03/2024\n\n{dated}\n{SECOND}",  # its own date wins
        },
    )
    assert [(r["date"], r["problems"]) for r in records] == [
        ("2024-01-07", [DATELINE_NOTE]),
        ("2024-03-12", []),
    ]
    assert records[0]["body"].startswith("الرباط - 7 يناير 2024 (و م ع) - ")


def test_a_lead_paragraph_is_no_headline_and_keeps_its_place(tmp_path: Path) -> None:
    """A page saved with its address on the first line and no headline: the long first sentence,
    with its full stop, is the text's first paragraph; the title is made from it, noted."""
    url = "https://www.example-news.net/news/2024/3/12/budget"
    records = _records(tmp_path, {"a.txt": f"{url}\n{LEAD}\n{SECOND}\n"})
    (record,) = records
    assert record["body"] == f"{LEAD}\n{SECOND}"
    assert record["problems"] == [TITLE_FROM_FIRST_SENTENCE, URL_DATE_NOTE]
    # the address's "/2024/3/12/", its month and day without their zeros
    assert (record["url"], record["date"]) == (url, "2024-03-12")


def test_a_bare_time_like_line_at_the_top_is_kept(tmp_path: Path) -> None:
    """ "2:01:09" (a marathon record) or "2:55" (a verse) has no label: it is the text's."""
    (record,) = _records(tmp_path, {"a.txt": f"{HEADLINE}\n2:01:09\n{LEAD}\n{SECOND}\n"})
    assert record["body"].split("\n")[0] == "2:01:09"


@pytest.mark.parametrize(
    "stamp", ["آخر تحديث: 10:15 ص", "Updated 10:15 AM", "نشر في 09:30 بتوقيت مكة"]
)
def test_a_time_of_day_alone_above_the_headline_is_no_title(tmp_path: Path, stamp: str) -> None:
    (record,) = _records(tmp_path, {"a.txt": f"{stamp}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"})
    assert (record["title"], record["body"]) == (HEADLINE, f"{LEAD}\n{SECOND}")


def test_direction_marks_leave_the_titles_ends(tmp_path: Path) -> None:
    rows = [{"title": f"\u200f\u202b{HEADLINE}\u202c\u200e ", "text": LEAD}]
    (record,) = _records(tmp_path, {"a.json": json.dumps(rows, ensure_ascii=False)})
    assert record["title"] == HEADLINE


def test_a_date_still_to_come_is_not_used_and_named(tmp_path: Path) -> None:
    future = dt.date.today() + dt.timedelta(days=400)
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # a time zone ahead: kept
    rows = [
        {"title": HEADLINE, "text": LEAD, "date": future.isoformat()},
        {"title": HEADLINE, "text": SECOND, "date": tomorrow.isoformat()},
    ]
    records = _records(tmp_path, {"a.json": json.dumps(rows, ensure_ascii=False)})
    assert [(r["date"], r["problems"]) for r in records] == [
        (None, [f"date in the future ({future.isoformat()}): not used"]),
        (tomorrow.isoformat(), []),
    ]


@pytest.mark.parametrize(
    ("title", "source", "kept"),
    [
        ("البنك المركزي يرفع الفائدة - اليوم السابع", "اليوم السابع", "البنك المركزي يرفع الفائدة"),
        ("وزير الخارجية يلتقي نظيره في عمّان - الجزيرة نت", "الجزيرة نت", None),
        ("Egypt raises rates | Al Arabiya", "Al Arabiya", "Egypt raises rates"),
        # a plain hyphen joins names inside headlines: only a site of two words or an address
        ("موعد مباراة الأهلي - الزمالك", "الزمالك", "موعد مباراة الأهلي - الزمالك"),
        ("Egypt raises rates - youm7.com", "youm7.com", "Egypt raises rates"),
        ("AL ARABIYA | Egypt raises rates", "Al Arabiya", "Egypt raises rates"),
        ("مصر - السودان", "السودان", "مصر - السودان"),  # one word would be left: a headline
        ("البنك المركزي يرفع الفائدة", "اليوم السابع", "البنك المركزي يرفع الفائدة"),
    ],
)
def test_a_title_loses_its_sources_name(title: str, source: str, kept: str | None) -> None:
    from reader.formats.title_source import without_source

    assert without_source(title, source) == (kept or title.rsplit(" - ", 1)[0])


def test_a_feeds_titles_lose_the_source_they_name(tmp_path: Path) -> None:
    rows = [{"title": f"{HEADLINE} - اليوم السابع", "source": "اليوم السابع", "text": LEAD}]
    (record,) = _records(tmp_path, {"a.json": json.dumps(rows, ensure_ascii=False)})
    assert (record["title"], record["source"]) == (HEADLINE, "اليوم السابع")


def test_a_markdown_list_under_a_read_also_heading_moves_only_when_it_links(
    tmp_path: Path,
) -> None:
    points = ["استخدم كلمة مرور طويلة لكل حساب", "فعّل التحقق بخطوتين", "حدّث تطبيقاتك باستمرار"]
    linked = [
        "[البنك المركزي يثبت الفائدة](https://md.example/a)",
        "[البورصة تربح](https://md.example/b)",
    ]
    heading = f"# {HEADLINE}\n\n{LEAD}\n\n## اقرأ أيضا\n\n"
    records = _records(
        tmp_path,
        {
            "points.md": heading + "\n".join(f"- {p}" for p in points) + f"\n\n{SECOND}\n",
            "links.md": heading + "\n".join(f"- {p}" for p in linked) + f"\n\n{SECOND}\n",
        },
    )
    by_id = {r["id"]: r for r in records}
    assert by_id["points.md"]["body"].split("\n") == [
        LEAD,
        "اقرأ أيضا",
        *(f"- {p}" for p in points),
        SECOND,
    ]
    assert by_id["points.md"]["related"] == []
    assert by_id["links.md"]["body"].split("\n") == [LEAD, SECOND]
    assert by_id["links.md"]["related"] == ["البنك المركزي يثبت الفائدة", "البورصة تربح"]
