"""News and search APIs' responses as they are saved: the articles inside a page of results
(Event Registry), the API's placeholders for removed articles (NewsAPI), Bing News' names for
the headline and the publisher, and Zotero's CSL JSON (reader/formats/json_*.py)."""

from __future__ import annotations

import json
from pathlib import Path

from export_run import export_records

from reader.formats.jsonfmt import parse_json
from reader.model import Article

TITLES = ["وزير الخارجية الأردني يلتقي نظيره الفرنسي في عمّان", "انطلاق معرض الرياض الدولي للكتاب"]
BODIES = [
    "استقبل وزير الخارجية الأردني في عمّان اليوم نظيره الفرنسي، وبحث الجانبان تطورات الأوضاع.",
    "انطلقت مساء الخميس فعاليات معرض الرياض الدولي للكتاب بمشاركة أكثر من 1800 دار نشر.",
]


def _read(data: object) -> tuple[list[Article], list[str]]:
    result = parse_json(json.dumps(data, ensure_ascii=False), rel_path="x.json")
    return list(result.articles), [p.reason for p in result.problems]


def _er_record(number: int) -> dict[str, object]:
    return {
        "uri": f"80123456{number}",
        "lang": "ara",
        "isDuplicate": False,
        "date": f"2024-03-0{number + 2}",
        "time": "08:01:00",
        "dateTime": f"2024-03-0{number + 2}T08:01:00Z",
        "url": f"https://news.example/{number}",
        "title": TITLES[number],
        "body": BODIES[number],
        "source": {"uri": "news.example", "dataType": "news", "title": "جريدة الغد"},
        "authors": [{"uri": "x", "name": "رنا الحسيني", "type": "author", "isAgency": False}],
        "sentiment": 0.1,
        "wgt": 1,
    }


# --- a page of results under a container key ------------------------------------------------


def test_event_registry_results_under_articles_are_read(tmp_path: Path) -> None:
    page = {
        "articles": {
            "results": [_er_record(0), _er_record(1)],
            "totalResults": 2,
            "page": 1,
            "count": 100,
            "pages": 1,
        }
    }
    (tmp_path / "er.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [(r["title"], r["source"], r["date"]) for r in records] == [
        (TITLES[0], "جريدة الغد", "2024-03-02"),
        (TITLES[1], "جريدة الغد", "2024-03-03"),
    ]
    assert not any("no article text" in line for line in stderr)


def test_a_page_of_results_under_any_key_is_not_read_as_a_table() -> None:
    # the wrapper's counts are no rows of a table written by columns
    page = {"articles": {"list": [_er_record(0), _er_record(1)], "total": 2, "page": 1}}
    articles, problems = _read(page)
    assert [a.title for a in articles] == TITLES
    assert problems == []


# --- NewsAPI's placeholders for removed articles -----------------------------------------------

_REMOVED = {
    "source": {"id": None, "name": "[Removed]"},
    "author": None,
    "title": "[Removed]",
    "description": "[Removed]",
    "url": "https://removed.com",
    "urlToImage": None,
    "publishedAt": "1970-01-01T00:00:00Z",
    "content": "[Removed]",
}


def _newsapi(number: int) -> dict[str, object]:
    return {
        "source": {"id": None, "name": "Al Jazeera"},
        "author": None,
        "title": TITLES[number],
        "description": BODIES[number][:40],
        "url": f"https://news.example/{number}",
        "urlToImage": None,
        "publishedAt": "2024-03-02T08:00:00Z",
        "content": BODIES[number],
    }


def test_newsapi_removed_records_are_left_out_with_one_note(tmp_path: Path) -> None:
    response = {
        "status": "ok",
        "totalResults": 4,
        "articles": [_newsapi(0), _REMOVED, _newsapi(1), _REMOVED],
    }
    (tmp_path / "everything.json").write_text(json.dumps(response), encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [r["title"] for r in records] == TITLES
    notes = [line for line in stderr if "removed" in line.lower()]
    assert notes == ["everything.json: 2 records removed by the news API ([Removed]) left out"]


def test_a_file_of_removed_records_only_names_them() -> None:
    articles, problems = _read({"status": "ok", "articles": [_REMOVED]})
    assert articles == []
    assert problems == ["1 record removed by the news API ([Removed]) left out"]


def test_an_article_about_removed_content_is_kept() -> None:
    item = {"title": "[Removed]", "content": BODIES[0], "url": "https://news.example/0"}
    articles, _ = _read([item])
    assert [a.body for a in articles] == [BODIES[0]]
