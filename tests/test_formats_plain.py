"""Plain text and Markdown, and the choice of layout by content (reader/formats/plain.py, detect.py)."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from reader.formats import parse_file
from reader.formats.detect import Layout, detect_layout

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_af4e3700e08c1d4f.txt"


@pytest.mark.parametrize(
    ("name", "text", "title", "body"),
    [
        (
            "a.txt",
            "\n\n  عنوان الخبر  \nالفقرة الأولى.\n\nالفقرة الثانية.\n",
            "عنوان الخبر",
            "الفقرة الأولى.\nالفقرة الثانية.",
        ),
        ("a.txt", "# ليس ماركداون\nنص", "# ليس ماركداون", "نص"),
        ("a.md", "## عنوان ##\n\nسطر أول\nسطر ثان\n\nفقرة", "عنوان", "سطر أول سطر ثان\nفقرة"),
        ("a.md", "عنوان\n=====\nنص", "عنوان", "نص"),
        ("a", "News without an extension\nBody line.", "News without an extension", "Body line."),
        (
            "a.txt",
            "عنوان\n\nسطر أول من الفقرة\nتتمة الفقرة الأولى\n\nسطر من الثانية\nتتمتها\n",
            "عنوان",
            "سطر أول من الفقرة تتمة الفقرة الأولى\nسطر من الثانية تتمتها",
        ),
        ("a.txt", "عنوان\n\nأ\nب\nج\nد\n", "عنوان", "أ\nب\nج\nد"),
    ],
    ids=[
        "txt",
        "txt-hash-kept",
        "md-atx",
        "md-setext",
        "no-extension",
        "txt-hard-wrapped",
        "txt-one-line-paragraphs",
    ],
)
def test_plain_title_and_paragraphs(
    tmp_path: Path, name: str, text: str, title: str, body: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.id, article.title, article.body, article.problems) == (name, title, body, ())


def test_markdown_fixture_keeps_subheadings_as_paragraphs() -> None:
    (article,) = parse_file(FIXTURES / "note.md", FIXTURES).articles
    assert article.title == "عنوان المقالة"
    assert article.body.split("\n") == [
        "هذه فقرة أولى مكتوبة على سطرين في ملف ماركداون.",
        "عنوان فرعي",
        "فقرة ثانية.",
    ]


def test_title_only_file_is_an_article_with_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("عنوان وحيد\n\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.body == ""
    assert article.problems == ("no body text: the file holds only a title line",)


@pytest.mark.parametrize(
    ("text", "suffix", "layout"),
    [
        ("<DOC>\n<DOCNO>1</DOCNO>", ".txt", Layout.TREC),
        ("  \n<doc>", ".md", Layout.TREC),
        ("<DOCNO>1</DOCNO><TEXT>x", ".txt", Layout.TREC),
        ('{"title": "x"}', ".txt", Layout.JSON),
        ("[صورة] عنوان", ".json", Layout.JSON),
        ("عنوان\nتاريخ النشر: 7th, December 2023 GMT\nنص", ".txt", Layout.SCRAPED),
        ("عنوان\nنص", ".md", Layout.MARKDOWN),
        ("عنوان\nنص", ".txt", Layout.PLAIN),
        ("عنوان\nنص", ".json", Layout.JSON),
        ('<?xml version="1.0"?>\n<rss>', ".txt", Layout.MARKUP),
        ("<!DOCTYPE html><html>", ".txt", Layout.MARKUP),
        ("<root><item>نص</item></root>", ".xml", Layout.MARKUP),
        ('<?xml version="1.0"?>\n<!-- corpus -->\n<DOC>', ".xml", Layout.TREC),
        ("<<عنوان>>\nنص", ".txt", Layout.PLAIN),
    ],
)
def test_layout_is_decided_by_content_first(text: str, suffix: str, layout: Layout) -> None:
    assert detect_layout(text, suffix) is layout


@pytest.mark.parametrize(
    ("encoding", "bom", "note"),
    [
        ("utf-8", b"", None),
        ("utf-8", codecs.BOM_UTF8, None),
        ("utf-16-le", codecs.BOM_UTF16_LE, "decoded as utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "decoded as utf-16-be"),
        ("cp1256", b"", "decoded as windows-1256"),
    ],
)
def test_scraped_seed_in_every_encoding(
    tmp_path: Path, encoding: str, bom: bytes, note: str | None
) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    # Windows-1256 cannot write the Persian yeh of one tag; it is not what this test is about
    data = bom + text.encode(encoding, errors="replace" if encoding == "cp1256" else "strict")
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    (article,) = parse_file(path, tmp_path).articles
    assert article.title.startswith("حرب غزة بين الأولويات")
    assert str(article.date) == "2023-12-07"
    assert article.source == "الخليج الجديد"
    assert article.body.startswith("بدا التطابق")
    assert "\r" not in article.body
    assert len(article.related) == 4
    assert [a.title for a in article.appended] == [
        "الرئيس الصيني لبايدن: العلاقات بين البلدين لم تتغير رغم فوز ترامب"
    ]
    assert (
        (note in article.problems)
        if note
        else not any(p.startswith("decoded as") for p in article.problems)
    )


def test_an_empty_field_no_problem_mentions_is_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.formats import parse as parse_module
    from reader.model import Article

    monkeypatch.setattr(
        parse_module,
        "parse_plain",
        lambda text, *, rel_path, markdown: Article(id=rel_path, title="", body=""),
    )
    path = tmp_path / "a.txt"
    path.write_text("عنوان\nنص", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.problems == ("empty title and body",)


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [
        ('title: "عنوان من الترويسة"', "title", "عنوان من الترويسة"),
        ("date: 2023-12-07T10:00:00+03:00", "date", dt.date(2023, 12, 7)),
        ("tags: [غزة, إيران]", "tags", ("غزة", "إيران")),
        ("tags: غزة، إيران", "tags", ("غزة", "إيران")),
        ("tags:\n  - غزة\n  - 'إيران'", "tags", ("غزة", "إيران")),
        ("author: سارة\nsource: الخليج الجديد", "source", "الخليج الجديد"),
        ("categories: [سياسة]", "category", "سياسة"),
        ("layout: post", "title", "عنوان الجسم"),
    ],
)
def test_markdown_front_matter(tmp_path: Path, front: str, field: str, value: object) -> None:
    path = tmp_path / "post.md"
    path.write_text(f"---\n{front}\n---\n# عنوان الجسم\n\nنص المقالة.\n", encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert getattr(article, field) == value
    assert article.body.endswith("نص المقالة.")
    assert article.problems == ()


@pytest.mark.parametrize(
    "heading",
    ["# عنوان المقالة", "## **عنوان المقالة** ##", "عنوان المقالة\n============="],
)
def test_front_matter_title_repeated_as_the_first_heading_leaves_the_body(
    tmp_path: Path, heading: str
) -> None:
    """Blog engines' templates write the title twice: in the front matter and as a heading."""
    path = tmp_path / "post.md"
    text = f'---\ntitle: "عنوان المقالة"\n---\n\n{heading}\n\nنص المقالة.\n'
    path.write_text(text, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.body) == ("عنوان المقالة", "نص المقالة.")


