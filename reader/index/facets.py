"""Facet fields (tags, source, category, month, entities by kind): filters and counts.

Each value keeps a roaring bitmap of its documents, so a filter is one bitmap operation
(docs/PERFORMANCE.md: counting facets over bitmaps is nearly free). Counting a field over the current
result uses (doc, value) pair arrays instead: one vectorised gather and a bincount cost the same
whether the field has 20 values (sources) or 100,000 (entity names), where a loop of bitmap
intersections would grow with the number of values.

The pairs are kept grouped twice. By document (document -> range of pairs), so a small result
gathers only its own pairs, and a result holding most of the folder is counted as the totals
minus the documents left out; by value, so a result in between is counted in one pass of running
sums, without a bincount. At 100k articles the entity fields hold ~1M pairs: a mask over all of
them cost ~0.35 ms per field and query, the facets up to ~6 ms of a query; now ≤ ~1.8 ms.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyroaring import BitMap

from reader.index.types import FacetValue
from reader.text import normalize
from reader.text.stem import fold_hamza

# The cost model of the three ways to count, measured at 100k articles (PERS: 356k pairs, 47k
# values) on a 2-core sandbox. Gathering a result's pairs costs per document (its range) and per
# pair (expanding, reading and bincounting it); a pass over every pair grouped by value costs
# per pair of the field, whatever the result; counting the documents left out costs a mask over
# every document plus their gather.
GATHER_DOC_NS = 5.0
GATHER_PAIR_NS = 4.0
BY_VALUE_PAIR_NS = 1.1
COMPLEMENT_DOC_NS = 0.5


@dataclass(frozen=True, slots=True)
class _Pairs:
    """The live (doc, value) pairs grouped by document and by value, for counting."""

    starts: np.ndarray  # int64, one more than the documents: doc d has pairs starts[d]:starts[d+1]
    values: np.ndarray  # int32 value ids, grouped by document
    totals: np.ndarray  # int64 per value id: its count over every live document
    # the same pairs grouped by value: the documents of value v are by_value[bounds[v]:bounds[v+1]]
    # (intp: numpy gathers with int32 indices ~2.5x slower, converting them first)
    by_value: np.ndarray
    bounds: np.ndarray
    # per document: holds at least one value (the "(none)" count is the result minus these)
    has_value: np.ndarray


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
        # surface forms seen, per value id, with their counts: plain dicts, since a snapshot
        # unpickles Counters one Python-level update each (74k of them: 0.11 s of a reopen)
        self._forms: list[dict[str, int]] = []
        self._bitmaps: list[BitMap] = []
        self._pair_doc = array("i")
        self._pair_val = array("i")
        self._pair_ok = bytearray()
        # doc -> its pairs [start, end), start -1 when none; arrays, not a dict of tuples: that
        # took ~70 MB of the 1.5 GB budget at 100k articles with entities (8 fields, ~330k docs)
        self._doc_start = array("q")
        self._doc_end = array("q")
        # the surface form of each pair, as an id, so removing a document can uncount its forms
        self._pair_form = array("i")
        self._form_ids: dict[str, int] = {}
        self._form_list: list[str] = []
        self._np: _Pairs | None = None
        # display forms by value id, computed when first shown (a min over the forms' counter)
        self._shown: dict[int, str] = {}
        # other spellings of a value -> its key: an entity's variants (``set_aliases``)
        self._aliases: dict[str, str] = {}

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
                self._forms.append({})
                self._bitmaps.append(BitMap())
            seen.setdefault(vid, form)
        if not seen:
            return
        start = len(self._pair_doc)
        for vid, form in seen.items():
            forms = self._forms[vid]
            forms[form] = forms.get(form, 0) + 1
            self._shown.pop(vid, None)
            self._bitmaps[vid].add(doc)
            self._pair_doc.append(doc)
            self._pair_val.append(vid)
            fid = self._form_ids.setdefault(form, len(self._form_ids))
            if fid == len(self._form_list):
                self._form_list.append(form)
            self._pair_form.append(fid)
        self._pair_ok.extend(b"\x01" * len(seen))
        if doc >= len(self._doc_start):
            grow = doc + 1 - len(self._doc_start)
            self._doc_start.extend(array("q", [-1]) * grow)
            self._doc_end.extend(array("q", [-1]) * grow)
        self._doc_start[doc] = start
        self._doc_end[doc] = len(self._pair_doc)
        self._np = None

    def remove(self, doc: int) -> None:
        """Forget a document's values (it may be given new ones with ``add``)."""
        if not 0 <= doc < len(self._doc_start) or self._doc_start[doc] < 0:
            return
        start, end = self._doc_start[doc], self._doc_end[doc]
        self._doc_start[doc] = -1
        for pos in range(start, end):
            vid = self._pair_val[pos]
            self._bitmaps[vid].discard(doc)
            self._shown.pop(vid, None)
            forms = self._forms[vid]
            form = self._form_list[self._pair_form[pos]]
            forms[form] -= 1
            if forms[form] <= 0:
                del forms[form]
            self._pair_ok[pos] = 0
        self._np = None

    def __getstate__(self) -> dict:
        # the counting arrays (~22 MB at 100k articles with entities) are rebuilt on the first
        # count after a load, in ~20 ms for every field: not worth their room in a snapshot
        return {**vars(self), "_np": None, "_shown": {}}

    def set_aliases(self, aliases: dict[str, str]) -> None:
        """Let each variant (a spelling, a form with a clitic, a one-word name) find the value
        it is shown as: ``{variant: value}``."""
        self._aliases = {
            facet_key(variant): facet_key(value)
            for variant, value in aliases.items()
            if facet_key(variant) != facet_key(value)
        }

    def _vid(self, value: str) -> int | None:
        key = facet_key(value)
        vid = self._keys.get(key)
        if vid is None:
            aliases = getattr(self, "_aliases", {})
            # the identities fold ؤ/ئ as the search's stems do (name_key)
            alias = aliases.get(key) or aliases.get(fold_hamza(key))
            vid = self._keys.get(alias) if alias is not None else None
        return vid

    def bitmap(self, value: str) -> BitMap:
        """Documents holding a value (matched by its normalised key, or as a variant of one);
        empty when unknown."""
        vid = self._vid(value)
        return self._bitmaps[vid] if vid is not None else BitMap()

    def display(self, vid: int) -> str:
        """The most frequent surface form of a value (ties: the smallest, for stable output)."""
        shown = self._shown.get(vid)
        if shown is None:
            forms = self._forms[vid]
            if len(forms) == 1:  # most values: no ranking (Show all names 40,000 of them)
                shown = next(iter(forms))
            else:
                shown = min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if forms else ""
            self._shown[vid] = shown
        return shown

    def name_all(self) -> None:
        """Work out every value's display name now: a loading thread does it, so the first
        "Show all" of 40,000 names does not do it on the GUI thread."""
        display = self.display
        for vid in range(len(self._forms)):
            display(vid)

    def documents(self) -> BitMap:
        """Every document holding some value of this field."""
        return BitMap(np.flatnonzero(self._pairs().has_value).astype(np.uint32))

    def missing(self, docs: np.ndarray) -> int:
        """How many of ``docs`` (sorted doc numbers) hold no value of this field."""
        has_value = self._pairs().has_value
        inside = docs[: np.searchsorted(docs, len(has_value))]
        return len(docs) - int(np.count_nonzero(has_value[inside]))

    def all_counts(self, live: BitMap) -> tuple[FacetValue, ...]:
        """Every value held by a live document, with its count, most frequent first."""
        counts = [(bm.intersection_cardinality(live), vid) for vid, bm in enumerate(self._bitmaps)]
        counts.sort(key=lambda cv: (-cv[0], cv[1]))
        return tuple(FacetValue(self.display(vid), c) for c, vid in counts if c)

    def _pairs(self) -> _Pairs:
        if self._np is None:
            ok = np.frombuffer(bytes(self._pair_ok), dtype=np.bool_)
            doc = np.array(self._pair_doc, dtype=np.int32)[ok]
            val = np.array(self._pair_val, dtype=np.int32)[ok]
            # pairs only need grouping (the order within a group is never read); a folder's
            # documents are mostly added in order, and sorting 16-bit ids is a radix sort
            if len(doc) and not bool(np.all(doc[1:] >= doc[:-1])):
                order = np.argsort(doc, kind="stable")
                doc, val = doc[order], val[order]
            per_doc = np.bincount(doc, minlength=0) if len(doc) else np.zeros(0, np.int64)
            starts = np.zeros(len(per_doc) + 1, dtype=np.int64)
            np.cumsum(per_doc, out=starts[1:])
            totals = np.bincount(val, minlength=len(self._forms)).astype(np.int64)
            bounds = np.zeros(len(totals) + 1, dtype=np.int64)
            np.cumsum(totals, out=bounds[1:])
            self._np = _Pairs(
                starts=starts,
                values=val,
                totals=totals,
                by_value=doc[_grouping(val, len(totals))].astype(np.intp),
                bounds=bounds,
                has_value=per_doc > 0,
            )
        return self._np

    def counts(
        self,
        in_result: np.ndarray,
        limit: int,
        keep: Iterable[str] = (),
        docs: np.ndarray | None = None,
    ) -> tuple[FacetValue, ...]:
        """Values with their counts over the documents where ``in_result`` (bool, by doc number) is
        True, most frequent first (ties: the value seen first), at most ``limit`` (plus the
        ``keep`` values that occur). ``docs``, when given, is ``np.flatnonzero(in_result)``:
        the caller counts several fields over one result."""
        return self.counts_and_total(in_result, limit, keep, docs)[0]

    def counts_and_total(
        self,
        in_result: np.ndarray,
        limit: int,
        keep: Iterable[str] = (),
        docs: np.ndarray | None = None,
    ) -> tuple[tuple[FacetValue, ...], int]:
        """``counts``, and how many values have a non-zero count (the "200 of 4,941" header)."""
        pairs = self._pairs()
        if len(pairs.values) == 0:
            return (), 0
        counted = len(pairs.starts) - 1  # documents past this hold no value
        if docs is None:
            docs = np.flatnonzero(in_result)
        docs = docs[: np.searchsorted(docs, counted)]
        # three ways to one count: whichever the cost model says is cheapest for this result
        per_doc = GATHER_DOC_NS + GATHER_PAIR_NS * len(pairs.values) / max(counted, 1)
        gather = len(docs) * per_doc
        by_value = BY_VALUE_PAIR_NS * len(pairs.values)
        complement = COMPLEMENT_DOC_NS * counted + (counted - len(docs)) * per_doc
        if gather <= min(by_value, complement):
            counts = np.bincount(_gather(pairs, docs), minlength=len(self._forms))
        elif complement <= by_value:
            # most of the folder: subtract the documents left out (dead ones hold no pairs)
            outside = np.ones(counted, dtype=np.bool_)
            outside[docs] = False
            left_out = _gather(pairs, np.flatnonzero(outside))
            counts = pairs.totals - np.bincount(left_out, minlength=len(self._forms))
        else:
            counts = _count_by_value(pairs, in_result, docs, counted)
        chosen = np.flatnonzero(counts > 0)  # ~5x faster than on the counts themselves
        distinct = len(chosen)
        if len(chosen) > limit:
            chosen = _top(chosen, counts[chosen], max(limit, 0))
            kept = {self._vid(v) for v in keep}
            extra = {v for v in kept if v is not None and counts[v] > 0} - set(chosen.tolist())
            if extra:
                chosen = np.concatenate([chosen, np.fromiter(extra, dtype=np.int64)])
        hits = counts[chosen]
        order = np.lexsort((chosen, -hits))
        # display forms from the cache without a call per value (~850 values a query at 100k)
        shown, display = self._shown, self.display
        values = tuple(
            [
                FacetValue(shown.get(v) or display(v), c)
                for v, c in zip(chosen[order].tolist(), hits[order].tolist(), strict=True)
            ]
        )
        return values, distinct

    def table(self, in_result: np.ndarray, docs: np.ndarray) -> tuple[list[str], list[int]]:
        """Every value with a non-zero count over the result, most frequent first (ties: the
        value seen first), as parallel lists of display forms and counts."""
        pairs = self._pairs()
        if len(pairs.values) == 0:
            return [], []
        counted = len(pairs.starts) - 1
        docs = docs[: np.searchsorted(docs, counted)]
        counts = np.bincount(_gather(pairs, docs), minlength=len(self._forms))
        chosen = np.flatnonzero(counts > 0)
        hits = counts[chosen]
        order = np.lexsort((chosen, -hits))
        shown, display = self._shown, self.display
        names = [shown.get(v) or display(v) for v in chosen[order].tolist()]
        return names, hits[order].tolist()

    def __len__(self) -> int:
        return len(self._forms)


