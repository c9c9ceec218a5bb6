"""A page behind a paywall shows a teaser and a subscribe prompt; its JSON-LD holds the whole
article. The whole article is the text (noted), and the prompt is never a paragraph."""

from __future__ import annotations

import json
from pathlib import Path

from export_run import export_records
from rain_story import HEADLINE, P1, P2

from reader.formats import parse_file
from reader.formats.page_paywall import FULL_TEXT_NOTE

TEASER = "أغلقت السلطات عدة طرق رئيسية في المحافظات الشمالية بعد هطول ..."
PROMPT = "اشترك الآن لقراءة المقال كاملا. الاشتراك الشهري بـ 5 دولارات فقط."


def _page(article_body: str | None, shown: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2024-01-07T18:30:00+03:00",
        "publisher": {"@type": "Organization", "name": "الشرق الأوسط"},
    }
    if article_body is not None:
        data["articleBody"] = article_body
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{HEADLINE}</title><script type='application/ld+json'>"
        f"{json.dumps(data, ensure_ascii=False)}</script></head><body>"
        "<header class='site-header'><div class='logo'><a href='/'>الشرق الأوسط</a></div>"
        "<nav><a href='/'>الرئيسية</a><a href='/s/1'>سياسة</a></nav></header>"
        f"<article><h1>{HEADLINE}</h1>{shown}</article><footer>©</footer></body></html>"
    )


def _read(tmp_path: Path, page: str):
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    return article


def test_teaser_gives_way_to_the_whole_article_of_the_json_ld(tmp_path: Path) -> None:
    shown = f"<p>{TEASER}</p><div class='paywall'>{PROMPT}</div>"
    article = _read(tmp_path, _page(f"{P1}\n{P2}", shown))
    assert (article.title, article.body) == (HEADLINE, f"{P1}\n{P2}")
    assert article.problems == (FULL_TEXT_NOTE,)


def test_without_the_whole_text_the_teaser_stays_and_the_prompt_goes(tmp_path: Path) -> None:
    shown = f"<p>{TEASER}</p><div class='paywall'>{PROMPT}</div>"
    article = _read(tmp_path, _page(None, shown))
    assert article.body == TEASER
    assert article.problems == ()


def test_json_ld_text_of_another_article_is_not_taken(tmp_path: Path) -> None:
    other = "نص خبر آخر تماما عن الانتخابات البلدية ونتائجها في المدن الكبرى والقرى. " * 5
    shown = f"<p>{TEASER}</p><div class='paywall'>{PROMPT}</div>"
    article = _read(tmp_path, _page(other, shown))
    assert article.body == TEASER
    assert article.problems == ()


def test_a_whole_article_on_the_page_is_kept(tmp_path: Path) -> None:
    """No prompt, no "...": the page's text is the article, whatever the JSON-LD holds."""
    longer = f"{P1}\n{P2}\n{P2}"
    article = _read(tmp_path, _page(longer, f"<p>{P1}</p><p>{P2}</p>"))
    assert article.body == f"{P1}\n{P2}"
    assert article.problems == ()


def test_export_shows_the_whole_article(tmp_path: Path) -> None:
    shown = f"<p>{TEASER}</p><div class='paywall'>{PROMPT}</div>"
    (tmp_path / "p.html").write_text(_page(f"{P1}\n{P2}", shown), encoding="utf-8")
    records, _ = export_records(tmp_path, "--no-cache")
    assert [(r["body"], r["problems"]) for r in records] == [(f"{P1}\n{P2}", [FULL_TEXT_NOTE])]
