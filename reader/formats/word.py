"""Word documents (``.docx``): their text, paragraph by paragraph, for the plain-text reader.

Journalists keep articles as Word files, and news databases export them so. A document's text
is read in order (paragraphs, text boxes, and the cells of its tables a line a row: see
``word_body``) and then parsed as a plain-text article is (``plain.parse_plain``): its first
headline line is the title, date and byline lines near the top are read, and debris is cleaned
the same way.
"""

from __future__ import annotations

from reader.formats.office import DAMAGED, office_refusal
from reader.formats.word_body import Block, NotWordXml, block_lines, body_blocks

DOCX_SUFFIXES = frozenset({".docx", ".docm"})


class NotDocument(ValueError):
    """The bytes are no Word document we can read; ``str(exc)`` is the reason for the user."""


# the last document read and its blocks: the field-table reader and the text reader both ask
# for the same bytes, which are then unpacked and parsed once (the bytes are held, so their
# identity is not reused)
_LAST: list[tuple[bytes | None, tuple[Block, ...]]] = [(None, ())]


def document_blocks(data: bytes) -> tuple[Block, ...]:
    """The document's paragraphs and tables in order. Raises ``NotDocument`` with the reason."""
    last = _LAST[0]
    if last[0] is data:
        return last[1]
    refusal = office_refusal(data, "Word document", ".docx")
    if refusal is not None:
        raise NotDocument(refusal)
    try:
        blocks = body_blocks(data)
    except NotWordXml as exc:
        raise NotDocument(str(exc)) from None
    except DAMAGED as exc:
        raise NotDocument(f"corrupt Word document ({type(exc).__name__}: {exc})") from None
    _LAST[0] = (data, blocks)
    return blocks


def document_text(data: bytes) -> str:
    """The document's text, one line a paragraph. Raises ``NotDocument`` with the reason."""
    return blocks_text(document_blocks(data))


def blocks_text(blocks: tuple[Block, ...]) -> str:
    """Blocks as text: a paragraph a line, a table a line a row."""
    # vertical tabs are Word's line breaks too
    return "\n".join(block_lines(blocks)).replace("\v", "\n")
