"""The index-time fast path of the analysis pipeline: normalised terms without offsets.

``terms(text)`` equals ``[t.norm for t in tokenize(text)]`` (a test pins it) but normalises the
whole text once with chained ``str.replace`` and then splits it, instead of normalising token by
token: on the 88 MB multi-source corpus that is the difference between ~0.3 s and several seconds
(docs/PERFORMANCE.md). Offsets are only needed for highlights, which tokenise one article on demand.
"""

from __future__ import annotations

import re

from reader.text.normalize import normalize

# TOKEN_RE on text that normalize() has already stripped of marks, tatweel and invisibles: the
# word part reduces to a plain run of letters and digits, which the regex engine scans twice as
# fast (1.2 s → 0.6 s for 2.9M tokens).
NORMALIZED_TOKEN_RE = re.compile(r"\d+(?:[.,٫٬]\d+)+|[^\W_]+")


def terms(text: str) -> list[str]:
    """Normalised tokens of ``text``, in order."""
    return NORMALIZED_TOKEN_RE.findall(normalize(text))


def normalized_terms(normalized: str) -> list[str]:
    """Tokens of a string that is already the output of ``normalize``."""
    return NORMALIZED_TOKEN_RE.findall(normalized)
