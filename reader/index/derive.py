"""A new index for the same texts with other display fields (entity spans): postings shared.

When entities arrive after the text was indexed, only the facets change: the postings, the
forward index and the vocabulary are the same. Building a second index from scratch cost ~40 s
and a second full index in memory at 100,000 articles (the old library stays alive until the new
one is swapped in, so both indexes were in memory: a 2.9 GB peak). Here the new index shares
every large immutable array (postings segments, sealed forward tokens) with the old one, copies
the small mutable containers either index may later change in place (live folders), and
rebuilds the facets from the new articles.
"""

from __future__ import annotations

import copy
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from pyroaring import BitMap

from reader.index.facets import FacetField
from reader.index.forward import ForwardIndex
from reader.index.postings import PostingStore
from reader.model import Article

if TYPE_CHECKING:
    from reader.index.memory import Index


def with_articles(index: Index, articles: Sequence[Article]) -> Index | None:
    """``index`` over ``articles``, which must be its live articles with the same texts (other
    entity spans or display fields allowed), else None (the caller builds)."""
    from reader.index.memory import Index, _same_text

    # nothing here changes ``index``: it may be in use on another thread
    generation = index._generation
    if index._mutating or len(articles) != len(index._live):
        return None
    docnum = index._docnum
    slots = list(index._articles)
    taken = bytearray(len(slots))
    for article in articles:
        doc = docnum.get(article.id)
        if doc is None or taken[doc]:  # unknown, or a repeated id
            return None
        old = slots[doc]
        if old is None or (old is not article and not _same_text(old, article)):
            return None
        taken[doc] = 1
        slots[doc] = article
    new = Index.__new__(Index)
    state = {name: _copied(value) for name, value in vars(index).items()}
    state["_articles"] = slots
    state["_np_cache"] = {}
    # other spans: the folder's identities are worked out again (``Index.ensure_identities``)
    state["_identities"] = None
    facets = {name: FacetField(name) for name in index._facets}
    state["_facets"] = facets
    if index._mutating or index._generation != generation:
        return None  # changed while it was copied: the caller builds
    state["_generation"] = state["_mutating"] = 0
    vars(new).update(state)
    for doc, article in enumerate(slots):
        if article is not None:
            new._set_facets(doc, article, replace=False)
    return new


def _copied(value: object) -> object:
    """A copy the new index may change in place without touching the old one; immutable data
    (numpy arrays are never written in place by the index) is shared."""
    if isinstance(value, (list, dict, array, bytearray)):
        return copy.copy(value)
    if isinstance(value, BitMap):
        return BitMap(value)
    if isinstance(value, PostingStore):
        store = copy.copy(value)
        store._segments = list(value._segments)
        store._bitmaps = OrderedDict()
        return store
    if isinstance(value, ForwardIndex):
        forward = copy.copy(value)
        forward._pending = array("i", value._pending)
        forward._sealed = list(value._sealed)  # the blocks are shared, the list is not
        forward._starts = array("q", value._starts)
        forward._bounds = None
        return forward
    from reader.entities.identity import Identities

    if value is None or isinstance(value, (str, int, float, np.ndarray, Identities)):
        return value  # identities are never changed in place (a new set replaces them)
    if callable(value):
        return value
    raise TypeError(f"do not know how to share an index attribute of type {type(value)!r}")
