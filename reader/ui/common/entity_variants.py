"""The tooltip line that names an entity's other spellings in the folder, shared by the entity
facets and the reading pane's entity highlights."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.ui.common.i18n import add_arabic, t

add_arabic({"Also written: {variants}": "يُكتب أيضاً: {variants}"})

# variants listed in a tooltip: enough to recognise the name, never a wall of text
VARIANTS_SHOWN = 8


def variants_line(lookup: Callable[[str], Sequence[str]] | None, name: str) -> str:
    """A new line naming the other spellings of an entity in the folder (empty when none)."""
    others = [v for v in lookup(name) if v != name] if lookup is not None else []
    if not others:
        return ""
    shown = "، ".join(others[:VARIANTS_SHOWN]) + ("…" if len(others) > VARIANTS_SHOWN else "")
    return "\n" + t("Also written: {variants}").format(variants=shown)
