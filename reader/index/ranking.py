"""A search's answer from an ``IndexStore``: the matches ranked, their facets and timeline.

Ranking is BM25 over the body field (the title counted ``TITLE_BOOST`` times in it, a simplified
BM25F) plus the title scored as a field of its own, by stem; without query words, or when sorted
by date, results are ordered by day (undated last). Reads the store only.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, cast

import numpy as np
from pyroaring import BitMap

from reader.index.filtering import timeline, unknown_values
from reader.index.marks import Marks, my_tag_counts
from reader.index.matching import WordKeys, mark_bitmap, matching, most_words
from reader.index.query import parse_query
from reader.index.query_ast import Filters, ParsedQuery
from reader.index.scoring import (
    add_bm25,
    descending_score_key,
    stable_order,
    summed_postings,
)
from reader.index.store import IndexStore
from reader.index.types import FACET_FIELDS, MY_TAG_FIELD, FacetValue, SearchResult, SortOrder
from reader.model import ENTITY_KINDS

# The title is also scored as a field of its own (BM25 with its own length normalisation, by
# stem): a short title holding the query words is what people look for when they type title
# words (the known-item test of bench_search.py).
TITLE_WEIGHT = 1.0
_LAST_DAY = np.iinfo(np.int32).max


def search(
    store: IndexStore,
    query: str | ParsedQuery,
    filters: Filters | None,
    *,
    sort: SortOrder,
    facet_limit: int,
    marks: Marks | None,
) -> tuple[SearchResult, np.ndarray]:
    """(the answer ``Index.search`` gives, the result's doc numbers sorted)."""
    started = time.perf_counter()
    pq = query if isinstance(query, ParsedQuery) else parse_query(query)
    keys: WordKeys = {}
    found, noted = matching(store, pq, filters, marks, keys)
    relaxed = None
    if not found and not noted:
        found, held = most_words(store, pq, filters, marks, keys)
        relaxed = (held, sum(not c.negated for c in pq.clauses)) if found else None
    docs = np.frombuffer(found.to_array(), dtype=np.uint32).astype(np.int64)
    ranked, scores = _ranked(store, pq, keys, docs, sort)
    if noted:
        # found through a note only: after the text matches, newest first, score 0
        extra = np.frombuffer(noted.to_array(), dtype=np.uint32).astype(np.int64)
        extra = extra[stable_order(np.int64(_LAST_DAY) - store.array("day")[extra])]
        ranked = np.concatenate([ranked, extra])
        scores = np.concatenate([scores, np.zeros(len(extra), dtype=scores.dtype)])
        docs = np.sort(ranked)
    copies = 0
    if pq.has_words and len(ranked) > 1:
        ranked, scores, docs, copies = _without_copies(store, ranked, scores)
    in_result = np.zeros(len(store.ids), dtype=np.bool_)
    in_result[docs] = True
    facets, distinct = _facet_counts(store, in_result, facet_limit, filters, pq.filters)
    if marks is not None:
        mine = my_tag_counts(marks, BitMap(docs.astype(np.uint32)), mark_bitmap(store, marks))
        facets[MY_TAG_FIELD] = mine
        distinct[MY_TAG_FIELD] = len(mine)
    ids = store.array("ids")
    result = SearchResult(
        ids=tuple(ids[ranked].tolist()),
        scores=cast("Sequence[float]", scores),
        total=len(ranked),
        facets=facets,
        timeline=timeline(store.array("day")[docs]),
        query=pq,
        error="; ".join(
            [
                *([pq.error] if pq.error else []),
                *unknown_values(pq.filters, store.facets, store.live),
            ]
        )
        or None,
        elapsed=time.perf_counter() - started,
        missing={name: field.missing(docs) for name, field in store.facets.items()},
        distinct=distinct,
        relaxed=relaxed,
        copies=copies,
        note_ids=frozenset(ids[np.frombuffer(noted.to_array(), dtype=np.uint32)].tolist())
        if noted
        else frozenset(),
    )
    return result, docs


def _without_copies(
    store: IndexStore, ranked: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(ranked, scores, docs sorted, copies left out): of the copies of one text in a search's
    result (an article saved twice, or filed under two sections), the first ranked only."""
    copied = np.flatnonzero(store.array("copied")[ranked])  # places in ``ranked``
    if len(copied) < 2:
        return ranked, scores, np.sort(ranked), 0
    _, first = np.unique(store.array("textkey")[ranked[copied]], return_index=True)
    if len(first) == len(copied):
        return ranked, scores, np.sort(ranked), 0
    keep = np.ones(len(ranked), dtype=np.bool_)
    keep[copied] = False
    keep[copied[first]] = True
    return ranked[keep], scores[keep], np.sort(ranked[keep]), len(ranked) - int(keep.sum())


def _ranked(
    store: IndexStore, pq: ParsedQuery, keys: WordKeys, docs: np.ndarray, sort: SortOrder
) -> tuple[np.ndarray, np.ndarray]:
    """(``docs`` in result order, their scores in that order)."""
    if pq.has_words and sort == "relevance":
        scores = _scores(store, pq, keys)[docs]
        order = stable_order(descending_score_key(scores))
    else:
        scores = np.zeros(len(docs), dtype=np.float32)
        day = store.array("day")[docs]
        if sort == "oldest":
            order = stable_order(np.where(day < 0, _LAST_DAY, day))
        else:
            # undated (-1) sort after every date
            order = stable_order(np.int64(_LAST_DAY) - day)
    return docs[order], scores[order]


def _scores(store: IndexStore, pq: ParsedQuery, keys: WordKeys) -> np.ndarray:
    """BM25 of every document for the words of the positive clauses, plus the title field."""
    scores = np.zeros(len(store.ids), dtype=np.float32)
    n = max(len(store.live), 1)
    live = store.live_mask() if len(store.live) < len(store.ids) else None
    fields = (
        (store.array("doclen"), max(store.len_sum / n, 1.0)),
        (store.array("titlelen"), max(store.title_len_sum / n, 1.0)),
    )
    seen: set[tuple[int, int]] = set()
    words = [
        ((w.key, alt.exact), w.prefix)
        for c in pq.clauses
        if not c.negated
        for alt in c.alternatives
        for w in alt.words
    ]
    for word, prefix in words:
        entries = [e for e in keys.get(word, ()) if (id(e[0]), e[1]) not in seen]
        seen.update((id(postings), tid) for postings, tid, _ in entries)
        # a prefix's completions count as one word: scored apart, the rarest completion (ترامادول
        # for ترام*) would outrank the word people mean (ترامب)
        groups = _by_store(entries) if prefix else [([tid], p, w) for p, tid, w in entries]
        for tids, postings, weight in groups:
            body = summed_postings([postings.postings(t) for t in tids])
            add_bm25(scores, body, n, weight, fields[0], live=live)
            if postings is not store.surface_postings:  # a stem's forms, all or some
                title_stems = tids
            elif word[1]:
                # a quoted word: the title by its stem (titles are kept by stem), so a title
                # holding the words still ranks above passing mentions
                title_stems = sorted({int(store.surf2stem[t]) for t in tids})
            else:
                continue  # the exact-form bonus of a plain word: its stem scored the title
            title = summed_postings([store.title_postings.postings(t) for t in title_stems])
            add_bm25(scores, title, n, weight * TITLE_WEIGHT, fields[1], live=live)
    return scores


def _by_store(entries: list) -> list[tuple[list[int], Any, float]]:
    """A prefix's postings grouped by the store they come from (its stems, or its forms)."""
    groups: dict[int, tuple[list[int], Any, float]] = {}
    for postings, tid, weight in entries:
        groups.setdefault(id(postings), ([], postings, weight))[0].append(tid)
    return list(groups.values())


def _facet_counts(
    store: IndexStore, in_result: np.ndarray, limit: int, *active: Filters | None
) -> tuple[dict[str, tuple[FacetValue, ...]], dict[str, int]]:
    keep: dict[str, set[str]] = {name: set() for name in FACET_FIELDS}
    for f in active:
        if f is None:
            continue
        keep["tag"] |= f.include_tags | f.exclude_tags
        keep["source"] |= f.include_sources | f.exclude_sources
        keep["category"] |= f.include_categories | f.exclude_categories
        for kind, text in f.include_entities | f.exclude_entities:
            for k in ENTITY_KINDS if kind not in ENTITY_KINDS else (kind,):
                keep[k].add(text)
    docs = np.flatnonzero(in_result)  # once for every field
    facets: dict[str, tuple[FacetValue, ...]] = {}
    distinct: dict[str, int] = {}
    for name, field in store.facets.items():
        facets[name], distinct[name] = field.counts_and_total(in_result, limit, keep[name], docs)
    return facets, distinct
