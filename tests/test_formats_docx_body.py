"""Word documents as editors and layout tools leave them: changes tracked and not yet accepted,
a headline in a text box, content controls; read as Word shows them with all changes accepted.
The documents are written as Word writes their XML (python-docx cannot write these parts)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from export_run import export_records

from reader.formats import parse_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
TITLE = "انطلاق معرض الرياض الدولي للكتاب بمشاركة 1800 دار نشر"
LAST = "ويستضيف المعرض هذا العام دولة قطر ضيف شرف، ويتضمن برنامجه الثقافي 200 فعالية."


def docx(body: str) -> bytes:
    """A Word document whose body is ``body`` (WordprocessingML, ``w:`` prefixed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {NAMESPACES}><w:body>{body}<w:sectPr/></w:body></w:document>",
        )
    return out.getvalue()


def p(inner: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/><w:bidi/></w:pPr>' if style else ""
    return f"<w:p>{props}{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def deleted(text: str) -> str:
    return (
        '<w:del w:id="1" w:author="محرر" w:date="2024-03-03T10:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def inserted(inner: str) -> str:
    return f'<w:ins w:id="2" w:author="محرر" w:date="2024-03-03T10:00:00Z">{inner}</w:ins>'


def _article(tmp_path: Path, body: str, name: str = "draft.docx"):
    (tmp_path / name).write_bytes(docx(body))
    result = parse_file(tmp_path / name, tmp_path)
    (article,) = result.articles
    return article


def test_tracked_changes_read_as_if_accepted(tmp_path: Path) -> None:
    """An editor's draft: a word replaced, a paragraph inserted, a paragraph deleted; the text
    is the one Word shows once the changes are accepted."""
    body = (
        p(r(TITLE), "Heading1")
        + p(
            r("انطلقت مساء ")
            + deleted("الأربعاء ")
            + inserted(r("الخميس "))
            + '<w:commentRangeStart w:id="0"/>'
            + r("فعاليات المعرض.")
            + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        )
        + inserted(p(r("وتشارك في المعرض 1800 دار نشر.")))
        + deleted_paragraph("فقرة محذوفة بالكامل يجب ألا تظهر في النص النهائي.")
        + p(r(LAST))
    )
    (tmp_path / "draft.docx").write_bytes(docx(body))
    (record,), _ = export_records(tmp_path, "--no-cache")
    assert record["title"] == TITLE
    assert record["body"] == (
        f"انطلقت مساء الخميس فعاليات المعرض.\nوتشارك في المعرض 1800 دار نشر.\n{LAST}"
    )


def deleted_paragraph(text: str) -> str:
    """A paragraph deleted whole, as Word writes it: its runs and its mark deleted."""
    return (
        '<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="x" w:date="2024-03-03T10:00:00Z"/>'
        f"</w:rPr></w:pPr>{deleted(text)}</w:p>"
    )


def test_moved_text_is_read_where_it_was_moved_to(tmp_path: Path) -> None:
    moved = "وقال المنظمون إن المعرض يستمر عشرة أيام."
    body = (
        p(r(TITLE), "Heading1")
        + p(f'<w:moveFrom w:id="3" w:author="x"><w:r><w:t>{moved}</w:t></w:r></w:moveFrom>')
        + p(r("انطلقت مساء الخميس فعاليات المعرض."))
        + p(f'<w:moveTo w:id="4" w:author="x"><w:r><w:t>{moved}</w:t></w:r></w:moveTo>')
    )
    article = _article(tmp_path, body)
    assert article.body.split("\n") == ["انطلقت مساء الخميس فعاليات المعرض.", moved]


def test_a_deleted_paragraph_mark_joins_the_paragraphs(tmp_path: Path) -> None:
    """Accepting the deletion of a paragraph's mark makes it one paragraph with the next."""
    body = (
        p(r(TITLE), "Heading1")
        + '<w:p><w:pPr><w:rPr><w:del w:id="8" w:author="x"/></w:rPr></w:pPr>'
        + r("انطلقت مساء الخميس ")
        + "</w:p>"
        + p(r("فعاليات المعرض."))
    )
    article = _article(tmp_path, body)
    assert article.body == "انطلقت مساء الخميس فعاليات المعرض."


def test_a_deleted_table_row_is_left_out(tmp_path: Path) -> None:
    def cell(text: str) -> str:
        return f"<w:tc>{p(r(text))}</w:tc>"

    body = (
        p(r(TITLE), "Heading1")
        + p(r("انطلقت مساء الخميس فعاليات المعرض."))
        + "<w:tbl>"
        + f"<w:tr>{cell('الدولة')}{cell('دور النشر')}</w:tr>"
        + f'<w:tr><w:trPr><w:del w:id="9" w:author="x"/></w:trPr>{cell("مصر")}{cell("90")}</w:tr>'
        + f"<w:tr>{cell('قطر')}{cell('0')}</w:tr>"
        + "</w:tbl>"
    )
    article = _article(tmp_path, body)
    assert article.body.split("\n")[1:] == ["الدولة | دور النشر", "قطر | 0"]


HEADLINE = "وزير الخارجية الأردني يلتقي نظيره الفرنسي في عمّان"
STORY = (
    p(r("عمّان - 2 مارس 2024"))
    + p(r("استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم نظيره الفرنسي."))
    + p(r("وأكد الصفدي خلال مؤتمر صحفي مشترك ضرورة وقف إطلاق النار فورا."))
)


def _box(text: str) -> str:
    return f"<w:txbxContent>{p(r(text), 'Title')}</w:txbxContent>"


def test_a_headline_in_a_text_box_is_the_title(tmp_path: Path) -> None:
    """A layout's text box (DrawingML, with the VML copy Word writes for older readers, read
    once) at the top of the page holding the headline."""
    shape = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        f"<a:graphicData><wps:wsp><wps:txbx>{_box(HEADLINE)}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<v:shape><v:textbox>{_box(HEADLINE)}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )
    (tmp_path / "article.docx").write_bytes(docx(f"<w:p><w:r>{shape}</w:r></w:p>{STORY}"))
    (record,), _ = export_records(tmp_path, "--no-cache")
    assert record["title"] == HEADLINE
    assert record["date"] == "2024-03-02"
    assert HEADLINE not in record["body"]
    assert record["problems"] == []


def test_a_text_box_of_old_word_is_read(tmp_path: Path) -> None:
    """A VML text box alone (Word 2007's and converters' documents)."""
    shape = f"<w:pict><v:shape><v:textbox>{_box(HEADLINE)}</v:textbox></v:shape></w:pict>"
    article = _article(tmp_path, f"<w:p><w:r>{shape}</w:r></w:p>{STORY}")
    assert article.title == HEADLINE


def test_content_controls_and_field_results_are_read(tmp_path: Path) -> None:
    """A template's content controls (the headline in a block control, a date in an inline
    one) and a hyperlink field: the text, not the field's code."""
    body = (
        f"<w:sdt><w:sdtPr/><w:sdtContent>{p(r(HEADLINE), 'Heading1')}</w:sdtContent></w:sdt>"
        + p(f"<w:sdt><w:sdtPr/><w:sdtContent>{r('عمّان - 2 مارس 2024')}</w:sdtContent></w:sdt>")
        + p(
            r("نقلت ")
            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + '<w:r><w:instrText> HYPERLINK "https://example.com/a" </w:instrText></w:r>'
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + r("وكالة الأنباء")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            + r(" عن الوزير قوله إن الزيارة ناجحة.")
        )
    )
    article = _article(tmp_path, body)
    assert (article.title, str(article.date)) == (HEADLINE, "2024-03-02")
    assert article.body == "نقلت وكالة الأنباء عن الوزير قوله إن الزيارة ناجحة."


def test_a_macro_enabled_document_is_read(tmp_path: Path) -> None:
    """A .docm, whose main part's content type python-docx refuses."""
    data = docx(p(r(HEADLINE), "Heading1") + STORY)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    with zipfile.ZipFile(tmp_path / "article.docm", "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    (article,) = parse_file(tmp_path / "article.docm", tmp_path).articles
    assert article.title == HEADLINE


def test_a_workbook_named_docx_is_named_so(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("_rels/.rels", RELS.replace("word/document.xml", "xl/workbook.xml"))
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        )
    (tmp_path / "a.docx").write_bytes(out.getvalue())
    result = parse_file(tmp_path / "a.docx", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "not a Word document (an Office file of another kind, named .docx)"
    ]
