"""Text escaped twice over (reader/formats/markup_text.py): a scraper that HTML-escapes text
already escaped leaves "&amp;quot;" and "&lt;p&gt;"; each reader shows the text it stands for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats.markup_text import text_of_markup, unescaped

BODY = "الفقرة الأولى من الخبر & الاقتصاد\nالفقرة الثانية مهمة"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("خبر &amp;quot;عاجل&amp;quot;", 'خبر "عاجل"'),
        ("&amp;#1575;&amp;#1604;", "ال"),
        ("AT&amp;amp;T", "AT&T"),
        ("AT&amp;T", "AT&T"),  # escaped once: once decoded
        ("&amp;quot; is how HTML writes a quote", '" is how HTML writes a quote'),
        ("Q&A", "Q&A"),
    ],
)
def test_entities_are_decoded_as_often_as_they_were_escaped(text: str, expected: str) -> None:
    assert unescaped(text) == expected


def test_markup_escaped_inside_markup_goes_too() -> None:
    text = "<p>الفقرة الأولى</p><p>الفقرة الثانية &lt;b&gt;مهمة&lt;/b&gt;</p>"
    assert text_of_markup(text).split("\n")[:2] == ["الفقرة الأولى", "الفقرة الثانية مهمة"]
    whole = "&lt;p&gt;الفقرة الأولى&lt;/p&gt;&lt;p&gt;الفقرة الثانية&lt;/p&gt;"
    assert text_of_markup(whole).split("\n")[:2] == ["الفقرة الأولى", "الفقرة الثانية"]
    assert text_of_markup("a lone &lt;b&gt; in prose") == "a lone <b> in prose"


def test_every_reader_shows_the_text(tmp_path: Path) -> None:
    title = "خبر &amp;quot;عاجل&amp;quot;"
    body = "<p>الفقرة الأولى من الخبر &amp;amp; الاقتصاد</p><p>الفقرة الثانية &lt;b&gt;مهمة&lt;/b&gt;</p>"
    (tmp_path / "a.json").write_text(json.dumps([{"title": title, "text": body}]), "utf-8")
    (tmp_path / "b.csv").write_text(f'title,text\n"{title}","{body}"\n', "utf-8")
    (tmp_path / "c.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
    records, _ = export_records(tmp_path)
    assert [(r["title"], r["body"]) for r in records] == [('خبر "عاجل"', BODY)] * 3
