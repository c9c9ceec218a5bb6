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
