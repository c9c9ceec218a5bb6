"""XML news that is not TREC (reader/formats/xmlnews.py): TimeML, RSS, Atom, NewsML-like documents."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from export_run import run_export

from reader.formats import read_folder
from reader.formats.detect import Layout, detect_layout
from reader.formats.parse import parse_file
from reader.model import LoadProblem

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"


def _parse(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, tmp_path)


def test_timeml_text_without_tags_and_date_from_dct(tmp_path: Path) -> None:
    (tmp_path / "APW19980227.0476.tml").write_bytes((FIXTURES / "timebank.tml").read_bytes())
    result = read_folder(tmp_path)  # .tml files are scanned
    assert result.problems == ()
    (article,) = result.articles
    assert article.id == "APW19980227.0476.tml"
    assert article.title == "Iraq says it will cooperate with U.N. inspectors"
    assert article.date == dt.date(1998, 2, 27)
    assert article.body == (
        "BAGHDAD, Iraq (AP) _ Iraq said Friday it would cooperate fully with U.N. weapons "
        "inspectors.\n"
        'Officials said the talks would resume after the holiday, "without delay".'
    )
    assert article.problems == ()


def test_timeml_without_title_or_creation_time(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        "wsj_0006.txt",  # a TimeML file under another name is still TimeML
        "<TimeML><DOCID>wsj_0006</DOCID><TEXT>\n<s>Pacific First Financial Corp. "
        '<EVENT eid="e1">said</EVENT> shareholders <EVENT eid="e2">approved</EVENT> '
        "its acquisition.</s>\n</TEXT></TimeML>",
    )
    (article,) = result.articles
    assert (
        article.title == "Pacific First Financial Corp. said shareholders approved its acquisition."
    )
    assert article.body == article.title
    assert article.date is None
    assert article.problems == (
        "no date: <DCT> missing",
        "no title element: title made from the first words of the text",
    )


def test_rss_feed_one_article_per_item(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes((FIXTURES / "feed_rss.xml").read_bytes())
    result = parse_file(tmp_path / "feed.xml", tmp_path)
    assert result.problems == ()
    first, second = result.articles
    assert (first.id, second.id) == ("feed.xml#1", "feed.xml#2")
    assert first.path == second.path == "feed.xml"
    assert first.title == "البنك المركزي يرفع سعر الفائدة نصف نقطة"
    assert first.body == (
        "قرر البنك المركزي، اليوم الأحد، رفع سعر الفائدة الرئيسي بمقدار نصف نقطة مئوية.\n"
        "وقال محافظ البنك إن القرار اتخذ بالإجماع."
    )
    assert first.date == dt.date(2023, 5, 14)
    assert first.url == "https://www.alwatan-news.example/economy/central-bank-rate"
    assert first.author == "سارة الخطيب"
    assert first.source == "الوطن نيوز"
    assert first.category == "اقتصاد, البنوك"
    assert first.problems == ()
    assert second.title == "افتتاح معرض الكتاب الدولي"
    assert (
        second.body == "افتتح معرض الكتاب الدولي أبوابه بمشاركة 40 دولة.\nويستمر المعرض عشرة أيام."
    )
    assert second.date == dt.date(2023, 5, 15)
    assert second.source == "الوطن نيوز"
    assert second.author is None
    assert second.problems == ("body is the item's <description>: the feed's summary",)


def test_atom_feed(tmp_path: Path) -> None:
    (tmp_path / "blog.atom").write_bytes((FIXTURES / "feed_atom.xml").read_bytes())
    result = read_folder(tmp_path)  # .atom files are scanned
    first, second = result.articles
    assert first.id == "blog.atom#1"
    assert first.title == "تقرير عاجل عن الأمطار"
    assert first.body == "هطلت أمطار غزيرة على المدن الساحلية.\nوحذرت الأرصاد من السيول."
    assert first.date == dt.date(2024, 1, 2)  # published, not updated
    assert first.url == "https://marsad.example/2024/01/rain"
    assert first.author == "علي حسن"
    assert first.category == "طقس"
    assert first.source == "مدونة المرصد"
    assert first.problems == ()
    assert second.id == "blog.atom#2"
    assert second.body == "ملخص قصير للخبر."
    assert second.date == dt.date(2024, 1, 3)
    assert second.problems == ("body is the entry's <summary>: the feed has no full text",)
    # the third entry is a link without text: named, not dropped in silence
    assert result.problems == (
        LoadProblem(
            "blog.atom", 'entry 3: no text ("رابط فقط"): no <content> or <summary> with text'
        ),
    )


def test_newsml_like_documents(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        "export.xml",
        """<?xml version="1.0" encoding="windows-1256"?>
<articles>
  <article id="1">
    <headline>ارتفاع أسعار الذهب</headline>
    <byline>وكالة الأنباء</byline>
    <date>2022-08-03T09:15:00Z</date>
    <section>اقتصاد</section>
    <keywords>ذهب، أسواق</keywords>
    <url>https://news.example/gold</url>
    <body><p>ارتفعت أسعار الذهب في التعاملات
    الصباحية.</p><p>وسجلت الأونصة أعلى مستوى في شهر.</p></body>
  </article>
  <article id="2"><headline>بلا نص</headline><body/></article>
