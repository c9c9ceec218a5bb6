"""Which written forms of a light stem a plain query word matches, read off an ``IndexStore``.

light10 strips affixes by their spelling alone, so one stem key gathers words that only look
alike: الفئة meets فيه once its hamza is folded, العملات meets عملية, القدم meets قدما, and in a
folder of 2020 كورونا meets كوري. A query word matches every form of its stem that the folder
does not show to be another word. A form is left out when both are common enough to tell
(together they would be expected in at least ``MIN_EXPECTED`` articles by chance) and they share
articles less than ``MIN_LIFT`` times as often as chance would have them: the inflections of one
word go together (مصر, المصريين), homographs of the stem do not. The typed word with other
proclitics (الحرب, والحرب, بالحرب) is always matched, and so is every form while the folder is
too small, or the typed word too rare, to tell (Xu and Croft's corpus-based stem classes, by
articles instead of windows).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np
from pyroaring import BitMap

from reader.index.postings import PostingStore
from reader.index.scoring import summed_postings
from reader.index.store import IndexStore
from reader.text.stem import strip_article

# Words sharing articles less often than this many times chance are taken for two words. The
# inflections of a word share at least 3 times more articles than chance in a news folder; two
# unrelated words that are both everywhere (القدم, قدما) about once, and long articles, holding
# more of every word, lift that a little.
MIN_LIFT = 2.0
# ... once chance alone would put them together in this many articles: fewer, and sharing none
# says nothing.
MIN_EXPECTED = 3.0
# A word of three letters or more, or a number, behind one of these is the word (لإيران, بإيران,
# وبإيران, بـ20 and لـCNN once the tatweel is gone): light10 strips ب ل ك only with ال, and و ف
# only when three letters remain.
_PROCLITICS = ("ب", "ل", "ك", "ف", "و", "وب", "ول", "وك", "فب", "فل", "فك")


@dataclass
class FormClass:
    """The postings of the forms of one stem that a query word matches, read as a stem's are
    (``postings``, ``bitmap`` by the stem id), with the forms it left out."""

    surface: PostingStore
    stem_id: int
    kept: tuple[int, ...]  # term ids
    left_out: tuple[str, ...]  # normalised forms of the stem not matched
    attached: tuple[str, ...] = ()  # normalised forms of other stems matched (لإيران)
    _bitmap: BitMap | None = field(default=None, repr=False)

    def postings(self, stem_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(doc numbers ascending, tfs summed over the kept forms), like a stem's postings."""
        return summed_postings([self.surface.postings(t) for t in self.kept])

    def bitmap(self, stem_id: int) -> BitMap:
        if self._bitmap is None:
            self._bitmap = BitMap.union(*(self.surface.bitmap(t) for t in self.kept))
        return self._bitmap


def form_class(
    store: IndexStore, typed: str, stem_id: int | None, *, strict: bool = False
) -> FormClass | None:
    """The forms of stem ``stem_id`` that the word ``typed`` (normalised) matches, with the typed
    word behind a single proclitic (لإيران, بإيران for إيران: light10 strips ب ل ك only with
    ال); None when that is the stem's forms, all of them (its own postings then serve).

    ``strict`` (a reading of the word, بيني in فلبيني): a form of another core is matched only
    when the folder shows it goes together with ``typed``, not while it cannot tell.
    ``stem_id`` None: the folder has no form of the word's stem, only maybe the word behind a
    proclitic (لـCNN); the class then goes by the stem of the first such form."""
    cache = _cache(store)
    key = (typed, stem_id, strict)
    if key not in cache.classes:
        cache.classes[key] = _form_class(store, cache, typed, stem_id, strict)
    return cache.classes[key]


