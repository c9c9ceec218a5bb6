"""CSV shapes from tools that do not write what the header-first reader expects: Excel's
"sep=;" delimiter hint and tables with no header row (reader/formats/csv_headerless.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
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


# Zotero's "Export Collection… > CSV" header, whole: "Series Text" stands among its forty columns
_ZOTERO_COLUMNS = (
    "Key,Item Type,Publication Year,Author,Title,Publication Title,ISBN,ISSN,DOI,Url,"
    "Abstract Note,Date,Date Added,Date Modified,Access Date,Pages,Num Pages,Issue,Volume,"
    "Number Of Volumes,Journal Abbreviation,Short Title,Series,Series Number,Series Text,"
    "Series Title,Publisher,Place,Language,Rights,Type,Archive,Archive Location,Library Catalog,"
    "Call Number,Extra,Notes,File Attachments,Link Attachments,Manual Tags,Automatic Tags"
)
ZOTERO_HEADER = _ZOTERO_COLUMNS.split(",")


def test_a_zotero_export_gives_its_abstracts_with_the_newspaper_as_source() -> None:
    """Zotero keeps no article text: the abstract is the text (noted), "Publication Title" the
    newspaper. Its empty "Series Text" column was taken for the text, every row a problem."""
    row = dict.fromkeys(ZOTERO_HEADER, "")
    row.update(
        {
            "Key": "ABCD1234",
            "Item Type": "newspaperArticle",
            "Author": "العربي, محمد",
            "Title": "ارتفاع أسعار النفط في الأسواق العالمية",
            "Publication Title": "الشرق الأوسط",
            "Url": "https://aawsat.example/a/1",
            "Abstract Note": BODY,
            "Date": "2023-11-14",
            "Date Added": "2023-11-15 10:00:00",
            "Manual Tags": "نفط; اقتصاد",
        }
    )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ZOTERO_HEADER, quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerow(row)
    result = parse_csv(buffer.getvalue(), rel_path="zotero.csv", suffix=".csv")
    (article,) = result.articles
    assert result.problems == ()
    assert (article.title, article.body, article.source) == (
        "ارتفاع أسعار النفط في الأسواق العالمية",
        BODY,
        "الشرق الأوسط",
    )
    assert (article.date, article.tags) == (dt.date(2023, 11, 14), ("نفط", "اقتصاد"))
    assert article.problems == ("text is the summary column: the table has no text column",)


def test_a_text_column_found_by_a_piece_of_its_name_is_kept_when_it_holds_text() -> None:
    text = f"headline,story_body_text,date\nخبر,{BODY},2024-01-15\n"
    (article,) = parse_csv(text, rel_path="x.csv", suffix=".csv").articles
    assert article.body == BODY
