"""Saved web pages (reader/formats/html.py): main text and metadata, boilerplate left out."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from export_run import run_export

from reader.formats import html as html_reader
from reader.formats import read_folder
from reader.formats.detect import Layout, detect_layout
from reader.formats.folder import is_article_name
from reader.formats.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path(__file__).resolve().parent / "fixtures" / "formats" / "news_page.html"
PARAGRAPHS = (
    "قرر البنك المركزي، اليوم الأحد، رفع سعر الفائدة الرئيسي بمقدار نصف نقطة مئوية ليصل إلى 18.25 "
    "في المئة، في خطوة تهدف إلى كبح معدلات التضخم التي بلغت أعلى مستوياتها منذ خمس سنوات.",
    "وقال محافظ البنك في مؤتمر صحفي إن لجنة السياسة النقدية اتخذت القرار بالإجماع بعد مراجعة "
    "بيانات الأسعار للربع الأول من العام، مشيراً إلى أن أسعار الغذاء والطاقة ما زالت الضغط الأكبر "
    "على ميزانيات الأسر.",
    "وأضاف أن البنك سيواصل مراقبة الأسواق عن كثب، ولن يتردد في اتخاذ إجراءات إضافية إذا لم تتراجع "
    "الأسعار خلال الأشهر المقبلة، مؤكداً أن استقرار العملة المحلية يبقى أولوية.",
    "ويرى اقتصاديون أن القرار كان متوقعاً على نطاق واسع، إلا أنهم حذروا من أثره على الاستثمار "
    "والاقتراض، خاصة بالنسبة للشركات الصغيرة والمتوسطة التي تعتمد على التمويل المصرفي.",
    "وكانت الحكومة قد أعلنت الشهر الماضي عن حزمة دعم للأسر محدودة الدخل بقيمة ملياري دولار، تشمل "
    "زيادة المعاشات وتوسيع برامج الدعم النقدي.",
)
BOILERPLATE = (
    "شارك",
    "تابعنا على فيسبوك",
    "googletag",
    "ملفات تعريف الارتباط",
    "موافق",
    "الرئيسية",
    "الأكثر قراءة",
    "منتخب الشباب",
    "جميع الحقوق محفوظة",
    "سياسة الخصوصية",
    "بقلم",
)


def _copy(tmp_path: Path, name: str = "news_page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(PAGE.read_bytes())
    return path


def _check_news_page(article) -> None:
    assert article.title == "البنك المركزي يرفع سعر الفائدة نصف نقطة لمواجهة التضخم"
    assert article.body == "\n".join(PARAGRAPHS)
    assert article.date == dt.date(2023, 5, 14)
    assert article.author == "سارة الخطيب"
    assert article.source == "الوطن نيوز"
    assert article.category == "اقتصاد"
    assert article.tags == ("البنك المركزي", "التضخم")
    assert article.url == "https://www.alwatan-news.example/economy/2023/05/14/central-bank-rate"
    for junk in BOILERPLATE:
        assert junk not in article.body, junk
    assert article.problems == ()


def test_news_page_main_text_and_metadata(tmp_path: Path) -> None:
    result = parse_file(_copy(tmp_path), tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    assert article.id == article.path == "news_page.html"
    _check_news_page(article)


@pytest.mark.parametrize(
    "name",
    [
        "page.htm",
        "page.xhtml",
        "page.shtml",
        "saved.txt",
        "saved",
        # a mirror of a PHP or ASP.NET site: the address's extension, the query kept in the name
        "news.php",
        "story.aspx",
        "article.jsp",
        "news.php?id=123",
        "index.aspx?cat=5&p=2",
    ],
)
def test_html_under_other_names(tmp_path: Path, name: str) -> None:
    """.htm and friends by name; a .txt or a file without extension by its <!DOCTYPE html>."""
    (article,) = parse_file(_copy(tmp_path, name), tmp_path).articles
    _check_news_page(article)


def test_feed_saved_as_html_is_read_as_a_feed(tmp_path: Path) -> None:
    feed = PAGE.parent / "feed_rss.xml"
    (tmp_path / "feed.html").write_bytes(feed.read_bytes())
    articles = parse_file(tmp_path / "feed.html", tmp_path).articles
    assert [a.id for a in articles] == ["feed.html#1", "feed.html#2"]
    assert articles[0].title == "البنك المركزي يرفع سعر الفائدة نصف نقطة"


def test_html_suffixes_are_scanned() -> None:
    for name in ("a.html", "a.HTM", "a.xhtml", "a.shtml", "a.php", "a.ASPX", "news.php?id=3"):
        assert is_article_name(name)


def test_mirrored_site_folder_names_every_file(tmp_path: Path) -> None:
    """Pages under server extensions are read; the site's own PHP source beside them is named,
    never read as an article."""
    _copy(tmp_path, "news.php?id=7")
    (tmp_path / "fetch.php").write_text(
        '<?php\n$title = "x";\necho "<h1>$title</h1>";\n?>\n<html><body><p>قالب</p></body></html>\n',
        encoding="utf-8",
    )
    result = read_folder(tmp_path)
    (article,) = result.articles
    assert article.id == "news.php?id=7"
    _check_news_page(article)
    assert [(p.path, p.reason) for p in result.problems] == [
        ("fetch.php", "server-side source code (.php), not a saved page")
    ]


def test_html_file_that_is_plain_text_inside(tmp_path: Path) -> None:
    path = tmp_path / "note.html"
    path.write_text(
        "عنوان الخبر المحفوظ باسم صفحة\nهذا نص عادي دون أي وسوم، والرمز < لا يجعله صفحة.\nفقرة ثانية.\n",
        encoding="utf-8",
    )
    assert detect_layout(path.read_text(encoding="utf-8"), ".html") is Layout.PLAIN
    (article,) = read_folder(tmp_path).articles
    assert article.title == "عنوان الخبر المحفوظ باسم صفحة"
    assert article.body == "هذا نص عادي دون أي وسوم، والرمز < لا يجعله صفحة.\nفقرة ثانية."
    assert article.problems == ()


def test_html_file_holding_a_scraped_page_is_read_as_one(tmp_path: Path, seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("*.txt"))
    (tmp_path / "seed.html").write_bytes(seed.read_bytes())
    (article,) = read_folder(tmp_path).articles
    (expected,) = parse_file(seed, seeds_dir).articles
    assert (article.title, article.body, article.date) == (
        expected.title,
        expected.body,
        expected.date,
    )


def test_windows_1256_page_with_meta_charset(tmp_path: Path) -> None:
    page = """<html dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>وزير الخارجية يزور القاهرة - جريدة الصباح</title></head>
