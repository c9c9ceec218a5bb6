"""EndNote's XML export (``xmlnews.py``): ``<xml><records><record>`` with ``<titles><title>``,
``<secondary-title>`` (the newspaper or journal), ``<contributors><authors><author>``,
``<dates><year>`` and ``<pub-dates><date>``, ``<urls>``, ``<keywords>`` and ``<abstract>``,
each value perhaps wrapped in ``<style>`` runs.

A reference library holds no article text: its abstract is the body, noted on the article as a
summary. A record without one is named, not dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reader.formats.dates import parse_date
from reader.formats.xml_item import BODY_IS_SUMMARY, Item
from reader.formats.xml_tree import child_named, line_text, local_name, text_paragraphs, unique

_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# EndNote writes a person "Family, Given"
_FAMILY_FIRST = re.compile(r"(?P<family>[^,]+),\s*(?P<given>[^,]+)")


def is_endnote(root: Any) -> bool:
    return local_name(root) == "xml" and child_named(root, "records") is not None


def endnote_records(root: Any) -> list[Any]:
    return [r for r in root.iter("{*}record", "record") if isinstance(r.tag, str)]


def endnote_item(record: Any) -> Item:
    abstract = _path(record, "abstract")
    item = Item(body=text_paragraphs("".join(abstract.itertext())) if abstract is not None else "")
    title = line_text(_path(record, "titles", "title"))
    if not item.body:
        about = f' ("{title[:60]}")' if title else ""
        item.reason = f"no text{about}: the reference has no <abstract>"
        return item
    item.problems.append(BODY_IS_SUMMARY)
    item.title = title
    item.source = next(
        (
            line_text(e)
            for e in (
                _path(record, "titles", "secondary-title"),
                _path(record, "periodical", "full-title"),
                _path(record, "titles", "alt-title"),
                _path(record, "publisher"),
            )
            if line_text(e)
        ),
        "",
    )
    authors = _path(record, "contributors", "authors")
    names = (_person(line_text(a)) for a in (authors if authors is not None else ()))
    item.author = ", ".join(unique(names))
    item.date = _date(item, record)
    urls = _path(record, "urls")
    found = (line_text(u) for u in (urls.iter("{*}url", "url") if urls is not None else ()))
    item.url = next((u for u in found if u), "")
    keywords = _path(record, "keywords")
    item.tags = unique(line_text(k) for k in (keywords if keywords is not None else ()))
    item.category = line_text(_path(record, "section"))
    return item


def _path(element: Any, *names: str) -> Any:
    for name in names:
        if element is None:
            return None
        element = child_named(element, name)
    return element


def _person(name: str) -> str:
    """ "سمير, أحمد" -> "أحمد سمير"."""
    match = _FAMILY_FIRST.fullmatch(name)
    return f"{match['given'].strip()} {match['family'].strip()}" if match else name


def _date(item: Item, record: Any) -> dt.date | None:
    """The publication day: ``<pub-dates><date>`` (often without its year, "1 مارس") read with
    ``<year>``; a year alone places the article on no day, and the article says so."""
    year = line_text(_path(record, "dates", "year"))
    day = line_text(_path(record, "dates", "pub-dates", "date"))
    if day and not _YEAR.search(day) and year:
        day = f"{day} {year}"
    date = parse_date(day) if day else None
    if date is None and day and _DIGITS.search(day):
        item.problems.append(f"unreadable date: {day!r}")
    elif date is None and year:
        item.problems.append(f"no date: the reference gives only the year {year}")
    return date
