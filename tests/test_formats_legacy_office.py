"""Word 97-2003 and Excel 97-2003 files, and what tools write under those names
(reader/formats/word97.py, xls.py, legacy_office.py). The binary fixtures are LibreOffice's
(tests/fixtures/make_legacy_office.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import zipfile
from pathlib import Path

import olefile
import pytest
from mangling import mangled_copies

from reader.formats import parse_file
from reader.formats.folder import read_folder
from reader.formats.word97 import doc_text, pieces_text, readable

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
DOC_TITLE = "الحكومة تعلن خطة لدعم صغار الفلاحين في الجنوب"
ROW_TITLES = [
    "ارتفاع أسعار الخضر في الأسواق",
    "افتتاح معرض الكتاب الدولي",
    "المنتخب يستعد لمباراة الحسم",
]
BODY = "أعلنت وزارة الفلاحة اليوم عن خطة لدعم صغار الفلاحين في ولايات الجنوب."


def _copy(tmp_path: Path, fixture: str, name: str | None = None) -> Path:
    target = tmp_path / (name or fixture)
    shutil.copy(FIXTURES / fixture, target)
    return target


def _parse(path: Path):
    return parse_file(path, path.parent)


def test_a_word_97_document_is_read_as_its_text(tmp_path: Path) -> None:
    (article,) = _parse(_copy(tmp_path, "article.doc")).articles
    assert article.title == DOC_TITLE
    assert article.date == dt.date(2019, 3, 14)
    assert article.problems == ()
    paragraphs = article.body.split("\n")
    assert paragraphs[0].startswith("أعلنت وزارة الفلاحة اليوم عن خطة بقيمة 120 مليون دينار")
    assert "وكالة Reuters عن مصادر رسمية." in paragraphs[0]
    # a link is its words, not its field code (the plain-text reader takes the line as the source)
    assert article.source == "الموقع الرسمي"
    # a table's row is a line, its cells apart, as the .docx reader gives them
    text = doc_text((FIXTURES / "article.doc").read_bytes()).split("\n")
    assert "المصدر: الموقع الرسمي" in text
    assert text[-4:] == ["الولاية | المبلغ", "قبلي | 40", "", ""]


def test_an_excel_97_workbook_is_read_a_row_an_article(tmp_path: Path) -> None:
    articles = _parse(_copy(tmp_path, "export.xls")).articles
    assert [a.title for a in articles] == ROW_TITLES
    assert [a.date for a in articles] == [dt.date(2019, 3, d) for d in (12, 13, 14)]
    assert [a.id for a in articles] == [f"export.xls#{n}" for n in (1, 2, 3)]
    assert articles[1].url == "https://www.example-news.tn/a/2"
    assert articles[1].body.startswith("افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة 300")


def _rewrite_word_stream(path: Path, change) -> None:
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        change(stream)
        ole.write_stream("WordDocument", bytes(stream))


def test_a_password_protected_doc_is_named(tmp_path: Path) -> None:
    path = _copy(tmp_path, "article.doc")
    _rewrite_word_stream(path, lambda s: s.__setitem__(0x0B, s[0x0B] | 0x01))  # fEncrypted
    result = _parse(path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "an encrypted (password-protected) Word document; save it without a password as .docx"
    ]


def test_a_word_95_document_is_named(tmp_path: Path) -> None:
    path = _copy(tmp_path, "article.doc")
    _rewrite_word_stream(path, lambda s: struct.pack_into("<H", s, 2, 104))
    (problem,) = _parse(path).problems
    assert problem.reason.startswith("a Word 6 or Word 95 document")


def test_a_doc_cut_short_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cut.doc"
    path.write_bytes((FIXTURES / "article.doc").read_bytes()[:3000])
    result = _parse(path)
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.reason.startswith("corrupt Word document")


def test_a_word_document_named_xls_is_named_so(tmp_path: Path) -> None:
    (problem,) = _parse(_copy(tmp_path, "article.doc", "news.xls")).problems
    assert problem.reason == "not an Excel workbook (an Office file of another kind, named .xls)"


@pytest.mark.parametrize("fixture", ["article.doc", "export.xls"])
def test_damaged_copies_are_read_or_named(tmp_path: Path, fixture: str) -> None:
    """Mangled bytes (a disk's or a download's damage) give articles or a named problem,
    never an exception and never nothing."""
    data = (FIXTURES / fixture).read_bytes()
    for n, mangled in enumerate(mangled_copies(data, count=100, seed=20261206)):
        path = tmp_path / f"{n}{Path(fixture).suffix}"
        path.write_bytes(mangled)
        result = _parse(path)
        assert result.articles or result.problems
        assert all(p.reason and "could not" not in p.reason for p in result.problems), [
            p.reason for p in result.problems
        ]


def _piece_table(pieces: list[tuple[int, int, int]]) -> bytes:
    """A Clx: one Prc (formatting) before the Pcdt holding (first cp, end cp, fc) pieces."""
    cps = [p[0] for p in pieces] + [pieces[-1][1]]
    plc = struct.pack(f"<{len(cps)}i", *cps)
    plc += b"".join(struct.pack("<HIH", 0, fc, 0) for _, _, fc in pieces)
    return b"\x01\x02\x00\xaa\xbb" + b"\x02" + struct.pack("<I", len(plc)) + plc


def test_pieces_are_put_in_order_whatever_their_encoding() -> None:
    """A fast-saved document: its second piece (Windows-1252, "compressed") lies before its
    first (UTF-16) in the stream."""
    latin = b"Reuters."
    arabic = "وكالة ".encode("utf-16-le")
    word = bytearray(0x400)
    struct.pack_into("<i", word, 0x4C, 6 + 8)  # ccpText
    word += latin  # at 0x400
    arabic_at = len(word)
    word += arabic
    table = bytes(16) + _piece_table([(0, 6, arabic_at), (6, 14, 0x40000000 | (0x400 * 2))])
    struct.pack_into("<II", word, 0x1A2, 16, len(table) - 16)
    assert pieces_text(bytes(word), table) == "وكالة Reuters."


def test_fields_show_their_result_and_marks_their_meaning() -> None:
    raw = (
        'قال\x1f الوزير\x01 \x13 HYPERLINK "https://x.tn" \x14الموقع\x15\r'
        "صفحة \x13PAGE\x15 من 2\x0bسطر\x0cتابع\x1e2\r"
        "\x13 IF \x13 DATE \x14اليوم\x15 \x14نتيجة\x15"
    )
    assert readable(raw) == "قال الوزير الموقع\nصفحة  من 2\nسطر\nتابع-2\nنتيجة"


def test_a_web_page_named_doc_is_read_as_a_page(tmp_path: Path) -> None:
    """What a news site's "download as Word" button sends."""
    page = (
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">'
        f"<title>{DOC_TITLE}</title></head><body><h1>{DOC_TITLE}</h1>"
        f"<p>{BODY}</p><p>{BODY} وأضاف المصدر أن التنفيذ يبدأ الشهر المقبل.</p></body></html>"
    )
    path = tmp_path / "article.doc"
    path.write_text(page, encoding="utf-8")
    (article,) = _parse(path).articles
    assert article.title == DOC_TITLE
    assert BODY in article.body and "<p>" not in article.body
    assert article.problems == ("read as a web page: the .doc file holds one",)


