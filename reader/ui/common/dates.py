"""A date as the interface writes it ("27 March 2017", "27 مارس 2017"), shared by the article
list's rows and the reading pane's metadata line."""

from __future__ import annotations

import datetime as dt

from reader.ui.common.i18n import add_arabic, t

add_arabic({"no date": "بلا تاريخ"})

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# the Gregorian month names used by most Arabic news sites (Egypt, the Gulf)
_MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


def readable_date(day: dt.date | None, language: str) -> str:
    if day is None:
        return t("no date")
    months = _MONTHS_AR if language == "ar" else _MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"
