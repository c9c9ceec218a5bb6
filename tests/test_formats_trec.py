"""TREC-style documents (reader/formats/trec.py), read through ``parse_file`` as the app does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.formats import parse_file
from reader.formats.trec import parse_trec

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def _doc(**fields: str) -> str:
    inner = "".join(f"<{tag}>{value}</{tag}>\n" for tag, value in fields.items())
    return f"<DOC>\n{inner}</DOC>\n"


def test_file_with_several_documents() -> None:
    result = parse_file(FIXTURES / "trec_many.txt", FIXTURES)
    ids = [a.id for a in result.articles]
    assert ids == ["trec_many.txt#1", "trec_many.txt#2"]
    first, second = result.articles
    assert first.title.startswith("واشنطن تربط المحادثات")
    assert first.date == dt.date(2018, 2, 26)
    assert first.source == "BBC"
    assert first.category == "internationalNews"
    assert first.url == "http://www.bbc.co.uk/arabic/world-43193332"
    assert first.author is None
    # one paragraph per non-empty line, stripped, inner runs of spaces squeezed
    assert first.body.split("\n") == [
        "أعلنت كوريا الجنوبية أن نظيرتها الشمالية مستعدة لإجراء محادثات مع الولايات المتحدة.",
        "وردت وزارة الخارجية الأمريكية، قائلة إن تفكيك البرنامج النووي يجب أن يكون الهدف النهائي.",
    ]
    assert first.path == "trec_many.txt"
    assert first.problems == ()
    # the second document leaves URL, SRC, TITLE, AUTHOR and TEXT unclosed
    assert second.title == "ارتفاع صادرات تونس من التمور"
    assert second.source == "Jawhara FM"
    assert second.author == "وات"
    assert (
        second.url == "http://www.jawharafm.net/ar/article/ارتفاع-صادرات-تونس-من-التمور-/93/76664"
    )
    assert second.date == dt.date(2017, 1, 25)
    assert second.body.startswith("قال المدير الجهوي")
    # the third has an empty TEXT and an empty ABSTRACT: reported, not an empty article
    assert [str(p) for p in result.problems] == [
        "trec_many.txt: document 3: empty <TEXT> and no <ABSTRACT>: nothing to read"
    ]


@pytest.mark.parametrize(
    ("time", "docno", "date", "problem"),
    [
        ("Mon, 26 Feb 2018 02:20:10 GMT", "X", dt.date(2018, 2, 26), None),
        ("Sun, 15 Jul 2018 21:56:56 +0400", "X", dt.date(2018, 7, 15), None),
        ("2017-01-25T14:36:00+01:00", "X", dt.date(2017, 1, 25), None),
        ("2017-01-22T171800", "X", dt.date(2017, 1, 22), None),
        ("29/09/2016", "X", dt.date(2016, 9, 29), None),
        (
            "",
            "JA-localNews-41-20170122",
            dt.date(2017, 1, 22),
            "date taken from DOCNO: <TIME> missing",
        ),
        (
            "soon",
            "JA-localNews-41-20170122",
            dt.date(2017, 1, 22),
            "date taken from DOCNO: <TIME> unreadable: 'soon'",
        ),
        ("", "JA-localNews-167-00000000", None, "no date: <TIME> missing"),
    ],
)
def test_dates(time: str, docno: str, date: dt.date | None, problem: str | None) -> None:
    text = _doc(DOCNO=docno, TITLE="عنوان", TIME=time, TEXT="\nنص الخبر\n")
    (article,) = parse_trec(text, rel_path="a.txt").articles
    assert article.date == date
    assert article.problems == ((problem,) if problem else ())


def test_empty_text_with_abstract_uses_the_abstract_and_says_so() -> None:
    text = _doc(TITLE="عنوان", TIME="2018-03-01", ABSTRACT="\nملخص الخبر.\n", TEXT="\n\n")
    (article,) = parse_trec(text, rel_path="a.txt").articles
    assert article.body == "ملخص الخبر."
    assert article.problems == ("body is the abstract: <TEXT> is empty",)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            {"TITLE": "عنوان", "TEXT": "\n  \n"},
            "a.txt: empty <TEXT> and no <ABSTRACT>: nothing to read",
        ),
        (
            {"TITLE": "عنوان", "ABSTRACT": " "},
            "a.txt: no <TEXT> and no <ABSTRACT>: nothing to read",
        ),
    ],
)
def test_documents_without_text_are_problems(fields: dict[str, str], reason: str) -> None:
    result = parse_trec(_doc(**fields), rel_path="a.txt")
    assert result.articles == ()
    assert [str(p) for p in result.problems] == [reason]


@pytest.mark.parametrize(
    ("url", "title", "problem"),
    [
        (
            "http://www.jawharafm.net/ar/article/%D8%A7%D9%84%D8%AD%D9%85%D8%A7%D9%8A%D8%A9-%D8%A7%D9%84%D9%85%D8%AF%D9%86%D9%8A%D8%A9--%D9%84%D8%A7-%D9%88%D8%AC%D9%88%D8%AF/105/67243",
            "الحماية المدنية لا وجود",
            "no <TITLE>: title made from the URL",
        ),
        (
            "http://www.bbc.co.uk/arabic/world-43193332",
            "نص الخبر الأول في سطر",
            "no <TITLE>: title made from the text",
        ),
        ("", "نص الخبر الأول في سطر", "no <TITLE>: title made from the text"),
    ],
    ids=["url-slug", "url-without-slug", "no-url"],
)
def test_missing_title_is_recovered(url: str, title: str, problem: str) -> None:
    text = _doc(URL=url, TITLE=" ", TIME="2016-09-29", TEXT="\nنص الخبر الأول في سطر\nثاني\n")
    (article,) = parse_trec(text, rel_path="a.txt").articles
    assert article.title == title
    assert problem in article.problems


def test_lowercase_tags_entities_and_aliases() -> None:
    text = "<doc>\n<headline>Q&amp;A: الاقتصاد</headline>\n<date>2020-05-01</date>\n<body>\nسطر &quot;مقتبس&quot;\n</body>\n</doc>"
    (article,) = parse_trec(text, rel_path="b.trec").articles
    assert article.title == "Q&A: الاقتصاد"
    assert article.date == dt.date(2020, 5, 1)
    assert article.body == 'سطر "مقتبس"'