def test_an_rtf_and_a_docx_named_doc_are_read_as_what_they_are(tmp_path: Path) -> None:
    rtf = _parse(_copy(tmp_path, "article.rtf", "a.doc")).articles
    docx = _parse(_copy(tmp_path, "article.docx", "b.doc")).articles
    assert rtf[0].problems[-1] == "read as an RTF document: the .doc file holds one"
    assert docx[0].problems[-1] == "read as a Word document (.docx): the .doc file holds one"
    assert rtf[0].title and docx[0].title
    # the same texts as under their own names
    assert rtf[0].body == _parse(_copy(tmp_path, "article.rtf")).articles[0].body
    assert docx[0].body == _parse(_copy(tmp_path, "article.docx")).articles[0].body


def test_an_html_table_named_xls_is_read_as_a_workbook(tmp_path: Path) -> None:
    """A web application's "export to Excel": an HTML table, inside the page's layout table."""
    rows = "".join(
        f"<tr><td>{t}</td><td>2019-03-1{n}</td><td>{BODY} {n}</td></tr>"
        for n, t in enumerate(ROW_TITLES, 2)
    )
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        "<body><table><tr><td>تقرير</td></tr><tr><td>"
        f"<table><tr><th>العنوان</th><th>التاريخ</th><th>النص</th></tr>{rows}</table>"
        "</td></tr></table></body></html>"
    )
    path = tmp_path / "report.xls"
    path.write_text(page, encoding="utf-8")
    articles = _parse(path).articles
    assert [a.title for a in articles] == ROW_TITLES
    assert articles[0].date == dt.date(2019, 3, 12)
    assert articles[2].body == f"{BODY} 4"
    assert articles[0].problems == ()


