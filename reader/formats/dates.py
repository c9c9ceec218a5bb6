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
articles by day. ``parse_date`` does not convert a Hijri date (``1445 هـ``); its year is outside the
accepted range, so the Gregorian date printed next to it is the one found.

``date_line_date`` reads a line that holds a date and nothing else (plain text prints one near the
top: ``التاريخ: 10 ديسمبر 2012``, ``الجمعة, 06 يوليو 2012``, ``07/04/2012``, ``15 رمضان 1444 هـ``);
there a Hijri date alone is converted with hijridate (issue 16), and a Gregorian one beside it wins.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.formats.hijri_dates import HIJRI_NAMED, parse_hijri_date
from reader.text.normalize import normalize

# Years outside this range are Hijri years, page counts or other numbers, not publication dates.
_MIN_YEAR = 1800
_MAX_YEAR = 2200

# Month names as they look *after* ``normalize`` (hamza alefs folded to ا, ی to ي, ة to ه, lower case).
_MONTH_NAMES: dict[str, int] = {}
_MONTH_SPELLINGS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("january", "jan", "يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه", "janvier")),
    (2, ("february", "feb", "فبراير", "شباط", "فيفري", "فبرير", "février", "fevrier")),
    (3, ("march", "mar", "مارس", "اذار", "mars")),
    (4, ("april", "apr", "ابريل", "افريل", "نيسان", "ابريل", "avril")),
    (5, ("may", "مايو", "ايار", "ماي", "mai")),
    (6, ("june", "jun", "يونيو", "يونيه", "حزيران", "جوان", "juin")),
    (7, ("july", "jul", "يوليو", "يوليه", "تموز", "جويليه", "يوليوز", "juillet")),
    (8, ("august", "aug", "اغسطس", "اب", "اوت", "غشت", "اغسطس", "août", "aout")),
    (9, ("september", "sept", "sep", "سبتمبر", "ايلول", "شتنبر", "septembre")),
    (10, ("october", "oct", "اكتوبر", "تشرين الاول", "تشرين اول", "octobre")),
    (11, ("november", "nov", "نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر", "novembre")),
    (
        12,
        ("december", "dec", "ديسمبر", "كانون الاول", "كانون اول", "دجنبر", "décembre", "decembre"),
    ),
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
_DAY = r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th|er)?(?!\d)"
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


# A date line may open with a label; what follows it must be date material only.
_LINE_LABEL = re.compile(
    r"^\s*(?:(?:ال)?تاريخ(?:\s+(?:ال)?نشر)?|نشر\s+(?:في|بتاريخ)|نشر|بتاريخ|منشور"
    r"|(?:اخر\s+)?(?:تحديث|تعديل)|date|published(?:\s+on)?|posted(?:\s+on)?"
    r"|(?:last\s+)?updated(?:\s+on)?|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?)(?!\w)\s*[:：|\-–]?",
)
# the weekdays' names, folded (``normalize``), in Arabic, English and French
WEEKDAYS = frozenset(
    [
        "السبت",
        "الاحد",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    ]
)
_LINE_WORDS = WEEKDAYS | frozenset(
    [
        "يوم",
        "م",
        "ه",
        "ص",
        "الموافق",
        "موافق",
        "مساء",
        "صباحا",
        "الساعه",
        "gmt",
        "utc",
        "am",
        "pm",
        "st",
        "nd",
        "rd",
        "th",
        "of",
        "at",
        "on",
        "t",
        "z",
        "le",
        "er",
    ]
)
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_DATE_LINE_MAX_CHARS = 90
# A dateline: the place the article was filed from, then its date ("تونس في 3 نوفمبر 2026",
# "القاهرة - 2026/11/03", "بيروت 3 نوفمبر"): two words of letters before a dash, colon, comma or
# في, one before a space.
_DATELINE_PLACE = re.compile(
    r"^\s*(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:[-–—:،,]|\s+في(?=\s))|[^\W\d_]+(?=\s))\s*"
)


