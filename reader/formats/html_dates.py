"""A saved page's date when its markup gives none: the date the page shows near its headline.

htmldate reads dates from markup and URLs, and no Arabic month names. Many Arabic sites show
the date only as text: a ``<p>`` under the headline ("الأحد 7 يناير 2024", "نشر في: ..."), or an
element whose class says "date". That line is read with the project's date-line rules
(``dates.date_line_date``: a line holding a date and nothing else) and leaves the body, which it
is no paragraph of; the article carries a note that its date was read from the page's text
(not when the markup calls the element the date: a ``<time>``, a class "date").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reader.formats.dates import date_line_date, parse_date, unreadable_date
from reader.formats.relative_dates import relative_age
from reader.text.normalize import normalize

DATE_LINE_NOTE = "date read from the date line shown on the page"
# the date line sits under the headline or above it: among the text's first lines
_HEAD_LINES = 3
# a date element's text: a few words, not a paragraph that happens to hold a date
_DATE_TEXT_MAX = 80
_DATE_ELEMENTS = (
    "//time | //*[contains(@class, 'date') or contains(@id, 'date')"
    " or contains(@class, 'time') or contains(@itemprop, 'date')]"
)


def page_date(
    meta_date: dt.date | None, tree: Any, body: str, title: str
) -> tuple[dt.date | None, str, tuple[str, ...]]:
    """The date, the body without its date line (and without the headline and date line the
    extractor may have put after the text), and the notes on how the date was read. A relative
    date line ("منذ 3 ساعات") leaves the body too; it names no day."""
    body, displaced = _displaced_head(body, title)
    lines = body.split("\n")
    shown: tuple[dt.date, str] | None = None
    relative = ""
    taken: set[int] = set()
    if len(lines) > 1:
        for i, line in enumerate(lines[:_HEAD_LINES]):
            if (day := _line_date(line)) is not None:
                shown = shown or (day, line)
                taken.add(i)
            elif relative_age(line) is not None:
                relative = relative or line
                taken.add(i)
    for line in displaced:
        if shown is None and (day := _line_date(line)) is not None:
            shown = (day, line)
    if meta_date is not None:
        return meta_date, _without(lines, taken), ()
    # an element the markup calls the date (a <time>, class "date") is the page's word for it;
    # a line near the headline comes first, as another article's date may be marked too
    marked, text = _visible_date(tree)
    if shown is not None:
        return shown[0], _without(lines, taken), () if shown[1] == text else (DATE_LINE_NOTE,)
    if marked is not None:
        if len(lines) > 1 and text in lines[:_HEAD_LINES]:
            taken.add(lines.index(text))
        return marked, _without(lines, taken), ()
    return None, _without(lines, taken), (unreadable_date(relative),) if relative else ()


def _without(lines: list[str], taken: set[int]) -> str:
    return "\n".join(line for i, line in enumerate(lines) if i not in taken)


def _displaced_head(body: str, title: str) -> tuple[str, list[str]]:
    """The body without the headline and the date lines under it when they come after the
    text, and those date lines. trafilatura tries one frame of the page after another and keeps
    what each gave: when the text stood in an element of its own (``<div class="text">``) it
    takes that first, then the headline and date around it from the wider frame, after it."""
    lines = body.split("\n")
    wanted = normalize(title)
    for i in range(len(lines) - 1, max(len(lines) - 2 - _HEAD_LINES, 0), -1):
        if normalize(lines[i]) == wanted:
            after = lines[i + 1 :]
            if all(_line_date(line) is not None for line in after):
                return "\n".join(lines[:i]), after
            break
    return body, []


def _line_date(line: str) -> dt.date | None:
    day = date_line_date(line)
    return day if day is not None and day <= dt.date.today() + dt.timedelta(days=1) else None


def _visible_date(tree: Any) -> tuple[dt.date | None, str]:
    """A date shown in a ``<time>`` or a "date" element: the first short one that reads as a
    date, and the element's text."""
    for element in tree.xpath(_DATE_ELEMENTS)[:20]:
        words = " ".join(element.text_content().split())
        if words and len(words) <= _DATE_TEXT_MAX:
            found = parse_date(words)
            if found is not None and found <= dt.date.today():
                return found, words
    return None, ""
