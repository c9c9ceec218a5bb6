"""Word documents (``.docx``): their text, paragraph by paragraph, for the plain-text reader.

Journalists keep articles as Word files, and news databases export them so. A document's text
is read in order (paragraphs, and the cells of its tables a line each) and then parsed as a
plain-text article is (``plain.parse_plain``): its first headline line is the title, date and
byline lines near the top are read, and debris is cleaned the same way.
"""

from __future__ import annotations

import io

from reader.formats.office import DAMAGED, office_refusal

DOCX_SUFFIXES = frozenset({".docx", ".docm"})


class NotDocument(ValueError):
    """The bytes are no Word document we can read; ``str(exc)`` is the reason for the user."""


def document_text(data: bytes) -> str:
    """The document's text, one line a paragraph. Raises ``NotDocument`` with the reason."""
    refusal = office_refusal(data, "Word document", ".docx")
    if refusal is not None:
        raise NotDocument(refusal)
    from docx import Document  # imported here: only folders holding documents pay for it
    from docx.table import Table

    try:
        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = dict.fromkeys(c.text.strip() for c in row.cells)  # merged cells repeat
                    lines.append(" | ".join(c for c in cells if c))
            else:
                lines.append(block.text)
    except DAMAGED as exc:
        raise NotDocument(f"corrupt Word document ({type(exc).__name__}: {exc})") from None
    # a soft line break inside a paragraph is a new line of it; vertical tabs are Word's too
    return "\n".join(lines).replace("\v", "\n")
