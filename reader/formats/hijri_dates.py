"""Hijri dates in text (``15 رمضان 1444 هـ``, ``1444/09/15هـ``), turned into Gregorian days by
hijridate's Umm al-Qura calendar."""

from __future__ import annotations

import datetime as dt
import re

from hijridate import Hijri

from reader.text.normalize import normalize

# Hijri month names after ``normalize`` (ى -> ي, ة -> ه, hamza alefs -> ا).
_HIJRI_SPELLINGS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("محرم", "المحرم")),
    (2, ("صفر",)),
    (3, ("ربيع الاول", "ربيع اول")),
    (4, ("ربيع الثاني", "ربيع الاخر", "ربيع ثاني")),
    (5, ("جمادي الاولي", "جمادي الاول", "جماد الاول", "جمادي اولي")),
    (6, ("جمادي الثانيه", "جمادي الاخره", "جمادي الاخر", "جمادي الثاني", "جماد الاخر")),
    (7, ("رجب",)),
    (8, ("شعبان",)),
    (9, ("رمضان",)),
    (10, ("شوال",)),
    (11, ("ذو القعده", "ذي القعده", "ذوالقعده")),
    (12, ("ذو الحجه", "ذي الحجه", "ذوالحجه")),
)
_HIJRI_MONTHS = {name: number for number, names in _HIJRI_SPELLINGS for name in names}
_HIJRI_ALT = "|".join(
    re.escape(name).replace(r"\ ", r"\s*") for name in sorted(_HIJRI_MONTHS, key=len, reverse=True)
)
# "هـ" folds to "ه" (normalize drops the tatweel); a numeric Hijri date needs it, a named month not.
_HIJRI_MARK = r"\s*ه(?!\w)"
HIJRI_NAMED = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})[\s,،./\-]*(?P<month>{_HIJRI_ALT})(?!\w)[\s,،./\-]*"
    r"(?P<year>\d{4})(?!\d)"
)
_HIJRI_YMD = re.compile(rf"(?<!\d)(\d{{4}})[/.\-](\d{{1,2}})[/.\-](\d{{1,2}}){_HIJRI_MARK}")
_HIJRI_DMY = re.compile(rf"(?<![\d.])(\d{{1,2}})[/.\-](\d{{1,2}})[/.\-](\d{{4}}){_HIJRI_MARK}")


def parse_hijri_date(text: str) -> dt.date | None:
    """The Gregorian day of the first Hijri date in ``text`` (``15 رمضان 1444 هـ``,
    ``1444/09/15هـ``, ``15/09/1444 هـ``), or ``None``; days hijridate cannot convert give ``None``."""
    folded = normalize(text.replace("\u00a0", " "))
    for match in HIJRI_NAMED.finditer(folded):
        month = _HIJRI_MONTHS[re.sub(r"\s+", " ", match["month"])]
        found = _from_hijri(int(match["year"]), month, int(match["day"]))
        if found is not None:
            return found
    for pattern, order in ((_HIJRI_YMD, (0, 1, 2)), (_HIJRI_DMY, (2, 1, 0))):
        for match in pattern.finditer(folded):
            parts = match.groups()
            found = _from_hijri(*(int(parts[i]) for i in order))
            if found is not None:
                return found
    return None


def _from_hijri(year: int, month: int, day: int) -> dt.date | None:
    try:
        gregorian = Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):  # outside hijridate's 1343-1500 AH, or no such day
        return None
    # a plain date, not hijridate's subclass: the cache and the exports expect dt.date
    return dt.date(gregorian.year, gregorian.month, gregorian.day)
