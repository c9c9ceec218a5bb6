"""One article of an XML news file as its reader finds it (``xmlnews.py`` and the ``xml_*``
readers), and the file's articles and problems made from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reader.formats.dates import parse_date, unreadable_date
from reader.formats.xml_tree import element_date
from reader.model import Article, LoadProblem

# the note of an article whose file gives no text for it, only a summary
BODY_IS_SUMMARY = "body is the summary: the article has no text field"
NO_TITLE = "no title element: title made from the first words of the text"


@dataclass(frozen=True, slots=True)
class XmlNewsResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


@dataclass(slots=True)
class Item:
    """One article's fields as found, or why it cannot be one (``reason``). Filled field by
    field as the reader finds them, hence not frozen."""

    title: str = ""
    body: str = ""
    date: dt.date | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    # what the file holds beside the article (a page's reader comments), kept out of the body
    extra: tuple[tuple[str, str], ...] = ()
    problems: list[str] = field(default_factory=list)
    reason: str = ""


def failed(rel_path: str, reason: str) -> XmlNewsResult:
    return XmlNewsResult((), (LoadProblem(rel_path, reason),))


def dated(item: Item, elements: Iterable[Any]) -> dt.date | None:
    """The first date of ``elements``; an unreadable one is noted on the item."""
    date, raw = element_date(elements)
    if date is None and raw:
        item.problems.append(unreadable_date(raw))
    return date


def dated_text(item: Item, raw: str) -> dt.date | None:
    """The date of a value given as text (an attribute); an unreadable one is noted."""
    date = parse_date(raw) if raw else None
    if date is None and raw:
        item.problems.append(unreadable_date(raw))
    return date


def item_results(items: list[Item], what: str, *, rel_path: str, note: str) -> XmlNewsResult:
    """The articles of a file's items (``file.xml#N`` when several), the items that are none
    named as problems ("item 3: ...")."""
    several = len(items) > 1
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, item in enumerate(items, start=1):
        where = f"{what} {number}: " if several else ""
        if item.reason:
            problems.append(LoadProblem(rel_path, where + item.reason))
            continue
        if not item.title:
            words = item.body.split("\n", 1)[0].split()
            item.title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
            item.problems.append(NO_TITLE)
        articles.append(
            Article(
                id=f"{rel_path}#{number}" if several else rel_path,
                title=item.title,
                body=item.body,
                date=item.date,
                source=item.source or None,
                url=item.url or None,
                author=item.author or None,
                category=item.category or None,
                tags=item.tags,
                related=item.related,
                problems=(note, *item.problems) if note else tuple(item.problems),
                path=rel_path,
                extra=item.extra,
            )
        )
    if not items:
        problems.append(LoadProblem(rel_path, with_note(f"a feed without any {what}", note)))
    return XmlNewsResult(tuple(articles), tuple(problems))


def with_note(reason: str, note: str) -> str:
    return f"{reason} ({note})" if note else reason
