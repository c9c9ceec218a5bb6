"""File names and messages as they may be shown: invisible controls written as visible escapes.

A file name is whatever bytes a scraper or a user gave it. A newline in one splits a
``path: reason`` line in two (a script reading stderr then sees two problems, one of them made
up), and a bidi override (U+202E) makes ``gpj.txt`` read as ``txt.jpg`` in a terminal or the
window. Every message that names a file goes through ``printable`` so such a name shows what it
really holds.
"""

from __future__ import annotations

import re

# C0 and C1 controls; the Arabic letter mark, LRM and RLM; line and paragraph separators (line
# breaks in some terminals); the bidi embeddings, overrides and isolates; lone surrogates (what a
# name that is not UTF-8 decodes to, or half of a cut emoji)
_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi control and lone surrogate written as an escape
    (``\\n``, ``\\x1b``, ``\\u202e``; a byte of a name that is not UTF-8 as ``\\xff``); any other
    text, Arabic included, is returned as it is."""
    if _HIDDEN.search(text) is None:
        return text
    return _HIDDEN.sub(_escape, text)
