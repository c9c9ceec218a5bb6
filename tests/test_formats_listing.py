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


def _bare_page(main: str, *, comment: str = "") -> str:
    """A page that says nothing of itself: no og:type, no address, no publication time."""
    return (
        '<html><head><meta charset="utf-8"><title>الأيام - الصفحة الرئيسية</title></head><body>'
        f"<nav>الرئيسية</nav>{main}{comment}</body></html>"
    )


def _cards(n: int) -> str:
    """Teaser cards: the link around the picture and the headline."""
    return "".join(
        f'<article class="card"><a href="news.php%3Fid={i}.html"><img src="/i{i}.jpg">'
        f"<h3>خبر رقم {i} عن الاقتصاد في تونس والمنطقة</h3></a><span>منذ {i + 1} ساعات</span>"
        "</article>"
        for i in range(n)
    )


@pytest.mark.parametrize(
    ("name", "main", "comment"),
    [
        # a mirror's home page: the folder named after the host
        ("www.alayam.example/index.html", _teasers(10), ""),
        # HTTrack's note gives the address: the site's root
        (
            "mirror/home.html",
            _teasers(10),
            "<!-- Mirrored from www.alayam.example/ by HTTrack Website Copier/3.x "
            "[XR&CO'2014], Tue, 19 Mar 2024 -->",
        ),
        # its shape alone: headline cards and no headline of its own
        ("saved/page.html", _cards(10), ""),
    ],
    ids=["mirror-root-index", "httrack-root", "cards"],
)
def test_a_listing_page_that_says_nothing_of_itself_is_named(
    tmp_path: Path, name: str, main: str, comment: str
) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_bare_page(main, comment=comment), encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "a page listing 10 articles (a home, section or tag page), not an article"
    ]


@pytest.mark.parametrize(
    "name",
    ["www.alayam.example/brief.html", "news/2026/11/03/brief/index.html"],
    ids=["brief", "wget-article-index"],
)
def test_a_short_article_with_many_headline_cards_stays_an_article(
    tmp_path: Path, name: str
) -> None:
    main = (
        f"{_cards(9)}<article class='main-story'><h1>زلزال بقوة 5.2 درجات يضرب جنوب البلاد</h1>"
        "<p>ضرب زلزال بقوة 5.2 درجات على مقياس ريختر جنوب البلاد فجر الثلاثاء، دون أن تسجل أي "
        "أضرار بشرية أو مادية.</p></article>"
    )
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_bare_page(main), encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    assert [a.title for a in result.articles] == ["زلزال بقوة 5.2 درجات يضرب جنوب البلاد"]


def test_an_httrack_article_takes_its_address_from_the_mirror_note(tmp_path: Path) -> None:
    main = (
        "<div class='article'><h1>إجراءات جديدة لدعم المؤسسات الصغيرة</h1><p>"
        + PARAGRAPH
        + "</p></div>"
    )
    note = (
        "<!-- Mirrored from www.alayam.example/news.php?id=0 by HTTrack Website Copier/3.x "
        "[XR&CO'2014], Tue, 19 Mar 2024 -->"
    )
    path = tmp_path / "www.alayam.example" / "news.php%3Fid=0.html"
    path.parent.mkdir()
    path.write_text(_bare_page(main, comment=note), encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.url == "http://www.alayam.example/news.php?id=0"
