"""News-database exports in Factiva's layout (reader/formats/factiva.py): the article layout of
tests/fixtures/formats/factiva_export.txt, the indexing layout, a cut export, and RTF."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from reader.formats import parse_file
from reader.formats.factiva import looks_factiva

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "factiva_export.txt"
BODY = "بحث وزير الخارجية مع نظيره الفرنسي اليوم في اتصال هاتفي تطورات الأوضاع في المنطقة."
CODED = f"""HD
وزير الخارجية يبحث تطورات المنطقة
BY
By محمد العربي
WC
412 words
PD
14 November 2023
SN
Al Jazeera
SC
ALJAZ
LA
Arabic
CY
Copyright 2023 Al Jazeera Media Network.
LP
{BODY}
TD
وأكد الجانبان ضرورة وقف التصعيد.
CO
frmin : Ministry of Foreign Affairs
NS
gdip : International Relations
RE
fra : France
AN
Document ALJAZ00020231114ejbe0005p
"""


def _read(tmp_path: Path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return parse_file(tmp_path / name, tmp_path)


def test_an_export_in_the_article_layout_gives_each_document(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path)
    result = parse_file(tmp_path / FIXTURE.name, tmp_path)
    assert result.problems == ()  # the search summary after the last document is no article
    first, second = result.articles
    assert (first.id, second.id) == ("factiva_export.txt#1", "factiva_export.txt#2")
    assert first.title == "وزير الخارجية يبحث مع نظيره الفرنسي تطورات المنطقة"
    assert (first.author, first.source, first.date) == (
        "محمد العربي",
        "Al Jazeera",
        dt.date(2023, 11, 14),
    )
    assert first.body.split("\n") == [
        "بحث وزير الخارجية مع نظيره الفرنسي اليوم في اتصال هاتفي تطورات الأوضاع في المنطقة وسبل"
        " التهدئة، وفق بيان للوزارة.",
        "وأكد الجانبان ضرورة وقف التصعيد وحماية المدنيين.",
    ]
    assert (second.source, second.date, second.author) == (
        "Asharq Al-Awsat",
        dt.date(2023, 11, 13),
        None,
    )
    assert "Copyright" not in second.body and "(c)" not in second.body


def test_the_indexing_layout_reads_each_field_by_its_code(tmp_path: Path) -> None:
    (article,) = _read(tmp_path, "coded.txt", CODED).articles
    assert article.title == "وزير الخارجية يبحث تطورات المنطقة"
    assert article.body == f"{BODY}\nوأكد الجانبان ضرورة وقف التصعيد."
    assert (article.author, article.source, article.date) == (
        "محمد العربي",
        "Al Jazeera",
        dt.date(2023, 11, 14),
    )
    assert article.problems == ()


def test_a_document_after_the_last_accession_line_is_kept_and_noted(tmp_path: Path) -> None:
    """An export cut short: its last document has no accession line."""
    text = FIXTURE.read_text(encoding="utf-8").split("Search Summary")[0]
    cut = text + CODED.split("AN\n", maxsplit=1)[0]
    articles = _read(tmp_path, "cut.txt", cut).articles
    assert len(articles) == 3
    assert articles[-1].problems == (
        "no accession line after this document: the export may be cut short",
    )


def test_only_factiva_texts_are_taken_for_factiva() -> None:
    assert looks_factiva(FIXTURE.read_text(encoding="utf-8"))
    assert not looks_factiva("عنوان\nDocument 12\n300 words\nنص")
    assert not looks_factiva("Document ALJAZ00020231114ejbe0005p\nنص بلا عدد كلمات")


def test_an_rtf_export_is_read_as_its_text(tmp_path: Path) -> None:
    """Factiva's RTF: the same lines, in RTF paragraphs."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    escaped = "".join(
        "\\par " + "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in line) + "\n"
        for line in lines
    )
    rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n" + escaped + "}"
    (tmp_path / "export.rtf").write_text(rtf, encoding="ascii")
    articles = parse_file(tmp_path / "export.rtf", tmp_path).articles
    assert [a.title for a in articles] == [
        "وزير الخارجية يبحث مع نظيره الفرنسي تطورات المنطقة",
        "ارتفاع أسعار النفط بعد قرار خفض الإنتاج",
    ]
