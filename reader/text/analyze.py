"""The index-time fast path of the analysis pipeline: normalised terms without offsets.

``terms(text)`` equals ``[t.norm for t in tokenize(text)]`` (a test pins it) but normalises the
whole text once with chained ``str.replace`` and then splits it, instead of normalising token by
token: on the 88 MB multi-source corpus that is the difference between ~0.3 s and several seconds
(PERFORMANCE.md). Offsets are only needed for highlights, which tokenise one article on demand.
"""

from __future__ import annotations

from reader.text.normalize import normalize
from reader.text.tokenize import TOKEN_RE


def terms(text: str) -> list[str]:
    """Normalised tokens of ``text``, in order."""
    return TOKEN_RE.findall(normalize(text))
