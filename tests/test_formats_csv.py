"""CSV and TSV exports (reader/formats/csvfmt.py) and metadata sidecars (reader/formats/sidecar.py),
checked through what ``main.py export`` writes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from export_run import run_export

from reader.cache_rows import pack_articles, unpack_articles
from reader.formats import parse_file, read_folder
from reader.formats.csvfmt import map_columns
from reader.formats.detect import Layout, detect_layout
from reader.library.library import load_library
from reader.model import Article, Span

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


# ---------------------------------------------------------------------------- sidecars
PAGE_1 = (
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير لخدمة السكان.\n"
    "وقال الوزير إن المستشفى سيبدأ استقبال المرضى الشهر المقبل.\n"
)
PAGE_2 = "افتتاح معرض الكتاب\nيفتتح معرض الكتاب أبوابه غدا بمشاركة مئات الناشرين.\n"


def _sidecar_folder(root: Path) -> Path:
    root.mkdir()
    (root / "pages").mkdir()
    (root / "pages" / "001.txt").write_text(PAGE_1, encoding="utf-8")
    (root / "pages" / "002.txt").write_text(PAGE_2, encoding="utf-8")
    (root / "pages" / "metadata.csv").write_text(
        "file_name,title,date,url\n"
        "001.txt,مستشفى جديد في المدينة,2024-03-01,https://news.example/001\n"
        "002.txt,معرض الكتاب يفتتح غدا,05/03/2024,https://news.example/002\n"
        "003.txt,صفحة لم تحفظ,2024-03-09,https://news.example/003\n",
        encoding="utf-8",
    )
    return root


def test_sidecar_fields_land_on_the_pages_articles(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    records, err = _export(folder)
    by_id = {r["id"]: r for r in records}
    assert list(by_id) == ["pages/001.txt", "pages/002.txt"]
    one, two = by_id["pages/001.txt"], by_id["pages/002.txt"]
    # a page saved without its headline: the sidecar's title, and the first paragraph back in
    # the body
    assert one["title"] == "مستشفى جديد في المدينة"
    assert one["body"] == PAGE_1.strip()
    assert (one["date"], one["url"]) == ("2024-03-01", "https://news.example/001")
    # a page with a headline of its own keeps it; the sidecar fills what the page lacks
    assert two["title"] == "افتتاح معرض الكتاب"
    assert (two["date"], two["url"]) == ("2024-03-05", "https://news.example/002")
    assert one["problems"] == [] and two["problems"] == []
    # the sidecar is read, not skipped; the row naming a page that is not there is named
    assert err == [
        "pages/003.txt: named by pages/metadata.csv (row 3, line 4) but not in the folder",
        "2 articles from 2 files, 1 files skipped: .txt ×1",
    ]


def test_sidecar_naming_pages_by_id_in_arabic_columns(tmp_path: Path) -> None:
    (tmp_path / "1001.txt").write_text(PAGE_1, encoding="utf-8")
    (tmp_path / "1002.md").write_text(PAGE_2, encoding="utf-8")
    (tmp_path / "بيانات.tsv").write_text(
        "المعرف\tالعنوان\tتاريخ النشر\tالرابط\tالمصدر\n"
        "1001\tمستشفى جديد\t2024-03-01\thttps://news.example/1001\tوكالة الأنباء\n"
        "1002\tمعرض الكتاب\t2024-03-05\thttps://news.example/1002\tوكالة الأنباء\n",
        encoding="utf-8",
    )
    records, err = _export(tmp_path)
    assert [(r["id"], r["title"], r["date"], r["url"], r["source"]) for r in records] == [
        ("1001.txt", "مستشفى جديد", "2024-03-01", "https://news.example/1001", "وكالة الأنباء"),
        (
            "1002.md",
            "افتتاح معرض الكتاب",
            "2024-03-05",
            "https://news.example/1002",
            "وكالة الأنباء",
        ),
    ]
    assert err == ["2 articles from 2 files, 0 files skipped"]


def test_sidecar_join_is_the_same_from_the_cache_and_in_read_folder(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    first = load_library(folder, entities=False)
    second = load_library(folder, entities=False)
    assert second.stats["cached_files"] == 3
    assert second.articles == first.articles
    assert first.articles["pages/001.txt"].title == "مستشفى جديد في المدينة"
    plain = read_folder(folder)
    assert {a.id: a for a in plain.articles} == first.articles


def test_a_folder_with_a_sidecar_is_searched_as_joined_every_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    folder = _sidecar_folder(tmp_path / "site")
    args = ["search", str(folder), "مستشفى", "--format", "jsonl"]
    assert main(args) == 0
    first = capsys.readouterr()
    assert main(args) == 0
    second = capsys.readouterr()
    # no index snapshot is kept for it (a sidecar edit would leave the pages' entries stale),
    # so no answer from the snapshot alone either: the same hits, with the sidecar's title
    assert "index built" in second.err and "index loaded" not in second.err
    assert second.out == first.out
    assert json.loads(second.out)["results"][0]["title"] == "مستشفى جديد في المدينة"


def test_a_sidecar_edited_or_removed_between_opens(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    meta = folder / "pages" / "metadata.csv"
    original = meta.read_text(encoding="utf-8")
    meta.write_text(original.replace("مستشفى جديد في المدينة", "عيادة متنقلة"), encoding="utf-8")
    # nothing cached: the index is built while the files are parsed, before the join
    first = load_library(folder, entities=False)
    assert first.stats["cached_files"] == 0
    assert first.articles["pages/001.txt"].title == "عيادة متنقلة"
    assert list(first.search("عيادة").ids) == ["pages/001.txt"]
    meta.write_text(original.replace("مستشفى جديد في المدينة", "قافلة طبية"), encoding="utf-8")
    again = load_library(folder, entities=False)
    assert list(again.search("قافلة").ids) == ["pages/001.txt"]
    assert list(again.search("عيادة").ids) == []  # the old title's words are not indexed any more
    meta.unlink()
    removed = load_library(folder, entities=False)
    page = removed.articles["pages/001.txt"]
    first_line, rest = PAGE_1.strip().split("\n")
    assert (page.title, page.body, page.date, page.url) == (first_line, rest, None, None)
    assert list(removed.search("قافلة").ids) == []
    assert removed.summary() == "2 articles from 2 files, 0 files skipped"


class _NameFinder:
    """A stand-in recogniser: marks every occurrence of a few words."""

    NAMES = ("الوزير", "الصحة")

    def find_entities(self, text: str, keywords: object = ()) -> list[Span]:
        spans = [
            Span(match, match + len(name), "PERS")
            for name in self.NAMES
            for match in _find_all(text, name)
        ]
        return sorted(spans, key=lambda s: s.start)


def _find_all(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + 1)
    return found


def test_entity_spans_fit_the_body_the_sidecar_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.library
    import reader.library.tagging

    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (_NameFinder(), None))
    monkeypatch.setattr(reader.library.tagging, "default_recogniser", lambda: None)
    folder = _sidecar_folder(tmp_path / "site")

    def spans_fit(library: reader.library.library.Library) -> None:
        page = library.articles["pages/001.txt"]
        assert page.entities
        assert {page.body[s.start : s.end] for s in page.entities} <= set(_NameFinder.NAMES)

    joined = load_library(folder)
    spans_fit(joined)
    assert joined.articles["pages/001.txt"].body.startswith("أعلنت وزارة الصحة")
    # the spans found on the joined body must not be laid on the page's own body, nor the
    # other way round
    (folder / "pages" / "metadata.csv").rename(folder / "metadata.bak")
    spans_fit(load_library(folder))
    (folder / "metadata.bak").rename(folder / "pages" / "metadata.csv")
    spans_fit(load_library(folder))


def test_live_changes_join_the_sidecar(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    library = load_library(folder, entities=False)
    # a page written while the folder is open gets its row's fields...
    (folder / "pages" / "003.txt").write_text(PAGE_1.replace("الصحة", "التعليم"), encoding="utf-8")
    library.apply_changes([folder / "pages" / "003.txt"], entities=False)
    assert library.articles["pages/003.txt"].title == "صفحة لم تحفظ"
    assert library.articles["pages/003.txt"].url == "https://news.example/003"
    # ...and a sidecar edited while open is joined onto the pages it names
    meta = folder / "pages" / "metadata.csv"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("2024-03-01", "2024-03-02"), encoding="utf-8"
    )
    library.apply_changes([meta], entities=False)
    assert library.articles["pages/001.txt"].title == "مستشفى جديد في المدينة"
    assert library.articles["pages/001.txt"].date == dt.date(2024, 3, 2)
    assert library.articles["pages/001.txt"].body == PAGE_1.strip()
