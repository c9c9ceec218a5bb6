"""The timeline's arithmetic: per-day counts grouped into bars, and dates written for its labels.

Kept apart from the widget so it can be tested without painting. ``bin_counts`` chooses the unit from
the span (day, month, year) so a 300 px sidebar never holds more bars than it has pixels to draw.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale

from reader.ui.common.i18n import add_arabic, current_language, t

add_arabic({"articles": "مقالات", "1 article": "مقال واحد"})

DAY_SPAN_MAX = 92  # up to about three months, one bar per day
MONTH_SPAN_MAX = 240  # up to twenty years, one bar per month; beyond, one per year


@dataclass(frozen=True, slots=True)
class Bin:
    """One bar: the days ``start``..``end`` (inclusive) and how many articles fall in them."""

    start: dt.date
    end: dt.date
    count: int


def in_range(b: Bin, since: dt.date | None, until: dt.date | None) -> bool:
    """True when bar ``b`` overlaps the range ``since``..``until`` (an open end is unbounded)."""
    if since is not None and b.end < since:
        return False
    return not (until is not None and b.start > until)


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def bin_counts(
    counts: Sequence[tuple[dt.date, int]],
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[list[Bin], str]:
    """Group per-day counts into contiguous bars and name the unit ("day", "month" or "year").

    The span covers every dated count and the selected range, so a selection is always on the chart.
    """
    dates = [d for d, c in counts if c > 0]
    ends = [*dates, *(d for d in (since, until) if d is not None)]
    if not dates:
        return [], "day"
    first, last = min(ends), max(ends)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if (last - first).days + 1 <= DAY_SPAN_MAX:
        unit = "day"
        starts = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        bins = [Bin(s, s, 0) for s in starts]
    elif months <= MONTH_SPAN_MAX:
        unit = "month"
        bins = []
        m = _month_start(first)
        while m <= last:
            nxt = _next_month(m)
            bins.append(Bin(m, nxt - dt.timedelta(days=1), 0))
            m = nxt
    else:
        unit = "year"
        bins = [
            Bin(dt.date(y, 1, 1), dt.date(y, 12, 31), 0) for y in range(first.year, last.year + 1)
        ]
    totals = [0] * len(bins)
    for d, c in counts:
        if c > 0:
            totals[_bin_index(bins, unit, d)] += c
    return [Bin(b.start, b.end, n) for b, n in zip(bins, totals, strict=True)], unit


def _bin_index(bins: list[Bin], unit: str, d: dt.date) -> int:
    first = bins[0].start
    if unit == "day":
        return (d - first).days
    if unit == "month":
        return (d.year - first.year) * 12 + d.month - first.month
    return d.year - first.year


def article_count(n: int) -> str:
    """'1 article', '1,204 articles' (Arabic: 'مقال واحد', '1,204 مقالات')."""
    return t("1 article") if n == 1 else f"{n:,} {t('articles')}"


def month_name(month: int, *, short: bool = False) -> str:
    """The month's name in the interface language (Arabic: the Egyptian/Gulf names, يناير…)."""
    if current_language() == "ar":
        locale = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
    else:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return locale.monthName(month, fmt)


def format_date(d: dt.date, pattern: str) -> str:
    """``d MMM``, ``MMM``, ``MMM yy``, ``MMM yyyy``, ``MMMM yyyy`` or ``d MMMM yyyy``.

    Assembled by hand rather than with QLocale.toString: the Arabic locales that have these month
    names write Arabic-Indic digits, and the interface uses Latin digits everywhere (as the corpora do).
    """
    short = month_name(d.month, short=True)
    long = month_name(d.month)
    return {
        "d MMM": f"{d.day} {short}",
        "MMM": short,
        "MMM yy": f"{short} {d.year % 100:02d}",
        "MMM yyyy": f"{short} {d.year}",
        "MMMM yyyy": f"{long} {d.year}",
        "d MMMM yyyy": f"{d.day} {long} {d.year}",
    }[pattern]


def period_label(b: Bin, unit: str) -> str:
    """'7 December 2023', 'December 2023' or '2023', in the interface language."""
    if unit == "day":
        return format_date(b.start, "d MMMM yyyy")
    if unit == "month":
        return format_date(b.start, "MMMM yyyy")
    return str(b.start.year)


def axis_ticks(
    bins: Sequence[Bin], unit: str, step: float, text_width: Callable[[str], float]
) -> list[tuple[int, str]]:
    """(bar index, label) of the axis ticks: the finest level whose labels do not collide.

    ``step`` is the width of one bar in pixels and ``text_width`` measures a label.
    """
    if not bins:
        return []
    levels: list[tuple[Callable[[dt.date], bool], Callable[[dt.date], str]]]
    if unit == "day":
        levels = [
            (lambda d: d.weekday() == 0, lambda d: format_date(d, "d MMM")),
            (lambda d: d.day == 1, lambda d: format_date(d, "MMM yyyy")),
            (lambda d: d.day == 1 and d.month in (1, 7), lambda d: format_date(d, "MMM yyyy")),
        ]
    elif unit == "month":
        levels = [
            (lambda d: True, lambda d: format_date(d, "MMM")),
            (lambda d: d.month in (1, 4, 7, 10), lambda d: format_date(d, "MMM yy")),
            (lambda d: d.month == 1, lambda d: str(d.year)),
            (lambda d: d.month == 1 and d.year % 5 == 0, lambda d: str(d.year)),
        ]
    else:
        levels = [
            (lambda d: True, lambda d: str(d.year)),
            (lambda d: d.year % 5 == 0, lambda d: str(d.year)),
            (lambda d: d.year % 10 == 0, lambda d: str(d.year)),
        ]
    chosen: list[tuple[int, str]] = []
    for matches, label in levels:
        ticks = [(i, label(b.start)) for i, b in enumerate(bins) if matches(b.start)]
        if not ticks:
            continue
        widest = max(text_width(text) for _, text in ticks) + 8
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(ticks)] or [len(bins)]
        chosen = ticks
        if min(gaps) * step >= widest:
            break
    if not chosen:  # a short span with no boundary inside: name its first period
        chosen = [(0, period_label(bins[0], unit))]
    return chosen
