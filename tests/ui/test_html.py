"""The reading pane's HTML: escaping, per-paragraph direction, nested entity and match spans."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.model import Appended, Article, Span
from reader.ui.common.dates import readable_date
from reader.ui.common.i18n import set_language
from reader.ui.reading.entity_markup import entity_counts, highlight
from reader.ui.reading.html import article_html
from reader.ui.reading.html_extras import extras_html
from reader.ui.reading.html_links import anchor, parse_anchor
from reader.ui.reading.html_options import RenderOptions
from reader.ui.reading.html_paragraphs import paragraph_ranges


def _hl(text: str, entities=(), matches=(), **opts) -> str:
    return highlight(
        text,
        start=0,
        end=len(text),
        entities=entities,
        matches=matches,
        options=RenderOptions(**opts),
    )


@pytest.mark.parametrize(
    ("text", "must_contain", "must_not_contain"),
    [
        ('<img src="http://x/y.png">', "&lt;img src=&quot;http://x/y.png&quot;&gt;", "<img"),
        ("<script>alert(1)</script>", "&lt;script&gt;", "<script"),
        ("a & b", "a &amp; b", "a & b"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;", "<b>"),
    ],
)
def test_article_text_is_escaped(text: str, must_contain: str, must_not_contain: str) -> None:
    article = Article(
        id="x",
        title=text,
        body=text,
        tags=(text,),
        related=(text,),
        appended=(Appended(text, text),),
    )
    out = article_html(article) + extras_html(article)
    assert must_contain in out
    assert must_not_contain not in out


@pytest.mark.parametrize(
    ("body", "dirs"),
    [
        ("سطر عربي\nAn English line", ["rtl", "ltr"]),
        ('20% زيادة\n\n"Apple" تعلن', ["rtl", "ltr"]),
    ],
)
def test_each_paragraph_gets_its_own_direction(body: str, dirs: list[str]) -> None:
    out = article_html(Article(id="x", title="t", body=body))
    found = [
        chunk.split('"')[0] for chunk in out.split('<p dir="')[1:] if 'align="justify"' in chunk
    ]
    assert found == dirs


def test_paragraph_ranges_skip_blank_lines() -> None:
    body = "أ\n\n  \nب"
    assert [body[s:e] for s, e in paragraph_ranges(body)] == ["أ", "ب"]


def test_entity_is_a_link_with_its_colour() -> None:
    out = _hl("زار بوتين موسكو", entities=[Span(4, 9, "PERS")])
    assert f'href="{anchor("entity", "PERS", "بوتين")}"' in out
    assert "#dbeafe" in out


def test_match_inside_an_entity_shows_both() -> None:
    # the whole entity "فلاديمير بوتين", the match only "بوتين"
    text = "قال فلاديمير بوتين اليوم"
    out = _hl(text, entities=[Span(4, 18, "PERS")], matches=[Span(13, 18, "MATCH")])
    # the rest of the entity keeps its colour; the matched piece is painted as a match (issue 19:
    # an underline alone was too faint), underlined, and is still the entity's link
    assert out.count("#dbeafe") == 1 and "#fde047" in out
    assert "text-decoration:underline" in out
    assert out.count("<a ") == 2


def test_match_outside_entities_is_yellow_underlined() -> None:
    out = _hl("ترامب قال", matches=[Span(0, 5, "MATCH")])
    assert "#fde047" in out and "underline" in out


def test_hidden_entity_kinds_are_not_highlighted() -> None:
    out = _hl("زار بوتين", entities=[Span(4, 9, "PERS")], visible_kinds=frozenset({"LOC"}))
    assert "#dbeafe" not in out and "<a " not in out


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        (anchor("entity", "PERS", "بوتين"), ("entity", ("PERS", "بوتين"))),
        (anchor("entity", "ORG", "a:b/c d"), ("entity", ("ORG", "a:b/c d"))),
        (anchor("tag", "الحرب في غزة"), ("tag", ("الحرب في غزة",))),
        (anchor("article", "sub/x.json#3"), ("article", ("sub/x.json#3",))),
        ("https://example.org/a", ("https", ("https://example.org/a",))),
    ],
)
def test_anchor_round_trip(href: str, expected: tuple) -> None:
    assert parse_anchor(href) == expected


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (dt.date(2023, 12, 7), "en", "7 December 2023"),
        (dt.date(2023, 12, 7), "ar", "7 ديسمبر 2023"),
        (None, "en", "no date"),
    ],
)
def test_readable_date(day, language: str, expected: str) -> None:
    assert readable_date(day, language) == expected


def test_entity_counts_most_frequent_first() -> None:
    body = "بوتين وبوتين وموسكو"
    article = Article(
        id="x",
        title="t",
        body=body,
        entities=(Span(0, 5, "PERS"), Span(7, 12, "PERS"), Span(14, 19, "LOC")),
    )
    assert entity_counts(article) == {"PERS": [("بوتين", 2)], "LOC": [("موسكو", 1)]}


def test_sections_appear_only_when_there_is_something() -> None:
    plain = extras_html(Article(id="x", title="t", body="b"))
    assert "Read also" not in plain and "Appended by the source page" not in plain
    assert "Entities in this article" in plain
    article = Article(
        id="x", title="t", body="b", related=("عنوان",), appended=(Appended("ملحق", "نص"),)
    )
    full = extras_html(article, related_links={"عنوان": "y.txt"})
    assert "Read also" in full and "Appended by the source page" in full
    assert f'href="{anchor("article", "y.txt")}"' in full
    # the body pane never holds the related headlines or the appended article
    body = article_html(article)
    assert "عنوان" not in body and "ملحق" not in body


def test_extras_columns_mirror_in_arabic() -> None:
    article = Article(id="x", title="t", body="b", related=("عنوان",))
    english = extras_html(article)
    arabic = extras_html(article, options=RenderOptions(language="ar"))
    # "Read also" is the first column: leftmost in English, rightmost (last in the row) in Arabic
    assert english.index("عنوان") < english.index("Entities in this article")
    assert arabic.index("عنوان") > arabic.index("Entities in this article")


def test_zoom_scales_the_body_size() -> None:
    article = Article(id="x", title="t", body="b")
    assert "font-size:18px" in article_html(article, options=RenderOptions(zoom=100))
    assert "font-size:27px" in article_html(article, options=RenderOptions(zoom=150))


def test_tags_the_list_is_filtered_on_stand_out() -> None:
    article = Article(id="x", title="t", body="b", tags=("غزة", "إيران"))
    out = article_html(article, options=RenderOptions(active_tags=frozenset({"غزة"})))
    gaza = out.split(anchor("tag", "غزة"))[1].split("</a>")[0]
    iran = out.split(anchor("tag", "إيران"))[1].split("</a>")[0]
    assert "#1d4ed8" in gaza and "#1d4ed8" not in iran


def test_a_lone_extras_column_takes_the_whole_width() -> None:
    assert 'width="100%" valign="top"' in extras_html(Article(id="x", title="t", body="b"))


def test_the_meta_line_stands_on_the_articles_side_in_either_interface() -> None:
    arabic = Article(
        id="a#1", title="عنوان عربي", body="نص.", date=dt.date(2017, 3, 27), source="جوهرة"
    )
    english = Article(id="b#1", title="A title", body="Text.", date=dt.date(2017, 3, 27))
    for language in ("en", "ar"):
        options = RenderOptions(language=language)
        assert '<p dir="rtl" style="color:' in article_html(arabic, options=options)
        assert '<p dir="ltr" style="color:' in article_html(english, options=options)
    # the date keeps its order on a right-to-left line: embedded in its own direction
    assert "\u202a27 March 2017\u202c" in article_html(arabic)
    assert "\u202b27 مارس 2017\u202c" in article_html(arabic, options=RenderOptions(language="ar"))


def test_the_meta_lines_bits_keep_their_order_whatever_their_script() -> None:
    """Latin source and section names on an Arabic line ran together left to right
    ("alarabia · culture · by" before an Arabic byline): each bit is embedded in its own
    direction and the separators take the line's."""
    import re

    article = Article(
        id="a",
        title="عنوان",
        body="نص.",
        date=dt.date(2018, 7, 20),
        source="alarabia",
        category="culture",
        author="عبد العزيز إبراهيم",
        url="https://example.net/a",
    )
    page = article_html(article)
    line = re.search(r'<p dir="rtl" style="color:[^>]*>(.*?)</p>', page).group(1)
    plain = re.sub(r"<[^>]+>", "", line)
    bits = [
        "\u202a20 July 2018\u202c",
        "\u202aalarabia\u202c",
        "\u202aculture\u202c",
        "\u202aby عبد العزيز إبراهيم\u202c",
        "\u202alink\u202c",
    ]
    assert plain == " \u200f·\u200f ".join(bits)
    set_language("ar")
    try:
        arabic = article_html(article, options=RenderOptions(language="ar"))
    finally:
        set_language("en")
    assert "\u202bبقلم عبد العزيز إبراهيم\u202c" in arabic


def test_entity_surfaces_say_finding_until_the_stage_ran() -> None:
    article = Article(id="a#1", title="عنوان", body="نص.")
    assert "Finding entities…" in extras_html(article, options=RenderOptions(entities_pending=True))
    assert "No entities found" in extras_html(article)


def test_what_the_reader_guessed_or_mended_is_shown_under_the_article() -> None:
    """An article's notes (a title made from the first words, text encoded twice) are shown
    under its text, escaped, in the interface's language; an article without notes has none."""
    notes = ("no title: made from the first words of the text", "a <b>note</b> & more")
    article = Article(id="a", title="عنوان", body="نص المقال.", problems=notes)
    page = article_html(article, options=RenderOptions(language="en"))
    assert "How this article was read" in page
    assert "no title: made from the first words of the text" in page
    assert "a &lt;b&gt;note&lt;/b&gt; &amp; more" in page
    set_language("ar")
    try:
        assert "كيف قُرئ هذا المقال" in article_html(article, options=RenderOptions(language="ar"))
    finally:
        set_language("en")
    plain = Article(id="b", title="عنوان", body="نص المقال.")
    assert "How this article was read" not in article_html(plain, options=RenderOptions())
