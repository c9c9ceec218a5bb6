"""Tokenisation with offsets into the original string.

A token is a run of letters and digits, with the Arabic marks and tatweel that sit inside words
kept in it (Python's ``\\w`` does not match combining marks, so ``كَتَبَ`` would otherwise fall
apart). Numbers keep an inner decimal point or thousands separator (``3.5``, ``1,000``).
Hyphens and other punctuation separate tokens, so ``كوفيد-19`` gives ``كوفيد`` and ``19`` and a
query for either finds it; a phrase query on ``كوفيد-19`` is tokenised the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from reader.text.normalize import INVISIBLES, MARKS, TATWEEL, normalize_token

# Marks and invisibles are not ``\w``; tatweel is (it is a letter to Unicode). The classes below
# are kept disjoint so the pattern cannot backtrack exponentially on long runs of tatweel.
_MARKS = re.escape(MARKS + INVISIBLES)
TOKEN_RE = re.compile(
    rf"(?:\d+(?:[.,٫٬]\d+)+)"  # numbers with separators
    # a word needs one real letter or digit: a lone ـ is decoration, not a word
    rf"|[{_MARKS}{TATWEEL}]*[^\W_{TATWEEL}](?:[^\W_]|[{_MARKS}])*"
)


class Token(NamedTuple):
    """A token: its original text, its offsets into the source, and its matching form."""

    text: str
    start: int
    end: int
    norm: str


def iter_tokens(text: str) -> Iterator[Token]:
    for m in TOKEN_RE.finditer(text):
        surface = m.group()
        yield Token(surface, m.start(), m.end(), normalize_token(surface))


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``; ``text[t.start:t.end] == t.text`` for each."""
    return list(iter_tokens(text))
