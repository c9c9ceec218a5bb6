"""The body of a Word document (``.docx``), read from its XML: paragraphs, tables and text boxes
in document order, as the document reads with all its tracked changes accepted.

Read here rather than through python-docx's paragraphs, which leave out what Word shows: text
inserted with changes tracked (``w:ins``, ``w:moveTo``), content controls (``w:sdt``) and text
boxes (``w:txbxContent``, where layouts put a headline). Deleted and moved-away text
(``w:del``, ``w:moveFrom``) and field codes (``w:instrText``) are left out, as Word shows them.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from reader.formats.xml_tree import safe_parser

# WordprocessingML's namespaces: the transitional one Word writes, and ISO strict's
_W_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# what is no longer in the document once its changes are accepted, and what holds no text
_LEFT_OUT = frozenset(
    {"del", "moveFrom", "pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid"}
)
_CHARACTERS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


class NotWordXml(ValueError):
    """The package holds no Word document body; ``str(exc)`` says why."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table's rows, each a tuple of its cells' text (a cell's paragraphs a line each)."""

    rows: tuple[tuple[str, ...], ...]


Block = str | Table


def body_blocks(data: bytes) -> tuple[Block, ...]:
    """The document's paragraphs (their text) and tables, in order; a text box's paragraphs
    come before the paragraph it is anchored in. Raises ``NotWordXml`` or one of
    ``office.DAMAGED``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read(_main_part(archive))
    from lxml import etree

    root = etree.fromstring(content, safe_parser())
    namespace, name = _name(root)
    if namespace not in _W_NAMESPACES or name != "document":
        raise NotWordXml("not a Word document (an Office file of another kind, named .docx)")
    body = root.find(f"{{{namespace}}}body")
    if body is None:
        raise NotWordXml("corrupt Word document (no body in its main part)")
    walker = _Walker()
    walker.blocks(body)
    return walker.finished()


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part's name, as the package's relationships say (most tools write
    ``word/document.xml``; some name it otherwise)."""
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("_rels/.rels"), safe_parser())
    except KeyError:
        return "word/document.xml"
    for rel in rels:
        target = rel.get("Target") or ""
        if (rel.get("Type") or "").endswith("/officeDocument") and target:
            return posixpath.normpath(unquote(target)).lstrip("/")
    return "word/document.xml"


def _name(element: Any) -> tuple[str, str]:
    """(namespace, local name) of an element; ("", "") for a comment or the like."""
    tag = element.tag
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


class _Walker:
    """Collects blocks; a paragraph whose mark was deleted joins the next one, as accepting
    the deletion does in Word."""

    def __init__(self) -> None:
        self._out: list[Block] = []
        self._carry = ""

    def finished(self) -> tuple[Block, ...]:
        if self._carry:
            self._out.append(self._carry)
        return tuple(self._out)

    def blocks(self, container: Any) -> None:
        for child in container:
            namespace, name = _name(child)
            if namespace == _MC:
                if name == "AlternateContent":
                    self.blocks(_chosen(child))
            elif namespace not in _W_NAMESPACES or name in _LEFT_OUT:
                continue
            elif name == "p":
                self._paragraph(child)
            elif name == "tbl":
                self._table(child)
            else:  # w:ins, w:moveTo, w:sdt and its w:sdtContent, w:customXml hold blocks too
                self.blocks(child)

    def _paragraph(self, paragraph: Any) -> None:
        parts: list[str] = [self._carry]
        boxes = _Walker()
        _inline(paragraph, parts, boxes)
        boxed = boxes.finished()
        self._out.extend(boxed)
        text = "".join(parts)
        self._carry = ""
        if _mark_removed(paragraph):
            self._carry = text
        elif text or not boxed:  # a paragraph that only anchors a text box gives no line
            self._out.append(text)

    def _table(self, table: Any) -> None:
        if self._carry:
            self._out.append(self._carry)
            self._carry = ""
        rows = []
        for row in _children(table, "tr"):
            if _removed(row, "trPr"):
                continue
            cells = []
            for cell in _children(row, "tc"):
                inner = _Walker()
                inner.blocks(cell)
                cells.append("\n".join(block_lines(inner.finished())).strip())
            rows.append(tuple(cells))
        self._out.append(Table(tuple(rows)))


def table_line(row: tuple[str, ...]) -> str:
    """A table row as a line of text: its filled cells apart."""
    return " | ".join(cell for cell in row if cell)


def block_lines(blocks: tuple[Block, ...]) -> list[str]:
    """Blocks as lines: a paragraph a line, a table a line a row."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            lines.extend(table_line(row) for row in block.rows)
        else:
            lines.append(block)
    return lines


def _children(element: Any, wanted: str) -> list[Any]:
    """``element``'s ``wanted`` children (rows of a table, cells of a row), also those inside
    content controls, custom XML and inserted or moved-in regions."""
    found = []
    for child in element:
        namespace, name = _name(child)
        if namespace == _MC and name == "AlternateContent":
            found.extend(_children(_chosen(child), wanted))
        elif namespace not in _W_NAMESPACES or name in _LEFT_OUT:
            continue
        elif name == wanted:
            found.append(child)
        elif name in {"sdt", "sdtContent", "customXml", "ins", "moveTo"}:
            found.extend(_children(child, wanted))
    return found


def _inline(element: Any, parts: list[str], boxes: _Walker) -> None:
    """A paragraph's text into ``parts``: runs read through hyperlinks, fields' results,
    insertions and content controls; text boxes' paragraphs into ``boxes``."""
    for child in element:
        namespace, name = _name(child)
        if namespace == _MC:
            if name == "AlternateContent":
                _inline(_chosen(child), parts, boxes)
        elif namespace not in _W_NAMESPACES:
            _inline(child, parts, boxes)  # a drawing's or shape's frame around a text box
        elif name == "t":
            parts.append(child.text or "")
        elif name in _CHARACTERS:
            parts.append(_CHARACTERS[name])
        elif name == "txbxContent":
            boxes.blocks(child)
        elif name not in _LEFT_OUT:
            _inline(child, parts, boxes)


def _chosen(alternate: Any) -> Any:
    """The content of ``mc:AlternateContent`` to read: its first choice (what Word shows), else
    its fallback; both hold the same text, so only one is read."""
    for child in alternate:
        if _name(child) in {(_MC, "Choice"), (_MC, "Fallback")}:
            return child
    return ()


def _mark_removed(paragraph: Any) -> bool:
    """Whether the paragraph's mark was deleted or moved away with changes tracked."""
    for child in paragraph:
        if _name(child)[1] == "pPr":
            return _removed(child, "rPr")
    return False


def _removed(element: Any, properties: str) -> bool:
    """Whether ``element``'s ``properties`` child marks it deleted or moved away."""
    for child in element:
        if _name(child)[1] == properties:
            return any(_name(mark)[1] in {"del", "moveFrom"} for mark in child)
    return False
