"""Pages drawn with JavaScript, saved without running it (reader/formats/page_data.py): the
article comes from the data the page carries, JSON-LD's articleBody or Next.js's script data."""

from __future__ import annotations

import datetime as dt
import json

from reader.formats.html import parse_html
from reader.formats.page_data import EMBEDDED_NOTE

PARAGRAPH = (
    "أعلنت الهيئة العليا المستقلة للانتخابات في تونس نتائج الانتخابات البلدية لعام 2018، وقالت إن"
    " نسبة المشاركة بلغت 33.7 في المئة، وأكد رئيس الهيئة أن العملية جرت في ظروف جيدة."
)
BODY = f"{PARAGRAPH}\n{PARAGRAPH}"


def _page(head: str, body: str = '<div id="root"></div><script src="/app.js"></script>') -> str:
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )


def test_json_ld_article_body_is_the_text() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "الجزيرة نت", "description": "موقع إخباري"},
            {
                "@type": "NewsArticle",
                "headline": "نتائج الانتخابات البلدية في تونس",
                "datePublished": "2018-05-09T10:00:00+01:00",
                "articleBody": BODY,
                "author": {"@type": "Person", "name": "محمد علي"},
                "publisher": {"@type": "Organization", "name": "الجزيرة نت"},
                "keywords": "تونس, انتخابات",
            },
        ],
    }
    head = (
        '<link rel="canonical" href="https://example.net/news/2018/5/9/x">'
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
    )
    result = parse_html(_page(head), rel_path="x.html")
    (article,), problems = result.articles, result.problems
    assert problems == ()
    assert (article.title, article.body, article.date) == (
        "نتائج الانتخابات البلدية في تونس",
        BODY,
        dt.date(2018, 5, 9),
    )
    assert (article.source, article.author, article.url) == (
        "الجزيرة نت",
        "محمد علي",
        "https://example.net/news/2018/5/9/x",
    )
    assert article.tags == ("تونس", "انتخابات")
    assert article.problems == (EMBEDDED_NOTE,)


def test_next_data_article_is_found_wherever_it_sits() -> None:
    state = {
        "props": {
            "pageProps": {
                "menu": [{"title": "الرئيسية", "text": "قائمة"}],
                "article": {
                    "title": "خبر من موقع نيكست",
                    "body": f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>",
                    "publishedAt": "2020-03-01",
                },
            }
        }
    }
    script = (
        '<script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(state, ensure_ascii=False)}</script>"
    )
    page = _page("<title>خبر</title>", '<div id="__next"></div>' + script)
    (article,) = parse_html(page, rel_path="n.html").articles
    assert (article.title, article.body, article.date) == (
        "خبر من موقع نيكست",
        BODY,
        dt.date(2020, 3, 1),
    )


def test_a_page_whose_data_holds_no_article_text_is_still_named() -> None:
    data = {"@type": "WebSite", "name": "موقع", "description": "وصف قصير"}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script><script type="application/ld+json">{{broken</script>'
    result = parse_html(_page(head), rel_path="e.html")
    articles, problems = result.articles, result.problems
    assert articles == ()
    assert [p.reason for p in problems] == [
        "a web page without article text (the page may load its text with JavaScript)"
    ]
