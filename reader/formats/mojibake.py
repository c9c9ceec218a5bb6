"""Text that was encoded twice: UTF-8 read as Windows-1252 (or Latin-1) and saved again as UTF-8,
as a database with the wrong connection charset or a scraper with the wrong guess leaves it.
Arabic then reads "Ø§Ù„Ø¬Ø²ÙŠØ±Ø©" for "الجزيرة": valid UTF-8 that no decoder can tell
is wrong. ftfy undoes it; it runs only where the text shows the signature."""

from __future__ import annotations

import re

from reader.formats.codepage_mojibake import codepage_repaired
from reader.formats.debris import ARABIC_LETTER

# an Arabic letter's UTF-8 lead byte (D8-DB) read as Windows-1252, then a continuation byte
# (80-BF) read so: the Latin-1 symbols, the C1 controls Latin-1 gives, Windows-1252's letters
# and punctuation in 80-9F, or U+FFFD for the bytes Windows-1252 leaves undefined
_SIGNATURE = re.compile(
    "[ØÙÚÛ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]"
)
NOTE = "repaired text encoded twice (UTF-8 read as Windows-1252 and saved again)"


def repaired(text: str, notes: list[str], *, codepage: bool = False) -> str:
    """The text with double-encoded runs undone, and Arabic read with the wrong code page mapped
    back (``codepage_mojibake``; ``codepage``: without evidence of its own, as the title of a body
    that showed it), a note for each repair added to ``notes``; the very same ``text`` when
    there is nothing to undo."""
    return codepage_repaired(_utf8_repaired(text, notes), notes, known=codepage)


def _utf8_repaired(text: str, notes: list[str]) -> str:
    if "Ø" not in text and "Ù" not in text:  # the common case, at memory speed
        return text
    runs = len(_SIGNATURE.findall(text))
    if runs < 3:
        return text
    from ftfy import fix_encoding  # imported here: only such files pay for it

    fixed = fix_encoding(text)
    before = len(ARABIC_LETTER.findall(text))
    if fixed == text or len(ARABIC_LETTER.findall(fixed)) < before + runs // 2:
        return text
    lost = fixed.count("\ufffd")
    notes.append(f"{NOTE}; {lost} letter(s) lost (shown as \ufffd)" if lost else NOTE)
    return fixed