def date_line_date(line: str) -> dt.date | None:
    """The date of a line that holds a date and nothing else (a label before it allowed), or
    ``None`` for any other line: a sentence that mentions a date is body text, not a date line."""
    if len(line) > _DATE_LINE_MAX_CHARS or _DIGIT.search(line) is None:
        return None
    folded = normalize(line.replace("\u00a0", " "))
    label = _LINE_LABEL.match(folded)
    value = folded[label.end() :] if label else folded
    found = _date_material(value)
    if found is None and label is None and (place := _DATELINE_PLACE.match(value)):
        found = _date_material(value[place.end() :])
    return found


def _date_material(value: str) -> dt.date | None:
    """The date of ``value`` when it holds date material only (day and month names, "الموافق",
    a time), else None."""
    leftover = value
    for name in _MONTH_NAMES_LONGEST_FIRST:
        if name in leftover:
            leftover = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", leftover)
    leftover = HIJRI_NAMED.sub(" ", leftover)
    if any(word not in _LINE_WORDS for word in _LETTERS.findall(leftover)):
        return None
    return parse_date(value) or parse_hijri_date(value)


# Unix time in a text field: seconds (10 digits) or JavaScript milliseconds (13)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?(?:\.\d+)?$")
# a scraper that kept the page's "2 hours ago": the day it counts from is not in the file
_RELATIVE = re.compile(
    r"^(?:(?:منذ|قبل)\s|(?:امس|اليوم|البارحه|الان)$|.*\bago$|(?:yesterday|today|just now)$)"
)
_EMPTY_DATE = re.compile(r"^0{4}-0{2}-0{2}(?:[ t]0{2}:0{2}(?::0{2})?)?$")


# days programs write for a date they do not have: Unix time zero (as the day in UTC, or in a
# time zone west of it), 1900-01-01 (SQL Server, Excel), the OLE/Delphi zero day
PLACEHOLDER_DAYS = frozenset(
    {dt.date(1970, 1, 1), dt.date(1969, 12, 31), dt.date(1900, 1, 1), dt.date(1899, 12, 30)}
)


def placeholder_note(shown: str) -> str:
    return f"no date ({shown}, a placeholder for a missing date)"


def field_date(text: str) -> dt.date | None:
    """The date of an export's date field: anything ``parse_date`` reads, Unix time written as
    digits, or a Hijri date (``4 رجب 1445``, ``1445/07/04 هـ``); None for a placeholder day
    (``PLACEHOLDER_DAYS``), which ``unreadable_date`` names as one."""
    date = _field_date(text.strip())
    return None if date in PLACEHOLDER_DAYS else date


def _field_date(text: str) -> dt.date | None:
    if _EPOCH.match(text):
        seconds = float(text) / (1000 if len(text.split(".", maxsplit=1)[0]) == 13 else 1)
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(text) or parse_hijri_date(text)


def unreadable_date(text: str) -> str:
    """What to tell the user of a date field ``field_date`` could not read."""
    folded = normalize(text).strip()
    shown = repr(text.strip()[:60])
    if _RELATIVE.match(folded):
        return (
            f"relative date {shown}: the day it counts from (when it was saved) is not in the file"
        )
    if _EMPTY_DATE.match(folded):
        return f"no date ({shown}, a database's empty date)"
    if _field_date(text.strip()) in PLACEHOLDER_DAYS:
        return placeholder_note(shown)
    return f"unreadable date: {shown}"


# a date a news site writes in its addresses: /2018/10/20/, /2018-10-20/, /20181020/
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([/_-]?)(0?[1-9]|1[0-2])\2(0?[1-9]|[12][0-9]|3[01])(?![0-9])"
)
URL_DATE_NOTE = "date taken from the article's address"


def url_date(url: str) -> dt.date | None:
    """The publication day a news site wrote in the article's address, or None. Only a full
    date in the path counts (a year and month alone name an archive page's month)."""
    path = url.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer(path):
        if match.group(2) == "" and (
            len(match.group(3)) < 2
            or len(match.group(4)) < 2
            or (match.start() > 0 and path[match.start() - 1].isalnum())
        ):
            continue  # eight digits inside a longer id are no date, nor are digits run together
            # without their zeros ("2024312"); "/2024/3/12/" writes them apart
        found = _make_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if found is not None and found <= dt.date.today() + dt.timedelta(days=1):
            return found
    return None