def test_excel_2003_xml_named_xls_is_read_as_a_workbook(tmp_path: Path) -> None:
    """.NET and PHP exporters' XML Spreadsheet: a cell's ss:Index skips the empty cells."""
    ns = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    ns += 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
    row = (
        '<Row><Cell><Data ss:Type="String">{t}</Data></Cell>'
        '<Cell ss:Index="3"><Data ss:Type="DateTime">2019-03-1{n}T00:00:00.000</Data></Cell>'
        '<Cell><Data ss:Type="String">{b}</Data></Cell></Row>'
    )
    rows = "".join(row.format(t=t, n=n, b=BODY) for n, t in enumerate(ROW_TITLES, 2))
    xml = (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        f'<Workbook {ns}><Worksheet ss:Name="أخبار"><Table>'
        '<Row><Cell><Data ss:Type="String">title</Data></Cell>'
        '<Cell><Data ss:Type="String">author</Data></Cell>'
        '<Cell><Data ss:Type="String">date</Data></Cell>'
        '<Cell><Data ss:Type="String">text</Data></Cell></Row>'
        f"{rows}</Table></Worksheet></Workbook>"
    )
    path = tmp_path / "export.xls"
    path.write_text(xml, encoding="utf-8")
    articles = _parse(path).articles
    assert [a.title for a in articles] == ROW_TITLES
    assert [a.date for a in articles] == [dt.date(2019, 3, d) for d in (12, 13, 14)]
    assert articles[0].body == BODY


def test_unicode_text_named_xls_is_read_as_a_tab_separated_table(tmp_path: Path) -> None:
    """Excel's "Unicode Text" export, as tools name it .xls: UTF-16 with a mark, tabs."""
    lines = ["العنوان\tالتاريخ\tالنص"] + [f"{t}\t2019-03-12\t{BODY}" for t in ROW_TITLES]
    path = tmp_path / "export.xls"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    articles = _parse(path).articles
    assert [a.title for a in articles] == ROW_TITLES
    assert articles[0].problems == (
        "decoded as utf-16-le",
        "read as a tab-separated table: the .xls file holds one",
    )


def test_an_xlsx_named_xls_is_read(tmp_path: Path) -> None:
    articles = _parse(_copy(tmp_path, "export.xlsx", "export.xls")).articles
    expected = _parse(_copy(tmp_path, "export.xlsx")).articles
    assert [a.title for a in articles] == [a.title for a in expected]
    assert articles[0].problems[-1] == "read as an Excel workbook (.xlsx): the .xls file holds one"


