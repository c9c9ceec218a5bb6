"""News-database exports in the Nexis layout: a cover page listing the documents, then each
document's head (title, publication, date, labelled lines), "Body", the text, a tail of
classification lines, and "End of Document". Labels in English, articles in Arabic."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document

from reader.formats import parse_file

COVER = """\
User Name: Researcher
Date and Time: Wednesday, November 4, 2026 10:12:00 AM EET
Job Number: 123456789
Documents (2)
1. افتتاح مستشفى جديد في صفاقس
Client/Matter: -None-
Search Terms: مستشفى
"""

FIRST = """\
افتتاح مستشفى جديد في صفاقس
الصباح (تونس)
November 3, 2026 Tuesday
Copyright 2026 Dar Assabah All Rights Reserved
Section: وطنية; Pg. 4
Length: 312 words
Byline: محمد الهادي
Body
أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير.
وقال الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم.
Classification
Language: ARABIC
Publication-Type: Newspaper
Subject: HOSPITALS (90%)
Load-Date: November 4, 2026
End of Document
"""

SECOND = """\
ارتفاع أسعار النفط
الشروق
November 5, 2026 Thursday
Length: 120 words
Body
ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج.
Load-Date: November 6, 2026
End of Document
"""


def test_an_export_of_several_documents_is_an_article_each(tmp_path: Path) -> None:
    path = tmp_path / "Files (2).txt"
    path.write_text(COVER + FIRST + SECOND, encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    first, second = result.articles
    assert (first.id, first.title, first.date, first.source) == (
        "Files (2).txt#1",
        "افتتاح مستشفى جديد في صفاقس",
        dt.date(2026, 11, 3),
        "الصباح (تونس)",
    )
    assert (first.author, first.category) == ("محمد الهادي", "وطنية")
    # the body is the text only: no labels above it, no classification below
    assert first.body == (
        "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير.\n"
        "وقال الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم."
    )
    assert (second.id, second.title, second.date, second.source) == (
        "Files (2).txt#2",
        "ارتفاع أسعار النفط",
        dt.date(2026, 11, 5),
        "الشروق",
    )


def test_a_word_export_of_one_document(tmp_path: Path) -> None:
    document = Document()
    for line in FIRST.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    (tmp_path / "doc.docx").write_bytes(out.getvalue())
    (article,) = parse_file(tmp_path / "doc.docx", tmp_path).articles
    assert (article.id, article.title, article.date) == (
        "doc.docx",
        "افتتاح مستشفى جديد في صفاقس",
        dt.date(2026, 11, 3),
    )
    assert "Load-Date" not in article.body and "Length" not in article.body


def test_a_document_without_a_date_line_is_dated_by_its_load_date_and_says_so(
    tmp_path: Path,
) -> None:
    text = SECOND.replace("November 5, 2026 Thursday\n", "")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = parse_file(tmp_path / "a.txt", tmp_path).articles
    assert article.date == dt.date(2026, 11, 6)
    assert article.problems == (
        "no date line: dated by its Load-Date, when the database loaded it",
    )


def test_a_document_with_nothing_after_body_is_named(tmp_path: Path) -> None:
    text = "عنوان\nالشروق\nBody\nLoad-Date: November 6, 2026\nEnd of Document\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = parse_file(tmp_path / "a.txt", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == ["document 1: no text after its 'Body' line"]


def test_an_article_that_only_mentions_end_of_document_is_plain_text(tmp_path: Path) -> None:
    text = "عنوان الخبر\nنص الخبر يذكر End of Document في سطر.\nEnd of Document\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = parse_file(tmp_path / "a.txt", tmp_path).articles
    assert article.title == "عنوان الخبر"
