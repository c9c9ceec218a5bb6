"""The plain data the index answers with: filters in, results out (no Qt, frozen, typed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, Protocol

from reader.index.query_ast import Clause, Filters, ParsedQuery, Phrase, Term

if TYPE_CHECKING:
    from reader.index.marks import Marks
    from reader.model import Article, Span

# The facet fields a SearchResult carries, in display order. Entity kinds are reader.model.ENTITY_KINDS.
FACET_FIELDS: tuple[str, ...] = ("tag", "source", "category", "month", "PERS", "LOC", "ORG", "MISC")
# the own-tags facet: in ``SearchResult.facets`` when the search was given the reader's marks
MY_TAG_FIELD = "mytag"
# the value standing for "articles without this field", so a facet's counts add up to the result
NONE_VALUE = "(none)"


class SortKey(StrEnum):
    """The order a result is listed in, one name from the settings and saved searches to the
    index. The index orders by relevance, newest and oldest itself; title, source and starred
    are applied over its order by the window."""

    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"
    SOURCE = "source"
    RELEVANCE = "relevance"
    STARRED = "starred"

    @classmethod
    def _missing_(cls, value: object) -> SortKey | None:
        # the names settings and saved searches of older versions hold: they still load
        return _OLDER_NAMES.get(value) if isinstance(value, str) else None

    @property
    def stored(self) -> str:
        """The name written to settings and saved searches: one older versions read too, so a
        case file still opens there."""
        return next((name for name, key in _OLDER_NAMES.items() if key is self), self.value)


_OLDER_NAMES = {"date_desc": SortKey.NEWEST, "date_asc": SortKey.OLDEST}


# the orders ``SearchIndex.search`` takes: a SortKey, or the same name as a plain string
SortOrder = SortKey | Literal["relevance", "newest", "oldest"]

# the query's plain data, here too under its old names (the index and its callers read them here)
__all__ = [
    "FACET_FIELDS",
    "MY_TAG_FIELD",
    "NONE_VALUE",
    "Clause",
    "EntityNames",
    "FacetValue",
    "Filters",
    "NamedEntity",
    "ParsedQuery",
    "Phrase",
    "SearchIndex",
    "SearchResult",
    "SortOrder",
    "Term",
]


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet: its display form (the most frequent surface form) and a count."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The answer to one search.

    ``ids``: ALL matching article ids, ranked (by relevance when the query has words, else newest
    first; undated articles last). ``scores``: parallel to ``ids`` (BM25; all 0.0 when the query has
    no words or the sort is by date). ``facets``: for each name in FACET_FIELDS, the values with a non-zero count over the
    current result, most frequent first, at most ``facet_limit`` of them (values that are active
    filters are always kept). ``month`` values are ``"YYYY-MM"``. ``timeline``: articles per day
    over the current result, oldest first (undated articles are not in it). ``query``: the parsed
    query, to pass to ``Index.highlights`` / ``Index.snippet``. ``error``: a human message when the
    query was malformed (the result is still the best reading of it), else None. When no article
    holds every word, the result is the articles holding the most of them, and ``relaxed`` says so.
    """

    ids: tuple[str, ...]
    scores: Sequence[float]
    total: int
    facets: Mapping[str, tuple[FacetValue, ...]]
    timeline: tuple[tuple[dt.date, int], ...]
    query: ParsedQuery
    error: str | None = None
    # seconds spent in Index.search, for the status bar and the benchmark
    elapsed: float = field(default=0.0, compare=False)
    # per facet field: how many articles of the result hold no value of it (the "(none)" value)
    missing: Mapping[str, int] = field(default_factory=dict, compare=False)
    # per facet field: how many distinct values have a non-zero count (``facets`` may hold fewer)
    distinct: Mapping[str, int] = field(default_factory=dict, compare=False)
    # the ids found only through the reader's notes, listed after the text matches
    note_ids: frozenset[str] = field(default_factory=frozenset, compare=False)
    # (words held, words in the query) when no article had every word and the result holds the
    # articles with the most of them (``matching.most_words``); None for a result of every word
    relaxed: tuple[int, int] | None = None
    # copies of a listed article's text left out of a search's result (``Index.copies`` names
    # them): a search lists each text once
    copies: int = 0


class SearchIndex(Protocol):
    """What the rest of the app needs from an index (so another engine, a remote one, could stand in).

    ``reader.index.Index`` is the in-memory implementation; a client of a search cluster fed with
    the same analysis could stand in for it without the UI or the commands noticing.
    """

    def add(self, article: Article) -> None: ...
    def add_many(self, articles: Iterable[Article]) -> None: ...
    def remove(self, article_id: str) -> None: ...
    def __len__(self) -> int: ...
    def __contains__(self, article_id: object) -> bool: ...
    def search(
        self,
        query: str | ParsedQuery = "",
        filters: Filters | None = None,
        *,
        sort: SortOrder = "relevance",
        facet_limit: int = 200,
        marks: Marks | None = None,
    ) -> SearchResult: ...
    def highlights(
        self, article: Article, query: ParsedQuery | str
    ) -> tuple[list[Span], list[Span]]: ...
    def snippet(
        self, article: Article, query: ParsedQuery | str, width: int = 160
    ) -> tuple[str, list[Span]]: ...
    def facet_values(self, field: str) -> tuple[FacetValue, ...]: ...


class NamedEntity(Protocol):
    """One entity as the folder's identities name it (``reader.entities.identity.Entity``)."""

    @property
    def kind(self) -> str: ...

    @property
    def name(self) -> str: ...


class EntityNames(Protocol):
    """What the index reads of the folder's entity identities (``reader.entities.identity
    .Identities`` is one): the index names facet values with them without importing the entity
    package, which sits beside it, not under it."""

    def entities(self, text: str, spans: Iterable[Span]) -> Sequence[NamedEntity]: ...

    def aliases(self, kind: str) -> dict[str, str]: ...
