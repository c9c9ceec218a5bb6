"""JSON and JSON Lines articles (reader/formats/jsonfmt.py), read through ``parse_file``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from reader.formats import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lines_with_a_bad_line_keeps_the_others() -> None:
    result = parse_file(FIXTURES / "news.jsonl", FIXTURES)
    assert [a.id for a in result.articles] == ["news.jsonl#1", "news.jsonl#3"]
    first, third = result.articles
    assert first.title == "الحكومة تعلن خطة جديدة للنقل"
    assert first.body == "الفقرة الأولى عن الخطة.\nالفقرة الثانية عن التمويل."
    assert first.date == dt.date(2023, 5, 14)
    assert first.source == "الخليج الجديد"
    assert first.url == "https://example.org/a/1"
    assert first.tags == ("نقل", "حكومة", "اقتصاد")
    assert third.tags == ("transport", "policy")
    assert third.date == dt.date(2018, 10, 1)
    (problem,) = result.problems
    assert str(problem).startswith("news.jsonl: line 2: invalid JSON")


def test_object_holding_a_list() -> None:
    result = parse_file(FIXTURES / "holder.json", FIXTURES)
    assert [a.id for a in result.articles] == ["holder.json#1", "holder.json#3"]
    first, third = result.articles
    assert first.body == "فقرة أولى\nفقرة & ثانية"  # HTML paragraphs and entities
    assert first.author == "سارة, علي"
    assert first.category == "سياسة"
    assert first.date == dt.date(2021, 3, 2)
    assert third.title == "الخبر الثالث"
    assert third.date == dt.date(2023, 11, 14)  # Unix seconds
    (problem,) = result.problems
    assert str(problem).startswith("holder.json: item 2: no article text")


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        ({"title": "عنوان", "body": "نص"}, ["one.json"]),
        ([{"title": "عنوان", "body": "نص"}], ["one.json"]),
        (
            [{"title": "أ", "text": "نص"}, {"title": "ب", "text": "نص"}],
            ["one.json#1", "one.json#2"],
        ),
        (
            {
                "data": {
                    "items": [
                        {"headline": "أ", "content": "نص"},
                        {"headline": "ب", "content": "نص"},
                    ]
                }
            },
            ["one.json#1", "one.json#2"],
        ),
        ({"meta": {"count": 1}, "results": [{"title": "أ", "article": "نص"}]}, ["one.json"]),
    ],
    ids=["object", "array-of-one", "array", "nested-holder", "holder-with-meta"],
)
def test_json_shapes(tmp_path: Path, data: Any, ids: list[str]) -> None:
    result = parse_file(_write(tmp_path, "one.json", data), tmp_path)
    assert [a.id for a in result.articles] == ids
    assert result.problems == ()


@pytest.mark.parametrize(
    ("item", "field", "value"),
    [
        ({"headline": "H", "body": "b"}, "title", "H"),
        ({"title": "T", "text": "x"}, "body", "x"),
        ({"title": "T", "article": ["p1", "", "p2"]}, "body", "p1\np2"),
        ({"title": "T", "content": "سطر\r\nسطر"}, "body", "سطر\nسطر"),
        ({"title": "T", "body": "b", "date_extracted": "2020-01-02"}, "date", dt.date(2020, 1, 2)),
        (
            {"title": "T", "body": "b", "published": "7th, December 2023 GMT"},
            "date",
            dt.date(2023, 12, 7),
        ),
        ({"title": "T", "body": "b", "pubDate": 1700000000000}, "date", dt.date(2023, 11, 14)),
        ({"title": "T", "body": "b", "publisher": {"name": "CNN"}}, "source", "CNN"),
        ({"title": "T", "body": "b", "site": "BBC"}, "source", "BBC"),
        ({"title": "T", "body": "b", "link": "https://x.org"}, "url", "https://x.org"),
        ({"title": "T", "body": "b", "authors": ["A", "B"]}, "author", "A, B"),
        (
            {"title": "T", "body": "b", "keywords": "غزة، إيران ,  روسيا"},
            "tags",
            ("غزة", "إيران", "روسيا"),
        ),
        ({"title": "T", "body": "b", "tags": ["أ", "ب", "أ"]}, "tags", ("أ", "ب")),
        ({"title": "T", "body": "b", "section": "رياضة"}, "category", "رياضة"),
        (
            {"title": {"rendered": "عنوان"}, "content": {"rendered": "<p>أ</p><p>ب</p>"}},
            "body",
            "أ\nب",
        ),
        ({"title": {"rendered": "عنوان"}, "content": "b"}, "title", "عنوان"),
        ({"title": "T", "body": "b", "tags": [12, 40]}, "tags", ()),
        # exports with their own spelling of the names: capitals, spaces, Arabic
        ({"Title": "T", "Article Text": "نص"}, "body", "نص"),
        ({"Headline": "عنوان", "Body": "b"}, "title", "عنوان"),
        (
            {"title": "T", "body": "b", "Published At": "2021-06-01T08:00:00Z"},
            "date",
            dt.date(2021, 6, 1),
        ),
        ({"العنوان": "خبر", "النص": "نص الخبر"}, "title", "خبر"),
        ({"العنوان": "خبر", "النص": "نص الخبر"}, "body", "نص الخبر"),
        ({"العنوان": "خبر", "النص": "ن", "التاريخ": "2018-02-02"}, "date", dt.date(2018, 2, 2)),
        ({"العنوان": "خبر", "النص": "ن", "المصدر": "الأهرام"}, "source", "الأهرام"),
        ({"العنوان": "خبر", "النص": "ن", "القسم": "رياضة"}, "category", "رياضة"),
        # what common extraction tools write: news-please, newspaper3k, trafilatura
        # (news-please writes "text": null beside "maintext", and a "description")
        (
            {"title": "T", "text": None, "description": "ملخص", "maintext": "النص الكامل"},
            "body",
            "النص الكامل",
        ),
        ({"Title": "T", "Text": "", "Main Text": "النص الكامل"}, "body", "النص الكامل"),
        # webz.io's posts keep their site in the thread they belong to
        (
            {"title": "T", "text": "نص", "thread": {"site_full": "www.alarabiya.net"}},
            "source",
            "www.alarabiya.net",
        ),
        # snscrape's tweets
        ({"url": "u", "date": "2026-11-03", "rawContent": "نص التغريدة"}, "body", "نص التغريدة"),
        # Media Cloud's stories
        ({"title": "T", "story_text": "نص", "media_name": "الأهرام"}, "source", "الأهرام"),
        ({"title": "T", "story_text": "نص القصة"}, "body", "نص القصة"),
        (
            {"title": "T", "maintext": "b", "date_publish": "2021-03-01 08:30:00"},
            "date",
            dt.date(2021, 3, 1),
        ),
        (
            {"title": "T", "maintext": "b", "source_domain": "www.aljazeera.net"},
            "source",
            "www.aljazeera.net",
        ),
        (
            {"title": "T", "text": "b", "publish_date": "2019-05-06 00:00:00"},
            "date",
            dt.date(2019, 5, 6),
        ),
        (
            {
                "title": "T",
                "text": "b",
                "source": "https://alarabiya.net/x",
                "source-hostname": "العربية",
            },
            "source",
            "العربية",
        ),
        (
            {
                "title": "T",
                "text": "b",
                "source": "https://alarabiya.net/x",
                "hostname": "alarabiya.net",
            },
            "url",
            "https://alarabiya.net/x",
        ),
        ({"title": "T", "text": "b", "source": "https://x.example/1"}, "source", None),
        (
            {"title": "T", "text": "b", "source": "https://a/1", "url": "https://b/2"},
            "url",
            "https://b/2",
        ),
        # a byline word kept before the name
        ({"title": "T", "body": "b", "byline": "By John Smith"}, "author", "John Smith"),
        ({"title": "T", "body": "b", "author": "كتب: محمد أحمد"}, "author", "محمد أحمد"),
        ({"title": "T", "body": "b", "author": "Byron Smith"}, "author", "Byron Smith"),
        # the exact name wins over a folded one
        ({"title": "exact", "Title": "folded", "body": "b"}, "title", "exact"),
    ],
)
def test_field_aliases(tmp_path: Path, item: dict[str, Any], field: str, value: Any) -> None:
    (article,) = parse_file(_write(tmp_path, "a.json", item), tmp_path).articles
    assert getattr(article, field) == value


@pytest.mark.parametrize(
    ("item", "title", "body", "problem"),
    [
        (
            {"content": "الجملة الأولى من الخبر"},
            "الجملة الأولى من الخبر",
            "الجملة الأولى من الخبر",
            "no title: made from the first words of the text",
        ),
        (
            {"title": "T", "summary": "ملخص"},
            "T",
            "ملخص",
            "body is the summary: the article has no text field",
        ),
        ({"title": "T", "body": "b", "date": "someday"}, "T", "b", "unreadable date: 'someday'"),
    ],
)
def test_missing_fields_are_flagged(
    tmp_path: Path, item: dict[str, Any], title: str, body: str, problem: str
) -> None:
    (article,) = parse_file(_write(tmp_path, "a.json", item), tmp_path).articles
    assert (article.title, article.body) == (title, body)
    assert problem in article.problems


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        (
            "bad.json",
            '{"title": "x", "body": ',
            "bad.json: invalid JSON at line 1 column 24: Expecting value",
        ),
        ("bad.json", '["a", "b"]', "bad.json: JSON holds no article objects"),
        (
            "bad.jsonl",
            "not json\nalso not\n",
            "bad.jsonl: no line holds a JSON object (line 1: invalid JSON at column 1",
        ),
        ("bad.jsonl", '{"x": 1}\n', "bad.jsonl: no article text"),
        (
            "deep.json",
            '[{"title": "x"}, ' + "[" * 100_000 + "]" * 100_000 + "]",
            "deep.json: JSON nested too deeply",
        ),
    ],
)
def test_json_that_holds_no_article_is_a_problem(
    tmp_path: Path, name: str, text: str, reason: str
) -> None:
    result = parse_file(_write(tmp_path, name, text), tmp_path)
    assert result.articles == ()
    assert str(result.problems[0]).startswith(reason)


def test_text_file_that_only_starts_like_json_is_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "note.txt", "[صورة] عنوان الخبر\nنص الخبر.\n")
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "[صورة] عنوان الخبر"
    assert article.body == "نص الخبر."
