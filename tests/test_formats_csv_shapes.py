"""CSV shapes from tools that do not write what the header-first reader expects: Excel's
"sep=;" delimiter hint and tables with no header row (reader/formats/csv_headerless.py)."""

from __future__ import annotations

from pathlib import Path

from export_run import export_records

from reader.formats.csv_headerless import HEADERLESS_NOTE, columns_by_content, is_data_row
from reader.formats.csvfmt import parse_csv

BODY = "نص الخبر عن الاقتصاد في تونس والجزائر والمغرب، وقال الوزير إن النمو سيرتفع هذا العام."


def test_excel_delimiter_hint_is_followed_and_not_read_as_a_header(tmp_path: Path) -> None:
    text = f'sep=;\nالعنوان;النص;التاريخ\nخبر أول;{BODY};2024-01-15\nخبر ثان;"{BODY}\nسطر ثان";16/01/2024\n'
    (tmp_path / "export.csv").write_text(text, encoding="utf-8-sig")
    records, err = export_records(tmp_path)
    assert [(r["title"], r["date"]) for r in records] == [
        ("خبر أول", "2024-01-15"),
        ("خبر ثان", "2024-01-16"),
    ]
    assert records[1]["body"] == f"{BODY}\nسطر ثان"
    assert err == ["2 articles from 1 files, 0 files skipped"]


def test_a_table_without_a_header_row_is_read_by_its_columns_contents(tmp_path: Path) -> None:
    rows = [
        ("https://example.net/news/1", "خبر أول", BODY, "2024-01-15", "12"),
        ("https://example.net/news/2", "خبر ثان", BODY + " وأضاف.", "2024-01-16", "7"),
    ]
    text = "".join(",".join(f'"{c}"' for c in row) + "\n" for row in rows)
    result = parse_csv(text, rel_path="scraped.csv", suffix=".csv")
    assert [(a.id, a.title, a.url, str(a.date)) for a in result.articles] == [
        ("scraped.csv#1", "خبر أول", "https://example.net/news/1", "2024-01-15"),
        ("scraped.csv#2", "خبر ثان", "https://example.net/news/2", "2024-01-16"),
    ]
    assert result.articles[0].body == BODY
    assert result.articles[0].extra == (("column 5", "12"),)
    assert all(a.problems == (HEADERLESS_NOTE,) for a in result.articles)


def test_a_header_is_still_a_header() -> None:
    assert not is_data_row(("title", "text", "date"))
    assert not is_data_row(("العنوان", "النص", "2024"))  # a known name: a header
    assert not is_data_row(("اسم", "وصف قصير"))
    assert is_data_row(("خبر أول", BODY))
    assert is_data_row(("خبر أول", "قصير", "2024-01-15"))


def test_no_column_long_enough_to_be_a_text_is_no_guess() -> None:
    assert columns_by_content([("خبر", "2024-01-15"), ("آخر", "2024-01-16")]) is None
    result = parse_csv("خبر,2024-01-15\nآخر,2024-01-16\n", rel_path="x.csv", suffix=".csv")
    assert result.articles == ()
    assert [p.reason[:26] for p in result.problems] == ["CSV without a text column:"]
