"""CSL JSON, the citation format reference managers export (Zotero's "Export → CSL JSON",
Mendeley, pandoc): dates as ``{"date-parts": [[2024, 3, 1]]}`` and people as
``{"family": ..., "given": ...}``.

A date that names only its month is given as the month's first day, noted; one that names only
its year is no date, noted, so that a year does not place an article on January 1st.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reader.formats.dates import URL_DATE_NOTE, field_date, unreadable_date, url_date

# the keys a CSL date object writes its date under besides "date-parts"
_TEXT_DATE_KEYS = ("raw", "literal")


def month_only_note(year: int, month: int) -> str:
    return f"date names only the month ({year:04d}-{month:02d}): shown as its first day"


def year_only_note(year: int) -> str:
    return f"date names only the year ({year}): not used"


def is_csl_date(value: Any) -> bool:
    return isinstance(value, dict) and any(key in value for key in ("date-parts", *_TEXT_DATE_KEYS))


def csl_date(value: dict[str, Any], problems: list[str]) -> dt.date | None:
    """The date of a CSL date object (a range gives its first day); what cannot be read, or
    names less than a day, is noted in ``problems``."""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        return _parts_date(parts[0], problems)
    for key in _TEXT_DATE_KEYS:
        text = value.get(key)
        if isinstance(text, str) and text.strip():
            date = field_date(text)
            if date is None:
                problems.append(unreadable_date(text))
            return date
    problems.append(f"unreadable date: {str(value)[:60]!r}")
    return None


def _parts_date(parts: list[Any], problems: list[str]) -> dt.date | None:
    numbers = [n for n in (_number(part) for part in parts[:3]) if n is not None]
    if len(numbers) < len(parts[:3]):
        problems.append(f"unreadable date: {str(parts)[:60]!r}")
        return None
    year, month, day = (*numbers, 0, 0)[:3]
    if not month:
        problems.append(year_only_note(year))
        return None
    try:
        date = dt.date(year, month, day or 1)
    except ValueError:
        problems.append(f"unreadable date: {str(parts)[:60]!r}")
        return None
    if not day:
        problems.append(month_only_note(year, month))
    return date


def _number(part: Any) -> int | None:
    """A date part: CSL writes numbers, Zotero sometimes the year as a string."""
    if isinstance(part, bool):
        return None
    if isinstance(part, int):
        return part
    if isinstance(part, str) and part.strip().isdigit():
        return int(part.strip())
    return None


def person_name(value: dict[str, Any]) -> str:
    """A CSL name: ``{"given": ..., "family": ...}`` as "given family" (with its particles), or
    ``{"literal": ...}`` (an institution, or a name the exporter did not split); "" otherwise."""
    literal = value.get("literal")
    if isinstance(literal, str) and literal.strip():
        return literal.strip()
    keys = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    parts = [value.get(key) for key in keys]
    return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def is_person(value: Any) -> bool:
    return isinstance(value, dict) and ("family" in value or "given" in value or "literal" in value)


def with_address_day(date: dt.date | None, url: str | None, problems: list[str]) -> dt.date | None:
    """The day the article's address names (/2024/3/1/) for a date that named only its month,
    when the address's day falls in that month: the address's note then replaces the month's."""
    if date is None or not url:
        return date
    note = month_only_note(date.year, date.month)
    if note not in problems:
        return date
    found = url_date(url)
    if found is None or (found.year, found.month) != (date.year, date.month):
        return date
    problems[problems.index(note)] = URL_DATE_NOTE
    return found
