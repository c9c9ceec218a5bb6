"""JSON as scrapers leave it when it is not one clean document (reader/formats/json_read.py
``salvage``): a list cut short by a crawl that stopped, a comma before the closing bracket,
objects written one after another, Python literals, and articles keyed by their ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats import parse_file
from reader.formats.jsonfmt import NotJson, parse_json

BODY = "نص الخبر عن الاقتصاد في تونس والجزائر والمغرب وقال الوزير إن النمو سيرتفع."
ITEMS = [{"title": f"خبر {n}", "text": BODY, "date": "2024-01-15"} for n in ("أول", "ثان", "ثالث")]


def _dump(item: dict) -> str:
    return json.dumps(item, ensure_ascii=False)


def _titles(text: str, *, lines: bool = False) -> tuple[list[str], list[str]]:
    result = parse_json(text, rel_path="x.json", lines=lines)
    return [a.title for a in result.articles], [p.reason for p in result.problems]


def test_a_crawl_that_stopped_keeps_its_complete_items() -> None:
    """Scrapy's exporter writes "[", then each item and ",", and "]" only when the crawl ends."""
    cut = "[\n" + ",\n".join(_dump(i) for i in ITEMS) + ",\n"
    titles, problems = _titles(cut)
    assert titles == ["خبر أول", "خبر ثان", "خبر ثالث"]
    assert problems == [
        "the JSON list has no closing ']' (an export that stopped early?); its 3 item(s) are read"
    ]
    half = cut[: cut.index("خبر ثالث") + 20]  # cut inside the third item
    titles, problems = _titles(half)
    assert titles == ["خبر أول", "خبر ثان"]
    assert problems[0].startswith("the JSON ends part way (after 2 complete item(s)")


@pytest.mark.parametrize(
    "text",
    [
        "[" + ", ".join(_dump(i) for i in ITEMS) + ",]",  # a comma before "]", as JavaScript allows
        "".join(_dump(i) for i in ITEMS),  # objects one after another, no separator
        "\n\n".join(_dump(i) for i in ITEMS),
    ],
)
def test_lists_with_a_trailing_comma_and_objects_in_a_row_are_read_whole(text: str) -> None:
    assert _titles(text) == (["خبر أول", "خبر ثان", "خبر ثالث"], [])


def test_python_literals_are_read_as_such() -> None:
    """A scraper that wrote str(items), or str(item) a line."""
    notes = ["Python literals, not JSON (single quotes): read as such"]
    assert _titles(repr(ITEMS)) == (["خبر أول", "خبر ثان", "خبر ثالث"], notes)
    lines = "\n".join(repr(i) for i in ITEMS)
    assert _titles(lines, lines=True) == (["خبر أول", "خبر ثان", "خبر ثالث"], notes)


def test_articles_keyed_by_their_ids_are_all_read(tmp_path: Path) -> None:
    """{"123": {...}, "124": {...}} gave the first article only."""
    keyed = {str(100 + n): item for n, item in enumerate(ITEMS)}
    (tmp_path / "keyed.json").write_text(json.dumps(keyed, ensure_ascii=False), "utf-8")
    records, _ = export_records(tmp_path)
    assert [r["title"] for r in records] == ["خبر أول", "خبر ثان", "خبر ثالث"]


@pytest.mark.parametrize(
    "text", ["[1, 2, oops", "{'a': 1", '[\n{"title": "x", "text"', "{}garbage"]
)
def test_what_holds_no_article_is_still_named(text: str) -> None:
    try:
        result = parse_json(text, rel_path="x.json")
    except NotJson:
        return
    assert result.articles == ()
    assert result.problems


