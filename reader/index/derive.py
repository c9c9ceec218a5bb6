"""A new index for the same texts with other display fields (entity spans): postings shared.

When entities arrive after the text was indexed, only the facets change: the postings, the
forward index and the vocabulary are the same. Building a second index from scratch cost ~40 s
and a second full index in memory at 100,000 articles (the old library stays alive until the new
one is swapped in, so both indexes were in memory: a 2.9 GB peak). Here the new store shares
every large immutable array (postings segments, sealed forward tokens) with the old one, copies
the small mutable containers either index may later change in place (live folders), and
rebuilds the facets from the new articles.
"""

from __future__ import annotations

import copy
from array import array
from collections.abc import Sequence

import numpy as np
from pyroaring import BitMap

from reader.index.facets import FacetField
from reader.index.forward import ForwardIndex
from reader.index.postings import PostingStore
from reader.index.prepare import same_text
from reader.index.store import IndexStore
from reader.model import Article


def with_articles(store: IndexStore, articles: Sequence[Article]) -> IndexStore | None:
    """``store`` over ``articles``, which must be its live articles with the same texts (other
    entity spans or display fields allowed), else None (the caller builds)."""
    # nothing here changes ``store``: its index may be in use on another thread
    generation = store.generation
    if store.mutating or len(articles) != len(store.live):
        return None
    slots = _slots(store, articles)
    if slots is None:
        return None
    state = {name: _copied(value) for name, value in vars(store).items() if name != "identities"}
    state["articles"] = slots
    state["np_cache"] = {}
    # other spans: the folder's identities are worked out again (``Index.ensure_identities``)
    state["identities"] = None
    state["facets"] = {name: FacetField(name) for name in store.facets}
    if store.mutating or store.generation != generation:
        return None  # changed while it was copied: the caller builds
    state["generation"] = state["mutating"] = 0
    new = IndexStore.__new__(IndexStore)
    vars(new).update(state)
    for doc, slot in enumerate(slots):
        if slot is not None:
            new.set_facets(doc, slot, replace=False)
    return new


def _slots(store: IndexStore, articles: Sequence[Article]) -> list[Article | None] | None:
    """The store's articles by doc with ``articles`` in their places; None when one is unknown,
    repeated or of another text."""
    docnum = store.docnum
    slots = list(store.articles)
    taken = bytearray(len(slots))
    for article in articles:
        doc = docnum.get(article.id)
        if doc is None or taken[doc]:  # unknown, or a repeated id
            return None
        old = slots[doc]
        if old is None or (old is not article and not same_text(old, article)):
            return None
        taken[doc] = 1
        slots[doc] = article
    return slots


def _copied(value: object) -> object:
    """A copy the new store may change in place without touching the old one; immutable data
    (numpy arrays are never written in place by the index) is shared."""
    if isinstance(value, (list, dict, array, bytearray)):
        return copy.copy(value)
    if isinstance(value, BitMap):
        return BitMap(value)
    if isinstance(value, (PostingStore, ForwardIndex)):
        return value.shared_copy()
    if value is None or isinstance(value, (str, int, float, np.ndarray)):
        return value
    if callable(value):
        return value
    raise TypeError(f"do not know how to share an index attribute of type {type(value)!r}")
