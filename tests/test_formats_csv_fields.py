"""Which column is which field (reader/formats/csv_columns.py): the Arabic and English names
exports give the text ("تفاصيل الخبر", "متن", "details"), written with or without the article,
hamza or tatweel; and a title cell that is only a web address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats import parse_file
from reader.formats.csv_columns import exact_fields, map_columns
from reader.formats.csvfmt import looks_delimited, parse_csv
from reader.formats.titles import TITLE_FROM_FIRST_WORDS

BODY = "أعلن وزير المالية، اليوم الثلاثاء، عن خطة جديدة تهدف إلى خفض عجز الموازنة العامة بنسبة 3%."


@pytest.mark.parametrize(
    "name",
    [
        "تفاصيل الخبر",
        "تفاصيل_الخبر",
        "التفاصيل",
        "تفاصيل المقال",
        "متن",
        "متن الخبر",
        "نص الخبر",
        "نص_المقال",
        "المحتوى",
        "المحتوي",
        "محتوى الخبر",
        "مقالة",
        "Details",
        "Article Body",
        "Story",
        "Full Text",
        "full_text",
        "Body Text",
        "news_content",
    ],
)
def test_the_names_of_a_text_column(name: str) -> None:
    assert map_columns(("عنوان", name, "x")).fields["body"] == 1
    assert "body" in exact_fields([name])


def test_names_fold_as_arabic_is_written() -> None:
    columns = map_columns(("عنوان الخبر", "تاريخ النشر", "تفاصيل الخبر", "الـمصدر", "الكاتب"))
    assert columns.fields == {"title": 0, "date": 1, "body": 2, "source": 3, "author": 4}
    assert exact_fields(["التاريخ", "تاريخ", "الوقت"]) == {"date"}
    assert exact_fields(["اسم الملف"]) == {"file"}
    # a date wins over a time whichever stands first
    assert map_columns(("الوقت", "التاريخ", "النص")).fields["date"] == 1
    # and names that only hold a word are still not the field
    assert "body" not in map_columns(("نصيب_id", "العنوان")).fields


def test_a_table_whose_text_column_is_news_details_is_read(tmp_path: Path) -> None:
    text = (
        "عنوان,التاريخ والوقت,تفاصيل الخبر,المصدر,القسم\n"
        f'وزير المالية يعلن خطة,2024-03-12 10:00,"{BODY}\nفقرة ثانية.",البيان,اقتصاد\n'
    )
    (tmp_path / "c.csv").write_text(text, encoding="utf-8")
    result = parse_file(tmp_path / "c.csv", tmp_path)
    (article,) = result.articles
    assert (article.title, article.date, article.body, article.source, article.category) == (
        "وزير المالية يعلن خطة",
        dt.date(2024, 3, 12),
        f"{BODY}\nفقرة ثانية.",
        "البيان",
        "اقتصاد",
    )
    assert result.problems == ()
    assert looks_delimited("العنوان\tتفاصيل الخبر\nخبر\tنص\n")


def test_a_title_that_is_a_web_address_is_the_article_s_address(tmp_path: Path) -> None:
    text = (
        "title,text,date,url\n"
        f'"https://www.example.com/news/2024/03/12/article-123","{BODY}",,\n'
        f'"https://www.example.com/other","{BODY}",2024-03-14,https://www.example.com/news/1\n'
        f'"https://www.example.com/news/1","{BODY}",2024-03-15,https://www.example.com/news/1\n'
        f'"خبر عن https://www.example.com","{BODY}",2024-03-16,\n'
    )
    (tmp_path / "e.csv").write_text(text, encoding="utf-8")
    first, second, third, fourth = parse_file(tmp_path / "e.csv", tmp_path).articles
    made = "أعلن وزير المالية، اليوم الثلاثاء، عن خطة جديدة تهدف إلى خفض عجز …"
    # the address is the url, the title is made from the text, the date comes from the address
    assert (first.title, first.url, first.date) == (
        made,
        "https://www.example.com/news/2024/03/12/article-123",
        dt.date(2024, 3, 12),
    )
    assert first.problems == (TITLE_FROM_FIRST_WORDS, "date taken from the article's address")
    # a url of its own stays; the title's other address is kept with the extras
    assert (second.title, second.url) == (made, "https://www.example.com/news/1")
    assert second.extra == (("title", "https://www.example.com/other"),)
    assert (third.title, third.extra, third.problems) == (made, (), (TITLE_FROM_FIRST_WORDS,))
    # a title that holds an address among words is a title
    assert (fourth.title, fourth.url) == ("خبر عن https://www.example.com", None)


def test_a_title_address_in_a_table_without_a_url_column() -> None:
    text = f'title,text\n"www.example.com/news/2024-03-12/x","{BODY}"\n'
    (article,) = parse_csv(text, rel_path="t.csv", suffix=".csv").articles
    assert article.url == "www.example.com/news/2024-03-12/x"
    assert article.problems == (TITLE_FROM_FIRST_WORDS,)


def test_a_crawl_date_and_an_image_address_are_not_the_articles(tmp_path: Path) -> None:
    """news-please writes date_download before date_publish, scrapers an image_url before the
    page's url (or none): the names hold "date" and "url", but name something else."""
    table = (
        "title,maintext,date_download,date_publish,image_url,url\n"
        "خبر,نص الخبر الأول هنا.,2024-05-01,2024-03-12,https://img.example/a.jpg,https://site.example/a\n"
    )
    (tmp_path / "news-please.csv").write_text(table, encoding="utf-8")
    archive = "title,text,edition_date\nخبر,نص الخبر الثالث.,2019-05-02\n"
    (tmp_path / "archive.csv").write_text(archive, encoding="utf-8")  # an edition is no edit
    crawl = "title,text,image_url,crawl_date\nخبر,نص الخبر الثاني.,https://img.example/b.jpg,2024-05-01\n"
    (tmp_path / "crawl.csv").write_text(crawl, encoding="utf-8")
    records, _ = export_records(tmp_path)
    assert [(r["date"], r["url"]) for r in records] == [
        ("2019-05-02", None),
        (None, None),
        ("2024-03-12", "https://site.example/a"),
    ]
    assert records[1]["extra"] == {
        "image_url": "https://img.example/b.jpg",
        "crawl_date": "2024-05-01",
    }


