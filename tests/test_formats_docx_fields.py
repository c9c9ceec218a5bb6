"""Media-monitoring reports in Word: each article a two-column table of labels and values
(العنوان، التاريخ، المصدر، النص), one table an article or several articles in one table."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from export_run import export_records

from reader.formats import parse_file

TITLES = (
    "البنك المركزي المصري يرفع أسعار الفائدة 200 نقطة أساس",
    "الحكومة تعلن خطة لدعم صغار الفلاحين في الجنوب",
)
TEXTS = (
    (
        "قرر البنك المركزي المصري يوم الخميس رفع سعر الفائدة بواقع 200 نقطة أساس.",
        "وأوضح البنك في بيان أن معدل التضخم السنوي بلغ 35.7% في فبراير 2024.",
    ),
    ("أعلنت وزارة الفلاحة اليوم عن خطة لدعم صغار الفلاحين في ولايات الجنوب.",),
)
SOURCES = ("اليوم السابع", "الشروق")
DATES = ("2024/03/01", "2024/03/02")


def _fields(n: int, labels: tuple[str, str, str, str]) -> list[tuple[str, str | tuple[str, ...]]]:
    return list(zip(labels, (TITLES[n], DATES[n], SOURCES[n], TEXTS[n]), strict=True))


def _add_table(document, rows: list[tuple[str, str | tuple[str, ...]]], *, flip=False) -> None:
    grid = document.add_table(rows=len(rows), cols=2)
    for i, (label, value) in enumerate(rows):
        label_cell, value_cell = grid.cell(i, 1 if flip else 0), grid.cell(i, 0 if flip else 1)
        label_cell.text = label
        paragraphs = (value,) if isinstance(value, str) else value
        value_cell.text = paragraphs[0]
        for more in paragraphs[1:]:
            value_cell.add_paragraph(more)


def _save(document, path: Path) -> Path:
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    return path


ARABIC = ("العنوان", "التاريخ", "المصدر", "النص")


def test_a_label_value_table_is_the_article_s_fields(tmp_path: Path) -> None:
    document = Document()
    _add_table(document, _fields(0, ARABIC))
    _save(document, tmp_path / "رصد_إعلامي_2024-03-01.docx")
    (record,), _ = export_records(tmp_path, "--no-cache")
    assert (record["title"], record["date"], record["source"]) == (
        TITLES[0],
        "2024-03-01",
        SOURCES[0],
    )
    assert record["body"] == "\n".join(TEXTS[0])
    assert record["problems"] == []


def test_a_report_of_several_tables_is_several_articles(tmp_path: Path) -> None:
    """A monitoring report: its heading, then a numbered table an article; the lines around
    the tables are kept with the article they stand by."""
    document = Document()
    document.add_heading("تقرير الرصد الإعلامي اليومي", level=1)
    document.add_paragraph("الخبر 1")
    _add_table(document, _fields(0, ARABIC))
    document.add_paragraph("الخبر 2")
    _add_table(
        document,
        [
            *_fields(1, ("Title:", "Date:", "Source:", "Text:")),
            ("URL:", "https://www.shorouknews.com/news/view.aspx?id=1"),
        ],
    )
    path = _save(document, tmp_path / "report.docx")
    first, second = parse_file(path, tmp_path).articles
    assert [a.id for a in (first, second)] == ["report.docx#1", "report.docx#2"]
    assert [a.title for a in (first, second)] == list(TITLES)
    assert [str(a.date) for a in (first, second)] == ["2024-03-01", "2024-03-02"]
    assert second.source == SOURCES[1] and second.body == TEXTS[1][0]
    assert second.url == "https://www.shorouknews.com/news/view.aspx?id=1"
    assert ("text above the table", "تقرير الرصد الإعلامي اليومي / الخبر 1") in first.extra
    assert ("text above the table", "الخبر 2") in second.extra


def test_one_table_holding_several_articles_is_cut_where_a_label_comes_again(
    tmp_path: Path,
) -> None:
    """The labels in the right-hand column, as some right-to-left templates put them."""
    document = Document()
    _add_table(document, [*_fields(0, ARABIC), *_fields(1, ARABIC)], flip=True)
    path = _save(document, tmp_path / "report.docx")
    articles = parse_file(path, tmp_path).articles
    assert [(a.id, a.title, a.source) for a in articles] == [
        ("report.docx#1", TITLES[0], SOURCES[0]),
        ("report.docx#2", TITLES[1], SOURCES[1]),
    ]


def test_an_article_with_a_table_of_figures_is_read_as_text(tmp_path: Path) -> None:
    """A table beside an article's own paragraphs, even one naming fields, is part of it."""
    document = Document()
    document.add_heading(TITLES[1], level=1)
    document.add_paragraph(" ".join(TEXTS[0] * 3))
    _add_table(document, _fields(0, ARABIC))
    path = _save(document, tmp_path / "a.docx")
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == TITLES[1]
    assert f"العنوان | {TITLES[0]}" in article.body


def test_a_field_table_without_text_is_named(tmp_path: Path) -> None:
    document = Document()
    _add_table(document, [*_fields(0, ARABIC)[:3], ("النص", "")])
    _add_table(document, _fields(1, ARABIC))
    path = _save(document, tmp_path / "report.docx")
    result = parse_file(path, tmp_path)
    assert [a.title for a in result.articles] == [TITLES[1]]
    assert [p.reason for p in result.problems] == [
        "article 1 of its tables: no text in the 'النص' row"
    ]
