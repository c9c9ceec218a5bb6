"""A saved page's headline and site name: the logo's <h1>, a site name in og:title, and the site's
part of <title> ("Site :: Headline", "عاجل | Headline") are no headline."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_run import export_records
from rain_story import HEADLINE, P1, P2

from reader.formats import parse_file

TEXT = f"<p>{P1}</p><p>{P2}</p>"


def _read(tmp_path: Path, page: str):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    return article


def _page(head: str, body: str) -> str:
    return f'<html dir="rtl"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def test_logo_h1_is_the_site_and_the_post_title_the_headline(tmp_path: Path) -> None:
    page = _page(
        "<title>صحيفة الوسط</title>",
        '<div class="header"><h1 class="logo"><a href="/">صحيفة الوسط</a></h1>'
        '<ul class="menu"><li>محليات</li><li>عربي ودولي</li></ul></div>'
        f'<div class="post"><h2 class="post-title">{HEADLINE}</h2>'
        f'<div class="post-body">{TEXT}</div></div>',
    )
    article = _read(tmp_path, page)
    assert article.title == HEADLINE
    assert article.body == f"{P1}\n{P2}"
    assert article.source == "صحيفة الوسط"


def test_a_site_name_in_og_title_gives_way_to_the_article_h1(tmp_path: Path) -> None:
    site = "الموقع الرسمي لوزارة الإعلام"
    page = _page(
        f'<meta property="og:title" content="{site}"><title>{site}</title>',
        f'<div class="content"><h1>{HEADLINE}</h1>{TEXT}</div>',
    )
    article = _read(tmp_path, page)
    assert article.title == HEADLINE
    assert article.body == f"{P1}\n{P2}"
    assert article.source == site


def test_og_title_worded_like_the_h1_stays_the_title(tmp_path: Path) -> None:
    """A headline rewritten for sharing is still this article's: no switch."""
    shared = "سيول جارفة تغلق طرقا رئيسية في شمال البلاد"
    page = _page(
        f'<meta property="og:title" content="{shared}"><title>{shared}</title>',
        f"<article><h1>{HEADLINE}</h1>{TEXT}</article>",
    )
    assert _read(tmp_path, page).title == shared


@pytest.mark.parametrize(
    ("title", "headline", "source"),
    [
        (f"صحيفة الوسط :: {HEADLINE}", HEADLINE, "صحيفة الوسط"),
        (f"{HEADLINE} - جريدة الغد", HEADLINE, "جريدة الغد"),
        (f"{HEADLINE} | أخبار محلية | جريدة الغد", HEADLINE, "جريدة الغد"),
        (f"عاجل | {HEADLINE}", HEADLINE, None),  # a label, not a site
        (f"بالفيديو: {HEADLINE}", HEADLINE, None),
        # the dash is the headline's own: no site before it
        (
            "مصر - السودان: اتفاق على استئناف مفاوضات السد",
            "مصر - السودان: اتفاق على استئناف مفاوضات السد",
            None,
        ),
    ],
    ids=["site-prefix", "site-suffix", "section-and-site", "label", "label-colon", "own-dash"],
)
def test_title_element_split_into_headline_and_site(
    tmp_path: Path, title: str, headline: str, source: str | None
) -> None:
    article = _read(tmp_path, _page(f"<title>{title}</title>", f'<div class="post">{TEXT}</div>'))
    assert (article.title, article.source) == (headline, source)
    assert article.body == f"{P1}\n{P2}"


def test_a_label_before_the_headline_is_not_the_source(tmp_path: Path) -> None:
    """The extractor took the part of <title> holding a dot ("5.2") for the site's name."""
    headline = "زلزال بقوة 5.2 درجات يضرب جنوب البلاد"
    page = _page(
        f"<title>عاجل | {headline}</title>",
        '<header class="site-header"><div class="logo"><a href="/">اليوم السابع</a></div>'
        '<nav><a href="/">الرئيسية</a><a href="/s/1">أخبار عاجلة</a></nav></header>'
        f'<article class="main-story"><h1>{headline}</h1>{TEXT}</article>',
    )
    article = _read(tmp_path, page)
    assert (article.title, article.source) == (headline, "اليوم السابع")
    assert article.body == f"{P1}\n{P2}"


def test_declared_site_name_wins_and_is_cut_from_og_title(tmp_path: Path) -> None:
    page = _page(
        f'<meta property="og:title" content="{HEADLINE} | الغد">'
        '<meta property="og:site_name" content="الغد">'
        f"<title>{HEADLINE} | الغد</title>",
        f"<article><h1>{HEADLINE}</h1>{TEXT}</article>",
    )
    article = _read(tmp_path, page)
    assert (article.title, article.source) == (HEADLINE, "الغد")


def test_export_shows_the_headline_not_the_site(tmp_path: Path) -> None:
    (tmp_path / "logo.html").write_text(
        _page(
            "<title>صحيفة الوسط</title>",
            '<div class="header"><h1 class="logo"><a href="/">صحيفة الوسط</a></h1></div>'
            f'<div class="post"><h2 class="post-title">{HEADLINE}</h2>{TEXT}</div>',
        ),
        encoding="utf-8",
    )
    (records, _) = export_records(tmp_path, "--no-cache")
    assert [(r["title"], r["source"], r["body"]) for r in records] == [
        (HEADLINE, "صحيفة الوسط", f"{P1}\n{P2}")
    ]
