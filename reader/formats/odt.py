"""OpenDocument text (``.odt``, LibreOffice's own format): its text, paragraph by paragraph, for
the plain-text reader, as a Word document's is.

The document is a zip archive; its text is ``content.xml``: headings and paragraphs in order,
lists' items, tables a row a line. Spaces packed as ``<text:s text:c="3"/>``, tabs and line
breaks are written out; notes and the frames of pictures are left out of the text.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from reader.formats.office import DAMAGED, office_refusal
from reader.formats.word import NotDocument
from reader.formats.xml_tree import safe_parser

ODT_SUFFIXES = frozenset({".odt"})
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
# what holds a paragraph's own words; a note's body or a picture's frame does not
_LEFT_OUT = frozenset({f"{{{_TEXT}}}note", f"{{{_DRAW}}}frame", f"{{{_TEXT}}}tracked-changes"})
_BLOCKS = frozenset({f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"})
_WHAT = "OpenDocument text"


def odt_text(data: bytes) -> str:
    """The document's text, one line a paragraph. Raises ``NotDocument`` with the reason."""
    refusal = office_refusal(data, _WHAT, ".docx or .odt")
    if refusal is not None:
        raise NotDocument(refusal)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = _read(archive, "META-INF/manifest.xml")
            content = b"" if b"encryption-data" in manifest else archive.read("content.xml")
        body = (
            parse_content(content).find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text") if content else None
        )
    except DAMAGED as exc:
        raise NotDocument(f"corrupt {_WHAT} ({type(exc).__name__}: {exc})") from None
    if not content:
        raise NotDocument(f"an encrypted (password-protected) {_WHAT}; save it without a password")
    if body is None:
        raise NotDocument(f"corrupt {_WHAT} (no text body in content.xml)")
    lines: list[str] = []
    _walk(body, lines)
    return "\n".join(lines)


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        return b""


def parse_content(content: bytes) -> Any:
    """An OpenDocument part's XML, parsed without entities, DTD or network."""
    from lxml import etree

    return etree.fromstring(content, safe_parser())


def _walk(element: Any, lines: list[str]) -> None:
    """Paragraphs and headings a line each, in document order; a table's row a line."""
    for child in element:
        tag = child.tag
        if tag in _BLOCKS:
            lines.append(_inline(child))
        elif tag == f"{{{_TABLE}}}table-row":
            cells = [
                " ".join(_inline(p) for p in cell.iter(*_BLOCKS)).strip()
                for cell in child
                if cell.tag == f"{{{_TABLE}}}table-cell"
            ]
            lines.append(" | ".join(dict.fromkeys(c for c in cells if c)))
        elif tag not in _LEFT_OUT and isinstance(tag, str):
            _walk(child, lines)


def _count(value: str | None) -> int:
    """How many spaces ``<text:s>`` stands for: at least one, and no run a damaged file could
    make fill the memory."""
    return min(int(value), 100) if value and value.isdigit() else 1


def _inline(element: Any) -> str:
    """A paragraph's text: spans read through, packed spaces, tabs and breaks written out.
    White space in the XML itself collapses to one space, as ODF says."""
    return _inline_parts(element).strip(" ")


def _inline_parts(element: Any) -> str:
    parts: list[str] = [_collapsed(element.text)]
    for child in element:
        tag = child.tag
        if tag == f"{{{_TEXT}}}s":
            parts.append(" " * _count(child.get(f"{{{_TEXT}}}c")))
        elif tag == f"{{{_TEXT}}}tab":
            parts.append("\t")
        elif tag == f"{{{_TEXT}}}line-break":
            parts.append("\n")
        elif tag not in _LEFT_OUT and isinstance(tag, str):
            parts.append(_inline_parts(child))
        parts.append(_collapsed(child.tail))
    return "".join(parts)


def _collapsed(text: str | None) -> str:
    return _WHITE_SPACE.sub(" ", text) if text else ""


_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
