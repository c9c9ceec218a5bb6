"""The parsed query as plain data: what ``reader.index.query`` builds from the search box and the
index, the saved searches and the window read. Only the standard library is imported here, so any
layer can hold a query or a filter without pulling in the parser or the index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user picked in the side panels; every value is matched after normalisation.

    Tags, sources and entities are compared in their normalised form (``reader.text.normalize``), so
    ``"غزة"`` picks the same articles as ``"غزه"``. Entities are ``(kind, text)`` pairs with
    ``kind`` one of PERS/LOC/ORG/MISC, or ``"*"`` for any kind. ``since``/``until`` are inclusive;
    an article without a date never passes a date filter.
    """

    include_tags: frozenset[str] = frozenset()
    exclude_tags: frozenset[str] = frozenset()
    tags_mode: Literal["and", "or"] = "and"
    include_sources: frozenset[str] = frozenset()
    exclude_sources: frozenset[str] = frozenset()
    include_entities: frozenset[tuple[str, str]] = frozenset()
    exclude_entities: frozenset[tuple[str, str]] = frozenset()
    since: dt.date | None = None
    until: dt.date | None = None
    # the section field (Article.category); reader.index.types.NONE_VALUE picks those without
    include_categories: frozenset[str] = frozenset()
    exclude_categories: frozenset[str] = frozenset()
    # the reader's own marks (issue 18), answered from a ``Marks`` passed to ``search``:
    # "starred" / "unread" / "read", own tags, and notes holding all the words of an entry
    include_marks: frozenset[str] = frozenset()
    exclude_marks: frozenset[str] = frozenset()
    include_my_tags: frozenset[str] = frozenset()
    exclude_my_tags: frozenset[str] = frozenset()
    note_words: frozenset[tuple[str, ...]] = frozenset()
    exclude_note_words: frozenset[tuple[str, ...]] = frozenset()
    # title:X: the normalised words of X, every one in the title (by stem, in any order)
    title_words: frozenset[tuple[str, ...]] = frozenset()
    exclude_title_words: frozenset[tuple[str, ...]] = frozenset()

    def is_empty(self) -> bool:
        return self == Filters()


@dataclass(frozen=True, slots=True)
class Term:
    """One query word: as typed, and its normalised form. ``prefix``: typed with a trailing
    ``*`` (مستشف*), it matches every word of the index that starts with it."""

    text: str
    norm: str
    prefix: bool = False

    @property
    def key(self) -> str:
        """What the search looks the word up by: the form, ``*`` after a prefix."""
        return self.norm + "*" if self.prefix else self.norm


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sequence of words that must be adjacent (one word: a plain word).

    ``exact`` is True for quoted input: the words match by normalised surface form only, no stem.
    """

    words: tuple[Term, ...]
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """Alternatives joined by OR; the clause matches when any alternative does."""

    alternatives: tuple[Phrase, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A parsed query. ``clauses`` are ANDed; ``filters`` holds tag:/source:/entity:/since:/until:."""

    text: str = ""
    clauses: tuple[Clause, ...] = ()
    filters: Filters = field(default_factory=Filters)
    error: str | None = None

    @property
    def has_words(self) -> bool:
        """True when some positive clause has words (then results are ranked by relevance)."""
        return any(not c.negated for c in self.clauses)

    def highlight_terms(self) -> frozenset[str]:
        """Normalised forms of the words to highlight (those of positive clauses)."""
        return frozenset(
            w.norm for c in self.clauses if not c.negated for p in c.alternatives for w in p.words
        )