def test_a_json_feed_is_read_an_item_an_article() -> None:
    """JSON Feed, as feed readers, static sites and feed bridges publish it: a titled wrapper
    (the feed, which is no article) around items whose text is HTML or plain text; the feed's
    title is the items' source."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "أخبار الجنوب",
        "home_page_url": "https://www.example-news.tn/",
        "items": [
            {
                "id": "1",
                "url": "https://www.example-news.tn/a/1",
                "title": "خبر أول",
                "content_html": f"<p>{BODY}</p><p>فقرة ثانية.</p>",
                "date_published": "2024-03-01T10:00:00+01:00",
                "authors": [{"name": "محمد العربي"}],
                "tags": ["اقتصاد"],
            },
            {"id": "2", "title": "خبر ثان", "content_text": BODY, "source": "وكالة"},
        ],
    }
    result = parse_json(json.dumps(feed, ensure_ascii=False), rel_path="feed.json")
    first, second = result.articles
    assert (first.title, first.body, first.source) == (
        "خبر أول",
        f"{BODY}\nفقرة ثانية.",
        "أخبار الجنوب",
    )
    assert (first.author, first.tags, first.url) == (
        "محمد العربي",
        ("اقتصاد",),
        "https://www.example-news.tn/a/1",
    )
    assert (second.body, second.source) == (BODY, "وكالة")
    assert result.problems == ()


def test_a_titled_export_wrapping_its_articles_gives_the_articles() -> None:
    """{"title": "the site's export", "articles": [...]}: the wrapper's title is no article."""
    wrapped = {"title": "أرشيف الموقع", "exported": "2024-03-01", "articles": ITEMS}
    assert _titles(_dump(wrapped)) == (["خبر أول", "خبر ثان", "خبر ثالث"], [])
    # a titled object with a list that holds no articles is the article itself
    single = {"title": "خبر", "text": BODY, "related": [{"id": 1}, {"id": 2}]}
    assert _titles(_dump(single)) == (["خبر"], [])


def test_a_feed_readers_export_gives_the_link_and_the_feed() -> None:
    """Google Reader's API, as Inoreader, FreshRSS and The Old Reader export starred items:
    links as [{"href": ...}] lists, the feed in "origin", the text in {"content": ...}."""
    item = {
        "id": "tag:google.com,2005:reader/item/0001",
        "title": "وزير الخارجية يبحث تطورات المنطقة",
        "published": 1699990000,
        "canonical": [{"href": "https://www.example-news.net/2023/11/14/a"}],
        "alternate": [{"href": "https://www.example-news.net/2023/11/14/a", "type": "text/html"}],
        "content": {"direction": "rtl", "content": f"<p>{BODY}</p>"},
        "author": "مراسل",
        "origin": {"streamId": "feed/https://www.example-news.net/rss", "title": "أخبار"},
    }
    export = {"id": "user/1005/state/com.google/starred", "title": "Starred", "items": [item]}
    (article,) = parse_json(_dump(export), rel_path="starred.json").articles
    assert (article.title, article.body) == ("وزير الخارجية يبحث تطورات المنطقة", BODY)
    assert (article.url, article.source, article.author) == (
        "https://www.example-news.net/2023/11/14/a",
        "أخبار",
        "مراسل",
    )


def test_a_news_apis_preview_says_it_is_one(tmp_path: Path) -> None:
    """NewsAPI gives the first 200 characters of a text and counts the rest: "… [+1532 chars]"."""
    item = {
        "source": {"id": None, "name": "الجزيرة نت"},
        "title": "وزير الخارجية يبحث تطورات المنطقة",
        "url": "https://www.example-news.net/2023/11/14/a",
        "publishedAt": "2023-11-14T10:00:00Z",
        "content": f"{BODY[:60]}… [+1532 chars]",
    }
    export = {"status": "ok", "totalResults": 1, "articles": [item]}
    (tmp_path / "newsapi.json").write_text(_dump(export), encoding="utf-8")
    (article,) = parse_file(tmp_path / "newsapi.json", tmp_path).articles
    assert (article.body, article.source) == (f"{BODY[:60]}…", "الجزيرة نت")
    assert article.problems == (
        "text cut short by the news API that exported it (1,532 more characters at the source)",
    )


def test_a_read_later_export_names_its_site_and_author() -> None:
    """wallabag's JSON export: the site in domain_name, the authors in published_by."""
    item = {
        "title": "قمة الرياض تختتم أعمالها",
        "url": "https://www.example-news.net/news/riyadh",
        "content": f"<p>{BODY}</p>",
        "published_at": "2023-11-11T09:00:00+0100",
        "published_by": ["أحمد سالم"],
        "domain_name": "www.example-news.net",
    }
    (article,) = parse_json(_dump([item]), rel_path="wallabag.json").articles
    assert (article.source, article.author, article.body) == (
        "www.example-news.net",
        "أحمد سالم",
        BODY,
    )


def test_a_google_keep_note_is_an_article() -> None:
    """Google Takeout's Keep notes: the text in textContent, times in microseconds."""
    note = {
        "color": "DEFAULT",
        "isTrashed": False,
        "title": "ملاحظة عن القمة",
        "textContent": BODY,
        "userEditedTimestampUsec": 1699990000000000,
        "createdTimestampUsec": 1699900000000000,
        "labels": [{"name": "قمم"}],
    }
    (article,) = parse_json(_dump(note), rel_path="note.json").articles
    assert (article.title, article.body) == ("ملاحظة عن القمة", BODY)
    assert article.date == dt.date(2023, 11, 13)
