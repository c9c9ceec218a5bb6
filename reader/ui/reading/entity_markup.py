"""Entity and search-match highlights in the reading pane's HTML, and the entities an article
names with their counts.

Entity and search-match highlights are the same mechanism (spans with a kind); where they overlap
the text is cut at every span boundary, so a match inside an entity keeps the entity's link and the
rest of the entity keeps its colour (docs/UI.md). Everything from the article is escaped.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from reader.model import ENTITY_KINDS, Article, Span
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.theme import ENTITY_COLOURS, MATCH_COLOURS
from reader.ui.reading.html_links import anchor
from reader.ui.reading.html_options import RenderOptions

if TYPE_CHECKING:
    from reader.entities.identity import Identities

add_arabic(
    {
        "Person": "شخص",
        "Place": "مكان",
        "Organisation": "منظمة",
        "Other": "أخرى",
    }
)

KIND_LABELS = {"PERS": "Person", "LOC": "Place", "ORG": "Organisation", "MISC": "Other"}


def highlight(
    text: str,
    *,
    start: int,
    end: int,
    entities: Sequence[Span],
    matches: Sequence[Span],
    options: RenderOptions,
    names: Mapping[int, str] | None = None,
) -> str:
    """Escaped HTML of ``text[start:end]`` with entity and match spans (offsets into ``text``);
    ``names``: the canonical name of the entity starting at each offset (its link filters by it)."""
    ents = [
        s
        for s in entities
        if s.end > start and s.start < end and s.kind in options.visible_kinds and s.end > s.start
    ]
    hits = [s for s in matches if s.end > start and s.start < end and s.end > s.start]
    cuts = {start, end}
    for s in (*ents, *hits):
        cuts.add(max(start, s.start))
        cuts.add(min(end, s.end))
    points = sorted(cuts)
    colours = ENTITY_COLOURS.get(options.theme, ENTITY_COLOURS["light"])
    match = MATCH_COLOURS.get(options.theme, MATCH_COLOURS["light"])
    out: list[str] = []
    for a, b in itertools.pairwise(points):
        piece = html.escape(text[a:b])
        entity = next((s for s in ents if s.start <= a and s.end >= b), None)
        is_match = any(s.start <= a and s.end >= b for s in hits)
        if entity is not None:
            swatch = colours[entity.kind] if entity.kind in colours else colours["MISC"]
            # a match inside an entity is painted as a match (an underline alone was too faint
            # to find); it stays the entity's link, and the rest of the entity keeps its colour
            if is_match:
                style = f"background-color:{match.background}; color:{match.text}; "
                style += "text-decoration:underline"
            else:
                style = f"background-color:{swatch.background}; color:{swatch.text}; "
                style += "text-decoration:none"
            surface = text[entity.start : entity.end]
            name = names.get(entity.start, surface) if names else surface
            href = anchor("entity", entity.kind, name)
            title = html.escape(t(KIND_LABELS.get(entity.kind, "Other")))
            if name != surface:
                title += f": {html.escape(name)}"
            out.append(f'<a href="{href}" title="{title}" style="{style}">{piece}</a>')
        elif is_match:
            style = f"background-color:{match.background}; color:{match.text}; text-decoration:underline"
            out.append(f'<span style="{style}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def named_spans(
    text: str, spans: Sequence[Span], identities: Identities | None
) -> tuple[Sequence[Span], dict[int, str]]:
    """The entity spans to show and the canonical name of each (by start): by the folder's
    identities when known (clitics and punctuation outside, junk gone), else as tagged."""
    if identities is None or not spans:
        return spans, {}
    entities = identities.entities(text, spans)
    return [Span(e.start, e.end, e.kind) for e in entities], {e.start: e.name for e in entities}


def entity_counts(
    article: Article, identities: Identities | None = None
) -> dict[str, list[tuple[str, int]]]:
    """Per kind, the entities of the body (their canonical names when the folder's identities
    are given) with how often each occurs, most frequent first."""
    counters: dict[str, Counter[str]] = {}
    spans, names = named_spans(article.body, article.entities, identities)
    for span in spans:
        surface = names.get(span.start) or article.body[span.start : span.end].strip()
        if surface:
            counters.setdefault(span.kind, Counter())[surface] += 1
    return {
        kind: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
        for kind, c in sorted(counters.items(), key=lambda kv: _kind_order(kv[0]))
    }


def _kind_order(kind: str) -> int:
    return ENTITY_KINDS.index(kind) if kind in ENTITY_KINDS else len(ENTITY_KINDS)
