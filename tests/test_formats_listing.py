"""A mirror of a news site holds its home, section and tag pages beside its articles: those list
teasers and are no article (the extractor took the first teaser for one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats import parse_file

PARAGRAPH = (
    "أعلنت وزارة الاقتصاد في تونس اليوم عن حزمة إجراءات جديدة لدعم المؤسسات الصغيرة والمتوسطة "
    "في ظل ارتفاع الأسعار وتراجع الطلب الداخلي، وقال الوزير إن الحكومة ستخصص تمويلات إضافية. "
)


def _teasers(n: int) -> str:
    return "".join(
        f'<article class="post"><h2 class="entry-title"><a href="/2026/11/03/post-{i}/">'
        f"خبر رقم {i} عن الاقتصاد في تونس والمنطقة</a></h2>"
        f"<p>ملخص الخبر رقم {i}: أعلنت الحكومة اليوم عن إجراءات جديدة لدعم الاقتصاد …</p>"
        "</article>"
        for i in range(n)
    )


def _page(*, og_type: str, canonical: str, main: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        "<title>موقع الأخبار</title>"
        f'<meta property="og:type" content="{og_type}"><link rel="canonical" href="{canonical}">'
        f"{head}</head><body><header><nav><a href='/'>الرئيسية</a> <a href='/economy/'>اقتصاد</a></nav>"
        f"</header><main>{main}</main><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("og_type", "canonical"),
    [
        ("website", "https://site.example/economy/"),  # a section page that says it is none
        ("", "https://site.example/category/economy/page/2/"),  # said by its address
        ("", "https://site.example/"),  # the home page
        ("", "https://site.example/archive.php?page=3"),
    ],
    ids=["og-website", "category-page-2", "home", "page-number"],
)
def test_a_listing_page_is_named_not_read_as_an_article(
    tmp_path: Path, og_type: str, canonical: str
) -> None:
    main = '<h1 class="page-title">التصنيف: اقتصاد</h1>' + _teasers(10)
    (tmp_path / "index.html").write_text(_page(og_type=og_type, canonical=canonical, main=main))
    result = parse_file(tmp_path / "index.html", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "a page listing 10 articles (a home, section or tag page), not an article"
    ]


@pytest.mark.parametrize(
    ("og_type", "head", "paragraphs"),
    [
        ("article", "", 3),
        # some sites mark every page "website": the article says so otherwise
        ("website", '<meta property="article:published_time" content="2026-11-03T10:00">', 3),
        ("website", '<script type="application/ld+json">{"@type": "NewsArticle"}</script>', 3),
        # or by its own long text
        ("website", "", 9),
    ],
    ids=["og-article", "published-time", "json-ld", "long-text"],
)
def test_an_article_with_a_box_of_related_headlines_stays_an_article(
    tmp_path: Path, og_type: str, head: str, paragraphs: int
) -> None:
    main = (
        "<article><h1>إجراءات جديدة لدعم المؤسسات الصغيرة</h1>"
        + "".join(f"<p>الفقرة {i}: {PARAGRAPH}</p>" for i in range(paragraphs))
        + "</article><div class='related'><h3>أخبار ذات صلة</h3>"
        + _teasers(10)
        + "</div>"
    )
    canonical = "https://site.example/economy/story-1/"
    page = _page(og_type=og_type, canonical=canonical, main=main, head=head)
    (tmp_path / "story.html").write_text(page)
    (article,) = parse_file(tmp_path / "story.html", tmp_path).articles
    assert article.title == "إجراءات جديدة لدعم المؤسسات الصغيرة"
    assert f"الفقرة 0: {PARAGRAPH.strip()}" in article.body


def test_a_short_page_with_few_headline_links_stays_an_article(tmp_path: Path) -> None:
    main = "<h1>خبر قصير</h1><p>" + PARAGRAPH + "</p><div>" + _teasers(4) + "</div>"
    page = _page(og_type="website", canonical="https://site.example/", main=main)
    (tmp_path / "short.html").write_text(page)
    (article,) = parse_file(tmp_path / "short.html", tmp_path).articles
    assert article.title == "خبر قصير"


def test_an_unreadable_address_is_no_listing_address(tmp_path: Path) -> None:
    main = "<article><h1>خبر</h1><p>" + PARAGRAPH + "</p></article>"
    page = _page(og_type="", canonical="http://[::1/news", main=main)
    # the address a saving tool wrote above the page (and its canonical one): no parser reads it
    page = "<!-- Page saved with SingleFile url: http://[::1/news -->" + page
    (tmp_path / "a.html").write_text(page)
    (article,) = parse_file(tmp_path / "a.html", tmp_path).articles
    assert article.title == "خبر"
