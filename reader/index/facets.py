"""Facet fields (tags, source, category, month, entities by kind): filters and counts.

Each value keeps a roaring bitmap of its documents, so a filter is one bitmap operation
(PERFORMANCE.md: "filters and facets belong in bitmaps"). Counting a field over the current
result uses (doc, value) pair arrays instead: one vectorised gather and a bincount cost the same
whether the field has 20 values (sources) or 100,000 (entity names), where a loop of bitmap
intersections would grow with the number of values.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from pyroaring import BitMap

from reader.index.types import FacetValue
from reader.text import normalize


@lru_cache(maxsize=1 << 16)
def facet_key(value: str) -> str:
    """The matching form of a facet value: normalised letters, single spaces (cached: sources,
    months and entity names repeat across a folder's articles)."""
    return " ".join(normalize(value).split())


class FacetField:
    """One facet: value keys, display forms, per-value bitmaps, and pair arrays for counting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._keys: dict[str, int] = {}
        self._forms: list[Counter[str]] = []  # surface forms seen, per value id
        self._bitmaps: list[BitMap] = []
        self._pair_doc = array("i")
        self._pair_val = array("i")
        self._pair_ok = bytearray()
        self._doc_pairs: dict[int, tuple[int, int]] = {}
        # the surface form of each pair, as an id, so removing a document can uncount its forms
        self._pair_form = array("i")
        self._form_ids: dict[str, int] = {}
        self._form_list: list[str] = []
        self._np: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def add(self, doc: int, values: Iterable[str]) -> None:
        """Record the values of a (new or emptied) document; repeats within one document count once."""
        seen: dict[int, str] = {}
        for raw in values:
            form = " ".join(raw.split())
            key = facet_key(form)
            if not key:
                continue
            vid = self._keys.get(key)
            if vid is None:
                vid = self._keys[key] = len(self._forms)
                self._forms.append(Counter())
                self._bitmaps.append(BitMap())
            seen.setdefault(vid, form)
        if not seen:
            return
        start = len(self._pair_doc)
        for vid, form in seen.items():
            self._forms[vid][form] += 1
            self._bitmaps[vid].add(doc)
            self._pair_doc.append(doc)
            self._pair_val.append(vid)
            fid = self._form_ids.setdefault(form, len(self._form_ids))
            if fid == len(self._form_list):
                self._form_list.append(form)
            self._pair_form.append(fid)
        self._pair_ok.extend(b"\x01" * len(seen))
        self._doc_pairs[doc] = (start, len(self._pair_doc))
        self._np = None

    def remove(self, doc: int) -> None:
        """Forget a document's values (it may be given new ones with ``add``)."""
        span = self._doc_pairs.pop(doc, None)
        if span is None:
            return
        for pos in range(*span):
            vid = self._pair_val[pos]
            self._bitmaps[vid].discard(doc)
            forms = self._forms[vid]
            form = self._form_list[self._pair_form[pos]]
            forms[form] -= 1
            if forms[form] <= 0:
                del forms[form]
            self._pair_ok[pos] = 0
        self._np = None

    def bitmap(self, value: str) -> BitMap:
        """Documents holding a value (matched by its normalised key); empty when unknown."""
        vid = self._keys.get(facet_key(value))
        return self._bitmaps[vid] if vid is not None else BitMap()

    def display(self, vid: int) -> str:
        """The most frequent surface form of a value (ties: the smallest, for stable output)."""
        forms = self._forms[vid]
        if not forms:
            return ""
        return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def all_counts(self, live: BitMap) -> tuple[FacetValue, ...]:
        """Every value held by a live document, with its count, most frequent first."""
        counts = [(bm.intersection_cardinality(live), vid) for vid, bm in enumerate(self._bitmaps)]
        counts.sort(key=lambda cv: (-cv[0], cv[1]))
        return tuple(FacetValue(self.display(vid), c) for c, vid in counts if c)

    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._np is None:
            ok = np.frombuffer(bytes(self._pair_ok), dtype=np.bool_)
            self._np = (
                np.array(self._pair_doc, dtype=np.int32)[ok],
                np.array(self._pair_val)[ok],
                ok,
            )
        return self._np

    def counts(
        self, in_result: np.ndarray, limit: int, keep: Iterable[str] = ()
    ) -> tuple[FacetValue, ...]:
        """Values with their counts over the documents where ``in_result`` (bool, by doc number) is
        True, most frequent first, at most ``limit`` (plus the ``keep`` values that occur)."""
        pair_doc, pair_val, _ = self._arrays()
        if len(pair_doc) == 0:
            return ()
        counts = np.bincount(pair_val[in_result[pair_doc]], minlength=len(self._forms))
        nonzero = np.flatnonzero(counts)
        if len(nonzero) > limit:
            limit = max(limit, 0)
            top = nonzero[np.argpartition(-counts[nonzero], limit)[:limit]]
            extra = [self._keys.get(facet_key(v)) for v in keep]
            chosen = set(top.tolist()) | {v for v in extra if v is not None and counts[v] > 0}
            nonzero = np.fromiter(chosen, dtype=np.int64, count=len(chosen))
        order = sorted(nonzero.tolist(), key=lambda v: (-int(counts[v]), v))
        return tuple(FacetValue(self.display(v), int(counts[v])) for v in order)

    def __len__(self) -> int:
        return len(self._forms)
