"""News and search APIs' responses as they are saved: the articles inside a page of results
(Event Registry), the API's placeholders for removed articles (NewsAPI), Bing News' names for
the headline and the publisher, and Zotero's CSL JSON (reader/formats/json_*.py)."""

from __future__ import annotations

import datetime as dt
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


# --- CSL JSON (Zotero's "Export → CSL JSON") -------------------------------------------------


def _csl(number: int, **fields: object) -> dict[str, object]:
    return {
        "id": f"http://zotero.org/users/1/items/A{number}",
        "type": "article-newspaper",
        "title": TITLES[number],
        "container-title": "اليوم السابع",
        "abstract": BODIES[number],
        "author": [{"family": "سمير", "given": "أحمد"}],
        "issued": {"date-parts": [["2024", 3, 1]]},
        "accessed": {"date-parts": [[2024, 3, 5]]},
        "language": "ar",
        **fields,
    }


def test_csl_json_gives_date_source_and_author(tmp_path: Path) -> None:
    items = [_csl(0), _csl(1, author=[{"literal": "رنا الحسيني"}], issued=None)]
    (tmp_path / "My Library.json").write_text(json.dumps(items), encoding="utf-8")
    records, _ = export_records(tmp_path, "--no-cache")
    assert [(r["date"], r["source"], r["author"]) for r in records] == [
        ("2024-03-01", "اليوم السابع", "أحمد سمير"),
        (None, "اليوم السابع", "رنا الحسيني"),
    ]
    assert records[0]["body"] == BODIES[0]
    assert records[0]["problems"] == ["body is the summary: the article has no text field"]


def test_a_csl_date_of_a_month_is_its_first_day_noted() -> None:
    (article,), _ = _read([_csl(0, issued={"date-parts": [[2024, 3]]})])
    assert article.date == dt.date(2024, 3, 1)
    assert "date names only the month (2024-03): shown as its first day" in article.problems


def test_a_csl_date_of_a_month_takes_the_day_of_the_address() -> None:
    item = _csl(0, issued={"date-parts": [[2024, 3]]}, URL="https://news.example/2024/03/07/x")
    (article,), _ = _read([item])
    assert article.date == dt.date(2024, 3, 7)
    assert "date taken from the article's address" in article.problems


def test_a_csl_date_of_a_year_is_no_date() -> None:
    (article,), _ = _read([_csl(0, issued={"date-parts": [[2024]]})])
    assert article.date is None
    assert "date names only the year (2024): not used" in article.problems


def test_a_csl_raw_date_is_read() -> None:
    (article,), _ = _read([_csl(0, issued={"raw": "2024-03-09"})])
    assert (article.date, article.url) == (dt.date(2024, 3, 9), None)


# --- Bing News' API: the headline in "name", the publisher in "provider" ---------------------


def _bing(number: int) -> dict[str, object]:
    return {
        "name": TITLES[number],
        "url": f"https://news.example/news/{number}",
        "image": {"thumbnail": {"contentUrl": "https://x", "width": 700, "height": 466}},
        "description": BODIES[number],
        "provider": [{"_type": "Organization", "name": "عكاظ"}],
        "datePublished": "2024-03-03T09:00:00.0000000Z",
        "category": "Entertainment",
    }


def test_bing_news_headline_and_provider_are_read(tmp_path: Path) -> None:
    response = {
        "_type": "News",
        "readLink": "https://api.example/news/search?q=x",
        "totalEstimatedMatches": 2,
        "value": [_bing(0), _bing(1)],
    }
    (tmp_path / "bing.json").write_text(json.dumps(response), encoding="utf-8")
    records, _ = export_records(tmp_path, "--no-cache")
    assert [(r["title"], r["source"], r["date"]) for r in records] == [
        (TITLES[0], "عكاظ", "2024-03-03"),
        (TITLES[1], "عكاظ", "2024-03-03"),
    ]
    assert records[0]["problems"] == ["body is the summary: the article has no text field"]


def test_an_accounts_name_is_no_headline() -> None:
    # Twint's JSON: "name" is the account's display name beside its "username"
    tweet = {
        "id": 1763912345678901234,
        "date": "2024-03-01",
        "username": "youm7",
        "name": "اليوم السابع",
        "tweet": BODIES[0],
        "link": "https://twitter.example/youm7/status/1",
    }
    (article,), _ = _read([tweet])
    assert article.title != "اليوم السابع"
    assert article.body == BODIES[0]


def test_a_persons_record_gives_no_headline() -> None:
    person = {
        "@type": "Person",
        "name": "رنا الحسيني",
        "url": "https://news.example/author/rana",
        "description": BODIES[0],
        "datePublished": "2024-03-01",
    }
    (article,), _ = _read([person])
    assert article.title != "رنا الحسيني"


def test_name_is_no_headline_beside_a_title() -> None:
    item = {**_bing(0), "title": TITLES[1]}
    (article,), _ = _read([item])
    assert article.title == TITLES[1]


def test_an_export_of_headlines_gives_headline_only_articles(tmp_path: Path) -> None:
    """GDELT's DOC API lists headlines with their addresses and no text: each is a headline-only
    article, noted; a record without text among records with text is still named."""
    from reader.formats.jsonfmt import HEADLINES_ONLY

    gdelt = {
        "articles": [
            {
                "url": "https://www.example.sa/article/1",
                "title": "انطلاق معرض الرياض الدولي للكتاب",
                "seendate": "20240303T091500Z",
                "domain": "example.sa",
                "language": "Arabic",
            },
            {
                "url": "https://www.example.eg/news/2",
                "title": "البنك المركزي يرفع الفائدة",
                "seendate": "20240301T101500Z",
                "domain": "example.eg",
                "language": "Arabic",
            },
        ]
    }
    (tmp_path / "doc.json").write_text(json.dumps(gdelt, ensure_ascii=False), encoding="utf-8")
    mixed = [
        {"title": "خبر كامل", "text": "نص الخبر الكامل هنا.", "url": "https://a.example/1"},
        {"title": "خبر بلا نص", "url": "https://a.example/2"},
    ]
    (tmp_path / "mixed.json").write_text(json.dumps(mixed, ensure_ascii=False), encoding="utf-8")
    records, err = export_records(tmp_path)
    got = [(r["id"], r["body"], r["date"], r["url"], r["problems"]) for r in records]
    assert got == [
        ("doc.json#1", "", "2024-03-03", "https://www.example.sa/article/1", [HEADLINES_ONLY]),
        ("doc.json#2", "", "2024-03-01", "https://www.example.eg/news/2", [HEADLINES_ONLY]),
        ("mixed.json#1", "نص الخبر الكامل هنا.", None, "https://a.example/1", []),
    ]
    assert err[0].startswith("mixed.json: item 2: no article text")