def test_a_first_heading_other_than_the_front_matter_title_stays(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text('---\ntitle: "عنوان"\n---\n\n# تمهيد\n\nنص المقالة.\n', encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.body.startswith("تمهيد")


OBSIDIAN_CLIP = """---
title: "مباحثات سعودية مصرية حول الأمن الإقليمي"
source: "https://www.example-news.net/2023/11/14/talks"
author:
  - "[[أحمد سالم]]"
published: 2023-11-14
created: 2023-11-15
description: "بحث الجانبان العلاقات الثنائية"
tags:
  - "clippings"
---
أجرى الرئيس المصري اتصالا هاتفيا بولي العهد السعودي تناول العلاقات الثنائية.

وأكد الجانبان أهمية التنسيق.
"""


@pytest.mark.parametrize("name", ["clip.md", "clip.txt"])
def test_a_web_clippers_note_reads_its_front_matter(tmp_path: Path, name: str) -> None:
    """Obsidian's web clipper: ``source:`` is the page's address (it made the file read as a
    scraped page, titled "---"), the author a link to a note, the clip's day apart from the
    publication's."""
    path = tmp_path / name
    path.write_text(OBSIDIAN_CLIP, encoding="utf-8")
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "مباحثات سعودية مصرية حول الأمن الإقليمي"
    assert article.url == "https://www.example-news.net/2023/11/14/talks"
    assert (article.source, article.author) == (None, "أحمد سالم")
    assert article.date == dt.date(2023, 11, 14)
    assert article.tags == ("clippings",)
    assert article.body == (
        "أجرى الرئيس المصري اتصالا هاتفيا بولي العهد السعودي تناول العلاقات الثنائية.\n"
        "وأكد الجانبان أهمية التنسيق."
    )
    assert article.problems == ()


def test_toml_front_matter_notion_properties_and_several_categories(tmp_path: Path) -> None:
    """Hugo's TOML front matter (+++), Notion's property lines under a page's heading, and a
    Jekyll post in two categories (the first its section, the other with its tags)."""
    from export_run import export_records

    body = "انطلقت مساء الخميس فعاليات معرض الرياض الدولي للكتاب بمشاركة أكثر من 1800 دار نشر."
    (tmp_path / "hugo.md").write_text(
        '+++\ntitle = "معرض الرياض للكتاب"\ndate = 2024-03-03T09:00:00+03:00\n'
        'source = "واس"\ntags = ["ثقافة", "الرياض"]\n+++\n\n' + body + "\n",
        encoding="utf-8",
    )
    notion = tmp_path / "Articles 8f3a1b2c3d4e5f60718293a4b5c6d7e8"
    notion.mkdir()
    (notion / "معرض الرياض 1a2b3c4d5e6f70819a0b1c2d3e4f5a6b.md").write_text(
        "# معرض الرياض للكتاب\n\nSource: واس\nURL: https://www.spa.gov.sa/a\n"
        "Date: March 3, 2024\nTags: ثقافة, الرياض\n\n" + body + "\n",
        encoding="utf-8",
    )
    (tmp_path / "jekyll.md").write_text(
        '---\ntitle: "معرض الرياض للكتاب"\ndate: 2024-03-03\ncategories: [ثقافة, معارض]\n---\n\n'
        + body
        + "\n",
        encoding="utf-8",
    )
    records, _ = export_records(tmp_path)
    assert len(records) == 3
    by_id = {r["id"].rsplit("/", 1)[-1]: r for r in records}
    notion_page = by_id["معرض الرياض 1a2b3c4d5e6f70819a0b1c2d3e4f5a6b.md"]
    assert (notion_page["source"], notion_page["url"], notion_page["date"]) == (
        "واس",
        "https://www.spa.gov.sa/a",
        "2024-03-03",
    )
    assert (notion_page["tags"], notion_page["category"], notion_page["body"]) == (
        ["ثقافة", "الرياض"],
        None,
        body,
    )
    hugo = by_id["hugo.md"]
    assert (hugo["source"], hugo["date"], hugo["tags"], hugo["body"]) == (
        "واس",
        "2024-03-03",
        ["ثقافة", "الرياض"],
        body,
    )
    jekyll = by_id["jekyll.md"]
    assert (jekyll["category"], jekyll["tags"]) == ("ثقافة", ["معارض"])
