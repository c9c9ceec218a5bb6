"""The in-memory search index: Arabic-aware BM25, facets, highlights (issue 3).

Public API (everything the UI and the commands need)::

    index = Index()
    index.add(article) / index.add_many(articles) / index.remove(article_id)   # cheap, live folders
    len(index), article_id in index
    result = index.search("ايران -بوتين tag:غزة", Filters(...), sort="relevance")
        result.ids        all matching ids, ranked (relevance; newest first without words)
        result.scores     parallel to ids
        result.total      len(ids)
        result.facets     {"tag"|"source"|"category"|"month"|"PERS"|"LOC"|"ORG"|"MISC": (FacetValue, ...)}
        result.timeline   ((date, count), ...) per day, oldest first
        result.query      ParsedQuery (pass to highlights/snippet)
        result.error      message for a malformed query, else None
    title_spans, body_spans = index.highlights(article, result.query)   # Span(start, end, "MATCH")
    text, spans = index.snippet(article, result.query, width=160)
    index.facet_values("tag")                                          # over everything
    parse_query(text) -> ParsedQuery                                   # never raises

``SearchIndex`` is the Protocol of that interface (for a stand-in engine); ``Index(stemmer=...)``
takes "light10" (default), "snowball" or "none". Query syntax: see reader.index.query.
"""

from reader.index.memory import Index
from reader.index.query import parse_query
from reader.index.query_ast import Clause, ParsedQuery, Phrase, Term
from reader.index.types import (
    FACET_FIELDS,
    FacetValue,
    Filters,
    SearchIndex,
    SearchResult,
    SortOrder,
)

__all__ = [
    "FACET_FIELDS",
    "Clause",
    "FacetValue",
    "Filters",
    "Index",
    "ParsedQuery",
    "Phrase",
    "SearchIndex",
    "SearchResult",
    "SortOrder",
    "Term",
    "parse_query",
]
