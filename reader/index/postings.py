"""Postings of one vocabulary: term id → (doc numbers, weighted term frequencies), in numpy arrays.

Per-term arrays scored with numpy are what beat a per-document dict index on common words and on
memory (docs/PERFORMANCE.md). Postings live in immutable *segments* in CSR form (one offsets array,
one docs array, one tf array); new documents arrive as a block that becomes a new segment, and
small segments are merged into bigger ones geometrically (as Lucene does), so adding one article
stays cheap and a full build costs O(n log n). Doc numbers only grow, so within a term the
segments are in doc order and a term's postings are the concatenation of its slices.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from pyroaring import BitMap

_EMPTY_DOCS = np.zeros(0, dtype=np.int32)
_EMPTY_TF = np.zeros(0, dtype=np.float32)
_BITMAP_CACHE = 512
# Segments stop merging at this many postings (Lucene's "max merged segment" idea): merging two
# big segments re-sorts all their postings, and at 100,000 articles those temporaries (term
# column, sort order, gathered copies: ~30 bytes a posting) were a few hundred MB of the peak.
# A term's postings then come from a handful of segments, which costs a query next to nothing.
MAX_MERGED_POSTINGS = 1 << 22


@dataclass(frozen=True, slots=True)
class _Segment:
    offsets: np.ndarray  # int64, one more than the terms it knows
    docs: np.ndarray  # int32, grouped by term, ascending within a term
    tfs: np.ndarray  # float32

    @property
    def n_terms(self) -> int:
        return len(self.offsets) - 1

    def term_column(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_terms, dtype=np.int32), np.diff(self.offsets))

    @classmethod
    def build(cls, terms: np.ndarray, docs: np.ndarray, tfs: np.ndarray) -> _Segment:
        """From (term, doc, tf) triples already in doc order; a stable sort groups them by term."""
        order = np.argsort(terms, kind="stable")
        terms = terms[order]
        n_terms = int(terms[-1]) + 1 if len(terms) else 0
        offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_terms), out=offsets[1:])
        return cls(offsets, docs[order].astype(np.int32), tfs[order].astype(np.float32))


class PostingStore:
    """Postings for one vocabulary (surface forms, or stems)."""

    def __init__(self) -> None:
        self._segments: list[_Segment] = []
        self._bitmaps: OrderedDict[int, BitMap] = OrderedDict()

    def without_cache(self) -> PostingStore:
        """A copy sharing the segments (immutable) and the list of them, with no cached bitmaps:
        what a snapshot saves."""
        clean = copy.copy(self)
        clean._bitmaps = OrderedDict()
        return clean

    def shared_copy(self) -> PostingStore:
        """A copy sharing the segments, not the list of them: either store may add blocks."""
        store = self.without_cache()
        store._segments = list(self._segments)
        return store

    def add_block(
        self, terms: np.ndarray, docs: np.ndarray, tfs: np.ndarray, *, merge_pairs: bool = False
    ) -> None:
        """Add postings for new documents (all doc numbers above any seen before), in doc order.

        With ``merge_pairs``, repeated (term, doc) pairs (two surface forms with one stem) are
        summed into one posting.
        """
        if len(terms) == 0:
            return
        if merge_pairs:
            key = (terms.astype(np.int64) << 32) | docs.astype(np.int64)
            uniq, inverse = np.unique(key, return_inverse=True)
            tfs = np.bincount(inverse, weights=tfs).astype(np.float32)
            terms, docs = (uniq >> 32).astype(np.int32), (uniq & 0xFFFFFFFF).astype(np.int32)
            # np.unique sorted by term, then doc: re-sort by doc for build()'s stable grouping
            order = np.argsort(docs, kind="stable")
            terms, docs, tfs = terms[order], docs[order], tfs[order]
        self._segments.append(_Segment.build(terms, docs, tfs))
        self._merge_small()
        self._bitmaps.clear()

    def _merge_small(self) -> None:
        segs = self._segments
        while (
            len(segs) > 1
            and len(segs[-2].docs) <= 4 * len(segs[-1].docs)
            and len(segs[-2].docs) + len(segs[-1].docs) <= MAX_MERGED_POSTINGS
        ):
            b, a = segs.pop(), segs.pop()
            terms = np.concatenate([a.term_column(), b.term_column()])
            segs.append(
                _Segment.build(
                    terms, np.concatenate([a.docs, b.docs]), np.concatenate([a.tfs, b.tfs])
                )
            )

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """(doc numbers ascending, tfs) of a term; may include removed documents."""
        docs: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        for seg in self._segments:
            if term < seg.n_terms:
                lo, hi = seg.offsets[term], seg.offsets[term + 1]
                if hi > lo:
                    docs.append(seg.docs[lo:hi])
                    tfs.append(seg.tfs[lo:hi])
        if not docs:
            return _EMPTY_DOCS, _EMPTY_TF
        if len(docs) == 1:
            return docs[0], tfs[0]
        return np.concatenate(docs), np.concatenate(tfs)

    def df(self, term: int) -> int:
        """Documents holding the term (removed ones included until compaction)."""
        return sum(
            int(seg.offsets[term + 1] - seg.offsets[term])
            for seg in self._segments
            if term < seg.n_terms
        )

    def dfs(self, terms: np.ndarray) -> np.ndarray:
        """``df`` of many terms at once (int64, in the order given)."""
        out = np.zeros(len(terms), dtype=np.int64)
        for seg in self._segments:
            known = terms < seg.n_terms
            at = terms[known]
            out[known] += seg.offsets[at + 1] - seg.offsets[at]
        return out

    def bitmap(self, term: int) -> BitMap:
        """The term's documents as a bitmap (cached for the most recently used terms)."""
        bm = self._bitmaps.get(term)
        if bm is not None:
            self._bitmaps.move_to_end(term)
            return bm
        bm = BitMap(self.postings(term)[0])
        self._bitmaps[term] = bm
        if len(self._bitmaps) > _BITMAP_CACHE:
            self._bitmaps.popitem(last=False)
        return bm

    @property
    def n_postings(self) -> int:
        return sum(len(s.docs) for s in self._segments)

    @property
    def n_segments(self) -> int:
        return len(self._segments)

    def nbytes(self) -> int:
        return sum(s.offsets.nbytes + s.docs.nbytes + s.tfs.nbytes for s in self._segments)
