"""What each line of a scraped page is: furniture (date, source, tags, "read also") or text.

The classifiers are tolerant of the spellings real pages use (hamza and Persian yeh variants,
tatweel, invisible marks) and cheap: every line of every page goes through them, so each one tests
a plain substring or the line length before running its regex. ``unglue_lines`` first splits
furniture the scraper glued onto a neighbouring line back onto its own line.
"""

from __future__ import annotations

import re

from reader.formats.dates import month_names, parse_date
from reader.formats.tags import (
    READ_ALSO,
    READ_ALSO_NO_YEH,
    SITE_TAG_LABEL,
    TAG_LABEL,
    strip_read_also_debris,
)
from reader.text.normalize import normalize

# Invisible direction marks and zero-width characters scrapers leave around lines.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
STRIP = " \t\r\u00a0\u3000" + _INVISIBLE
_SEP = r"[:：|｜\-–]"
# "تاريخ" with the Persian yeh too: the site's own "اقرأ أیضا" and tags use it.
_TARIKH = "تار[يیى]خ"

# A marker line may also have lost its Persian yeh in a Windows-1256 copy ("اقرأ أضا").
_MARKER = re.compile(rf"^[\s\W]*(?:{READ_ALSO}|{READ_ALSO_NO_YEH})[\s:：.…\-–]*$")
_MARKER_WITH_HEADLINE = re.compile(rf"^\s*{READ_ALSO}\s*(?:[:：\-–]\s*)?(?P<rest>\S.*)$")
_DATE_LABEL = re.compile(
    rf"^\s*(?:(?P<strong>{_TARIKH}\s+النشر|{_TARIKH}\s+نشر|published(?:\s+on)?)"
    r"|نشر\s+(?:في|بتاريخ)|تم\s+النشر|date)"
    rf"(?!\w)\s*(?:{_SEP}\s*)?(?P<value>.*)$",
    re.IGNORECASE,
)
# "آخر تحديث:" is page furniture like the date line; it is dropped, and used only without a date.
_UPDATED_LABEL = re.compile(
    rf"^\s*(?:آخر\s+تحديث|اخر\s+تحديث|updated)\s*(?:{_SEP}\s*)?(?P<value>.*)$", re.IGNORECASE
)
_SOURCE_LABEL = r"[اإأ]لمصدر"
_SOURCE_LINE = re.compile(rf"^\s*{_SOURCE_LABEL}(?!\w)\s*(?P<sep>{_SEP})?\s*(?P<value>.*)$")
_SOURCE_REPEAT = re.compile(rf"{_SOURCE_LABEL}\s*{_SEP}")
_TAG_LINE = re.compile(rf"^\s*(?:{SITE_TAG_LABEL}(?!\w)|{TAG_LABEL}\s*[:：])")
# Furniture glued onto another line (see unglue_lines): only labelled, unambiguous shapes.
_GLUED_DATE_LABEL = re.compile(rf"{_TARIKH}\s+النشر\s*[:：]")
_DATE_THEN_TEXT = re.compile(
    rf"^(?P<date>\s*{_TARIKH}\s+النشر\s*[:：]?\s*.*?"
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:]+(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|\d{4}(?:\s*[,،]?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC|[+-]\d{4}))?)(?:\s*[مه]ـ?(?!\w))?)"
    r"(?P<rest>.*)$"
)
_GLUED_TAG_LABEL = re.compile(rf"{TAG_LABEL}\s*[:：]")
_GLUED_DOUBLE_SOURCE = re.compile(
    r"[اإأ]لمصدر\s*[|｜]\s*(?P<source>[^|｜]+?)\s*[اإأ]لمصدر\s*[:：]\s*(?P=source)\s*$"
)
# A line made only of date material: weekday and month names, digits, ordinals, zones, م / هـ.
_DATE_WORDS = re.compile(
    r"(?<![^\W\d_])(?:\d+(?:st|nd|rd|th|م|ه|ص)?|gmt|utc|am|pm|of|الموافق|ه|م|ص|"
    r"السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)(?!\w)"
)
_MARKER_MAX_CHARS = 40
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 220


