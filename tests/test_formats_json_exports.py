"""JSON as researchers' tools write it: field names the CSV reader knows ("تاريخ النشر",
"Date de publication") (reader/formats/json_*.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.formats.jsonfmt import parse_json
from reader.model import Article

TITLES = ["وزير المالية يعلن خطة لخفض العجز", "انطلاق معرض الكتاب الدولي"]
BODIES = [
    "أعلن وزير المالية اليوم عن خطة جديدة تهدف إلى خفض عجز الموازنة العامة خلال العام المقبل.",
    "انطلقت صباح الخميس فعاليات الدورة الخامسة والخمسين لمعرض الكتاب الدولي بمشاركة 40 دولة.",
]
DAYS = [dt.date(2024, 3, 12), dt.date(2024, 3, 14)]
# pandas' default date_format="epoch": milliseconds since 1970, UTC
EPOCH_MS = [1710201600000, 1710374400000]
NAN = float("nan")


def _read(data: object, *, lines: bool = False) -> tuple[list[Article], list[str]]:
    text = json.dumps(data, ensure_ascii=False)
    result = parse_json(text, rel_path="x.json", lines=lines)
    return list(result.articles), [p.reason for p in result.problems]


# --- field names: the table readers' names, in JSON ------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["تاريخ النشر", "تاريخ_النشر", "date_publication", "Date de publication", "تاريخ الخبر"],
)
def test_date_fields_named_as_in_a_csv_header_give_the_date(name: str) -> None:
    articles, problems = _read([{"العنوان": TITLES[0], "النص": BODIES[0], name: "2024-03-12"}])
    assert (articles[0].date, articles[0].problems, problems) == (DAYS[0], (), [])


def test_every_field_named_as_in_a_csv_header_is_read() -> None:
    item = {
        "عنوان الخبر": TITLES[0],
        "نص الخبر": BODIES[0],
        "تاريخ النشر": "2024-03-12",
        "رابط الخبر": "https://news.example/a/1",
        "اسم الكاتب": "خالد يوسف",
        "اسم الموقع": "وكالة سبأ",
        "الكلمات المفتاحية": "اقتصاد، موازنة",
    }
    (article,), problems = _read([item])
    assert (article.title, article.body, article.date) == (TITLES[0], BODIES[0], DAYS[0])
    assert (article.url, article.author, article.source) == (
        "https://news.example/a/1",
        "خالد يوسف",
        "وكالة سبأ",
    )
    assert (article.tags, problems) == (("اقتصاد", "موازنة"), [])
    (french,), _ = _read([{"Titre": TITLES[1], "Contenu": BODIES[1], "Lien": "https://n.example"}])
    assert (french.title, french.body, french.url) == (TITLES[1], BODIES[1], "https://n.example")


def test_keys_that_name_another_moment_or_thing_are_not_the_articles() -> None:
    """news-please's download date is not the publication date; an image's address is not the
    article's; a short "status_text" is no article's text."""
    item = {
        "title": TITLES[0],
        "maintext": BODIES[0],
        "date_publish": None,
        "date_download": "2024-05-01 10:00:00",
        "image_url": "https://img.example/x.jpg",
    }
    (article,), problems = _read([item])
    assert (article.date, article.url, problems) == (None, None, [])
    wrapper = {"status_text": "request completed", "articles": [{"title": "T", "text": BODIES[0]}]}
    (article,), _ = _read(wrapper)
    assert article.body == BODIES[0]


def test_a_record_without_a_date_field_keeps_no_date_and_no_note() -> None:
    (article,), problems = _read([{"العنوان": TITLES[0], "نص الخبر": BODIES[0]}])
    assert (article.date, article.problems, problems) == (None, (), [])
