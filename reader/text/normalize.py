"""Arabic normalisation for matching: the same analysis at index and query time (docs/ARCHITECTURE.md).

The folds are for *matching only*: the reader always shows the original text. ة is folded to ه and
ى to ي because writers (and search users) use them interchangeably at word ends; hamza-carrying
alefs are folded to bare alef because most users type without hamza (issue 3: "اكل" must find
"أكل" and "آكل"). This is the same set Lucene's ArabicNormalizationFilter applies, plus Persian
ی/ک, which appear in Arabic text typed on Persian keyboards.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tashkeel and Quranic annotation marks (combining, category Mn), plus superscript alef.
MARKS = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E9))
    + "\u06ea\u06eb\u06ec\u06ed"
)
TATWEEL = "\u0640"
# zero-width and direction controls that scrapers leave inside words
INVISIBLES = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

# (from, to) pairs applied with chained str.replace: about 14x faster than str.translate on
# Arabic text (docs/PERFORMANCE.md).
_FOLDS: tuple[tuple[str, str], ...] = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("ی", "ي"),  # Persian yeh U+06CC
    ("ې", "ي"),
    ("ک", "ك"),  # Persian keheh U+06A9
    ("ۀ", "ه"),
    ("ە", "ه"),
    ("ہ", "ه"),
    ("ھ", "ه"),
)
_DIGITS: tuple[tuple[str, str], ...] = tuple((chr(0x0660 + i), str(i)) for i in range(10)) + tuple(
    (chr(0x06F0 + i), str(i)) for i in range(10)
)

_DROP = MARKS + TATWEEL + INVISIBLES
_DROP_RE = re.compile("[" + re.escape(_DROP) + "]")
_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# Presentation forms and other compatibility characters need NFKC; plain text rarely has them,
# so NFKC only runs when one is present (it is slow and would also fold things we keep).
_COMPAT_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe\uff00-\uffef]")


def normalize(text: str) -> str:
    """Fold a string for matching. The result may be shorter than the input (marks are removed)."""
    if _COMPAT_RE.search(text):
        text = unicodedata.normalize("NFKC", text)
    if _DROP_RE.search(text):
        text = _DROP_RE.sub("", text)
    for a, b in _FOLDS:
        if a in text:
            text = text.replace(a, b)
    if _DIGIT_RE.search(text):
        for a, b in _DIGITS:
            text = text.replace(a, b)
        # the Arabic decimal and thousands separators (٧٫٥ is 7.5) with the digits they join
        text = text.replace("\u066b", ".").replace("\u066c", ",")
    return text.lower()


@lru_cache(maxsize=1 << 18)
def normalize_token(token: str) -> str:
    """``normalize`` with a cache: a corpus repeats the same word forms over and over."""
    return normalize(token)
