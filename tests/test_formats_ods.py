"""OpenDocument spreadsheets (LibreOffice Calc's .ods, Google Sheets' download): each sheet read
as an Excel sheet is, the million empty rows Calc writes as one repeated row never spelt out."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from reader.formats import parse_file
from reader.formats.names import is_article_name

BODY = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def _cell(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def _ods(rows: str, *, manifest_extra: str = "") -> bytes:
    """An .ods as Calc writes it: a header row, rows, the sheet's empty rest as repeats."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} '
        'office:version="1.3"><office:body><office:spreadsheet>'
        f'<table:table table:name="أخبار"><table:table-column table:number-columns-repeated="4"/>'
        f"{rows}"
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        f'<manifest:file-entry manifest:full-path="content.xml">{manifest_extra}'
        "</manifest:file-entry></manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()


ROWS = (
    "<table:table-row>"
    + "".join(_cell(name) for name in ("العنوان", "النص", "التاريخ"))
    + '<table:table-cell table:number-columns-repeated="1021"/></table:table-row>'
    + "<table:table-row>"
    + _cell("خبر أول")
    + _cell(BODY)
    + '<table:table-cell office:value-type="date" office:date-value="2026-11-03">'
    + "<text:p>03/11/26</text:p></table:table-cell></table:table-row>"
    + '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
    + "<table:table-row>"
    + _cell("خبر ثان")
    + _cell(BODY)
    + _cell("4 نوفمبر 2026")
    + "</table:table-row>"
)


def test_each_row_of_a_sheet_is_an_article(tmp_path: Path) -> None:
    (tmp_path / "أخبار.ods").write_bytes(_ods(ROWS))
    result = parse_file(tmp_path / "أخبار.ods", tmp_path)
    assert [(a.id, a.title, a.body, a.date) for a in result.articles] == [
        ("أخبار.ods#1", "خبر أول", BODY, dt.date(2026, 11, 3)),
        ("أخبار.ods#2", "خبر ثان", BODY, dt.date(2026, 11, 4)),
    ]
    assert result.problems == ()


def test_a_title_row_above_the_header_is_left_out(tmp_path: Path) -> None:
    title = (
        "<table:table-row>"
        + _cell("تقرير الرصد الإعلامي - نوفمبر 2026")
        + '<table:table-cell table:number-columns-repeated="1023"/></table:table-row>'
        + '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
    )
    (tmp_path / "رصد.ods").write_bytes(_ods(title + ROWS))
    result = parse_file(tmp_path / "رصد.ods", tmp_path)
    assert [(a.id, a.title, a.date) for a in result.articles] == [
        ("رصد.ods#1", "خبر أول", dt.date(2026, 11, 3)),
        ("رصد.ods#2", "خبر ثان", dt.date(2026, 11, 4)),
    ]
    note = "1 row above the table's header (row 4) left out: a title or notes, not an article"
    assert all(a.problems == (note,) for a in result.articles)
    assert result.problems == ()


def test_unreadable_spreadsheets_are_named(tmp_path: Path) -> None:
    cases = {
        "locked.ods": (_ods(ROWS, manifest_extra="<manifest:encryption-data/>"), "an encrypted"),
        "cut.ods": (b"PK\x03\x04 cut short", "corrupt OpenDocument spreadsheet"),
        "empty.ods": (_ods(""), "empty OpenDocument workbook"),
    }
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        result = parse_file(tmp_path / name, tmp_path)
        assert result.articles == ()
        assert [p.reason[: len(reason)] for p in result.problems] == [reason], name


def test_ods_names_are_scanned() -> None:
    assert is_article_name("a.ods")