def _form_class(
    store: IndexStore, cache: _Cache, typed: str, stem_id: int | None, strict: bool
) -> FormClass | None:
    members = cache.members(stem_id).tolist() if stem_id is not None else []
    typed_tid = store.terms.get(typed)
    typed_docs = _live_docs(store, typed_tid) if typed_tid is not None else None
    attached = [
        tid
        for c in (_PROCLITICS if len(typed) >= 3 or typed.isdigit() else ())
        if (tid := store.terms.get(c + typed)) is not None
        and store.surf2stem[tid] != stem_id
        and (typed_docs is None or _relation(store, typed_docs, tid) is not False)
    ]
    left_out: list[int] = []
    if typed_docs is not None:
        core = _core(typed)
        for tid in members:
            if tid == typed_tid or _core(cache.forms[tid]) == core:
                continue
            together = _relation(store, typed_docs, tid)
            if together is False or (strict and together is None):
                left_out.append(tid)
    if not left_out and not attached:
        return None
    if stem_id is None:
        stem_id = store.surf2stem[attached[0]]
    dropped = set(left_out)
    kept = tuple(t for t in members if t not in dropped) + tuple(attached)
    return FormClass(
        store.surface_postings,
        stem_id,
        kept,
        tuple(cache.forms[t] for t in left_out),
        tuple(cache.forms[t] for t in attached),
    )


def unrelated(store: IndexStore, typed: str, other: str) -> bool:
    """Whether the folder shows the two written forms (normalised) to be different words, as
    ``form_class`` decides for the forms of one stem; for a clitic-stripped reading (بالي is
    not ب + إلى, بغزة is ب + غزة)."""
    typed_tid, other_tid = store.terms.get(typed), store.terms.get(other)
    if typed_tid is None or other_tid is None:
        return False
    return _relation(store, _live_docs(store, typed_tid), other_tid) is False


def _live_docs(store: IndexStore, tid: int) -> BitMap:
    docs = store.surface_postings.bitmap(tid)
    return docs & store.live if len(store.live) < len(store.ids) else docs


def _enough(store: IndexStore, df_a: int, df_b: int) -> bool:
    """Whether chance alone would put the two words together in ``MIN_EXPECTED`` articles."""
    return df_a * df_b >= MIN_EXPECTED * len(store.live)


def _relation(store: IndexStore, typed_docs: BitMap, tid: int) -> bool | None:
    """Whether form ``tid`` goes with the word of ``typed_docs``: True when they share at least
    ``MIN_LIFT`` times as many articles as chance would have them, False when fewer, None when
    the folder is too small or the words too rare to tell."""
    if not _enough(store, len(typed_docs), store.surface_postings.df(tid)):
        return None  # the count with removed articles is at least the live one
    docs = _live_docs(store, tid)
    n, df_a, df_b = len(store.live), len(typed_docs), len(docs)
    if not _enough(store, df_a, df_b):
        return None
    return typed_docs.intersection_cardinality(docs) * n >= MIN_LIFT * df_a * df_b


def _core(word: str) -> str:
    """The word without its leading conjunction and article-bearing prefix: forms that differ
    only there are one word. Hamza seats stay apart (الفئة is not فيه), for the evidence to
    join where the folder has them go together (مسؤول, مسوول)."""
    return strip_article(word)


@dataclass
class _Cache:
    """Per store: the forms of each stem, and the classes worked out since the store changed."""

    state: tuple[int, int, int]
    forms: list[str]
    order: np.ndarray  # term ids sorted by stem id
    starts: np.ndarray  # stem id -> its first place in ``order`` (one past the last stem too)
    classes: dict[tuple[str, int | None, bool], FormClass | None] = field(default_factory=dict)

    def members(self, stem_id: int) -> np.ndarray:
        if stem_id + 1 >= len(self.starts):
            return self.order[:0]
        return self.order[self.starts[stem_id] : self.starts[stem_id + 1]]


def _state(store: IndexStore) -> tuple[int, int, int]:
    return len(store.terms), len(store.live), store.surface_postings.n_postings


def _cache(store: IndexStore) -> _Cache:
    cache = _CACHES.get(store)
    state = _state(store)
    if cache is not None and cache.state == state:
        return cache
    if cache is not None and cache.state[0] == state[0]:
        # the same vocabulary: only the articles changed, and with them the evidence
        cache.state = state
        cache.classes.clear()
        return cache
    forms = [""] * len(store.terms)
    for word, tid in store.terms.items():
        forms[tid] = word
    stems = np.frombuffer(store.surf2stem, dtype=np.int32)
    order = np.argsort(stems, kind="stable").astype(np.int64)
    starts = np.searchsorted(stems[order], np.arange(len(store.stems) + 1))
    cache = _CACHES[store] = _Cache(state, forms, order, starts)
    return cache


_CACHES: weakref.WeakKeyDictionary[IndexStore, _Cache] = weakref.WeakKeyDictionary()
