"""Plain text and Markdown from the wild (issue 16): which line is the title, what the head holds,
what leaves the body (reader/formats/plain.py with debris.py and dates.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.formats import parse_file

GOOGLETAG = "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });"
ADSBYGOOGLE = "(adsbygoogle = window.adsbygoogle || []).push({});"
LONG = (
    "أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في عدد من المدن الكبرى بعد ارتفاع ملحوظ في "
    "الأسابيع الأخيرة، ودعت المواطنين إلى الالتزام بالتدابير الوقائية. وأضافت أن الوضع تحت السيطرة."
)
LONG_TITLE = "أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في عدد من المدن الكبرى بعد ارتفاع …"


def _parse(tmp_path: Path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    (article,) = parse_file(path, tmp_path).articles
    return article


# (file name, text, title, body, problems)
_CASES = [
    (
        "a.txt",
        "AHDATH.INFO\nعنوان الخبر الرئيسي\nنص الخبر.",
        "عنوان الخبر الرئيسي",
        "AHDATH.INFO\nنص الخبر.",
        (),
    ),
    (
        "a.txt",
        f"By Reuters\n{LONG}\nفقرة ثانية.",
        LONG_TITLE,
        f"By Reuters\n{LONG}\nفقرة ثانية.",
        ("no headline line: title made from the first sentence",),
    ),
    (
        "12345.txt",
        f"{LONG}\nفقرة ثانية.",
        LONG_TITLE,
        f"{LONG}\nفقرة ثانية.",
        ("no headline line: title made from the first sentence",),
    ),
    (
        "a.txt",
        "قال الوزير إن الحكومة ستعمل. وأضاف أنها ستنجح\nفقرة.",
        "قال الوزير إن الحكومة ستعمل",
        "قال الوزير إن الحكومة ستعمل. وأضاف أنها ستنجح\nفقرة.",
        ("no headline line: title made from the first sentence",),
    ),
    (
        "site.net__ارتفاع_أسعار_المحروقات.txt",
        "ارتفاع أسعار المحروقات!\nنص الخبر.",
        "ارتفاع أسعار المحروقات!",
        "نص الخبر.",
        (),
    ),
    (
        "site.net__ارتفاع_أسعار_المحروقات.txt",
        "عرفت أسعار المحروقات ارتفاعا جديدا.\nنص الخبر.",
        "ارتفاع أسعار المحروقات",
        "عرفت أسعار المحروقات ارتفاعا جديدا.\nنص الخبر.",
        ("no headline line: title from the file name",),
    ),
    (
        "a.txt",
        f"{GOOGLETAG}\n{ADSBYGOOGLE}\nعنوان الخبر\n{ADSBYGOOGLE}\nنص الخبر.\n{GOOGLETAG}\n"
        "});\nشارك\nتابعونا على فيسبوك",
        "عنوان الخبر",
        "نص الخبر.",
        (),
    ),
    (
        "a.txt",
        f"عنوان\nسطر أ\nسطر ب\n{ADSBYGOOGLE}\nسطر ج\nسطر د\n",
        "عنوان",
        "سطر أ\nسطر ب\nسطر ج\nسطر د",
        (),
    ),
    (
        "a.txt",
        "Hespress\nBreaking: a story in English\nBody line.",
        "Hespress",
        "Breaking: a story in English\nBody line.",
        (),
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [(name, text, expected) for name, text, *expected in _CASES],
    ids=[
        "latin-byline-above-headline",
        "latin-byline-then-paragraph",
        "paragraph-first-id-file-name",
        "two-sentences-first-line",
        "headline-line-and-file-name",
        "paragraph-first-headline-in-file-name",
        "ad-and-share-lines-everywhere",
        "ad-line-does-not-make-one-line-paragraphs-hard-wrapped",
        "english-article-keeps-first-line",
    ],
)
def test_title_and_body(tmp_path: Path, name: str, text: str, expected: list[object]) -> None:
    """``expected`` is [title, body, problems]."""
    article = _parse(tmp_path, name, text)
    assert [article.title, article.body, article.problems] == expected


def test_windows_1256_crlf_corpus_with_section_folders(tmp_path: Path) -> None:
    text = "\r\n".join(
        [
            "http://www.example.tn/ar/article/5512",
            "تونس: انطلاق الموسم السياحي",
            "26 جويلية 2012",
            GOOGLETAG,
            "انطلق الموسم السياحي في تونس وسط توقعات بارتفاع عدد الزوار.",
            "وأكد وزير السياحة أن الاستعدادات اكتملت.",
            "",
        ]
    )
    article = _parse(tmp_path, "اقتصاد/5512.txt", text, encoding="cp1256")
    assert article.id == "اقتصاد/5512.txt"
    assert article.title == "تونس: انطلاق الموسم السياحي"
    assert article.date == dt.date(2012, 7, 26)
    assert article.url == "http://www.example.tn/ar/article/5512"
    assert article.category == "اقتصاد"
    assert article.body == (
        "انطلق الموسم السياحي في تونس وسط توقعات بارتفاع عدد الزوار.\n"
        "وأكد وزير السياحة أن الاستعدادات اكتملت."
    )
    assert article.problems == ("decoded as windows-1256",)


def test_markdown_keeps_paragraphs_apart_where_script_stood(tmp_path: Path) -> None:
    text = f"# عنوان\n\nسطر أول\nتتمة الفقرة\n{ADSBYGOOGLE}\nفقرة ثانية\n"
    article = _parse(tmp_path, "a.md", text)
    assert (article.title, article.body) == ("عنوان", "سطر أول تتمة الفقرة\nفقرة ثانية")


def test_a_file_of_script_code_only_is_named_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "ad.txt"
    path.write_text(f"{GOOGLETAG}\n{ADSBYGOOGLE}\n}});\n", encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.articles == ()
    assert [str(p) for p in result.problems] == ["ad.txt: no text in the file"]


def test_a_lone_url_line_is_not_lost(tmp_path: Path) -> None:
    article = _parse(tmp_path, "link.txt", "https://example.org/a\n")
    assert (article.title, article.url) == ("https://example.org/a", None)


@pytest.mark.parametrize(
    ("text", "author", "source", "date"),
    [
        # byline, source and date lines under the headline: the scraped layout's labels at the
        # top, where its footer would be read as the end of the body
        (
            f"استئناف المفاوضات\nبقلم: محمد أحمد\nالمصدر: الأهرام\nالتاريخ: 12 مارس 2019\n\n{LONG}",
            "محمد أحمد",
            "الأهرام",
            dt.date(2019, 3, 12),
        ),
        (f"استئناف المفاوضات\nكتب: سامي علي\n\n{LONG}", "سامي علي", None, None),
        (f"استئناف المفاوضات\nBy John Smith\n\n{LONG}", "John Smith", None, None),
        # an Egyptian site's byline, without a colon, over its date line
        (
            f"استئناف المفاوضات\nالجمعة، 01 مارس 2024 10:15 ص\nكتب أحمد سمير\n\n{LONG}",
            "أحمد سمير",
            None,
            dt.date(2024, 3, 1),
        ),
    ],
)
def test_header_lines_under_the_headline(
    tmp_path: Path, text: str, author: str, source: str | None, date: dt.date | None
) -> None:
    article = _parse(tmp_path, "a.txt", text)
    assert (article.author, article.source, article.date) == (author, source, date)
    assert article.body == LONG
    assert not article.appended


@pytest.mark.parametrize(
    "line",
    ["كتب الرئيس رسالة إلى الشعب اليوم", "كتب التاريخ صفحة جديدة", "كتبت الصحافة العالمية عنه"],
)
def test_a_sentence_that_opens_with_the_word_is_no_byline(tmp_path: Path, line: str) -> None:
    article = _parse(tmp_path, "a.txt", f"عنوان\n{line}\n{LONG}")
    assert article.author is None
    assert article.body == f"{line}\n{LONG}"


def test_a_byline_in_the_body_stays_there(tmp_path: Path) -> None:
    """Past the first paragraph the same words are the article's own text."""
    text = f"عنوان\n{LONG}\nبقلم: محمد أحمد\n{LONG}"
    article = _parse(tmp_path, "a.txt", text)
    assert article.author is None
    assert article.body == f"{LONG}\nبقلم: محمد أحمد\n{LONG}"


