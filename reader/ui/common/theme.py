"""Colours and fonts of the interface (docs/UI.md). One table, used by every widget."""

from __future__ import annotations

from dataclasses import dataclass

THEMES = ("light", "dark")


@dataclass(frozen=True, slots=True)
class Swatch:
    background: str
    text: str


# entity kind -> swatch, per theme; colour is never the only signal (tooltips and the legend name the type)
ENTITY_COLOURS: dict[str, dict[str, Swatch]] = {
    "light": {
        "PERS": Swatch("#dbeafe", "#1e3a8a"),
        "LOC": Swatch("#dcfce7", "#14532d"),
        "ORG": Swatch("#fef3c7", "#78350f"),
        "MISC": Swatch("#f3e8ff", "#581c87"),
    },
    "dark": {
        "PERS": Swatch("#1e3a8a", "#dbeafe"),
        "LOC": Swatch("#14532d", "#dcfce7"),
        "ORG": Swatch("#78350f", "#fef3c7"),
        "MISC": Swatch("#581c87", "#f3e8ff"),
    },
}
MATCH_COLOURS: dict[str, Swatch] = {
    "light": Swatch("#fde047", "#000000"),
    "dark": Swatch("#a16207", "#ffffff"),
}
# quieter text in the reading pane (headings, the date line): 4.5:1 or more on its page
SECONDARY_TEXT = {"light": "#4b5563", "dark": "#9ca3af"}
ENTITY_LABELS = {"PERS": "Person", "LOC": "Place", "ORG": "Organisation", "MISC": "Other"}

BODY_FONT_FAMILY = "Noto Naskh Arabic"
UI_FONT_FAMILY = "Noto Sans Arabic"
BODY_FONT_PX = 18
UI_FONT_PX = 13
