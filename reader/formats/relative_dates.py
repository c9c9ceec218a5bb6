"""Dates a page wrote relative to when it was read ("منذ ساعتين", "3 days ago"), counted back
from the time the scraper saved it, when the record says that time (a ``scraped_at`` field).

Without that time the date stays unknown and is named (``dates.unreadable_date``): the day the
file was copied or downloaded is no evidence of when the page was read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from reader.formats.dates import field_date, unreadable_date
from reader.text.normalize import normalize

# the names scrapers give the time they saved a record, folded (lower case, no "_", "-" or space)
SAVED_FIELDS = frozenset(
    {
        "scrapedat",
        "scrapedate",
        "scrapetime",
        "scraped",
        "crawledat",
        "crawldate",
        "crawltime",
        "crawled",
        "fetchedat",
        "fetchtime",
        "fetched",
        "retrievedat",
        "retrieved",
        "downloadedat",
        "datedownload",  # news-please
        "datecrawled",
        "accessdate",
        "accessed",
        "savedat",
        "capturedat",
        "تاريخالسحب",
        "تاريخالجمع",
    }
)
_FOLD = re.compile(r"[\s_\-.]+")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_UNITS: dict[str, dt.timedelta] = {
    "ثانيه": dt.timedelta(seconds=1),
    "ثواني": dt.timedelta(seconds=1),
    "ثوان": dt.timedelta(seconds=1),
    "دقيقه": dt.timedelta(minutes=1),
    "دقائق": dt.timedelta(minutes=1),
    "ساعه": dt.timedelta(hours=1),
    "ساعات": dt.timedelta(hours=1),
    "يوم": dt.timedelta(days=1),
    "ايام": dt.timedelta(days=1),
    "اسبوع": dt.timedelta(weeks=1),
    "اسابيع": dt.timedelta(weeks=1),
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "min": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "hr": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}
# Arabic's dual: one word for "two hours", "two days"
_DUALS: dict[str, dt.timedelta] = {
    "ثانيتين": dt.timedelta(seconds=2),
    "دقيقتين": dt.timedelta(minutes=2),
    "ساعتين": dt.timedelta(hours=2),
    "يومين": dt.timedelta(days=2),
    "اسبوعين": dt.timedelta(weeks=2),
}
_ARABIC_AGO = re.compile(r"^(?:منذ|قبل)\s+(?:(\d+)\s+)?(\S+)$")
_ENGLISH_AGO = re.compile(r"^(?:(\d+)|an?|one)\s+([a-z]+?)s?\s+ago$")
_DAYS_BACK = {
    "اليوم": 0,
    "الان": 0,
    "today": 0,
    "just now": 0,
    "امس": 1,
    "البارحه": 1,
    "yesterday": 1,
}


def is_saved_field(name: str) -> bool:
    """Does a field or column so named hold the time a scraper saved the record?"""
    return _FOLD.sub("", name).lower() in SAVED_FIELDS


def relative_age(text: str) -> dt.timedelta | None:
    """How long before it was read a page's relative date says it was published, or None
    when ``text`` is no such date. Months and years are left out: "a month ago" names no day."""
    folded = normalize(text).strip().lower().translate(_ARABIC_DIGITS)
    folded = " ".join(folded.split())
    if folded in _DAYS_BACK:
        return dt.timedelta(days=_DAYS_BACK[folded])
    match = _ARABIC_AGO.match(folded)
    if match is not None:
        count, unit = match.groups()
        if count is None:
            return _DUALS.get(unit) or _UNITS.get(unit)
        step = _UNITS.get(unit)
        return step * int(count) if step is not None and int(count) < 10_000 else None
    match = _ENGLISH_AGO.match(folded)
    if match is not None:
        count, unit = match.groups()
        step = _UNITS.get(unit)
        number = int(count) if count else 1
        return step * number if step is not None and number < 10_000 else None
    return None


def counted_back(raw_date: str, fields: Iterable[tuple[str, str]]) -> tuple[dt.date, str] | None:
    """(date, note) for a relative ``raw_date`` of a record whose ``fields`` (name, value) say
    when it was saved; None when either is missing."""
    age = relative_age(raw_date)
    if age is None:
        return None
    for name, value in fields:
        if not is_saved_field(name) or not value.strip():
            continue
        saved = _saved_time(value.strip())
        if saved is None:
            continue
        date = (saved - age).date()
        shown = repr(raw_date.strip()[:40])
        return (
            date,
            f"date counted back from {shown}, from when the record was saved ({value.strip()[:25]})",
        )
    return None


def _saved_time(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    day = field_date(value)
    return dt.datetime.combine(day, dt.time(12)) if day is not None else None


def dated_back(raw: str, fields: Iterable[tuple[str, str]], problems: list[str]) -> dt.date | None:
    """The date of a record whose date field holds the relative ``raw`` ("منذ ساعتين"), counted
    back from its saved time among ``fields``; the note on it takes the place, in ``problems``,
    of the one that named the date unreadable. None when there is nothing to count from."""
    if not raw or relative_age(raw) is None:
        return None
    found = counted_back(raw, fields)
    if found is None:
        return None
    named = unreadable_date(raw)
    problems[:] = [found[1] if p == named else p for p in problems]
    return found[0]
