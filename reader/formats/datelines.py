"""The date a wire story's dateline gives: "الرباط - 7 يناير 2024 (و م ع) - أغلقت السلطات…",
"PARIS, March 12, 2024 (AFP) — …". News agencies open their copy with the place, the day and
the agency; an article that came without a date of its own takes that day (noted), and its
text keeps the dateline, which is the article's own words.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.formats.dates import WEEKDAYS, date_line_date
from reader.text.normalize import normalize

DATELINE_NOTE = "date taken from the article's dateline"
_WORD = re.compile(r"[^\W\d_]+")

# a place of up to three words, a separator, the date, maybe the agency in brackets, a dash
_DATELINE = re.compile(
    r"^\W{0,3}(?P<place>[^\W\d_]+(?:[ \-][^\W\d_]+){0,2})\s*[-–—،,:]\s*"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|[^\n\-–—()]{6,40}?)\s*(?:\((?P<agency>[^()\n]{1,30})\)\s*)?[-–—:]"
)


def dateline_date(body: str) -> dt.date | None:
    """The date of the dateline opening ``body``'s first paragraph, or None. A wire's dateline
    names its agency or the weekday; a history article opens "القاهرة - 23 يوليو 1952 -" too."""
    match = _DATELINE.match(body[:200])
    if match is None or not (match["agency"] or _names_weekday(match["date"])):
        return None
    return date_line_date(match["date"].strip())


def _names_weekday(text: str) -> bool:
    return any(word in WEEKDAYS for word in _WORD.findall(normalize(text)))