def clean_lines(text: str) -> list[str]:
    """Non-empty lines, with NBSP as a space and edge spaces and direction marks removed."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u00a0", " ").strip(STRIP)
        if line:
            lines.append(line)
    return lines


def unglue_lines(lines: list[str]) -> list[str]:
    """Split page furniture the scraper glued onto a neighbouring line back onto its own line.

    Inline elements lose their line break in the scrape (the sample shows the source written twice
    on one line, and "read also" glued after the tags). The same can happen to a "read also" marker
    after a paragraph, to the date line before the first paragraph, or to a doubled source line or a
    tags label after the last paragraph. Only unambiguous furniture is cut out.
    """
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(_unglue(line, near_top=index < 3))
    return out


def _unglue(line: str, *, near_top: bool) -> list[str]:
    if near_top and (match := _GLUED_DATE_LABEL.search(line)) and match.start() > 0:
        return [
            *_unglue(line[: match.start()].strip(STRIP), near_top=False),
            *_unglue(line[match.start() :], near_top=True),
        ]
    if len(line) > 80 and (match := _DATE_THEN_TEXT.match(line)):
        rest = match["rest"].strip(STRIP)
        if len(rest.split()) >= 3:
            return [match["date"].strip(STRIP), *_unglue(rest, near_top=False)]
    if is_tag_line(line) or is_marker(line):
        return [line]
    if _may_hold_tag_label(line) and (match := _GLUED_TAG_LABEL.search(line)) and match.start() > 0:
        return [
            *_unglue(line[: match.start()].strip(STRIP), near_top=False),
            line[match.start() :],
        ]
    if "لمصدر" in line and (match := _GLUED_DOUBLE_SOURCE.search(line)) and match.start() > 0:
        return [line[: match.start()].strip(STRIP), line[match.start() :].strip(STRIP)]
    if (match := _MARKER_WITH_HEADLINE.match(line)) and not is_headline(match["rest"]):
        return [match["rest"].strip(STRIP)]  # a marker glued before a whole paragraph
    stripped = strip_read_also_debris(line)
    if stripped != line.rstrip() and not is_source_line(line):
        stripped = stripped.strip(STRIP)
        return [*_unglue(stripped, near_top=False), "اقرأ أيضاً"] if stripped else [line]
    return [line]


def _may_hold_tag_label(line: str) -> bool:
    # a cheap test before the label regex, which is slow on long paragraphs
    return "دلال" in line or "وسوم" in line or "مفتاح" in line or "\u0640" in line


def is_marker(line: str) -> bool:
    """Is ``line`` a "read also" marker on its own (any spelling, colon or not)?"""
    return len(line) <= _MARKER_MAX_CHARS and _MARKER.match(line) is not None


def marker_headline(line: str) -> str | None:
    """The headline glued after a marker on the same line (``اقرأ أيضاً: headline``), if any."""
    match = _MARKER_WITH_HEADLINE.match(line)
    if match is None or is_marker(line):
        return None
    rest = match["rest"].strip(STRIP)
    return rest if rest and is_headline(rest) else None


def date_line_value(line: str) -> str | None:
    """The text after a ``تاريخ النشر:`` label, or ``None`` when ``line`` is not a date line."""
    if len(line) > 120:
        return None
    match = _DATE_LABEL.match(line)
    if match is None:
        return None
    value = match["value"].strip(STRIP)
    # "نشر في ..." may also open a body sentence: such weak labels need a date and nothing else
    if match["strong"] is None and not is_bare_date_line(value):
        return None
    return value


def is_bare_date_line(line: str) -> bool:
    """A line holding a date and nothing else (a page that prints the date without a label)."""
    if len(line) > 60 or parse_date(line) is None:
        return False
    folded = normalize(line)
    for name in month_names():
        folded = folded.replace(name, " ")
    leftover = _DATE_WORDS.sub(" ", folded)
    return not re.sub(r"[\W_]+", "", leftover)


def updated_line_value(line: str) -> str | None:
    """The date after an ``آخر تحديث:`` (last updated) label, or ``None`` for any other line."""
    match = _UPDATED_LABEL.match(line) if len(line) <= 120 else None
    if match is None or parse_date(match["value"]) is None:
        return None
    return match["value"].strip(STRIP)


def is_updated_line(line: str) -> bool:
    return updated_line_value(line) is not None


def is_publication_date_line(line: str) -> bool:
    """A line with the ``تاريخ النشر`` label itself (not a weaker "نشر في" that needs a date)."""
    match = _DATE_LABEL.match(line) if len(line) <= 120 else None
    return match is not None and match["strong"] is not None


def is_source_line(line: str) -> bool:
    if "لمصدر" not in line[:12]:
        return False  # cheap test first: every line of every page goes through here
    match = _SOURCE_LINE.match(line)
    if match is None or len(line) > 200:
        return False
    # The scraper's doubled form ("المصدر | X المصدر: X") is the source line whatever X is.
    if _SOURCE_REPEAT.search(match["value"]) is not None:
        return True
    # Without a separator a body sentence begins with the word ("المصدر رفض الكشف عن هويته").
    return match["sep"] is not None and _is_source_value(match["value"])


# A source is a name ("الخليج الجديد", "CNN بالعربية", "ميدل إيست آي - ترجمة وتحرير الخليج
# الجديد", '"الشرق الأوسط"'), not a sentence: a quotation of several words after "المصدر:" is an
# interview answer in the body, and so is a long clause.
_QUOTES = "\"'«“”‘’„"
_SOURCE_MAX_WORDS = 12
_QUOTED_SOURCE_MAX_WORDS = 5


def _is_source_value(value: str) -> bool:
    words = len(value.split())
    if value.strip(STRIP).startswith(tuple(_QUOTES)):
        return words <= _QUOTED_SOURCE_MAX_WORDS
    return words <= _SOURCE_MAX_WORDS


def is_tag_line(line: str) -> bool:
    return _may_hold_tag_label(line[:40]) and _TAG_LINE.match(line) is not None


def is_meta_line(line: str) -> bool:
    """Page furniture that is never body text."""
    return (
        is_marker(line)
        or is_source_line(line)
        or is_tag_line(line)
        or date_line_value(line) is not None
        or is_updated_line(line)
    )


def is_headline(line: str) -> bool:
    """Short and without the full stop that ends a paragraph (headlines may end with ? ! or ..)."""
    words = len(line.split())
    if not 0 < words <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    end = line.rstrip(" \"'»”’)]›")
    if end.endswith(("..", "…")):
        return True
    return not end.endswith((".", "،", ",", "؛", ";", ":"))


def is_paragraph(line: str) -> bool:
    return not is_headline(line) or len(line.split()) >= 20


def parse_source_line(line: str) -> str | None:
    """``المصدر | Xالمصدر: X`` (the scraper writes it twice), ``المصدر: X`` or ``المصدر | X`` -> X."""
    match = _SOURCE_LINE.match(line)
    if match is None:
        return None
    # without a tag line, the "read also" heading of the appended section glues onto this line
    value = strip_read_also_debris(match["value"])
    parts = [p.strip(STRIP + ":：|｜-–") for p in _SOURCE_REPEAT.split(value)]
    parts = [p for p in parts if p]
    if not parts:
        return None
    source = parts[0]
    half = len(source) // 2
    # "XX" without the second label: the same text twice in a row
    if len(source) % 2 == 0 and source[:half] == source[half:]:
        source = source[:half].strip()
    return source or None


# The conjunction و + a verb or particle opens most follow-on paragraphs of Arabic news ("وسجل",
# "وأضاف", "ويلتقي", "وفي", "وبهذا"); a headline stands alone and does not. Nouns that also begin
# with و ("وزير", "واشنطن", "وفد", "وسط") are not in this list.
_CONTINUATION = re.compile(
    r"^و(?:(?:[أإتين]|ب|سي|ست|است|انت|اعت|اخت|اكد|اضاف|اشار|اوضح)\w"
    r"|(?:قال|سجل|كان|شدد|لفت|بلغ|دعا|ذكر|جاء|ختم|طالب|رأى|رفض|حذر|اكد|قد)\w*"
    r"|(?:في|من|على|عن|مع|بعد|قبل|خلال|منذ|حسب|فق|هو|هي|هذا|هذه|كل|لكن|لم|لن|لا)$)"
)


def continues_text(line: str) -> bool:
    """Does ``line`` open with the conjunction و and a verb or particle (a follow-on paragraph)?"""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return first.startswith("و") and _CONTINUATION.match(first) is not None
