"""PDF files (reader/formats/pdf.py): the text layer rebuilt into lines and paragraphs, a
browser's print header and footer left out (its address kept as the article's), scanned,
locked and damaged PDFs named."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats import pdf as pdf_module
from reader.formats.names import is_article_name
from reader.formats.parse import parse_file
from reader.formats.pdf import NotPdf, _assembled, _Line, pdf_text

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
TITLE = "مباحثات ثنائية بين السيسي والعاهل السعودي حول الأمن الإقليمي"
BODY = [
    "أجرى الرئيس المصري عبدالفتاح السيسي اتصالا هاتفيا بالعاهل السعودي الملك سلمان بن"
    " عبدالعزيز تناول العلاقات الثنائية وآخر التطورات الإقليمية والدولية، وفق ما نقلته وكالة"
    " Reuters عن مصادر رسمية يوم 20 أكتوبر 2018.",
    "وقالت وكالة الأنباء السعودية واس إن الجانبين استعرضا خلال الاتصال العلاقات الأخوية بين"
    " البلدين وسبل تعزيزها في مختلف المجالات، ولا سيما التعاون الاقتصادي الذي بلغ حجمه 6.5"
    " مليار دولار في العام الماضي.",
    "كما بحث الزعيمان مستجدات الأحداث على الساحتين الإقليمية والدولية، والجهود المشتركة بشأنها،"
    " وأكدا أهمية مواصلة التنسيق والتشاور بين القاهرة والرياض في القضايا ذات الاهتمام المشترك.",
]
URL = "https://www.example-news.net/middle-east/2018/10/20/sisi-salman-call"


def test_a_printed_news_page_reads_as_its_article(tmp_path: Path) -> None:
    """Two pages as a browser prints them: lines wrapped right to left, Latin and digits inside,
    a paragraph running on to the next page, the date and title on top of each page and the
    address and page count at the foot."""
    (tmp_path / "خبر.pdf").write_bytes((FIXTURES / "printed_page.pdf").read_bytes())
    (record,), err = export_records(tmp_path)
    assert record["title"] == TITLE
    assert record["body"].split("\n") == BODY
    assert record["url"] == URL
    assert record["date"] == "2018-10-20"  # the page's own date is only in its address
    assert record["problems"] == ["date taken from the article's address"]
    assert err == ["1 articles from 1 files, 0 files skipped"]


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("scanned.pdf", "a PDF whose pages hold no text (scanned images?); not read"),
        ("locked.pdf", "encrypted PDF (it needs a password); not read"),
    ],
)
def test_pdfs_without_readable_text_are_named(tmp_path: Path, fixture: str, reason: str) -> None:
    (tmp_path / fixture).write_bytes((FIXTURES / fixture).read_bytes())
    result = parse_file(tmp_path / fixture, tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [reason]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n1 0 obj garbage", "corrupt PDF (data format error)"),
        (b"<html>a page saved as .pdf</html>", "corrupt PDF: it does not start with a PDF header"),
    ],
)
def test_damaged_pdfs_are_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.pdf").write_bytes(data)
    assert [p.reason for p in parse_file(tmp_path / "x.pdf", tmp_path).problems] == [reason]


def test_a_pdf_cut_short_says_pages_may_be_missing() -> None:
    data = (FIXTURES / "printed_page.pdf").read_bytes()
    cut = data[: data.rindex(b"%%EOF")]  # the end mark gone; PDFium still finds the pages
    found = pdf_text(cut)
    assert found.text.split("\n") == [TITLE, *BODY]
    assert found.notes == ("the PDF ends without its end mark (cut short?): pages may be missing",)


def test_a_long_pdf_reads_its_first_pages_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 1)
    found = pdf_text((FIXTURES / "printed_page.pdf").read_bytes())
    assert found.text.split("\n")[0] == TITLE
    assert "كما بحث الزعيمان" not in found.text
    assert found.notes == ("only the first 1 of the PDF's 2 pages read",)


def test_a_pdf_in_a_zip_is_read(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "saved.zip", "w") as archive:
        archive.write(FIXTURES / "printed_page.pdf", "2018/call.pdf")
    (article,) = parse_file(tmp_path / "saved.zip", tmp_path).articles
    assert (article.id, article.title, article.url) == ("saved.zip/2018/call.pdf", TITLE, URL)


def test_pdf_names_are_scanned() -> None:
    assert is_article_name("report.pdf")
    assert is_article_name("REPORT.PDF")


def _line(
    text: str, top: float, *, size: float = 12, left: float = 50, right: float = 500
) -> _Line:
    return _Line(text, top, size, left, right)


def _page(*texts: str, size: float = 12, start: float = 800) -> list[_Line]:
    return [_line(t, start - i * 16, size=size) for i, t in enumerate(texts)]


def test_a_one_page_print_loses_its_header_by_the_pdf_title() -> None:
    """With one page nothing repeats: the header is known by its date and time beside the
    PDF's own title, in any order; an article's own date line is kept."""
    lines = _page(
        "خبر عاجل | أخبار PM 3:45 10/20/18,",
        "خبر عاجل",
        "نشر في 20/10/2018 15:45",
        "نص الخبر الأول.",
        "https://site.example/news/1 1/1",
    )
    found = _assembled([lines], 1, title="خبر عاجل | أخبار")
    assert found.url == "https://site.example/news/1"
    # the four text lines are one paragraph here: same size, same gaps, full width
    assert found.text == "خبر عاجل نشر في 20/10/2018 15:45 نص الخبر الأول."


@pytest.mark.parametrize("number", ["3", "- 3 -", "3/12", "Page 3 of 12", "صفحة 3 من 12", "٣"])
def test_page_numbers_are_left_out(number: str) -> None:
    found = _assembled([_page("نص الصفحة الأولى.", number)], 1, title="")
    assert found.text == "نص الصفحة الأولى."


def test_running_heads_repeated_on_most_pages_are_left_out() -> None:
    pages = [
        _page("جريدة الصباح - العدد 1234", f"فقرة الصفحة {i}.", f"الصفحة {i} من 3")
        for i in range(1, 4)
    ]
    found = _assembled(pages, 3, title="")
    assert found.text.split("\n") == ["فقرة الصفحة 1.", "فقرة الصفحة 2.", "فقرة الصفحة 3."]


def test_paragraph_breaks_by_gap_size_indent_and_page() -> None:
    lines = [
        _line("عنوان المقال", 800, size=20),
        _line("السطر الأول من الفقرة الأولى التي تمتد", 760),
        _line("على سطرين.", 744),
        _line("الفقرة الثانية بعد فراغ أوسع بين", 712),
        _line("السطرين", 696),
        _line("الفقرة الثالثة تبدأ بإزاحة في أولها", 680, right=470),
        _line("وتستمر إلى آخر الصفحة دون نقطة", 664),
    ]
    next_page = [_line("فتكمل في الصفحة التالية.", 800)]
    found = _assembled([lines, next_page], 2, title="")
    assert found.text.split("\n") == [
        "عنوان المقال",
        "السطر الأول من الفقرة الأولى التي تمتد على سطرين.",
        "الفقرة الثانية بعد فراغ أوسع بين السطرين",
        "الفقرة الثالثة تبدأ بإزاحة في أولها وتستمر إلى آخر الصفحة دون نقطة فتكمل في الصفحة التالية.",
    ]


def test_a_sentence_mark_read_first_goes_back_to_the_end() -> None:
    """A right-to-left line ending in a number comes out of the text layer as ".2018"."""
    lines = [_line("وقع ذلك في عام", 800), _line(".2018", 784, left=400)]
    assert _assembled([lines], 1, title="").text == "وقع ذلك في عام 2018."


def test_pages_without_text_and_a_pdf_of_none() -> None:
    found = _assembled([_page("نص."), []], 2, title="")
    assert found.notes == ("PDF pages without text (scanned images?): 2",)
    with pytest.raises(NotPdf, match="scanned"):
        _assembled([[], []], 2, title="")


def test_a_newspaper_page_reads_column_by_column(tmp_path: Path) -> None:
    """A headline across the page over two columns: the right column is read before the left,
    each top to bottom, and the page number under them is left out."""
    (tmp_path / "page.pdf").write_bytes((FIXTURES / "newspaper_page.pdf").read_bytes())
    (article,) = parse_file(tmp_path / "page.pdf", tmp_path).articles
    assert article.title == TITLE
    assert article.body.split("\n") == BODY
    assert article.problems == ()


def test_presentation_forms_become_letters() -> None:
    """A PDF without a proper character map gives its shaped glyphs as presentation forms; a
    word ligature (ﷺ) is written on purpose and stays."""
    from reader.formats.debris import base_letters

    assert base_letters("ﻣﺒﺎﺣﺜﺎت ﺛﻨﺎﺋﻴﺔ ﻻ Reuters 2018") == "مباحثات ثنائية لا Reuters 2018"
    assert base_letters("قال النبي ﷺ") == "قال النبي ﷺ"


def _without_character_maps(data: bytes) -> bytes:
    """The PDF with its fonts' ToUnicode tables blanked out (the offsets kept): as an old PDF
    maker writes subset fonts, whose glyph numbers no table maps back to letters."""
    import re

    return re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data)


def test_a_pdf_whose_fonts_map_no_letters_is_named_not_read_as_symbols(tmp_path: Path) -> None:
    data = _without_character_maps((FIXTURES / "printed_page.pdf").read_bytes())
    (tmp_path / "old.pdf").write_bytes(data)
    result = parse_file(tmp_path / "old.pdf", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [pdf_module.GARBLED_PDF]


def test_lines_in_a_font_without_a_character_map_are_left_out_and_noted() -> None:
    glyphs = "\x1a\x19\x18 \x17\x14\x16 \x15\x14\x13\x12\x11 \x10\x0f\x0e"
    good = [_Line(text, 700.0 - 20 * i, 11, 50, 500) for i, text in enumerate(BODY)]
    heading = _Line(glyphs, 760.0, 18, 50, 500)
    bullet = _Line("\uf0b7 " + BODY[0], 640.0, 11, 50, 500)  # a symbol font's bullet
    page_one = pdf_module._legible([heading, *good, bullet])
    assert page_one == [*good, bullet]
    page_two = pdf_module._legible([_Line(glyphs + " Reuters 2018", 700.0, 11, 50, 500)] * 3)
    assert page_two == []
    found = _assembled([page_one, page_two], 2, title="", garbled=[1, 2])
    assert found.text.startswith(BODY[0])
    assert found.notes == ("PDF pages with text in fonts without a character map, left out: 1, 2",)
