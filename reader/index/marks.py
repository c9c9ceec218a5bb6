"""What the reader did to articles, as the index sees it: stars, read marks, own tags, notes (issue 18).

The user state (reader/storage/state.py) hands the index a ``Marks`` snapshot; the index turns its id sets
into bitmaps of doc numbers. Stars and own tags are small sets, so their bitmap is built from the
ids; "unread" is every live document minus the read bitmap, never a set of 100,000 unread ids.
Bitmaps are cached per id set and the index's doc numbering: the state hands out a new set only
for the mark that changed, so typing a query reuses them.

Notes are few and short: ``NoteIndex`` keeps each note's normalised words and matches a query word
by form, stem or clitic-stripped stem, the way the article index does, without BM25 (note matches
are listed after the text matches, not ranked with them).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from pyroaring import BitMap

from reader.index.facets import facet_key
from reader.index.types import FacetValue, Filters
from reader.text import tokenize
from reader.text.stem import strip_clitic

# the values of is: (reader/index/query.py maps the Arabic forms onto these)
MARK_KINDS: tuple[str, ...] = ("starred", "unread", "read")


class NoteIndex:
    """Each note's normalised words, for ``note:`` and for plain words that also search notes."""

    def __init__(self, notes: Mapping[str, str]) -> None:
        self._words: dict[str, frozenset[str]] = {
            article_id: frozenset(t.norm for t in tokenize(text) if t.norm)
            for article_id, text in notes.items()
            if text.strip()
        }
        # stems of each note's words, per stemmer (the index's stemmer is passed at query time)
        self._stems: dict[int, dict[str, frozenset[str]]] = {}

    def __len__(self) -> int:
        return len(self._words)

    def matching(self, norms: Iterable[str], stem: Callable[[str], str]) -> set[str]:
        """Ids of the notes holding every one of ``norms`` (by form, stem, or without a clitic)."""
        wanted = [w for w in norms if w]
        if not wanted:
            return set()
        stems = self._stems.get(id(stem))
        if stems is None:
            stems = {i: frozenset(map(stem, words)) for i, words in self._words.items()}
            self._stems[id(stem)] = stems
        readings = [(w, {stem(w), *(stem(b) for b in strip_clitic(w))}) for w in wanted]
        return {
            article_id
            for article_id, words in self._words.items()
            if all(w in words or not keys.isdisjoint(stems[article_id]) for w, keys in readings)
        }


@dataclass(frozen=True, eq=False)
class Marks:
    """A snapshot of one folder's user state. Compared by identity: a new one means a change."""

    starred: frozenset[str] = frozenset()
    read: frozenset[str] = frozenset()
    # own tags by matching key (facet_key) -> ids, and the key's display form
    my_tags: Mapping[str, frozenset[str]] = field(default_factory=dict)
    my_tag_names: Mapping[str, str] = field(default_factory=dict)
    notes: NoteIndex = field(default_factory=lambda: NoteIndex({}))

    def tag_ids(self, tag: str) -> frozenset[str]:
        return self.my_tags.get(facet_key(tag), frozenset())


class MarkBitmaps:
    """Id sets of a ``Marks`` as bitmaps of one index's doc numbers. Each is cached with the set
    it was built from and the index's numbering (``generation``): the state hands out a new set
    only for the mark that changed, so opening an article (a new read set) leaves the stars'
    bitmap alone."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[frozenset[str], object, BitMap]] = {}

    def bitmap(
        self,
        generation: object,
        what: str,
        ids: Callable[[], frozenset[str]],
        docnum: Mapping[str, int],
    ) -> BitMap:
        source = ids()
        hit = self._cache.get(what)
        if hit is not None and hit[0] is source and hit[1] == generation:
            return hit[2]
        get = docnum.get
        docs = [d for d in map(get, source) if d is not None]
        found = BitMap(np.asarray(docs, dtype=np.uint32)) if docs else BitMap()
        self._cache[what] = (source, generation, found)
        return found


def apply_marks(
    docs: BitMap,
    f: Filters,
    marks: Marks | None,
    *,
    live: BitMap,
    bitmap: Callable[[str, Callable[[], frozenset[str]]], BitMap],
    note_docs: Callable[[tuple[str, ...]], BitMap],
) -> BitMap:
    """``docs`` narrowed by the is:, mytag: and note: parts of ``f``. Without marks (the command
    line without a state, an index with no folder) nothing is starred, read, tagged or noted."""
    mine = (f.include_marks, f.exclude_marks, f.include_my_tags, f.exclude_my_tags)
    if not any(mine) and not (f.note_words or f.exclude_note_words):
        return docs
    m = marks if marks is not None else Marks()

    def mark(kind: str) -> BitMap:
        if kind == "starred":
            return bitmap("starred", lambda: m.starred)
        read = bitmap("read", lambda: m.read)
        return read if kind == "read" else live - read

    for kind in f.include_marks:
        docs &= mark(kind)
    for kind in f.exclude_marks:
        docs -= mark(kind)
    for tag in f.include_my_tags:
        docs &= bitmap("mytag:" + facet_key(tag), functools.partial(m.tag_ids, tag))
    for tag in f.exclude_my_tags:
        docs -= bitmap("mytag:" + facet_key(tag), functools.partial(m.tag_ids, tag))
    for words in f.note_words:
        docs &= note_docs(words)
    for words in f.exclude_note_words:
        docs -= note_docs(words)
    return docs


def my_tag_counts(
    marks: Marks, in_result: BitMap, bitmap: Callable[[str, Callable[[], frozenset[str]]], BitMap]
) -> tuple[FacetValue, ...]:
    """The own-tags facet over a result: one bitmap intersection per tag (a reader has tens)."""
    counts = []
    for key, name in marks.my_tag_names.items():

        def tag_ids(k: str = key) -> frozenset[str]:
            return marks.my_tags.get(k, frozenset())

        docs = bitmap("mytag:" + key, tag_ids)
        n = docs.intersection_cardinality(in_result)
        if n:
            counts.append(FacetValue(name, n))
    counts.sort(key=lambda v: (-v.count, v.value))
    return tuple(counts)
