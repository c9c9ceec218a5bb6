"""Find the calendar date in a date field or a scraped date line, whatever its shape.

Shapes seen in the corpora and the scraped pages (issue 2):

- ISO 8601: ``2023-12-07``, ``2017-01-25T14:36:00+01:00``, the compact ``2017-01-22T171800``;
- RFC 2822: ``Mon, 01 Oct 2018 22:09:25 GMT`` / ``+0300`` (most TREC ``<TIME>`` values);
- numeric ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``): the TREC files of the
  Jawhara corpus use it, and their first field goes up to 31 while the second never passes 12, so
  day-first is the default; only an impossible day-first reading (second field > 12) is read
  month-first;
- month names, English (full or abbreviated, ``7th, December 2023 GMT``, ``December 7, 2023``) or
  Arabic: Egyptian/Gulf (يناير ... ديسمبر), Levantine/Iraqi (كانون الثاني ... كانون الأول) and the
  Maghrebi spellings (جانفي، أفريل، جوان، جويلية، أوت، يوليوز، غشت، شتنبر، نونبر، دجنبر), with weekday
  names, ``م``/``هـ`` suffixes and Arabic-Indic or Persian digits around them.

Only the date is kept: times and time zones are dropped, because the reader files and filters
articles by day. A Hijri date (``1445 هـ``) is not converted; its year is outside the accepted range,
so the Gregorian date printed next to it is the one found.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.text.normalize import normalize

# Years outside this range are Hijri years, page counts or other numbers, not publication dates.
_MIN_YEAR = 1800
_MAX_YEAR = 2200

# Month names as they look *after* ``normalize`` (hamza alefs folded to ا, ی to ي, ة to ه, lower case).
_MONTH_NAMES: dict[str, int] = {}
_MONTH_SPELLINGS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("january", "jan", "يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه")),
    (2, ("february", "feb", "فبراير", "شباط", "فيفري", "فبرير")),
    (3, ("march", "mar", "مارس", "اذار")),
    (4, ("april", "apr", "ابريل", "افريل", "نيسان", "ابريل")),
    (5, ("may", "مايو", "ايار", "ماي")),
    (6, ("june", "jun", "يونيو", "يونيه", "حزيران", "جوان")),
    (7, ("july", "jul", "يوليو", "يوليه", "تموز", "جويليه", "يوليوز")),
    (8, ("august", "aug", "اغسطس", "اب", "اوت", "غشت", "اغسطس")),
    (9, ("september", "sept", "sep", "سبتمبر", "ايلول", "شتنبر")),
    (10, ("october", "oct", "اكتوبر", "تشرين الاول", "تشرين اول")),
    (11, ("november", "nov", "نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر")),
    (12, ("december", "dec", "ديسمبر", "كانون الاول", "كانون اول", "دجنبر")),
)
for _number, _spellings in _MONTH_SPELLINGS:
    for _spelling in _spellings:
        _MONTH_NAMES[_spelling] = _number

_MONTH_NAMES_LONGEST_FIRST = tuple(sorted(_MONTH_NAMES, key=len, reverse=True))
# Longest first, so "كانون الثاني" wins over a shorter name and "september" over "sep".
_MONTH_ALT = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_MONTH_NAMES, key=len, reverse=True)
)
# A month name is a whole word: not inside another word (``اب`` in ``الانتخابات``, ``mar`` in ``market``).
_MONTH = rf"(?<!\w)(?P<month>{_MONTH_ALT})(?!\w)\.?"
_DAY = r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<!\d)(?P<year>\d{4})(?!\d)"
# Between the parts: spaces, commas, dashes, slashes, "of" / "من", and a second month name in
# brackets or after a slash ("كانون الأول (ديسمبر)", "ديسمبر/كانون الأول").
_SEP = r"[\s,،./\-]*(?:(?:of|من)\s+)?"
_ALSO_MONTH = rf"(?:\s*[(/\-]\s*(?:{_MONTH_ALT})\s*\)?)?"

_NAMED_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 7 December 2023, 7th, December 2023, Mon, 01 Oct 2018, الخميس 7 ديسمبر 2023م
    re.compile(_DAY + _SEP + _MONTH + _ALSO_MONTH + r"[\s,،./\-]*" + _YEAR),
    # December 7, 2023 / Dec 7th 2023
    re.compile(_MONTH + _ALSO_MONTH + r"[\s,،./\-]*" + _DAY + r"[\s,،./\-]*" + _YEAR),
    # 2023 December 7 / 2023-Dec-07
    re.compile(_YEAR + r"[\s,،./\-]*" + _MONTH + _ALSO_MONTH + r"[\s,،./\-]*" + _DAY),
)
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:t\d{4,6}(?:z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_NUMERIC_SHORT_YEAR = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})(?![\d/.\-])")


def parse_date(text: str) -> dt.date | None:
    """The first understandable calendar date in ``text``, or ``None`` when there is none."""
    if not text:
        return None
    # normalize folds Arabic-Indic and Persian digits to ASCII, drops tatweel, RLM/LRM and other
    # invisibles, folds hamza/yeh variants and lower-cases Latin, so one set of patterns suffices.
    folded = normalize(text.replace("\u00a0", " ")).strip()
    for finder in (_iso_date, _named_month_date, _numeric_date, _compact_date, _short_year_date):
        found = finder(folded)
        if found is not None:
            return found
    return None


def month_names() -> tuple[str, ...]:
    """Every month spelling this module knows, as ``normalize`` folds them, longest first."""
    return _MONTH_NAMES_LONGEST_FIRST


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_date(text: str) -> dt.date | None:
    for match in _ISO.finditer(text):
        found = _make_date(int(match[1]), int(match[2]), int(match[3]))
        if found is not None:
            return found
    return None


def _named_month_date(text: str) -> dt.date | None:
    if not any(c.isalpha() for c in text):
        return None
    best: tuple[int, dt.date] | None = None
    for pattern in _NAMED_PATTERNS:
        for match in pattern.finditer(text):
            month = _MONTH_NAMES[re.sub(r"\s+", " ", match["month"])]
            found = _make_date(int(match["year"]), month, int(match["day"]))
            if found is not None:
                # the earliest date in the text wins, whichever pattern found it
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break
    return best[1] if best else None


def _day_first(first: int, second: int, year: int) -> dt.date | None:
    # Day-first is the house default (module docstring); a second field above 12 can only be a day.
    if second > 12 >= first:
        return _make_date(year, first, second)
    return _make_date(year, second, first)


def _numeric_date(text: str) -> dt.date | None:
    for match in _NUMERIC.finditer(text):
        found = _day_first(int(match[1]), int(match[2]), int(match[3]))
        if found is not None:
            return found
    return None


def _compact_date(text: str) -> dt.date | None:
    match = _COMPACT.match(text)
    if match is None:
        return None
    return _make_date(int(match[1]), int(match[2]), int(match[3]))


def _short_year_date(text: str) -> dt.date | None:
    # "07/12/23": two-digit years are read as 20yy up to the current year + 1, else 19yy.
    pivot = dt.date.today().year % 100 + 1
    for match in _NUMERIC_SHORT_YEAR.finditer(text):
        short = int(match[3])
        year = 2000 + short if short <= pivot else 1900 + short
        found = _day_first(int(match[1]), int(match[2]), year)
        if found is not None:
            return found
    return None
