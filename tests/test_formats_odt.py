"""OpenDocument text (LibreOffice's .odt) as journalists keep articles: a heading, a dateline,
paragraphs with styled runs, a list, a table and a footnote; and the documents that cannot be
read, named with their reason."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from reader.formats import parse_file, read_folder
from reader.formats.names import is_article_name

TITLE = "افتتاح مستشفى جديد في صفاقس"
FIRST = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."
SECOND = "وقال الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم."
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
BODY = f"""
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>
</text:sequence-decls>
<text:h text:style-name="P1" text:outline-level="1">{TITLE}</text:h>
<text:p text:style-name="P2">تونس في 3 نوفمبر 2026</text:p>
<text:p text:style-name="P3">أعلنت <text:span text:style-name="T1">وزارة الصحة</text:span> في تونس
 اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور<text:s/>الوزير.<text:note text:id="ftn1"
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
<text:p>مصدر الخبر: وكالة تونس أفريقيا للأنباء.</text:p></text:note-body></text:note></text:p>
<text:list text:style-name="L1"><text:list-item><text:p>المرحلة الأولى: 200 سرير</text:p>
</text:list-item><text:list-item><text:p>المرحلة الثانية: 150 سريرا</text:p></text:list-item>
</text:list>
<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>الولاية</text:p>
</table:table-cell><table:table-cell office:value-type="string"><text:p>الأسرة</text:p>
</table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>صفاقس</text:p>
</table:table-cell><table:table-cell office:value-type="float" office:value="300">
<text:p>300</text:p></table:table-cell></table:table-row></table:table>
<text:p><draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/1.png"
 xmlns:xlink="http://www.w3.org/1999/xlink"/><svg:title>صورة المستشفى</svg:title></draw:frame></text:p>
<text:p text:style-name="P3">{SECOND}</text:p>
"""


def _odt(body: str = BODY, *, manifest_extra: str = "") -> bytes:
    """An .odt as LibreOffice writes it: the stored mimetype first, the manifest, content.xml."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES} '
        f'office:version="1.3"><office:automatic-styles/><office:body><office:text>{body}'
        "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f"{manifest_extra}</manifest:file-entry></manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()


def test_a_document_is_an_article_with_its_title_date_and_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "مستشفى.odt").write_bytes(_odt())
    (article,) = parse_file(tmp_path / "مستشفى.odt", tmp_path).articles
    assert (article.id, article.title, article.date) == ("مستشفى.odt", TITLE, dt.date(2026, 11, 3))
    assert article.body.split("\n") == [
        FIRST,
        "المرحلة الأولى: 200 سرير",
        "المرحلة الثانية: 150 سريرا",
        "الولاية | الأسرة",
        "صفاقس | 300",
        SECOND,
    ]
    assert article.problems == ()


def test_a_document_in_a_zip_archive(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "articles.zip", "w") as archive:
        archive.writestr("one.odt", _odt())
    (article,) = read_folder(tmp_path).articles
    assert (article.id, article.title) == ("articles.zip/one.odt", TITLE)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            _odt(manifest_extra="<manifest:encryption-data/>"),
            "an encrypted (password-protected) OpenDocument text; save it without a password",
        ),
        (_odt("<text:p>نص"), "corrupt OpenDocument text (XMLSyntaxError: "),
        (b"PK\x03\x04 cut short", "corrupt OpenDocument text (BadZipFile: "),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an encrypted (password-protected) "),
    ],
)
def test_documents_that_cannot_be_read_are_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.odt").write_bytes(data)
    result = parse_file(tmp_path / "x.odt", tmp_path)
    assert result.articles == ()
    assert [p.reason[: len(reason)] for p in result.problems] == [reason]


def test_packed_spaces_are_bounded(tmp_path: Path) -> None:
    """<text:s text:c="N"/> stands for N spaces; a damaged count does not fill the memory."""
    body = '<text:h>عنوان</text:h><text:p>نص<text:s text:c="999999999"/>آخر<text:s text:c="x"/>.</text:p>'
    (tmp_path / "x.odt").write_bytes(_odt(body))
    (article,) = parse_file(tmp_path / "x.odt", tmp_path).articles
    assert article.body == "نص آخر ."


def test_odt_names_are_scanned() -> None:
    assert is_article_name("a.odt")
    assert is_article_name("A.ODT")


def test_tracked_changes_read_as_if_accepted(tmp_path: Path) -> None:
    """Changes recorded by LibreOffice: a word deleted and one inserted in its place, a
    paragraph inserted; the text is the one shown once the changes are accepted (the deleted
    words are kept apart in text:tracked-changes, the inserted ones in the text)."""
    info = (
        '<office:change-info><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">محرر'
        "</dc:creator></office:change-info>"
    )
    body = (
        "<text:tracked-changes>"
        f'<text:changed-region text:id="ct1"><text:deletion>{info}<text:p>الأربعاء </text:p>'
        "</text:deletion></text:changed-region>"
        f'<text:changed-region text:id="ct2"><text:insertion>{info}</text:insertion>'
        "</text:changed-region>"
        f'<text:changed-region text:id="ct3"><text:insertion>{info}</text:insertion>'
        "</text:changed-region></text:tracked-changes>"
        f'<text:h text:outline-level="1">{TITLE}</text:h>'
        '<text:p>افتتح الوزير مساء <text:change text:change-id="ct1"/>'
        '<text:change-start text:change-id="ct2"/>الخميس <text:change-end text:change-id="ct2"/>'
        "المستشفى الجديد.</text:p>"
        '<text:p><text:change-start text:change-id="ct3"/>وحضر الافتتاح عدد من المسؤولين.'
        '<text:change-end text:change-id="ct3"/></text:p>'
    )
    (tmp_path / "x.odt").write_bytes(_odt(body))
    (article,) = parse_file(tmp_path / "x.odt", tmp_path).articles
    assert article.body.split("\n") == [
        "افتتح الوزير مساء الخميس المستشفى الجديد.",
        "وحضر الافتتاح عدد من المسؤولين.",
    ]