def test_old_office_files_in_a_zip_archive_are_read(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "archive.zip", "w") as archive:
        archive.write(FIXTURES / "article.doc", "اقتصاد/article.doc")
        archive.write(FIXTURES / "export.xls", "export.xls")
    loaded = read_folder(tmp_path)
    assert loaded.problems == ()
    titles = {a.id: a.title for a in loaded.articles}
    assert titles["archive.zip/اقتصاد/article.doc"] == DOC_TITLE
    assert titles["archive.zip/export.xls#3"] == ROW_TITLES[2]


def test_an_old_document_under_a_new_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    """A .doc renamed .docx, a .xls renamed .xlsx: read, where before they were taken for
    encrypted documents; a real encrypted one is still named so."""
    (doc,) = _parse(_copy(tmp_path, "article.doc", "renamed.docx")).articles
    assert doc.title == DOC_TITLE
    assert doc.problems == ("read as a Word 97-2003 document (.doc): the .docx file holds one",)
    sheet = _parse(_copy(tmp_path, "export.xls", "renamed.xlsx")).articles
    assert [a.title for a in sheet] == ROW_TITLES
    (locked,) = _parse(_copy(tmp_path, "locked.docx")).problems
    assert locked.reason == (
        "an encrypted (password-protected) Word document; save it without a password as .docx"
    )
    (locked,) = _parse(_copy(tmp_path, "locked.xlsx")).problems
    assert locked.reason.startswith("an encrypted (password-protected) Excel workbook")


def test_a_web_page_named_docx_is_read_as_a_page(tmp_path: Path) -> None:
    """A "download as Word" button that writes HTML under the new format's name."""
    from export_run import export_records

    page = (
        f'<html><head><meta charset="utf-8"></head><body><h1>{DOC_TITLE}</h1>'
        f"<p>{BODY}\n\nوأضاف المصدر أن التنفيذ يبدأ الشهر المقبل.</p></body></html>"
    )
    (tmp_path / "report.docx").write_text(page, encoding="utf-8")
    (record,), stderr = export_records(tmp_path, "--no-cache")
    assert record["title"] == DOC_TITLE
    assert record["body"].startswith(BODY) and "<p>" not in record["body"]
    assert record["problems"] == ["read as a web page: the .docx file holds one"]
    assert not any("corrupt" in line for line in stderr)


@pytest.mark.parametrize("name", ["b.docx", "b.docm", "b.odt", "b.doc"])
def test_what_tools_write_under_new_document_names_is_read_as_what_it_is(
    tmp_path: Path, name: str
) -> None:
    """An RTF, a single-file web page, a PDF and plain text named as a zipped document."""
    suffix = name[1:]
    rtf = _parse(_copy(tmp_path, "article.rtf", f"rtf{suffix}")).articles
    page = _parse(_copy(tmp_path, "page.mhtml", f"page{suffix}")).articles
    pdf = _parse(_copy(tmp_path, "printed_page.pdf", f"pdf{suffix}")).articles
    text = tmp_path / f"text{suffix}"
    text.write_text(f"{DOC_TITLE}\n\n{BODY}\n", encoding="utf-8")
    (plain,) = _parse(text).articles
    assert rtf[0].problems[-1] == f"read as an RTF document: the {suffix} file holds one"
    assert page[0].problems[-1] == (
        f"read as a web page saved as a single file (MHTML): the {suffix} file holds one"
    )
    assert pdf[0].problems[-1] == f"read as a PDF document: the {suffix} file holds one"
    assert (plain.title, plain.body) == (DOC_TITLE, BODY)
    assert plain.problems == (f"read as plain text: the {suffix} file holds one",)


def test_a_damaged_zip_named_docx_is_named_corrupt(tmp_path: Path) -> None:
    """A zip cut short stays the Word reader's to name, not read as text."""
    data = (FIXTURES / "article.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    result = _parse(tmp_path / "cut.docx")
    assert result.articles == ()
    assert [p.reason.split(" (")[0] for p in result.problems] == ["corrupt Word document"]
