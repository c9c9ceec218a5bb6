"""Arabic stored in visual order: each line's letters left to right as drawn, so reversed
("ةموكحلا" for "الحكومة"). Text copied out of older PDFs, and files from systems that kept
Arabic as it was shown, are so. The line is put back in reading order: reversed, and its runs of
Latin letters and digits (which were drawn left to right) reversed again.

Told by its words: in reversed Arabic the article ال ends words (لا) and the common words read
backwards (يف, نم, ىلع), so the reversed words read as Arabic prose far better than the text.
"""

from __future__ import annotations

import re

from reader.formats.arabic_codepages import prose_share
from reader.formats.debris import has_arabic

VISUAL_ORDER_NOTE = "Arabic stored in visual order (reversed letters) put back in reading order"
_SAMPLE = 4000
# a run drawn left to right inside a right-to-left line: Latin words and numbers, with the
# punctuation between their characters (2018/10/20, 3.5, www.site.net)
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9](?:[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9.,:/%@_\-]*"
    r"[A-Za-z0-9\u0660-\u0669\u06f0-\u06f9])?"
)
_MARGIN = 0.15


def is_visual_order(text: str) -> bool:
    """Is ``text`` Arabic in visual order? A cheap look first (words ending in لا outnumbering
    words starting with ال), then the words of a sample read both ways."""
    sample = text[:_SAMPLE]
    if sample.count("لا ") <= 2 * sample.count(" ال") + 3:
        return False
    backwards = " ".join(word[::-1] for word in sample.split())
    return prose_share(backwards) >= prose_share(sample) + _MARGIN


def reading_order(text: str) -> str:
    """Each line with Arabic in it reversed, its left-to-right runs kept as they were."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    if not has_arabic(line):
        return line
    return _LTR_RUN.sub(lambda m: m.group()[::-1], line[::-1])
