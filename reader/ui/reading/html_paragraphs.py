"""An article body as HTML paragraphs: each non-blank line a paragraph, laid out in its own
direction (an English quote in an Arabic article reads left to right), with its entity and
search-match highlights."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.bidi import first_strong_direction
from reader.model import Span
from reader.ui.reading.entity_markup import highlight, named_spans
from reader.ui.reading.html_options import RenderOptions

if TYPE_CHECKING:
    from reader.entities.identity import Identities


def paragraph_ranges(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph of a body whose paragraphs are joined by newlines."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def paragraphs_html(
    text: str,
    entities: Sequence[Span],
    matches: Sequence[Span],
    options: RenderOptions,
    identities: Identities | None = None,
) -> str:
    entities, names = named_spans(text, entities, identities)
    parts = []
    for start, end in paragraph_ranges(text):
        direction = first_strong_direction(text[start:end])
        body = highlight(
            text,
            start=start,
            end=end,
            entities=entities,
            matches=matches,
            options=options,
            names=names,
        )
        parts.append(f'<p dir="{direction}" align="justify" style="line-height:135%">{body}</p>')
    return "\n".join(parts)
