"""Paragraph direction from the first strong character (Unicode UAX #9, rules P2-P3).

This is what HTML's ``dir="auto"`` does; Qt's rich text does not implement ``dir=auto``, so the
reading pane asks this function and writes ``dir="rtl"`` or ``dir="ltr"`` on each paragraph. An
English paragraph inside an Arabic article then stays left-to-right, and an Arabic paragraph that
starts with a number or a quotation mark is still right-to-left (digits and punctuation are weak).
"""

from __future__ import annotations

import unicodedata

# Bidi classes of strong characters: L is left-to-right; R (Hebrew...) and AL (Arabic letter) right-to-left
_RTL = frozenset({"R", "AL"})


def first_strong_direction(text: str, default: str = "rtl") -> str:
    """'rtl' or 'ltr' from the first strong character of ``text``; ``default`` when there is none."""
    for char in text:
        cls = unicodedata.bidirectional(char)
        if cls == "L":
            return "ltr"
        if cls in _RTL:
            return "rtl"
    return default
