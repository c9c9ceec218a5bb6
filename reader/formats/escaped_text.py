"""Text that holds its letters as escapes: "\\u0627\\u0644\\u062e\\u0628\\u0631" for "الخبر".

PHP's json_encode escapes every non-ASCII letter by default, and a scraper that stores its
output in a column, or serialises a JSON string twice, leaves the escapes in the text that a
table or a JSON export then carries. The escapes are decoded where they spell the text: several
Arabic ones, and more of them than Arabic letters written as themselves (a page about Unicode
that quotes one escape keeps it).
"""

from __future__ import annotations

import re

from reader.formats.markup_text import text_of_markup

NOTE = "the text held its letters as escapes (\\u0627…): decoded"
MIN_ESCAPES = 5

_ARABIC_ESCAPE = re.compile(r"\\u0[67][0-9a-fA-F]{2}")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
# a word: three Arabic letters or more, each an escape, one after the other
_ESCAPED_WORD = re.compile(r"(?:\\u0[67][0-9a-fA-F]{2}){3,}")
_MIN_WORDS = 2
# a line break as Windows writes it, a surrogate pair (an emoji), one escape, then the escapes
# JSON writes for the characters it may not hold as themselves
_ESCAPE = re.compile(
    r"\\r\\n|\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
    r"|\\u([0-9a-fA-F]{4})|\\([nrt\"/\\])"
)
_SIMPLE = {"n": "\n", "r": "\n", "t": "\t", '"': '"', "/": "/", "\\": "\\"}


def is_escaped(text: str) -> bool:
    """Whether ``text`` spells itself in escapes (the rule above): words written in escapes,
    not the single escapes of a character range a programming article quotes."""
    if "\\u0" not in text:  # the common case, at memory speed
        return False
    escapes = len(_ARABIC_ESCAPE.findall(text))
    if escapes < MIN_ESCAPES or escapes <= len(_ARABIC_LETTER.findall(text)):
        return False
    return len(_ESCAPED_WORD.findall(text)) >= _MIN_WORDS


def unescaped(text: str) -> str:
    """``text`` with its escapes decoded, and the markup they may spell (``\\u003cp\\u003e``)
    resolved; a lone surrogate escape (half of an emoji a scraper cut) becomes U+FFFD, as the
    file readers write it."""
    return text_of_markup(_ESCAPE.sub(_decoded, text))


def _decoded(match: re.Match[str]) -> str:
    if match.group() == "\\r\\n":
        return "\n"
    high, low, single, simple = match.groups()
    if high is not None:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
    if single is not None:
        code = int(single, 16)
        return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
    return _SIMPLE[simple]