# --- tweets tables (Twint, snscrape): list cells and the account ------------------------------

_TWINT_HEADER = (
    "id,date,time,username,name,tweet,language,mentions,urls,hashtags,link,retweet,source\n"
)


def _twint_row(number: int, username: str, hashtags: str, source: str = "") -> str:
    return (
        f'17639123456789{number},2024-03-0{number},14:15:00,{username},اسم,"{BODY} {number}",'
        f'ar,[],[],"{hashtags}",https://twitter.example/{username}/status/{number},False,'
        f"{source}\n"
    )


def test_a_tweets_table_gives_list_tags_and_the_account_as_source(tmp_path: Path) -> None:
    table = (
        _TWINT_HEADER
        + _twint_row(1, "youm7", "['مصر', 'اقتصاد']")
        + _twint_row(2, "AJArabic", "[]")
        + _twint_row(3, "AJArabic", '[""غزة""]', source="وكالة الأنباء")
    )
    (tmp_path / "tweets.csv").write_text(table, encoding="utf-8")
    records, _ = export_records(tmp_path, "--no-cache")
    assert [(r["source"], r["tags"]) for r in records] == [
        ("youm7", ["مصر", "اقتصاد"]),
        ("AJArabic", []),
        ("وكالة الأنباء", ["غزة"]),
    ]
    assert "username" not in records[0]["extra"]


@pytest.mark.parametrize("cell", ["[]", "[ ]", '"[]"'])
def test_an_empty_list_cell_is_no_tag(cell: str) -> None:
    text = f'text,tags\n"{BODY}",{cell}\n'
    (article,) = parse_csv(text, rel_path="t.csv", suffix=".csv").articles
    assert article.tags == ()


def test_a_table_of_headlines_gives_headline_only_articles(tmp_path: Path) -> None:
    """A media-monitoring search's export (Media Cloud's columns) has no text column: each row
    is a headline with its address, date and outlet, noted as such; a list of names and values
    without addresses or dates stays a table the reader names."""
    rows = (
        "stories_id,publish_date,title,url,language,media_name\n"
        "1,2024-03-04 10:00:00,البنك المركزي يرفع الفائدة,https://www.example.eg/a,ar,اليوم السابع\n"
        "2,2024-03-04 11:00:00,,https://www.example.eg/b,ar,اليوم السابع\n"
    )
    (tmp_path / "mc-onlinenews.csv").write_text(rows, encoding="utf-8")
    (tmp_path / "links.csv").write_text("title,url\na,b\nc,d\n", encoding="utf-8")
    records, err = export_records(tmp_path)
    (record,) = records
    assert (record["title"], record["body"], record["date"], record["source"], record["url"]) == (
        "البنك المركزي يرفع الفائدة",
        "",
        "2024-03-04",
        "اليوم السابع",
        "https://www.example.eg/a",
    )
    assert record["problems"] == [
        "no body text: the table holds headlines only (it has no text column)"
    ]
    assert err == [
        "links.csv: CSV without a text column: columns are title, url",
        "mc-onlinenews.csv: row 2 (line 3): no headline in the row",
        "1 articles from 1 files, 1 files skipped: .csv ×1",
    ]