def _grouping(ids: np.ndarray, distinct: int) -> np.ndarray:
    """An order that groups equal ids in ascending id order (16-bit ids: a radix sort, ~10x faster
    than sorting 32-bit ones at 356k pairs)."""
    if distinct <= 1 << 16:
        return np.argsort(ids.astype(np.uint16), kind="stable")
    return np.argsort(ids)


def _count_by_value(
    pairs: _Pairs, in_result: np.ndarray, docs: np.ndarray, counted: int
) -> np.ndarray:
    """Counts per value id from one pass over all the pairs grouped by value: the running sum of
    "this pair's document is in the result" read at each value's bounds (no bincount)."""
    if len(in_result) < counted:
        in_result = np.zeros(counted, dtype=np.bool_)
        in_result[docs] = True
    running = np.zeros(len(pairs.by_value) + 1, dtype=np.int32)
    np.cumsum(in_result.take(pairs.by_value), out=running[1:])
    return (running[pairs.bounds[1:]] - running[pairs.bounds[:-1]]).astype(np.int64)


def _gather(pairs: _Pairs, docs: np.ndarray) -> np.ndarray:
    """The value ids of the pairs of ``docs`` (sorted doc numbers below ``len(pairs.starts) - 1``)."""
    first = pairs.starts[docs]
    sizes = pairs.starts[docs + 1] - first
    total = int(sizes.sum())
    if total == 0:
        return np.zeros(0, dtype=np.intp)
    # position i of the output reads pair first[d] + (i - where d's run begins in the output)
    begins = np.cumsum(sizes) - sizes
    return pairs.values[np.arange(total) + np.repeat(first - begins, sizes)]


def _top(vids: np.ndarray, counts: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` value ids (ascending ``vids``) with the highest counts; ties at the cut go to
    the smaller ids, so the choice is as stable as the order it is shown in."""
    if limit == 0:
        return vids[:0]
    cut = np.partition(counts, len(counts) - limit)[len(counts) - limit]
    above = counts > cut
    ties = np.flatnonzero(counts == cut)[: limit - int(np.count_nonzero(above))]
    return np.sort(np.concatenate([vids[above], vids[ties]]))
