"""The plain data every room of the app passes around: articles, spans and load problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_KINDS: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of characters in one text, with what it is.

    ``kind`` is an entity type (``PERS``, ``LOC``, ``ORG``, ``MISC``) or ``MATCH`` for a search hit,
    so entity and match highlights go through one mechanism.
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Appended:
    """An article the scraper glued after the main one; shown apart, never mixed into the body."""

    title: str
    body: str
    entities: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a file.

    ``id`` is the path relative to the opened folder, with ``#N`` for the N-th article of a
    container file (JSON array, JSONL, a TREC file with several ``<DOC>``). ``body`` holds the
    paragraphs joined by ``"\\n"``; entity spans are offsets into it.
    """

    id: str
    title: str
    body: str
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    appended: tuple[Appended, ...] = ()
    entities: tuple[Span, ...] = ()
    problems: tuple[str, ...] = ()
    # file the article came from, relative to the folder (the id without "#N")
    path: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file (or part of one) that could not be read, with a reason a user can act on."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
