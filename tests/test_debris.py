"""Debris from the wild (issue 16): script/ad/share lines, URL lines, file-name headlines, bylines,
and sections from folders (reader/formats/debris.py, sections.py), through every text layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_run import run_export
from test_sections import category_tree

from reader.formats import parse_file
from reader.formats.debris import clean_line, drop_debris, url_of_line
from reader.formats.titles import (
    file_name_wins,
    reads_as_headline,
    title_from_filename,
    title_from_text,
)

ROOT = Path(__file__).resolve().parent.parent

GOOGLETAG = "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1512-0'); });"
ADSBYGOOGLE = "(adsbygoogle = window.adsbygoogle || []).push({});"
HESPRESS_NAME = "hespress.com__مقتل_شخصين_في_حادث_سير.txt"
HESPRESS_URL = "https://www.hespress.com/faits-divers/123456.html"
PARAGRAPH_1 = (
    "لقي شخصان مصرعهما وأصيب ثلاثة آخرون بجروح متفاوتة الخطورة في حادث سير وقع صباح اليوم "
    "الأحد على الطريق الرابط بين مراكش وآسفي."
)
PARAGRAPH_2 = "وأوضح مصدر أمني أن السائق فقد السيطرة على المركبة بسبب السرعة المفرطة."


def _hespress_page() -> bytes:
    """A page as the scraper of issue 16 wrote it: URL line, ad code at both ends, the headline
    only in the file name, Windows-1256 with CRLF."""
    lines = [
        HESPRESS_URL,
        "window.dataLayer = window.dataLayer || [];",
        GOOGLETAG,
        PARAGRAPH_1,
        ADSBYGOOGLE,
        PARAGRAPH_2,
        GOOGLETAG,
        "});",
        "شارك",
        "Share on Facebook",
    ]
    return "\r\n".join(lines).encode("cp1256") + b"\r\n"


@pytest.mark.parametrize(
    "line",
    [
        GOOGLETAG,
        ADSBYGOOGLE,
        "googletag.cmd = googletag.cmd || [];",
        "window.dataLayer = window.dataLayer || [];",
        "function gtag(){dataLayer.push(arguments);}",
        "gtag('config', 'UA-12345-1');",
        "var _comscore = _comscore || [];",
        "document.write('<div id=\"ad\"></div>');",
        '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
        '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1"></ins>',
        "</script>",
        "});",
        "})();",
        "}",
        'var headline = "عنوان";',
        "شارك",
        "شارك الخبر",
        "تابعونا على فيسبوك",
        "تابعونا على تويتر وتلغرام",
        "Share on Facebook",
        "Tweet",
        "WhatsApp",
        "شارك على واتس آب",
        "إعلان",
        "اقرأ أيضا: https://www.hespress.com/politique/98765.html",
        "تابعوا آخر الأخبار عبر قناتنا على تليجرام",
        # a site's footer (footer_lines.py)
        "جميع الحقوق محفوظة © 2024 - صحيفة الرأي",
        "© 2024 Al Ayam. All rights reserved.",
        "حقوق النشر محفوظة لموقع الأيام 2024",
        "كافة الحقوق محفوظة",
        "Copyright (c) 2023 Hespress",
        "اشترك في النشرة البريدية",
        "اشترك الآن لقراءة المقال كاملا",
        "اشترك الآن",
        "Subscribe to our newsletter",
    ],
)
def test_debris_lines_are_removed(line: str) -> None:
    assert clean_line(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH_1,
        "شارك في المؤتمر أكثر من مئتي شخص.",
        "تابعونا غدا في تغطية خاصة للانتخابات",
        "قال الوزير (في تصريح للصحافة) إن الحكومة ستعمل على ذلك;",
        "(1)",
        "AHDATH.INFO",
        "By Reuters",
        "اقرأ أيضا",
        "فيسبوك تغرم بسبب انتهاك الخصوصية",
        "https://www.hespress.com/a.html",
        "وأكد أن جميع الحقوق محفوظة للعمال وفق القانون الجديد.",
        "وقال الرئيس إن حقوق الشهداء محفوظة.",
        "حقوق المؤلف محفوظة طوال حياته",
        "Copyright law has not kept pace with technology, experts say.",
        "## Copyright and fair use",
        "© نتفليكس 2024",
        "اشترك الوزير في الاجتماع للاطلاع على الخطة",
        "اشترك 20 فريقا في البطولة",
        "سجل البريد التونسي أرباحا قياسية",
        "تابعوا غدا آخر الأخبار",
        # an article that quotes markup keeps it as text (tests/ui/ui_fixtures.py HOSTILE_BODY)
        'نص فيه صورة <img src="http://example.invalid/p.png"> وسطر <script>alert(1)</script> يظهر.',
    ],
)
def test_text_lines_are_kept(line: str) -> None:
    assert clean_line(line) == line


def test_code_glued_after_a_paragraph_leaves_the_paragraph() -> None:
    assert clean_line(PARAGRAPH_2 + " " + GOOGLETAG) == PARAGRAPH_2


@pytest.mark.parametrize(
    ("line", "url"),
    [
        (HESPRESS_URL, HESPRESS_URL),
        ("URL: http://example.ma/x?id=3", "http://example.ma/x?id=3"),
        ("الرابط: https://example.ma/a", "https://example.ma/a"),
        (f"<{HESPRESS_URL}>", HESPRESS_URL),
        ("www.example.ma/news/1", "www.example.ma/news/1"),
        (f"انظر {HESPRESS_URL}", None),
        ("عنوان", None),
    ],
)
def test_url_line(line: str, url: str | None) -> None:
    assert url_of_line(line) == url


@pytest.mark.parametrize(
    ("rel_path", "title"),
    [
        (HESPRESS_NAME, "مقتل شخصين في حادث سير"),
        ("site.net__عنوان_الخبر_بكلمات.txt", "عنوان الخبر بكلمات"),
        ("sub/ارتفاع-أسعار-المحروقات-في-المغرب-98765.txt", "ارتفاع أسعار المحروقات في المغرب"),
        ("%D9%85%D9%82%D8%AA%D9%84_%D8%B4%D8%AE%D8%B5%D9%8A%D9%86.txt", "مقتل شخصين"),
        ("000_af4e3700e08c1d4f.txt", None),
        ("12345.txt", None),
        ("خبر.txt", None),
        ("site.net__breaking_news.txt", None),
    ],
)
def test_title_from_filename(rel_path: str, title: str | None) -> None:
    assert title_from_filename(rel_path) == title


@pytest.mark.parametrize(
    ("line", "arabic", "headline"),
    [
        ("مقتل شخصين في حادث سير", True, True),
        ("د. محمد يزور الرباط", True, True),
        ("AHDATH.INFO", True, False),
        ("By Reuters", True, False),
        ("Hespress", True, False),
        ("Breaking news from Rabat", False, True),
        ("قال الوزير. وأضاف أن الحكومة ستعمل", True, False),
        ("وأضاف المصدر:", True, False),
        (" ".join(["كلمة"] * 26), True, False),
    ],
)
def test_reads_as_headline(line: str, arabic: bool, headline: bool) -> None:
    assert reads_as_headline(line, arabic=arabic) is headline


def test_title_from_text_is_the_first_arabic_sentence_cut_at_a_word() -> None:
    assert title_from_text(["AHDATH.INFO", PARAGRAPH_2], arabic=True) == (
        "وأوضح مصدر أمني أن السائق فقد السيطرة على المركبة بسبب السرعة المفرطة"
    )
    long = title_from_text([PARAGRAPH_1], arabic=True)
    assert long.endswith(" …")
    assert len(long.split()) == 16  # fifteen words and the ellipsis
    assert PARAGRAPH_1.startswith(long[:-2])
    # a cut never leaves a dangling conjunction or preposition at the end
    words = [f"كلمة{n}" for n in range(14)]
    assert title_from_text([" ".join([*words, "و", "أخرى", "كثيرة"])], arabic=True) == (
        " ".join(words) + " …"
    )


def test_url_line_page_gets_url_title_from_file_name_and_no_script(tmp_path: Path) -> None:
    path = tmp_path / HESPRESS_NAME
    path.write_bytes(_hespress_page())
    (article,) = parse_file(path, tmp_path).articles
    assert article.url == HESPRESS_URL
    assert article.title == "مقتل شخصين في حادث سير"
    assert article.body == PARAGRAPH_1 + "\n" + PARAGRAPH_2
    assert article.category is None
    assert "no headline line: title from the file name" in article.problems


def test_title_less_json_items_are_headed_by_their_first_arabic_sentence(tmp_path: Path) -> None:
    items = [
        {
            "content": ["AHDATH.INFO", PARAGRAPH_2, ADSBYGOOGLE, "فقرة ثانية من الخبر."],
            "url": "https://ahdath.info/1",
        },
        {
            "content": ["AHDATH.INFO", "الأمطار تغمر شوارع الدار البيضاء"],
            "url": "https://ahdath.info/2",
        },
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    first, second = parse_file(path, tmp_path).articles
    assert first.title == "وأوضح مصدر أمني أن السائق فقد السيطرة على المركبة بسبب السرعة المفرطة"
    assert first.body == "\n".join(["AHDATH.INFO", PARAGRAPH_2, "فقرة ثانية من الخبر."])
    assert first.url == "https://ahdath.info/1"
    assert second.title == "الأمطار تغمر شوارع الدار البيضاء"
    assert "no title: made from the first words of the text" in second.problems


def test_scraped_page_loses_its_ad_lines_and_gives_its_url(tmp_path: Path) -> None:
    page = "\n".join(
        [
            HESPRESS_URL,
            "مقتل شخصين في حادث سير",
            "تاريخ النشر: 7th, December 2023 GMT",
            GOOGLETAG,
            PARAGRAPH_1,
            ADSBYGOOGLE,
            PARAGRAPH_2,
            "المصدر | هسبريسالمصدر: هسبريس",
        ]
    )
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.url, str(article.date), article.source) == (
        "مقتل شخصين في حادث سير",
        HESPRESS_URL,
        "2023-12-07",
        "هسبريس",
    )
    assert article.body == PARAGRAPH_1 + "\n" + PARAGRAPH_2


def test_export_carries_categories_urls_and_file_name_titles(tmp_path: Path) -> None:
    root = category_tree(tmp_path)
    (root / "سياسة" / HESPRESS_NAME).write_bytes(_hespress_page())
    done = run_export(str(root), "--no-entities", "--no-cache")
    assert done.returncode == 0, done.stderr.decode("utf-8")
    records = {r["id"]: r for r in map(json.loads, done.stdout.decode("utf-8").splitlines())}
    assert {rid: r["category"] for rid, r in records.items()} == {
        "2012/b.txt": None,
        "x.txt": None,
        "سياسة/a.txt": "سياسة",
        "سياسة/c.json": "رياضة",
        f"سياسة/{HESPRESS_NAME}": "سياسة",
    }
    page = records[f"سياسة/{HESPRESS_NAME}"]
    assert (page["title"], page["url"]) == ("مقتل شخصين في حادث سير", HESPRESS_URL)
    assert page["body"] == PARAGRAPH_1 + "\n" + PARAGRAPH_2
    assert (
        done.stderr.decode("utf-8").splitlines()[-1] == "5 articles from 5 files, 0 files skipped"
    )


def test_trec_body_loses_its_ad_lines(tmp_path: Path) -> None:
    doc = (
        "<DOC>\n<DOCNO>HS-1</DOCNO>\n<TITLE>مقتل شخصين في حادث سير</TITLE>\n"
        "<TIME>2018-07-15</TIME>\n<TEXT>\n"
        f"{GOOGLETAG}\n{PARAGRAPH_1}\n{ADSBYGOOGLE}\n{PARAGRAPH_2}\nتابعونا على فيسبوك\n"
        "</TEXT>\n</DOC>\n"
    )
    path = tmp_path / "doc.txt"
    path.write_text(doc, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "مقتل شخصين في حادث سير"
    assert article.body == PARAGRAPH_1 + "\n" + PARAGRAPH_2


def test_a_script_block_goes_whole_and_ends_where_text_resumes() -> None:
    lines = [
        "<script>",
        "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({",
        "'gtm.start': new Date().getTime(),",
        "event: 'gtm.js'",
        "});",
        "})(window,document,'script','dataLayer','GTM-XXXX');",
        "</script>",
        PARAGRAPH_1,
        "googletag.cmd.push(function() {",
        "",
        "googletag.pubads().enableSingleRequest();",
        "googletag.enableServices();",
        "English prose after an unclosed block is text, not code.",
        PARAGRAPH_2,
    ]
    assert drop_debris(lines) == [
        PARAGRAPH_1,
        "English prose after an unclosed block is text, not code.",
        PARAGRAPH_2,
    ]


@pytest.mark.parametrize(
    ("line", "alone", "wins"),
    [
        ("مقتل شخصين في حادث سير", False, False),  # the headline line itself
        ("مقتل شخصين في حادث سير مروع بالطريق السيار", False, False),  # the name was cut short
        ("لقي شخصان مصرعهما في حادث سير.", False, True),  # a sentence: the first paragraph
        ("حادث مروع", False, False),  # short, no full stop, text follows: a headline
        ("حادث مروع", True, True),  # the only line: the body would be empty
        (" ".join(["لقي شخصان مصرعهما في حادث سير وقع صباح اليوم"] * 2), False, True),
    ],
)
def test_file_name_headline_against_the_first_line(line: str, alone: bool, wins: bool) -> None:
    assert file_name_wins(line, "مقتل شخصين في حادث سير", alone=alone) is wins


def test_scraped_page_with_a_hijri_date_line_and_a_paragraph_first(tmp_path: Path) -> None:
    page = "\n".join(
        [
            HESPRESS_URL,
            "15 رمضان 1444 هـ",
            GOOGLETAG,
            PARAGRAPH_1,
            PARAGRAPH_2,
            "اقرأ أيضا",
            "خبر آخر",
        ]
    )
    path = tmp_path / HESPRESS_NAME
    path.write_text(page, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.url, str(article.date)) == (
        "مقتل شخصين في حادث سير",
        HESPRESS_URL,
        "2023-04-06",
    )
    assert article.body == PARAGRAPH_1 + "\n" + PARAGRAPH_2
    assert article.related == ("خبر آخر",)
    assert "no headline line: title from the file name" in article.problems


def test_scraped_page_without_a_title_line_takes_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / HESPRESS_NAME
    path.write_text(f"تاريخ النشر: 2023-12-07\n{PARAGRAPH_1}\nالمصدر: هسبريس\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.body, str(article.date)) == (
        "مقتل شخصين في حادث سير",
        PARAGRAPH_1,
        "2023-12-07",
    )
    assert "no title line" not in article.problems


def test_every_share_word_alone_is_a_share_line() -> None:
    # the cheap substring test before folding must let every listed word through
    from reader.formats.debris import _ANCHOR_WORDS

    assert [word for word in _ANCHOR_WORDS.split() if clean_line(word)] == []


def test_a_year_at_either_end_of_a_file_name_stays_in_its_headline() -> None:
    assert (
        title_from_filename("site.tn__أبرز_أحداث_الجمعة_10_فيفري_2017.txt")
        == "أبرز أحداث الجمعة 10 فيفري 2017"
    )
    assert title_from_filename("2018_سنة_إصلاح_الصناديق.txt") == "2018 سنة إصلاح الصناديق"
    # ids and hashes still go
    assert title_from_filename("000123_مقتل_شخصين_في_حادث_123456.txt") == "مقتل شخصين في حادث"


def test_a_count_opening_a_file_name_stays_in_its_headline() -> None:
    assert title_from_filename("site__19_قتيلا_باشتباكات_في_بورما.txt") == (
        "19 قتيلا باشتباكات في بورما"
    )
    assert title_from_filename("site__مقتل_30_في_صعدة_ومقتل_30.txt") == "مقتل 30 في صعدة ومقتل 30"
