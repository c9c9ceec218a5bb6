"""The date of a JSON item's date field: a string, Unix time as a number in seconds,
milliseconds (JavaScript, pandas' default), microseconds or nanoseconds, or a CSL date object
(``json_csl``).

A placeholder that stands for a missing date (Unix time zero, 1900-01-01, the zero day of
spreadsheets and databases) is no date: it is noted, as an unreadable date is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reader.formats.dates import PLACEHOLDER_DAYS, field_date, placeholder_note, unreadable_date
from reader.formats.json_csl import csl_date, is_csl_date

# the zero time of Go and .NET: year 1, which ``field_date`` does not read
_YEAR_ONE = re.compile(r"^0{0,3}1-0?1-0?1(?:\D|$)")


def json_date(value: Any, text: str, problems: list[str]) -> dt.date | None:
    """The date of ``value`` (``text`` is its text); notes what cannot be read in ``problems``."""
    if value is None:
        return None
    if is_csl_date(value):  # {"date-parts": [[2024, 3, 1]]}: citation managers' CSL JSON
        return csl_date(value, problems)
    if isinstance(value, bool):
        problems.append(f"unreadable date: {value!r}")
        return None
    if isinstance(value, int | float):
        date = _unix_date(value)
        if date is None:
            problems.append(f"unreadable date: {value!r}")
        elif date in PLACEHOLDER_DAYS:
            problems.append(placeholder_note(f"{value!r}, Unix time zero"))
            return None
        return date
    date = field_date(text) if text else None
    if date is None and _YEAR_ONE.match(text.strip()):
        problems.append(placeholder_note(repr(text.strip()[:60])))
    elif date is None:
        problems.append(unreadable_date(text))  # a placeholder day among them, named as one
    return date


def _unix_date(value: float) -> dt.date | None:
    size = abs(value)
    divisor = 10**9 if size > 10**17 else 10**6 if size > 10**14 else 1000 if size > 10**11 else 1
    try:
        return dt.datetime.fromtimestamp(value / divisor, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
