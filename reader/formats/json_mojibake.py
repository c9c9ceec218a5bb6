"""A JSON item whose strings were encoded twice, as Facebook's "Download your information"
writes every text (UTF-8 bytes escaped one by one: "\\u00d8\\u00a7" for "ا"), repaired string by
string before any field is read. Read first, the strings' C1 controls break the text: U+0085,
the second byte of "م" read as Latin-1, is a line break to Python and whitespace to
``str.split`` and ``str.strip``, and the repair could no longer join the halves.
"""

from __future__ import annotations

from typing import Any

from reader.formats.mojibake import repaired

_MAX_DEPTH = 8


def unmangled_item(item: dict[str, Any], problems: list[str]) -> dict[str, Any]:
    """``item`` with its strings repaired (``mojibake.repaired``), each repair's note added to
    ``problems`` once; the very same ``item`` when no string needed it."""
    notes: list[str] = []
    fixed = _fixed(item, notes, 0)
    for note in dict.fromkeys(notes):
        problems.append(note)
    return fixed


def _fixed(value: Any, notes: list[str], depth: int) -> Any:
    if isinstance(value, str):
        # the lead bytes of Arabic letters read as Latin-1: without them there is nothing to do
        return repaired(value, notes) if "Ø" in value or "Ù" in value else value
    if depth > _MAX_DEPTH:
        return value
    if isinstance(value, dict):
        items = {key: _fixed(inner, notes, depth + 1) for key, inner in value.items()}
        changed = any(items[key] is not inner for key, inner in value.items())
        return items if changed else value
    if isinstance(value, list):
        listed = [_fixed(inner, notes, depth + 1) for inner in value]
        return listed if any(a is not b for a, b in zip(listed, value, strict=True)) else value
    return value