<body><div class="menu"><a href="/">الرئيسية</a> | <a href="/w">العالم</a></div>
<h1>وزير الخارجية يزور القاهرة</h1>
<p>وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية تستغرق يومين، يلتقي خلالها كبار المسؤولين لبحث العلاقات الثنائية.</p>
<p>وقال مصدر دبلوماسي إن الزيارة تتناول ملفات التعاون الاقتصادي والأمن الإقليمي، إضافة إلى التحضير للقمة المقبلة.</p>
</body></html>"""
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("cp1256"))
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "وزير الخارجية يزور القاهرة"
    assert article.body.split("\n") == [
        "وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية تستغرق يومين، يلتقي خلالها كبار "
        "المسؤولين لبحث العلاقات الثنائية.",
        "وقال مصدر دبلوماسي إن الزيارة تتناول ملفات التعاون الاقتصادي والأمن الإقليمي، إضافة إلى "
        "التحضير للقمة المقبلة.",
    ]
    assert "الرئيسية" not in article.body
    assert article.problems == ("decoded as windows-1256",)


def test_xhtml_with_an_encoding_declaration(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8").replace(
        "<!DOCTYPE html>",
        '<?xml version="1.0" encoding="windows-1256"?>\n<!DOCTYPE html PUBLIC '
        '"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    )
    path = tmp_path / "page.xml"
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    _check_news_page(article)


def test_arabic_date_shown_on_the_page_and_saved_from_url(tmp_path: Path) -> None:
    """No date in the markup htmldate reads: the page's own date line (Arabic month name)."""
    page = """<!-- saved from url=(0043)https://www.example.com/news/2021/lebanon -->
<html><head><title>انقطاع الكهرباء في بيروت</title></head><body>
<div class="post"><h1>انقطاع الكهرباء في بيروت</h1>
<span class="post-date">الثلاثاء 9 آذار 2021</span>
<p>شهدت العاصمة اللبنانية بيروت انقطاعاً واسعاً للتيار الكهربائي استمر أكثر من عشرين ساعة في عدد من الأحياء.</p>
<p>وأعلنت مؤسسة الكهرباء أن الأعطال ناجمة عن نقص الوقود في معامل الإنتاج، ووعدت بإعادة التيار تدريجياً.</p>
</div></body></html>"""
    path = tmp_path / "beirut.html"
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "انقطاع الكهرباء في بيروت"
    assert article.date == dt.date(2021, 3, 9)
    assert article.url == "https://www.example.com/news/2021/lebanon"
    assert article.body.startswith("شهدت العاصمة اللبنانية")
    assert article.body.endswith("بإعادة التيار تدريجياً.")


def test_page_opening_with_many_comments_is_detected_in_linear_time(tmp_path: Path) -> None:
    """CMS banners: a comment may not swallow the next one (the old pattern backtracked
    exponentially, ~1 s at 22 comments, doubling with each one more)."""
    page = "<!-- cache: hit -->\n" * 24 + PAGE.read_text(encoding="utf-8")
    start = time.perf_counter()
    assert detect_layout(page, ".txt") is Layout.MARKUP
    assert html_reader.looks_html(page, ".txt")
    assert time.perf_counter() - start < 0.5
    path = tmp_path / "cached.txt"
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    _check_news_page(article)


