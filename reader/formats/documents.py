"""Documents that are no text files, by what their readers give: workbooks, e-mails (saved or
Outlook's), mailboxes, Evernote exports and e-books their articles; Word (old and new),
OpenDocument, RTF and PDF documents their text, which ``parse`` reads as a plain-text
article's."""

from __future__ import annotations

from reader.formats.eml import EML_SUFFIXES, MBOX_SUFFIXES, parse_eml, parse_mbox
from reader.formats.enex import ENEX_SUFFIXES, parse_enex
from reader.formats.epub import EPUB_SUFFIXES, parse_epub
from reader.formats.msg import MSG_SUFFIXES, parse_msg
from reader.formats.ods import ODS_SUFFIXES, read_ods_sheets
from reader.formats.odt import ODT_SUFFIXES, odt_text
from reader.formats.pdf import PDF_SUFFIXES, pdf_text
from reader.formats.rtf import RTF_SUFFIXES, rtf_text
from reader.formats.word import DOCX_SUFFIXES, document_blocks
from reader.formats.word import document_text as word_text
from reader.formats.word97 import DOC_SUFFIXES, doc_text
from reader.formats.word_fields import field_table_articles
from reader.formats.xls import XLS_SUFFIXES, read_xls_sheets
from reader.formats.xlsx import XLSX_SUFFIXES, parse_workbook
from reader.model import Article, LoadProblem

Found = tuple[tuple[Article, ...], tuple[LoadProblem, ...]]

# files read by a reader of their own, not decoded as text
DOCUMENT_SUFFIXES = (
    XLSX_SUFFIXES
    | XLS_SUFFIXES
    | ODS_SUFFIXES
    | DOCX_SUFFIXES
    | DOC_SUFFIXES
    | ODT_SUFFIXES
    | RTF_SUFFIXES
    | EML_SUFFIXES
    | MSG_SUFFIXES
    | MBOX_SUFFIXES
    | ENEX_SUFFIXES
    | EPUB_SUFFIXES
    | PDF_SUFFIXES
)

# the readers of text documents other than .docx (and PDF, which gives more than text)
_TEXT_READERS = {
    **dict.fromkeys(ODT_SUFFIXES, odt_text),
    **dict.fromkeys(RTF_SUFFIXES, rtf_text),
    **dict.fromkeys(DOC_SUFFIXES, doc_text),
}


def document_articles(data: bytes, *, suffix: str, rel: str) -> Found | None:
    """The articles of a workbook, an e-mail (saved or Outlook's), a mailbox, an Evernote export,
    an e-book or a Word document laid out in label/value tables; None for a text document."""
    if suffix in DOCX_SUFFIXES:
        return field_table_articles(document_blocks(data), rel=rel)
    if suffix in XLSX_SUFFIXES or suffix in XLS_SUFFIXES or suffix in ODS_SUFFIXES:
        ods = suffix in ODS_SUFFIXES
        sheets_of = read_ods_sheets if ods else read_xls_sheets if suffix in XLS_SUFFIXES else None
        book = parse_workbook(
            data, rel_path=rel, sheets_of=sheets_of, kind="OpenDocument" if ods else "Excel"
        )
        return book.articles, book.problems
    if suffix in EML_SUFFIXES or suffix in MSG_SUFFIXES:
        parse_message = parse_eml if suffix in EML_SUFFIXES else parse_msg
        return (parse_message(data, rel_path=rel),), ()
    if suffix in ENEX_SUFFIXES or suffix in EPUB_SUFFIXES:
        parse = parse_enex if suffix in ENEX_SUFFIXES else parse_epub
        articles, problems = parse(data, rel_path=rel)
        return tuple(articles), tuple(problems)
    if suffix in MBOX_SUFFIXES:
        messages, notes = parse_mbox(data, rel_path=rel)
        return tuple(messages), tuple(LoadProblem(rel, note) for note in notes)
    return None


def text_of_document(data: bytes, suffix: str) -> tuple[str, str | None, tuple[str, ...]]:
    """A text document's text, the address it was printed from (PDFs), and notes on reading it."""
    if suffix in PDF_SUFFIXES:
        pdf = pdf_text(data)
        return pdf.text, pdf.url, pdf.notes
    return _TEXT_READERS.get(suffix, word_text)(data), None, ()