@pytest.mark.parametrize(
    "trail",
    ["الرئيسية > أخبار > سياسة", "Home » News » Politics", "سياسة < أخبار < الرئيسية"],
)
def test_a_navigation_trail_is_neither_title_nor_text(tmp_path: Path, trail: str) -> None:
    article = _parse(tmp_path, "a.txt", f"{trail}\nمستشفى جديد في الإسكندرية\n{LONG}")
    assert article.title == "مستشفى جديد في الإسكندرية"
    assert article.body == LONG


def test_a_text_file_that_kept_its_page_markup_is_read_as_text(tmp_path: Path) -> None:
    """A scraper that wrote the page's text with its tags and entities still in."""
    text = (
        "عنوان فيه &quot;اقتباس&quot;\n\n"
        "<p>قال الوزير &quot;سنعود&quot; &amp; أضاف أن المفاوضات مستمرة بين الأطراف.</p>"
        "<p>فقرة <b>ثانية</b> من النص.<br>وسطر بعد فاصل.</p>"
    )
    article = _parse(tmp_path, "a.txt", text)
    assert article.title == 'عنوان فيه "اقتباس"'
    assert article.body == (
        'قال الوزير "سنعود" & أضاف أن المفاوضات مستمرة بين الأطراف.\n'
        "فقرة ثانية من النص.\n"
        "وسطر بعد فاصل."
    )


