"""Excel workbooks as scraping tools export them: a header row in Arabic or English, dates as
Excel dates, counts as numbers, sometimes a second sheet of settings."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from reader.formats import parse_file, read_folder
from reader.formats.names import not_read_reason

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

BODY = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."
OTHER = "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج."


def _book(*sheets: tuple[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


EXPORT = (
    "Sheet1",
    [
        ["العنوان", "التاريخ", "النص", "الرابط", "عدد المشاهدات"],
        ["افتتاح مستشفى في صفاقس", dt.datetime(2026, 11, 3), BODY, "https://x.example/1", 1200],
        ["أسعار النفط", dt.datetime(2026, 11, 4, 9, 30), OTHER, None, 3.5],
        [None, None, None, None, None],
        ["خبر بلا نص", dt.date(2026, 11, 5), None, None, None],
    ],
)


def test_each_row_is_an_article_with_its_fields(tmp_path: Path) -> None:
    (tmp_path / "octoparse.xlsx").write_bytes(_book(EXPORT))
    result = parse_file(tmp_path / "octoparse.xlsx", tmp_path)
    first, second = result.articles
    assert (first.id, first.title, first.date, first.url, first.body) == (
        "octoparse.xlsx#1",
        "افتتاح مستشفى في صفاقس",
        dt.date(2026, 11, 3),
        "https://x.example/1",
        BODY,
    )
    # numbers read as a CSV would hold them; unmapped columns kept as extra
    assert first.extra == (("عدد المشاهدات", "1200"),)
    assert (second.id, second.date, second.extra) == (
        "octoparse.xlsx#2",
        dt.date(2026, 11, 4),
        (("عدد المشاهدات", "3.5"),),
    )
    # the blank row is not counted; the row without text is named, with its sheet row
    assert [p.reason for p in result.problems] == ["row 3 (line 5): no text in the 'النص' column"]


def test_article_sheets_are_read_and_a_settings_sheet_is_left_alone(tmp_path: Path) -> None:
    data = _book(
        ("سياسة", [["title", "text"], ["الأول", BODY]]),
        ("settings", [["key", "value"], ["pages", 20]]),
        ("اقتصاد", [["title", "text"], ["الثاني", OTHER]]),
    )
    (tmp_path / "news.xlsx").write_bytes(data)
    result = parse_file(tmp_path / "news.xlsx", tmp_path)
    assert [(a.id, a.title) for a in result.articles] == [
        ("news.xlsx#1", "الأول"),
        ("news.xlsx#2", "الثاني"),
    ]
    assert result.problems == ()


def test_a_workbook_without_a_text_column_is_named_with_its_columns(tmp_path: Path) -> None:
    (tmp_path / "links.xlsx").write_bytes(_book(("Sheet1", [["title", "url"], ["a", "b"]])))
    result = parse_file(tmp_path / "links.xlsx", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "Excel sheet 'Sheet1' without a text column: columns are title, url"
    ]


def test_a_report_s_title_above_the_header_is_left_out(tmp_path: Path) -> None:
    """A media-monitoring report: its title in a merged cell, a blank row, then the header; a
    date cell that lost its format holds the day's serial number."""
    book = Workbook()
    sheet = book.active
    sheet.title = "أخبار"
    sheet.append(["تقرير الرصد الإعلامي", None, None, None])
    sheet.merge_cells("A1:D1")
    sheet.append([None, None, None, None])
    sheet.append(["العنوان", "التاريخ", "النص", "المصدر"])
    sheet.append(["افتتاح مستشفى", dt.datetime(2024, 3, 12, 10), BODY, "البيان"])
    sheet.append(["أسعار النفط", 45298, OTHER, "الخليج"])
    out = io.BytesIO()
    book.save(out)
    (tmp_path / "رصد.xlsx").write_bytes(out.getvalue())
    result = parse_file(tmp_path / "رصد.xlsx", tmp_path)
    assert result.problems == ()
    first, second = result.articles
    assert [(a.id, a.title, a.date, a.source, a.body) for a in result.articles] == [
        ("رصد.xlsx#1", "افتتاح مستشفى", dt.date(2024, 3, 12), "البيان", BODY),
        ("رصد.xlsx#2", "أسعار النفط", dt.date(2024, 1, 7), "الخليج", OTHER),
    ]
    note = "1 row above the table's header (row 3) left out: a title or notes, not an article"
    assert first.problems == (note,)
    assert second.problems == (note, "date read from a spreadsheet's day number")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ((FIXTURES / "locked.xlsx").read_bytes(), "encrypted (password-protected)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "corrupt Excel workbook"),
        (b"PK\x03\x04 not really a workbook", "corrupt Excel workbook"),
        (_book(("Sheet1", [])), "empty Excel workbook"),
    ],
    ids=["encrypted", "compound-file-damaged", "corrupt", "empty"],
)
def test_a_workbook_that_cannot_be_read_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "book.xlsx").write_bytes(data)
    result = parse_file(tmp_path / "book.xlsx", tmp_path)
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.path == "book.xlsx" and reason in problem.reason


def test_a_workbook_in_a_zip_archive_and_its_folder_as_category(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as archive:
        archive.writestr("رياضة/day.xlsx", _book(("Sheet1", [["title", "text"], ["خبر", BODY]])))
        archive.writestr("اقتصاد/1.txt", f"أسعار النفط\n\n{OTHER}\n")
    found = {a.id: a.category for a in read_folder(tmp_path).articles}
    assert found == {"export.zip/رياضة/day.xlsx": "رياضة", "export.zip/اقتصاد/1.txt": "اقتصاد"}


def test_apple_numbers_files_say_how_to_read_them() -> None:
    assert not_read_reason("news.numbers") == (
        "not an article format (.numbers: a Numbers spreadsheet); save it as .xlsx or CSV"
    )
