"""Lines that head an article's text with who wrote it and where it comes from ("بقلم: محمد
أحمد", "المصدر: الأهرام"), in every text layout.

Such a line counts only above the body: among the first lines under the headline and before any
paragraph. Lower down the same words are the article's own text, or the scraped layout's footer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.formats.dates import date_line_date
from reader.formats.scraped_lines import is_source_line, parse_source_line

# how many lines under the headline may hold them
HEADER_LINES = 4
# a line of this many words is a paragraph of the body: the header is over
_PARAGRAPH_WORDS = 12
# "بقلم: X", "بقلم X", "كتب: X", "إعداد: X", "By X": the name is short
_BYLINE = re.compile(
    r"^\s*(?:بقلم(?:\s*[:：\-–]|\s)|(?:كتب|كتبت|كتبه|كتبته|إعداد|اعداد|تحرير|تقرير)\s*[:：\-–])"
    r"\s*(?P<name>[^\s:：].{0,60})$"
    r"|^\s*By\s*[:：]?\s+(?P<latin>[A-Z][\w.'\- ]{1,60})$"
    # "كتب أحمد سمير" without a colon, as Egyptian sites print it: two to four words of a name
    # (a name's first word has no article: "كتب التاريخ صفحة جديدة" is a sentence)
    r"|^\s*(?:كتب|كتبت)\s+(?P<bare>(?!ال)[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,3})\s*$"
)
_NAME_WORDS = 6


def byline_author(line: str) -> str | None:
    """The writer's name a byline gives, None for any other line."""
    match = _BYLINE.match(line)
    if match is None:
        return None
    name = (match["name"] or match["latin"] or match["bare"]).strip(" .،,-–|")
    return name if name and len(name.split()) <= _NAME_WORDS else None


@dataclass(frozen=True, slots=True)
class Header:
    """What the lines under the headline say of the article."""

    author: str | None = None
    source: str | None = None
    date: dt.date | None = None


_BYLINE_WORD = re.compile(
    r"^\s*(?:بقلم|كتب|كتبت|كتبه|كتبته|إعداد|اعداد|تحرير|by)(?:\s*[:：\-–]\s*|\s+)(?=\S)",
    re.IGNORECASE,
)


def author_name(value: str) -> str:
    """An author field without the byline word a page's markup kept ("كتب محمد أحمد")."""
    return _BYLINE_WORD.sub("", value, count=1).strip() or value


def header_lines(lines: list[str]) -> tuple[Header, list[str]]:
    """The author, source and date the first lines of ``lines`` (the text under the headline)
    give, and ``lines`` without them; nothing is taken past the first paragraph."""
    author: str | None = None
    source: str | None = None
    date: dt.date | None = None
    taken: set[int] = set()
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEADER_LINES or _is_paragraph(line):
            break
        if author is None and (name := byline_author(line)) is not None:
            author = name
            taken.add(i)
        elif source is None and is_source_line(line) and _body_follows(lines, i):
            source = parse_source_line(line)
            taken.add(i)
        elif date is None and taken and (day := date_line_date(line)) is not None:
            # only beside a byline or source line: a date line alone is each layout's own
            date = day
            taken.add(i)
    if not taken:
        return Header(), lines
    return Header(author, source, date), [line for i, line in enumerate(lines) if i not in taken]


def _body_follows(lines: list[str], at: int) -> bool:
    """A paragraph comes after line ``at``: a source line there heads the text (a source line
    under the body is the scraped layout's footer)."""
    return any(_is_paragraph(line) for line in lines[at + 1 :])


def _is_paragraph(line: str) -> bool:
    # counted, not split: a one-line article may be a million characters long
    return line.count(" ") + 1 >= _PARAGRAPH_WORDS
