"""Panel and query filters as bitmap operations, and the per-day timeline of a result.

Filters are small predicates over bitmaps, combined: tags by AND or OR as the user
chose, several sources by OR (an article has one source), entities each required (or excluded),
dates as an inclusive range over the articles' day numbers. Values match in normalised form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
from pyroaring import BitMap

from reader.index.facets import FacetField
from reader.index.types import NONE_VALUE, Filters
from reader.model import ENTITY_KINDS

UNDATED = -1  # the day number of an article without a date


def apply_filters(
    docs: BitMap, f: Filters, facets: Mapping[str, FacetField], days: np.ndarray
) -> BitMap:
    """``docs`` narrowed by ``f``; ``days`` holds each document's date ordinal (UNDATED if none)."""
    tags = facets["tag"]
    live = BitMap(docs)  # what "(none)" is counted against
    if f.include_tags:
        maps = [value_docs(tags, t, live) for t in f.include_tags]
        docs &= BitMap.intersection(*maps) if f.tags_mode == "and" else BitMap.union(*maps)
    if f.exclude_tags:
        docs -= BitMap.union(*(value_docs(tags, t, live) for t in f.exclude_tags))
    for name, include, exclude in (
        ("source", f.include_sources, f.exclude_sources),
        ("category", f.include_categories, f.exclude_categories),
    ):
        # an article has one source and one section: several values are alternatives
        if include:
            docs &= BitMap.union(*(value_docs(facets[name], v, live) for v in include))
        if exclude:
            docs -= BitMap.union(*(value_docs(facets[name], v, live) for v in exclude))
    for kind, text in f.include_entities:
        docs &= entity_docs(facets, kind, text, live)
    for kind, text in f.exclude_entities:
        docs -= entity_docs(facets, kind, text, live)
    if f.since is not None or f.until is not None:
        lo = f.since.toordinal() if f.since else 0
        hi = f.until.toordinal() if f.until else np.iinfo(np.int32).max
        # an undated article (UNDATED < every ordinal) never passes a date filter
        docs &= BitMap(np.flatnonzero((days >= lo) & (days <= hi)).astype(np.uint32))
    return docs


def unknown_values(f: Filters, facets: Mapping[str, FacetField], live: BitMap) -> list[str]:
    """A message for each tag, source or section the query names that no article holds
    (``قسم:رياضة`` in a folder whose sections are in English): said, not an empty list alone."""
    messages = []
    for name, values, template in (
        ("tag", f.include_tags, "no article has the tag «{}»"),
        ("source", f.include_sources, "no source is called «{}»"),
        ("category", f.include_categories, "no section is called «{}»"),
    ):
        for value in sorted(values):
            if not value_docs(facets[name], value, live) & live:
                messages.append(template.format(value))
    return messages


def value_docs(field: FacetField, value: str, live: BitMap) -> BitMap:
    """Documents holding a value of a field; ``NONE_VALUE``: the live ones holding none."""
    if value == NONE_VALUE:
        return live - field.documents()
    return field.bitmap(value)


def entity_docs(
    facets: Mapping[str, FacetField], kind: str, text: str, live: BitMap | None = None
) -> BitMap:
    """Documents naming an entity; ``kind`` "*" (or any unknown kind) means any kind;
    ``NONE_VALUE``: the ``live`` documents naming none of that kind."""
    if text == NONE_VALUE and live is not None:
        kinds = (kind,) if kind in ENTITY_KINDS else ENTITY_KINDS
        return live - BitMap.union(*(facets[k].documents() for k in kinds))
    if kind in ENTITY_KINDS:
        return facets[kind].bitmap(text)
    return BitMap.union(*(facets[k].bitmap(text) for k in ENTITY_KINDS))


# the same few thousand days come back in every timeline: one date object each
_day = lru_cache(maxsize=1 << 16)(dt.date.fromordinal)


def timeline(days: np.ndarray) -> tuple[tuple[dt.date, int], ...]:
    """(day, articles) for each day present in ``days`` (date ordinals), oldest first."""
    days = days[days != UNDATED]
    if len(days) == 0:
        return ()
    first = int(days.min())
    counts = np.bincount(days - first)
    present = np.flatnonzero(counts)
    # C-level passes: a generator of int() conversions per day was a third of a common word's
    # search at 30,000 articles
    return tuple(zip(map(_day, (present + first).tolist()), counts[present].tolist(), strict=True))
