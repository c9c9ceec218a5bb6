"""XML documents read record by record (reader/formats/xml_records.py): Scrapy's XML feed
export and other exports whose records repeat under a name of their own."""

from __future__ import annotations

from pathlib import Path

from export_run import export_records

# Scrapy's XmlItemExporter: <items><item> per item, a list field as <value> elements
SCRAPY_ITEMS = """<?xml version="1.0" encoding="utf-8"?>
<items><item><title>البنك المركزي يرفع الفائدة</title><url>https://news.example/1</url><date>2024-03-01T10:15:00</date><body><value>قرر البنك المركزي رفع الفائدة، في خطوة كانت متوقعة.</value><value>وأوضح البنك أن التضخم بلغ 35.7%.</value></body><tags><value>اقتصاد</value><value>مصر</value></tags><author><value>سارة علي</value><value>محمد حسن</value></author></item>
<item><title>وزير الخارجية يلتقي نظيره</title><url>https://news.example/2</url><date>2024-03-02</date><body>استقبل الوزير نظيره في عمّان.

وأكد ضرورة وقف إطلاق النار.</body></item>
<item><title>معرض الكتاب</title><url>https://news.example/3</url><date>2024-03-03</date><body>انطلق معرض الكتاب.</body></item>
<item><title>بلا نص</title><url>https://news.example/4</url></item>
</items>
"""


def test_scrapy_xml_export_gives_every_item(tmp_path: Path) -> None:
    (tmp_path / "items.xml").write_text(SCRAPY_ITEMS, encoding="utf-8")
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [r["id"] for r in records] == ["items.xml#1", "items.xml#2", "items.xml#3"]
    assert [r["title"] for r in records] == [
        "البنك المركزي يرفع الفائدة",
        "وزير الخارجية يلتقي نظيره",
        "معرض الكتاب",
    ]
    first = records[0]
    # a list field's values are paragraphs of a text, separate tags, several authors
    assert first["body"] == (
        "قرر البنك المركزي رفع الفائدة، في خطوة كانت متوقعة.\nوأوضح البنك أن التضخم بلغ 35.7%."
    )
    assert first["tags"] == ["اقتصاد", "مصر"]
    assert first["author"] == "سارة علي, محمد حسن"
    assert first["date"] == "2024-03-01"
    assert records[1]["body"] == "استقبل الوزير نظيره في عمّان.\nوأكد ضرورة وقف إطلاق النار."
    # the fourth item has no text: named, not dropped in silence
    assert stderr[0] == (
        "items.xml: document 4: no article text (no <text>, <body> or <content> element with text)"
    )


def test_records_repeated_under_a_name_of_their_own(tmp_path: Path) -> None:
    (tmp_path / "export.xml").write_text(
        "<export><rows>"
        "<row><headline>أ</headline><content>نص أ</content></row>"
        "<row><headline>ب</headline><content>نص ب</content></row>"
        "</rows></export>",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    assert [(r["title"], r["body"]) for r in records] == [("أ", "نص أ"), ("ب", "نص ب")]


def test_one_article_with_a_list_of_items_is_one_article(tmp_path: Path) -> None:
    # an article's own <item> list (its tags) is no list of records
    (tmp_path / "one.xml").write_text(
        "<article><title>عنوان</title><text>نص الخبر</text>"
        "<tags><item>سياسة</item><item>اقتصاد</item></tags></article>",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    ((record),) = records
    assert (record["title"], record["body"]) == ("عنوان", "نص الخبر")
    assert record["tags"] == ["سياسة", "اقتصاد"]


def test_a_record_with_only_a_summary_is_read_from_it_and_noted(tmp_path: Path) -> None:
    (tmp_path / "refs.xml").write_text(
        "<references><record><title>عنوان</title><abstract>ملخص الخبر.</abstract></record>"
        '<record title="عنوان ثان" date="2024-03-02"><text>نص الخبر.</text></record></references>',
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    first, second = records
    assert (first["title"], first["body"]) == ("عنوان", "ملخص الخبر.")
    assert first["problems"] == ["body is the summary: the article has no text field"]
    # fields given as the record's attributes
    assert (second["title"], second["date"]) == ("عنوان ثان", "2024-03-02")


def test_records_without_text_among_others_are_named(tmp_path: Path) -> None:
    (tmp_path / "export.xml").write_text(
        "<export><entries>"
        "<entry><headline>أ</headline><content>نص أ</content></entry>"
        "<entry><headline>ب</headline></entry>"
        "</entries></export>",
        encoding="utf-8",
    )
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [r["title"] for r in records] == ["أ"]
    assert stderr[0] == (
        "export.xml: document 2: no article text (no <text>, <body> or <content> element with text)"
    )


def test_records_nested_at_different_depths_are_all_read(tmp_path: Path) -> None:
    (tmp_path / "export.xml").write_text(
        "<root><article><title>أ</title><text>نص أ</text></article>"
        "<section><article><title>ب</title><text>نص ب</text></article></section></root>",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path, "--no-cache")
    assert [r["title"] for r in records] == ["أ", "ب"]