def test_prose_that_names_a_tag_or_an_ampersand_stays_as_written(tmp_path: Path) -> None:
    text = f"عنوان الخبر\nشركة AT&T تعلن نتائجها و Q&A مع المدير، والوسم <b> في لغة الويب.\n{LONG}"
    article = _parse(tmp_path, "a.txt", text)
    assert article.body.startswith(
        "شركة AT&T تعلن نتائجها و Q&A مع المدير، والوسم <b> في لغة الويب."
    )


def test_a_dos_arabic_file_reads_as_the_arabic_it_holds(tmp_path: Path) -> None:
    """An old console tool's export in DOS Arabic (code page 720) read as Windows-1256 gave
    Arabic letters, all of them wrong, and a title like ¥©  نھ،: now its words decide."""
    text = "\r\n".join(["تونس: انطلاق الموسم السياحي", "", LONG, ""])
    article = _parse(tmp_path, "5512.txt", text.replace("،", ","), encoding="cp720")
    assert article.title == "تونس: انطلاق الموسم السياحي"
    assert article.body == LONG.replace("،", ",")
    assert article.problems == ("decoded as cp720",)


def test_text_copied_out_of_a_pdf_reads_as_letters(tmp_path: Path) -> None:
    """Presentation forms (the shaped glyphs a PDF's copy gives) looked right but were no letters
    to copy, export or find by their entities; they are letters now, and the article says so."""
    text = "ﺍﻟﺤﻜﻮﻣﺔ ﺗﻌﻠﻦ ﺧﻄﺔ ﺟﺪﻳﺪﺓ\n\nﺃﻋﻠﻨﺖ ﺍﻟﺤﻜﻮﻣﺔ ﺍﻟﻴﻮﻡ ﻋﻦ ﺧﻄﺔ ﻻ ﺗﺸﺒﻪ ﺳﺎﺑﻘﺎﺗﻬﺎ.\n"
    article = _parse(tmp_path, "copied.txt", text)
    assert (article.title, article.body) == (
        "الحكومة تعلن خطة جديدة",
        "أعلنت الحكومة اليوم عن خطة لا تشبه سابقاتها.",
    )
    assert article.problems == (
        "Arabic presentation forms (shaped glyphs, as text copied from a PDF) turned into letters",
    )
