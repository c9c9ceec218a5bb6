"""The dates of a table's date column, read as one column.

A numeric date (``03/12/2024``) is read day-first unless that reading is impossible
(``reader.formats.dates``), so a column of month-first dates, as American tools write them, was
read both ways: ``03/25/2024`` as 25 March, ``03/12/2024`` as 3 December. A column is one
tool's, written one way: when a date of it can only be month-first (its second number above 12)
and none can only be day-first, the whole column is read month-first, each date that could be
either noted; a column of only ambiguous dates keeps the day-first default; a column holding
dates that can only be day-first and dates that can only be month-first contradicts itself, and
its ambiguous dates say so.

A spreadsheet's date cell that lost its date format holds the day's serial number (``45298``,
days since 30 December 1899): in a sheet's date column it is read as that day, noted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.formats.dates import field_date, unreadable_date
from reader.text.normalize import normalize

# a year first (2024-03-12): no order to choose, and parse_date reads it before a d/m/y
_YEAR_FIRST = re.compile(r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")
# day and month in either order, then the year (as dates.py's numeric patterns)
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4}|\d{2})(?!\d)")
# a spreadsheet's serial day, 1954 to 2119: a date cell saved without its date format
_SERIAL = re.compile(r"^(\d{5})(?:\.\d+)?$")
_SERIAL_DAYS = range(20000, 80000)
_SERIAL_EPOCH = dt.date(1899, 12, 30)
SERIAL_NOTE = "date read from a spreadsheet's day number"


@dataclass(frozen=True, slots=True)
class ColumnDates:
    """How a date column's numeric dates read: ``month_first`` is a date of the column that can
    only be month-first when the column is read so; ``mixed`` a date that can only be day-first
    and one that can only be month-first, when the column holds both."""

    month_first: str | None = None
    mixed: tuple[str, str] | None = None


def column_dates(values: Iterable[str]) -> ColumnDates:
    """The order of a date column's numeric dates, from all its values."""
    day_only: str | None = None
    month_only: str | None = None
    for value in values:
        order = _order(value.strip())
        if order == "day" and day_only is None:
            day_only = value.strip()
        elif order == "month" and month_only is None:
            month_only = value.strip()
    if month_only is None:
        return ColumnDates()
    if day_only is None:
        return ColumnDates(month_first=month_only)
    return ColumnDates(mixed=(day_only, month_only))


def column_date(
    value: str, problems: list[str], column: ColumnDates | None = None, *, serial: bool = False
) -> dt.date | None:
    """A date cell's date in its column's order (``column_dates``), read as ``field_date`` reads
    one; the dates read month-first that could be either, the ambiguous dates of a column that
    contradicts itself and unreadable dates are noted. ``serial``: a spreadsheet's cell, where a
    day's serial number is a date."""
    text = value.strip()
    if not text:
        return None
    if serial and (number := _SERIAL.match(text)) and int(number[1]) in _SERIAL_DAYS:
        problems.append(SERIAL_NOTE)
        return _SERIAL_EPOCH + dt.timedelta(days=int(number[1]))
    order = _order(text)
    column = column or ColumnDates()
    if column.month_first is not None and order in ("month", "either"):
        date = field_date(_swapped(text))
        if date is not None and order == "either":
            problems.append(
                f"date {text!r} read month-first, as the date column's "
                f"{column.month_first!r} can only be"
            )
        if date is not None:
            return date
    elif column.mixed is not None and order == "either":
        day, month = column.mixed
        problems.append(
            f"the date column holds day-first ({day!r}) and month-first ({month!r}) dates: "
            f"{text!r} may be either, read day-first"
        )
    date = field_date(text)
    if date is None:
        problems.append(unreadable_date(text))
    return date


def _numeric(text: str) -> re.Match[str] | None:
    folded = text if text.isascii() else normalize(text)
    if _YEAR_FIRST.search(folded):
        return None
    return _NUMERIC.search(folded)


def _order(text: str) -> str | None:
    """ "day" or "month" for a numeric date that can only be read so, "either" for one that
    reads as two different days; None for any other value."""
    match = _numeric(text)
    if match is None:
        return None
    first, second = int(match[1]), int(match[3])
    if not (1 <= first <= 31 and 1 <= second <= 31):
        return None
    if first > 12 >= second:
        return "day"
    if second > 12 >= first:
        return "month"
    if first <= 12 and second <= 12 and first != second:
        return "either"
    return None


def _swapped(text: str) -> str:
    """A numeric date's day and month swapped, so that the day-first reading reads it
    month-first."""
    match = _numeric(text)
    if match is None:
        return text
    folded = match.string
    return folded[: match.start(1)] + match[3] + match[2] + match[1] + folded[match.end(3) :]
