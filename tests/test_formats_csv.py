"""CSV and TSV exports (reader/formats/csvfmt.py), checked through what ``main.py export`` writes
(metadata sidecars: test_formats_sidecar.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from export_run import run_export

from reader.cache_rows import pack_articles, unpack_articles
from reader.formats import parse_file
from reader.formats.csvfmt import map_columns
from reader.formats.detect import Layout, detect_layout
from reader.library.library import load_library
from reader.model import Article

ROOT = Path(__file__).resolve().parent.parent

# the shape of a scraper's export: a header, bodies over several lines inside quotes, commas and
# quotes inside the text, a column the reader has no field for
ARABIC = (
    "عنوان,النص,التاريخ,الرابط,المصدر\n"
    '"بوتين يستقبل رئيسي","استقبل الرئيس الروسي نظيره الإيراني في موسكو، وبحثا ""الملفات"" الإقليمية.\n'
    'وقال بوتين إن العلاقات تتطور.\n\nفقرة ثالثة, بعد سطر فارغ.",2023-12-07,https://example.org/1,الخليج الجديد\n'
    '"خبر ثان","نص الخبر الثاني.",07/12/2023,https://example.org/2,الجزيرة\n'
)
SCRAPER = (
    "date_published,title,url,text,author,source,views,image_url\n"
    '2023-12-07T14:30:00Z,Gaza talks,https://a.example/1,"First paragraph.\nSecond paragraph.",'
    "Ali Hassan,Example News,1024,https://a.example/1.jpg\n"
    '2023-12-08 09:00:00,Second story,https://a.example/2,"Only paragraph.",,Example News,7,\n'
)


def _export(folder: Path, *args: str) -> tuple[list[dict], list[str]]:
    done = run_export(str(folder), "--no-entities", *args)
    assert done.returncode == 0, done.stderr.decode()
    err = done.stderr.decode("utf-8").splitlines()
    if "--format" in args:
        return list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig")))), err
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()], err


def test_arabic_headers_and_multiline_quoted_fields(tmp_path: Path) -> None:
    (tmp_path / "news.csv").write_text(ARABIC, encoding="utf-8")
    records, err = _export(tmp_path)
    assert [r["id"] for r in records] == ["news.csv#1", "news.csv#2"]
    first, second = records
    assert first["title"] == "بوتين يستقبل رئيسي"
    assert first["body"] == (
        'استقبل الرئيس الروسي نظيره الإيراني في موسكو، وبحثا "الملفات" الإقليمية.\n'
        "وقال بوتين إن العلاقات تتطور.\n"
        "فقرة ثالثة, بعد سطر فارغ."
    )
    assert (first["date"], first["url"], first["source"]) == (
        "2023-12-07",
        "https://example.org/1",
        "الخليج الجديد",
    )
    assert (second["title"], second["date"], second["source"]) == (
        "خبر ثان",
        "2023-12-07",
        "الجزيرة",
    )
    assert first["problems"] == [] and "extra" not in first
    assert err == ["2 articles from 1 files, 0 files skipped"]


def test_scraper_export_keeps_unmapped_columns_as_extra(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(SCRAPER, encoding="utf-8")
    records, _ = _export(tmp_path)
    first, second = records
    assert first["title"] == "Gaza talks"
    assert first["body"] == "First paragraph.\nSecond paragraph."
    assert (first["date"], second["date"]) == ("2023-12-07", "2023-12-08")
    assert first["url"] == "https://a.example/1"
    assert (first["author"], second["author"]) == ("Ali Hassan", None)
    assert first["source"] == "Example News"
    assert first["extra"] == {"views": "1024", "image_url": "https://a.example/1.jpg"}
    assert second["extra"] == {"views": "7"}  # an empty cell is no value
    rows, _ = _export(tmp_path, "--format", "csv")
    assert list(rows[0])[-1] == "extra"
    assert json.loads(rows[0]["extra"]) == {"views": "1024", "image_url": "https://a.example/1.jpg"}
    assert rows[0]["title"] == "Gaza talks"


def test_tsv(tmp_path: Path) -> None:
    text = "headline\tcontent\tpublished\tlink\tsection\tkeywords\n"
    text += "عنوان\tنص, بفاصلة; ومنقوطة\t2024-01-05\thttps://x.example/a\tسياسة\tغزة، مصر\n"
    (tmp_path / "feed.tsv").write_text(text, encoding="utf-8")
    records, _ = _export(tmp_path)
    assert len(records) == 1
    record = records[0]
    assert record["id"] == "feed.tsv"  # one row: no "#1", as a JSON file of one article
    assert record["title"] == "عنوان"
    assert record["body"] == "نص, بفاصلة; ومنقوطة"
    assert record["date"] == "2024-01-05"
    assert record["url"] == "https://x.example/a"
    assert record["category"] == "سياسة"
    assert record["tags"] == ["غزة", "مصر"]


def test_semicolon_cp1256_crlf(tmp_path: Path) -> None:
    text = (
        "العنوان;المحتوى;التاريخ;الموقع\r\n"
        '"خبر عاجل";"نص الخبر، وفيه فواصل, كثيرة\r\nوسطر ثان";2023-12-07;الجزيرة\r\n'
        '"خبر آخر";"نص آخر";2023-12-09;العربية\r\n'
    )
    (tmp_path / "legacy.csv").write_bytes(text.encode("cp1256"))
    records, _ = _export(tmp_path)
    assert [r["title"] for r in records] == ["خبر عاجل", "خبر آخر"]
    assert records[0]["body"] == "نص الخبر، وفيه فواصل, كثيرة\nوسطر ثان"
    assert [r["source"] for r in records] == ["الجزيرة", "العربية"]
    assert [r["date"] for r in records] == ["2023-12-07", "2023-12-09"]
    assert records[0]["problems"] == ["decoded as windows-1256"]


def test_row_without_text_is_a_named_problem(tmp_path: Path) -> None:
    (tmp_path / "news.csv").write_text(
        'title,text\nأول,"نص أول"\nبلا نص,\nثالث,"نص ثالث"\n', encoding="utf-8"
    )
    records, err = _export(tmp_path)
    assert [r["id"] for r in records] == ["news.csv#1", "news.csv#3"]
    assert [r["title"] for r in records] == ["أول", "ثالث"]
    assert "news.csv: row 2 (line 3): no text in the 'text' column" in err
    assert err[-1] == "2 articles from 1 files, 0 files skipped"


def test_table_without_text_column_is_named_with_its_columns(tmp_path: Path) -> None:
    (tmp_path / "stats.csv").write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    records, err = _export(tmp_path)
    assert records == []
    assert err == [
        "stats.csv: CSV without a text column: columns are a, b, c",
        "0 articles from 0 files, 1 files skipped: .csv ×1",
    ]


def test_news_api_table_gives_its_description_as_the_text_with_a_note(tmp_path: Path) -> None:
    """A news API export (Headline;Description;PubDate;Link, UTF-8 with BOM, CRLF) has no text
    column: the summary is the text, each article says so, nothing else is lost."""
    table = (
        "Headline;Description;PubDate;Link;Views\r\n"
        "عنوان الخبر الأول;قال الوزير إن المفاوضات ستستأنف.;2020-01-02T10:00:00Z;https://x.example/a;12\r\n"
        "عنوان الخبر الثاني;افتتح مستشفى جديد.;2020-01-03;https://x.example/b;7\r\n"
    )
    (tmp_path / "api.csv").write_bytes(b"\xef\xbb\xbf" + table.encode("utf-8"))
    records, err = _export(tmp_path)
    assert [(r["id"], r["title"], r["body"], r["date"], r["url"]) for r in records] == [
        (
            "api.csv#1",
            "عنوان الخبر الأول",
            "قال الوزير إن المفاوضات ستستأنف.",
            "2020-01-02",
            "https://x.example/a",
        ),
        (
            "api.csv#2",
            "عنوان الخبر الثاني",
            "افتتح مستشفى جديد.",
            "2020-01-03",
            "https://x.example/b",
        ),
    ]
    assert all(
        r["problems"] == ["text is the summary column: the table has no text column"]
        for r in records
    )
    assert [r["extra"] for r in records] == [{"Views": "12"}, {"Views": "7"}]
    assert err[-1] == "2 articles from 1 files, 0 files skipped"


def test_arabic_summary_column_is_the_text_when_there_is_no_other() -> None:
    from reader.formats.csv_columns import summary_as_body

    columns = summary_as_body(map_columns(("العنوان", "الوصف", "التاريخ")))
    assert columns.fields["body"] == 1
    assert columns.body_is_summary
    with_text = summary_as_body(map_columns(("العنوان", "النص", "الوصف")))
    assert with_text.fields["body"] == 1
    assert not with_text.body_is_summary


def test_excel_unicode_text_export_is_read(tmp_path: Path) -> None:
    """Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-delimited, named .csv."""
    table = "العنوان\tالنص\tالتاريخ\r\nخبر أول\tنص الخبر الأول.\t2019-03-04\r\n"
    (tmp_path / "excel.csv").write_bytes(b"\xff\xfe" + table.encode("utf-16-le"))
    records, err = _export(tmp_path)
    assert [(r["id"], r["title"], r["body"], r["date"]) for r in records] == [
        ("excel.csv", "خبر أول", "نص الخبر الأول.", "2019-03-04")
    ]
    assert err[-1] == "1 articles from 1 files, 0 files skipped"


def test_scrapy_list_cells_are_paragraphs_and_tags(tmp_path: Path) -> None:
    """scrapy's CSV exporter writes a list field as its repr: the paragraphs are the body, the
    list of keywords the tags; a cell that only looks like a list stays as written."""
    rows = [
        ["title", "content", "tags", "date"],
        ["خبر", str(["الفقرة الأولى.", "الفقرة الثانية."]), str(["غزة", "مصر"]), "2018-09-10"],
        ["خبر ثان", '["فقرة بصيغة JSON"]', "", "2018-09-11"],
        ["خبر ثالث", "['نص بين قوسين لا يغلق", "", "2018-09-12"],
    ]
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    (tmp_path / "items.csv").write_text(text.getvalue(), encoding="utf-8")
    records, _ = _export(tmp_path)
    assert [(r["body"], r["tags"]) for r in records] == [
        ("الفقرة الأولى.\nالفقرة الثانية.", ["غزة", "مصر"]),
        ("فقرة بصيغة JSON", []),
        ("['نص بين قوسين لا يغلق", []),
    ]


def test_unclosed_quote_keeps_the_rows_before_it_and_says_where(tmp_path: Path) -> None:
    (tmp_path / "cut.csv").write_text(
        'title,text\nأول,"نص أول"\nثان,"نص لم يغلق\nحتى النهاية\n', encoding="utf-8"
    )
    result = parse_file(tmp_path / "cut.csv", tmp_path)
    assert [a.title for a in result.articles] == ["أول"]
    assert [p.reason for p in result.problems] == [
        "CSV error at line 4: unexpected end of data; the rest of the file is not read"
    ]


def test_long_bodies_pass_the_csv_field_limit(tmp_path: Path) -> None:
    body = "كلمة " * 60_000  # 300,000 characters: over the csv module's default 128 KiB
    (tmp_path / "long.csv").write_text(f'title,text\nطويل,"{body}"\n', encoding="utf-8")
    result = parse_file(tmp_path / "long.csv", tmp_path)
    assert result.problems == ()
    assert result.articles[0].body == body.strip()


def test_delimiter_counted_in_the_header_not_the_prose(tmp_path: Path) -> None:
    # the bodies hold more commas than the header has semicolons: the header decides
    rows = "".join(f'خبر {i};"نص، فيه, فواصل, كثيرة, جدا, {i}";2023-01-0{i}\n' for i in range(1, 6))
    (tmp_path / "semi.csv").write_text("title;body;date\n" + rows, encoding="utf-8")
    result = parse_file(tmp_path / "semi.csv", tmp_path)
    assert [a.title for a in result.articles] == [f"خبر {i}" for i in range(1, 6)]
    assert result.articles[0].body == "نص، فيه, فواصل, كثيرة, جدا, 1"
    assert result.articles[4].date == dt.date(2023, 1, 5)


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("Title", "title"),
        ("\ufeffheadline ", "title"),
        ("العنوان", "title"),
        ("Article_Text", "body"),
        ("article text", "body"),
        ("المحتوى", "body"),
        ("نص", "body"),
        ("publish_date", "date"),
        ("Date Published", "date"),
        ("التاريخ", "date"),
        ("Source URL", "url"),
        ("الرابط", "url"),
        ("site", "source"),
        ("الموقع", "source"),
        ("Section", "category"),
        ("التصنيف", "category"),
        ("keywords", "tags"),
        ("الكلمات", "tags"),
        ("writer", "author"),
        ("الكاتب", "author"),
        ("tweet", "body"),  # Twint
        ("rawContent", "body"),  # snscrape
        ("media_name", "source"),  # Media Cloud
        ("story_text", "body"),
        # French exports of Maghreb sites
        ("Titre", "title"),
        ("Titre de l'article", "title"),
        ("Texte", "body"),
        ("Contenu", "body"),
        ("Date de publication", "date"),
        ("Lien", "url"),
        ("Rubrique", "category"),
        ("Catégorie", "category"),
        ("Mots-clés", "tags"),
        ("Auteur", "author"),
    ],
)
def test_header_names_are_read_liberally(name: str, field: str) -> None:
    columns = map_columns(("id", name, "other"))
    assert columns.fields.get(field) == 1
    assert [n for _, n in columns.extras] == ["id", "other"]


def test_the_better_name_wins_wherever_it_stands() -> None:
    columns = map_columns(("time", "link", "date", "url", "body"))
    assert (columns.fields["date"], columns.fields["url"], columns.fields["body"]) == (2, 3, 4)
    assert [n for _, n in columns.extras] == ["time", "link"]


def test_counting_columns_are_not_taken_for_fields() -> None:
    columns = map_columns(("article_id", "title", "text", "text_length"))
    assert columns.fields["body"] == 2
    assert [n for _, n in columns.extras] == ["article_id", "text_length"]


def test_a_text_file_that_is_a_table_is_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(SCRAPER, encoding="utf-8")
    result = parse_file(tmp_path / "dump.txt", tmp_path)
    assert [a.id for a in result.articles] == ["dump.txt#1", "dump.txt#2"]
    assert result.articles[0].title == "Gaza talks"
    # Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated, CRLF
    excel = 'العنوان\tالنص\tالتاريخ\r\nخبر\t"سطر أول\r\nسطر ثان"\t2024-02-01\r\n'
    (tmp_path / "excel.txt").write_bytes(excel.encode("utf-16"))
    (article,) = parse_file(tmp_path / "excel.txt", tmp_path).articles
    assert (article.id, article.title, article.body, article.date) == (
        "excel.txt",
        "خبر",
        "سطر أول\nسطر ثان",
        dt.date(2024, 2, 1),
    )
    # a plain article whose first line happens to hold commas stays one article
    assert detect_layout("عنوان, مع فاصلة\nنص الخبر، وفيه text, body.\n", ".txt") is Layout.PLAIN
    assert detect_layout("title, text\n", ".txt") is Layout.PLAIN  # no row after the header


def test_extra_survives_the_cache_row() -> None:
    article = Article(
        id="a.csv#1", title="t", body="b", path="a.csv", extra=(("views", "3"), ("x", "y"))
    )
    (back,), _ = unpack_articles(pack_articles(((article,), ())))
    assert back == article and back.extra == article.extra


def test_csv_articles_are_the_same_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(SCRAPER, encoding="utf-8")
    first = load_library(tmp_path, entities=False)
    second = load_library(tmp_path, entities=False)
    assert second.stats["cached_files"] == 1
    assert second.articles == first.articles
    assert second.articles["export.csv#1"].extra == (
        ("views", "1024"),
        ("image_url", "https://a.example/1.jpg"),
    )
