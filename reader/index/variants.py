"""Which written forms of a light stem a plain query word matches, read off an ``IndexStore``.

light10 strips affixes by their spelling alone, so one stem key gathers words that only look
alike: الفئة meets فيه once its hamza is folded, العملات meets عملية, القدم meets قدما, and in a
folder of 2020 كورونا meets كوري. The forms of the stem are taken by their core (the form less its
conjunction and article: الدولة, للدولة and بالدولة are one word) and a core is left out when the
folder shows it to be another word: chance alone would put the two in ``MIN_EXPECTED`` articles or
more, and they share fewer than ``MIN_LIFT`` times that (``MIN_LIFT_INFLECTED`` for two endings of
one base: رئيس, رئيسة). The inflections of a word go together (مصر, المصريين), homographs of the
stem do not. Every form is matched while the folder is too small, or the word too rare, to tell
(Xu and Croft's corpus-based stem classes, by articles instead of windows).
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
# ... or 1.25 times for the inflections of one base (feminine, dual, plural, accusative): common
# words (رئيس, رئيسة; دول, دولة) are in so many articles that they cannot share much more than
# chance, while homographs of that shape (عاد, عادة; القدم, قدما) share about chance.
MIN_LIFT_INFLECTED = 1.25
# ... once chance alone would put them together in this many articles: fewer, and sharing none
# says nothing.
MIN_EXPECTED = 3.0
# ... and a pair that shares this many articles that often is one word however rare
MIN_SHARED = 2
# the inflectional endings, and the possessive pronouns (normalised: ة is ه)
_INFLECTIONS = ("", "ه", "ا", "ان", "ين", "ون", "ات", "تان", "تين", "ها", "هم", "هما")
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
    kept_forms: tuple[str, ...] = ()  # normalised forms of the stem matched
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
    when the folder shows it goes together with ``typed`` or is one of its inflections (قانون
    for قانونين), not while it cannot tell.
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
    # the forms of one core (الدولة, للدولة, بالدولة) are one word: decided together, against
    # the typed word's own core
    groups: dict[str, list[int]] = {}
    for tid in members:
        groups.setdefault(_core(cache.forms[tid]), []).append(tid)
    core = _core(typed)
    typed_tid = store.terms.get(typed)
    if typed_tid is not None and _radical_waw(store, typed, typed_tid):
        # واحد is not و + أحد: the forms that hold the و are the word, the others another
        same = groups.pop(core, [])
        groups[core] = [t for t in same if cache.forms[t].endswith(typed)]
        if rest := [t for t in same if not cache.forms[t].endswith(typed)]:
            groups[core + "\u0000"] = rest
    own = groups.get(core) or ([typed_tid] if typed_tid is not None else [])
    typed_docs = _docs(store, own) if own else None
    left_out: list[int] = []
    for other, tids in groups.items():
        if other == core or typed_docs is None:
            continue
        inflected = _inflected(core, other)
        lift = MIN_LIFT_INFLECTED if inflected else MIN_LIFT
        together = _relation(store, typed_docs, _docs(store, tids), lift)
        if together is False or (strict and together is None and not inflected):
            left_out += tids
    attached = _attached(store, typed, stem_id, typed_docs, strict=strict)
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
        tuple(cache.forms[t] for t in members if t not in dropped),
    )


def _attached(
    store: IndexStore, typed: str, stem_id: int | None, typed_docs: BitMap | None, *, strict: bool
) -> list[int]:
    """Term ids of the typed word behind a single proclitic, in other stems (لإيران). An Arabic
    word needs the folder to show the two go together, or four letters or more while it cannot
    tell (كين is not بكين, Beijing; شار is not بشار); a Latin word or a number behind a clitic
    (لـCNN, بـ20) is the word."""
    if not (len(typed) >= 3 or typed.isdigit()):
        return []
    arabic = _is_arabic_word(typed)
    found = []
    for c in _PROCLITICS:
        tid = store.terms.get(c + typed)
        if tid is None or store.surf2stem[tid] == stem_id:
            continue
        together = None if typed_docs is None else _relation(store, typed_docs, _docs(store, [tid]))
        if together is None:
            together = None if strict else not arabic or len(typed) >= 4
        if together:
            found.append(tid)
    return found


def _radical_waw(store: IndexStore, typed: str, typed_tid: int) -> bool:
    """Whether a leading و of the typed word is its own letter, not the conjunction light10
    strips (وزارة, واحد): the folder shows the word and the word without it to be two words."""
    if not (typed.startswith("و") and len(typed) >= 4):
        return False
    bare = store.terms.get(typed[1:])
    if bare is None:
        return False
    return _relation(store, _docs(store, [typed_tid]), _docs(store, [bare])) is False


def _is_arabic_word(word: str) -> bool:
    return any("\u0621" <= c <= "\u064a" for c in word)


def _inflected(a: str, b: str) -> bool:
    """Whether two cores are one base with other inflectional endings: feminine, dual, plural
    or the accusative alef (رئيس, رئيسة, رئيسين, رئيسات; عام, عاما)."""
    for ending in _INFLECTIONS:
        if ending and not a.endswith(ending):
            continue
        base = a[: len(a) - len(ending)]
        if len(base) >= 2 and any(b == base + other for other in _INFLECTIONS if other != ending):
            return True
    return False


def unrelated(store: IndexStore, typed: str, other: str) -> bool:
    """Whether the folder shows the two written forms (normalised) to be different words, as
    ``form_class`` decides for the forms of one stem; for a clitic-stripped reading (بالي is
    not ب + إلى, بغزة is ب + غزة)."""
    typed_tid, other_tid = store.terms.get(typed), store.terms.get(other)
    if typed_tid is None or other_tid is None:
        return False
    return _relation(store, _docs(store, [typed_tid]), _docs(store, [other_tid])) is False


def _docs(store: IndexStore, tids: list[int]) -> BitMap:
    """The live documents holding any of the forms ``tids``."""
    surface = store.surface_postings
    docs = surface.bitmap(tids[0]) if len(tids) == 1 else BitMap.union(*map(surface.bitmap, tids))
    return docs & store.live if len(store.live) < len(store.ids) else docs


def _relation(
    store: IndexStore, typed_docs: BitMap, docs: BitMap, lift: float = MIN_LIFT
) -> bool | None:
    """Whether the word of ``docs`` goes with the word of ``typed_docs``: True when they share
    at least ``lift`` times as many articles as chance would have them (and ``MIN_SHARED`` or
    more), False when fewer, None when the folder is too small or the words too rare to tell
    (chance would put them together in fewer than ``MIN_EXPECTED`` articles)."""
    n, df_a, df_b = len(store.live), len(typed_docs), len(docs)
    together = typed_docs.intersection_cardinality(docs)
    if together >= MIN_SHARED and together * n >= lift * df_a * df_b:
        return True  # rare words that share articles far beyond chance (خطاب, خطابات)
    if df_a * df_b < MIN_EXPECTED * n:
        return None
    return False


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


def evidence_state(store: IndexStore) -> tuple[int, int, int]:
    """What the forms a word matches depend on: the vocabulary, the live articles, the postings."""
    return len(store.terms), len(store.live), store.surface_postings.n_postings


def _cache(store: IndexStore) -> _Cache:
    cache = _CACHES.get(store)
    state = evidence_state(store)
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