def test_short_brief_is_kept(tmp_path: Path) -> None:
    page = (
        "<html><head><title>عاجل | الوطن</title></head><body><nav><a href='/'>الرئيسية</a></nav>"
        "<article><h1>زلزال بقوة 5 درجات</h1><p>ضرب زلزال بقوة 5 درجات جنوب البلاد فجر اليوم "
        "دون أنباء عن إصابات.</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    path = tmp_path / "brief.html"
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.body == "ضرب زلزال بقوة 5 درجات جنوب البلاد فجر اليوم دون أنباء عن إصابات."


def test_page_the_extractor_finds_nothing_in_falls_back_to_its_text(tmp_path: Path) -> None:
    """An old table layout: trafilatura (tables left out) finds no main text; the page's text
    outside its menus and footer is read, and a problem says so."""
    page = """<html><head><title>افتتاح الطريق الساحلي</title><style>td{}</style></head><body>
<header><a href="/">الرئيسية</a> <a href="/s">رياضة</a></header>
<table><tr><td>افتتح وزير النقل الطريق الساحلي الجديد الذي يربط المدينتين.</td></tr>
<tr><td>ويبلغ طول الطريق ستين كيلومتراً.</td></tr></table>
<script>googletag.cmd.push(function(){});</script>
<footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "افتتاح الطريق الساحلي"
    assert article.body == (
        "افتتح وزير النقل الطريق الساحلي الجديد الذي يربط المدينتين.\n"
        "ويبلغ طول الطريق ستين كيلومتراً."
    )
    assert article.problems == (
        "no main text found by the extractor: the body is the page's text outside menus, "
        "headers and footers",
    )


def test_page_without_text_is_a_named_problem(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><title>تطبيق</title><script>start()</script></head>"
        "<body><div id='root'></div></body></html>",
        encoding="utf-8",
    )
    result = parse_file(path, tmp_path)
    assert result.articles == ()
    assert [str(p) for p in result.problems] == [
        "app.html: a web page without article text (the page may load its text with JavaScript)"
    ]


def test_gzip_saved_page_without_gz_name(tmp_path: Path) -> None:
    """A scraper that stored the HTTP body with its Content-Encoding: gzip still on."""
    path = tmp_path / "page.html"
    path.write_bytes(gzip.compress(PAGE.read_bytes()))
    (article,) = parse_file(path, tmp_path).articles
    _check_news_page(article)


def test_nothing_touches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading a page")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    (article,) = parse_file(_copy(tmp_path), tmp_path).articles
    _check_news_page(article)


def test_trafilatura_is_imported_on_the_first_page_only() -> None:
    code = (
        "import sys; from pathlib import Path; from reader.formats.parse import parse_file\n"
        "import reader.formats, reader.library.library, reader.cli\n"
        "assert 'trafilatura' not in sys.modules, 'imported at start-up'\n"
        f"parse_file(Path({str(PAGE)!r}), Path({str(PAGE.parent)!r}))\n"
        "assert 'trafilatura' in sys.modules\n"
        "print('ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_html_fragment_text_keeps_paragraphs() -> None:
    assert html_reader.html_text("<p>أول</p><p>ثان<br>ثالث</p><script>x()</script> &amp; رابع") == (
        "أول\nثان\nثالث\n& رابع"
    )
    assert html_reader.html_text("نص بلا وسوم") == "نص بلا وسوم"


def test_export_command_reads_the_page(tmp_path: Path) -> None:
    _copy(tmp_path)
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    done = run_export(str(tmp_path), "--no-entities")
    assert done.returncode == 0
    (record,) = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert record["id"] == "news_page.html"
    assert record["title"] == "البنك المركزي يرفع سعر الفائدة نصف نقطة لمواجهة التضخم"
    assert record["date"] == "2023-05-14"
    assert record["source"] == "الوطن نيوز"
    assert record["author"] == "سارة الخطيب"
    assert record["category"] == "اقتصاد"
    assert record["tags"] == ["البنك المركزي", "التضخم"]
    assert record["body"] == "\n".join(PARAGRAPHS)
    err = done.stderr.decode("utf-8").splitlines()
    assert err == [
        "empty.html: a web page without article text (the page may load its text with JavaScript)",
        "1 articles from 1 files, 1 files skipped: .html ×1",
    ]


def test_an_extractor_failure_is_named_and_the_page_still_read(tmp_path, monkeypatch) -> None:
    import reader.formats.html as html_module

    def broken(*_args, **_kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(html_module, "_trafilatura", lambda: (broken, None))
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><nav>الرئيسية</nav><p>فقرة أولى من نص المقال الطويل هنا.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = parse_file(page, tmp_path).articles
    assert "فقرة أولى" in article.body
    assert any("extractor failed (ValueError: boom)" in p for p in article.problems)
