"""What the reading pane's HTML is rendered with (theme, zoom, language, which entity kinds
show) and the sizes and colours those options give the page."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model import ENTITY_KINDS
from reader.ui.common.theme import BODY_FONT_PX, SECONDARY_TEXT


@dataclass(frozen=True, slots=True)
class RenderOptions:
    theme: str = "light"
    zoom: int = 100  # percent of the base body size
    language: str = "en"
    visible_kinds: frozenset[str] = field(default_factory=lambda: frozenset(ENTITY_KINDS))
    active_tags: frozenset[str] = frozenset()  # tags the list is filtered on: their chips stand out
    # the entity stage has not reached the articles yet: "Finding entities…", not "none found"
    entities_pending: bool = False


def secondary_colour(options: RenderOptions) -> str:
    """Quieter text (headings, the date line) that still reads at 4.5:1 on the page."""
    return SECONDARY_TEXT.get(options.theme, SECONDARY_TEXT["light"])


def px(options: RenderOptions, factor: float = 1.0) -> int:
    """A font size in pixels: the body's at the options' zoom, times ``factor``."""
    return max(8, round(BODY_FONT_PX * options.zoom / 100 * factor))
