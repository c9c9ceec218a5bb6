"""Word documents as journalists keep articles: a heading, a dateline, paragraphs, sometimes a
table; and the documents that cannot be read, named with their reason."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from reader.formats import parse_file, read_folder
from reader.formats.names import not_read_reason

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

TITLE = "افتتاح مستشفى جديد في صفاقس"
FIRST = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."
SECOND = "وقال الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم."


def _document(*, table: bool = False) -> bytes:
    document = Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph("تونس في 3 نوفمبر 2026")
    document.add_paragraph(FIRST)
    if table:
        grid = document.add_table(rows=2, cols=2)
        for (row, col), text in {(0, 0): "الولاية", (0, 1): "الأسرة", (1, 0): "صفاقس"}.items():
            grid.cell(row, col).text = text
        grid.cell(1, 1).text = "300"
    document.add_paragraph(SECOND)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_document_is_an_article_with_its_title_date_and_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "مستشفى.docx").write_bytes(_document())
    (article,) = parse_file(tmp_path / "مستشفى.docx", tmp_path).articles
    assert (article.id, article.title, article.date) == ("مستشفى.docx", TITLE, dt.date(2026, 11, 3))
    assert article.body == f"{FIRST}\n{SECOND}"
    assert article.problems == ()


def test_a_table_in_a_document_is_kept_a_line_a_row(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(_document(table=True))
    (article,) = parse_file(tmp_path / "a.docx", tmp_path).articles
    assert article.body == f"{FIRST}\nالولاية | الأسرة\nصفاقس | 300\n{SECOND}"


def test_a_document_in_a_zip_archive(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "articles.zip", "w") as archive:
        archive.writestr("one.docx", _document())
    (article,) = read_folder(tmp_path).articles
    assert (article.id, article.title) == ("articles.zip/one.docx", TITLE)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ((FIXTURES / "locked.docx").read_bytes(), "encrypted (password-protected)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "corrupt Word document"),
        (b"PK\x03\x04 not really a document", "corrupt Word document"),
    ],
    ids=["encrypted", "compound-file-damaged", "corrupt"],
)
def test_a_document_that_cannot_be_read_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "a.docx").write_bytes(data)
    result = parse_file(tmp_path / "a.docx", tmp_path)
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.path == "a.docx" and reason in problem.reason


def test_an_empty_document_is_named(tmp_path: Path) -> None:
    out = io.BytesIO()
    Document().save(out)
    (tmp_path / "empty.docx").write_bytes(out.getvalue())
    result = parse_file(tmp_path / "empty.docx", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == ["no text in the file"]


def test_apple_pages_files_say_how_to_read_them() -> None:
    assert not_read_reason("article.pages") == (
        "not an article format (.pages: a Pages document); save it as .docx or text"
    )


def test_a_document_too_large_unpacked_is_not_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb named .docx (or .xlsx) is refused by the sizes its parts declare, before any
    is unpacked; here a real document against a limit lowered to 1,000 bytes."""
    from reader.formats import office

    monkeypatch.setattr(office, "MAX_UNPACKED", 1000)
    (tmp_path / "a.docx").write_bytes(_document())
    result = parse_file(tmp_path / "a.docx", tmp_path)
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.reason.startswith("Word document too large unpacked (")