</articles>""",
    )
    (article,) = result.articles
    assert article.id == "export.xml#1"
    assert article.title == "ارتفاع أسعار الذهب"
    assert (
        article.body
        == "ارتفعت أسعار الذهب في التعاملات الصباحية.\nوسجلت الأونصة أعلى مستوى في شهر."
    )
    assert article.date == dt.date(2022, 8, 3)
    assert article.author == "وكالة الأنباء"
    assert article.category == "اقتصاد"
    assert article.tags == ("ذهب", "أسواق")
    assert article.url == "https://news.example/gold"
    assert result.problems == (
        LoadProblem(
            "export.xml",
            "document 2: no article text (no <text>, <body> or <content> element with text)",
        ),
    )


def test_nitf_document(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        "story.xml",
        """<nitf><head><title>صفحة</title><docdata><date.issue norm="20190411T080000Z"/></docdata></head>
<body><body.head><hedline><hl1>انتخابات بلدية في تونس</hl1></hedline><byline>مراسلنا</byline></body.head>
<body.content><p>بدأ التصويت في الانتخابات البلدية.</p><p>وتغلق المكاتب مساء.</p></body.content></body></nitf>""",
    )
    (article,) = result.articles
    assert article.title == "انتخابات بلدية في تونس"
    assert article.body == "بدأ التصويت في الانتخابات البلدية.\nوتغلق المكاتب مساء."
    assert article.date == dt.date(2019, 4, 11)
    assert article.author == "مراسلنا"


def test_xml_of_an_unknown_kind_is_named(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        "sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://news.example/1</loc></url></urlset>",
    )
    assert result.articles == ()
    assert [str(p) for p in result.problems] == [
        "sitemap.xml: XML of an unknown kind (<urlset> root element): not an article layout"
    ]


def test_malformed_xml_is_read_leniently_with_a_problem(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        "broken.xml",
        "<article><title>عنوان</title><text>نص&nbsp;الخبر <b>غير مغلق</text></article>",
    )
    (article,) = result.articles
    assert article.title == "عنوان"
    assert article.body == "نص الخبر غير مغلق"  # &nbsp; read as HTML's, not lost
    (note,) = article.problems
    assert note.startswith("malformed XML read leniently (Opening and ending tag mismatch")
    assert note.endswith("): some text may be missing")


def test_html_entities_in_a_feed_are_not_a_problem(tmp_path: Path) -> None:
    result = _parse(
        tmp_path,
        "feed.rss",
        "<rss><channel><title>موقع</title><item><title>&laquo;عنوان&raquo;</title>"
        "<description>نص&nbsp;الخبر &amp; تتمته</description></item></channel></rss>",
    )
    (article,) = result.articles
    assert article.title == "«عنوان»"
    assert article.body == "نص الخبر & تتمته"
    assert article.problems == ("body is the item's <description>: the feed's summary",)


def test_hopeless_xml_is_a_named_problem(tmp_path: Path) -> None:
    result = _parse(tmp_path, "cut.xml", '<?xml version="1.0"?>\n<rss version="2.0"')
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.path == "cut.xml"
    assert problem.reason.startswith("malformed XML (")
    assert problem.reason.endswith("): cannot be read")


def test_no_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    result = _parse(
        tmp_path,
        "xxe.xml",
        f'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<article><title>عنوان</title><text>قبل &xxe; بعد</text></article>",
    )
    (article,) = result.articles
    assert "TOP-SECRET" not in article.body
    assert article.body == "قبل بعد"
    assert article.problems == ("entity references not expanded, their text left out: &xxe;",)


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(levels)}]>\n'
        "<article><title>ضحك</title><text>أ &lol9; ب</text></article>"
    )
    start = time.perf_counter()
    result = _parse(tmp_path, "lolz.xml", text)
    assert time.perf_counter() - start < 5
    # libxml2 stops at the entity (its amplification guard); what came before it is kept, named
    (article,) = result.articles
    assert "lol" not in article.body
    assert article.body.startswith("أ")
    assert any("amplification" in p for p in article.problems)


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        ("<TimeML><TEXT>x</TEXT></TimeML>", ".txt"),
        ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', ""),
        ("<channel><item>", ".rss"),
        ("<TimeML>", ".tml"),
    ],
)
def test_xml_news_is_markup_whatever_the_name(text: str, suffix: str) -> None:
    assert detect_layout(text, suffix) is Layout.MARKUP


def test_export_command_reads_feeds_and_names_the_rest(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes((FIXTURES / "feed_rss.xml").read_bytes())
    (tmp_path / "doc.tml").write_bytes((FIXTURES / "timebank.tml").read_bytes())
    (tmp_path / "sitemap.xml").write_text("<urlset><url/></urlset>", encoding="utf-8")
    done = run_export(str(tmp_path), "--no-entities")
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [(r["id"], r["date"], r["source"]) for r in records] == [
        ("doc.tml", "1998-02-27", None),
        ("feed.xml#1", "2023-05-14", "الوطن نيوز"),
        ("feed.xml#2", "2023-05-15", "الوطن نيوز"),
    ]
    assert records[1]["category"] == "اقتصاد, البنوك"
    assert "<EVENT" not in records[0]["body"]
    assert done.stderr.decode("utf-8").splitlines() == [
        "sitemap.xml: XML of an unknown kind (<urlset> root element): not an article layout",
        "3 articles from 2 files, 1 files skipped: .xml ×1",
    ]
