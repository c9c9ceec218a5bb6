"""The in-memory index: roaring-bitmap postings and facets, numpy BM25 (PERFORMANCE.md)."""

from __future__ import annotations

from collections.abc import Iterable

from reader.index.query import ParsedQuery
from reader.index.types import FacetValue, Filters, SearchResult, SortOrder
from reader.model import Article, Span


class Index:
    """Articles by id, searchable; adding or removing one article is cheap (live folders).

    The index keeps a reference to each article it holds (the library holds them anyway), so it
    can verify phrases, build snippets and compact itself.
    """

    def __init__(self, stemmer: str = "light10") -> None:
        """``stemmer``: "light10" (default, chosen by tests/benchmarks/bench_search.py), "snowball" or "none"."""
        raise NotImplementedError

    def add(self, article: Article) -> None:
        """Add an article, replacing one with the same id (e.g. re-added once entities are known)."""
        raise NotImplementedError

    def add_many(self, articles: Iterable[Article]) -> None:
        """``add`` for each article."""
        raise NotImplementedError

    def remove(self, article_id: str) -> None:
        """Forget an article; unknown ids are ignored."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, article_id: object) -> bool:
        raise NotImplementedError

    def search(
        self,
        query: str | ParsedQuery = "",
        filters: Filters | None = None,
        *,
        sort: SortOrder = "relevance",
        facet_limit: int = 200,
    ) -> SearchResult:
        """Run a query (search-box text or parsed) under the panel filters; never raises.

        The empty query with no filters returns every article, newest first.
        """
        raise NotImplementedError

    def highlights(
        self, article: Article, query: ParsedQuery | str
    ) -> tuple[list[Span], list[Span]]:
        """(title spans, body spans) of kind "MATCH": offsets into the ORIGINAL title / body.

        A word is highlighted where the query would match it (normalised form or stem), phrases
        only where the whole phrase occurs. Spans are sorted and do not overlap.
        """
        raise NotImplementedError

    def snippet(
        self, article: Article, query: ParsedQuery | str, width: int = 160
    ) -> tuple[str, list[Span]]:
        """A window of about ``width`` characters of the body around the best match (the start of
        the body when nothing matches), with "…" where it was cut, and the MATCH spans in it
        (offsets into the returned text). Newlines become spaces."""
        raise NotImplementedError

    def facet_values(self, field: str) -> tuple[FacetValue, ...]:
        """All values of one facet (a name from FACET_FIELDS) with their counts over every
        article, most frequent first."""
        raise NotImplementedError
