"""The index's store: every array, bitmap and table an ``Index`` holds, and the changes to them.

Layout (doc numbers count up from 0 and are never reused; a term id is a normalised surface form,
a stem id its light stem; "\\n" is term and stem ``SEPARATOR``, which has no postings):

- ``ids`` (doc -> article id, kept for removed documents too), ``articles`` (doc -> the article
  held, None once removed or before a snapshot's articles are attached), ``docnum`` (live article
  id -> doc), ``live`` (bitmap of live docs).
- ``terms`` (surface form -> term id), ``stems`` (stem -> stem id), ``surf2stem`` (term id ->
  stem id), handed out in order of first occurrence by ``global_ids``.
- ``surface_postings`` (by term id), ``stem_postings`` (by stem id: the surface postings of its
  forms summed) and ``title_postings`` (by stem id, title words only): immutable segments. New
  (term, doc, tf) pairs wait in ``p_term``/``p_doc``/``p_tf`` and the title's in
  ``t_term``/``t_doc``/``t_tf`` until ``flush`` turns them into segments.
- ``forward`` (each doc's term ids in order, for phrases), ``doclen``/``titlelen`` (BM25 lengths,
  the title counted ``TITLE_BOOST`` times in ``doclen``) with their live sums ``len_sum`` and
  ``title_len_sum``, ``day`` (date ordinal, ``UNDATED`` without one), ``textkey`` (a digest of
  the normalised title and body: copies of one text share it).
- ``facets`` (facet name -> ``FacetField``: value -> bitmap of docs), named by ``identities``
  (the folder's entity identities, stale once an article's spans were indexed since) that
  ``identity_builder`` worked out.
- ``generation`` (bumped by every change) and ``mutating`` (changes running): a reader on another
  thread (``reader.index.derive``) refuses a copy taken while a change ran.
- ``stem`` and ``np_cache`` are process-local (the stemmer, numpy copies of the arrays): a
  snapshot leaves them out (``state``/``from_state``).

Who writes it: ``append`` is the one way documents come in (``Index.add``/``add_many`` with their
own analysis, ``Index.add_prepared`` with a parse worker's, ``reader.index.prepare``);
``Index.remove`` clears a doc; ``reader.index.persist`` saves ``state`` and loads a store back;
``reader.index.derive`` copies one with other articles. Searching only reads it.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np
from pyroaring import BitMap

from reader.index.facets import FacetField
from reader.index.filtering import UNDATED
from reader.index.forward import SEPARATOR, ForwardIndex
from reader.index.postings import PostingStore
from reader.index.types import FACET_FIELDS, EntityNames
from reader.model import ENTITY_KINDS, Article, Span
from reader.runtime.allocator import release_freed_memory
from reader.text.stem import make_stemmer

if TYPE_CHECKING:
    from reader.index.prepare import PreparedChunk

    # reader.entities.identity.build_with_values, handed in by the loader (Index.apply_identities)
    IdentityBuilder = Callable[
        [Iterable[tuple[str, Sequence[Span]]], Callable[[str], int]],
        tuple[EntityNames, list[dict[str, list[str]]]],
    ]

# pending postings are turned into a segment at this size (and before every search)
FLUSH_PAIRS = 1 << 21
# process-local or derived attributes, left out of a snapshot and rebuilt on load
_NOT_SAVED = ("stem", "np_cache", "articles")


def mutation(method: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a method that changes the store (``self.store`` of an index, or the store itself)."""

    @functools.wraps(method)
    def changing(self: Any, *args: object, **kwargs: object) -> Any:
        store: IndexStore = getattr(self, "store", self)
        store.generation += 1
        store.mutating += 1
        try:
            return method(self, *args, **kwargs)
        finally:
            # looked up again: a compaction inside the change gave the index a new store, which
            # took over the counters
            store = getattr(self, "store", self)
            store.mutating -= 1

    return changing


class IndexStore:
    """The layout of the module docstring, and the changes every index path shares."""

    def __init__(self, stemmer: str = "light10") -> None:
        self.stemmer = stemmer
        self.stem = make_stemmer(stemmer)
        self.ids: list[str] = []
        self.articles: list[Article | None] = []
        self.forward = ForwardIndex()
        self.docnum: dict[str, int] = {}
        self.live = BitMap()
        self.doclen = array("f")
        self.day = array("i")
        self.textkey = array("q")
        self.len_sum = 0.0
        self.np_cache: dict[str, np.ndarray] = {}
        self.terms: dict[str, int] = {"\n": SEPARATOR}
        self.stems: dict[str, int] = {"\n": SEPARATOR}
        self.surf2stem = array("i", [SEPARATOR])
        self.surface_postings = PostingStore()
        self.stem_postings = PostingStore()
        self.p_term, self.p_doc, self.p_tf = array("i"), array("i"), array("f")
        self.title_postings = PostingStore()
        self.t_term, self.t_doc, self.t_tf = array("i"), array("i"), array("f")
        self.titlelen = array("f")
        self.title_len_sum = 0.0
        self.facets = {name: FacetField(name) for name in FACET_FIELDS}
        self.generation = 0
        self.mutating = 0
        self.identities: EntityNames | None = None
        self.identities_stale = False
        self.identity_builder: IdentityBuilder | None = None

    # ------------------------------------------------------------------------ snapshots
    def state(self) -> dict[str, object]:
        """What a snapshot saves (``reader.index.persist``): the attributes, without the
        process-local ones and with each posting store's bitmap cache emptied."""
        state = {k: v for k, v in vars(self).items() if k not in _NOT_SAVED}
        for key, value in state.items():
            if isinstance(value, PostingStore):
                state[key] = value.without_cache()
        return state

    @classmethod
    def from_state(cls, state: dict[str, object], articles: list[Article | None]) -> IndexStore:
        """The store a snapshot's ``state`` describes, holding ``articles`` (by doc)."""
        store = cls.__new__(cls)
        vars(store).update(state)
        store.stem = make_stemmer(store.stemmer)
        store.np_cache = {}
        store.articles = articles
        return store

    # ----------------------------------------------------------------------- vocabulary
    def new_term(self, word: str) -> int:
        """The next term id, for a word not in ``terms`` (and its stem's id, new or not)."""
        tid = self.terms[word] = len(self.terms)
        key = self.stem(word)
        sid = self.stems.get(key)
        if sid is None:
            sid = self.stems[key] = len(self.stems)
        self.surf2stem.append(sid)
        return tid

    def global_ids(self, vocab: Sequence[str]) -> np.ndarray:
        """Term ids of a chunk vocabulary; new words get theirs in vocabulary order."""
        found = np.fromiter(
            map(self.terms.get, vocab, repeat(-1)), dtype=np.int32, count=len(vocab)
        )
        for pos in np.flatnonzero(found < 0).tolist():
            found[pos] = self.new_term(vocab[pos])
        return found

    # ------------------------------------------------------------------------- building
    def append(
        self, articles: Sequence[Article], prepared: PreparedChunk, mapping: np.ndarray
    ) -> None:
        """Add new ``articles`` from their analysis ``prepared`` (``reader.index.prepare``), whose
        local term ids ``mapping`` turns into this store's: the one way documents come in."""
        first = len(self.ids)
        n = len(articles)
        self.ids.extend(prepared.ids)
        self.articles.extend(articles)
        self.docnum.update(zip(prepared.ids, range(first, first + n), strict=True))
        self.p_term.frombytes(mapping[prepared.pair_term].tobytes())
        self.p_doc.frombytes((prepared.pair_doc + np.int32(first)).tobytes())
        self.p_tf.frombytes(prepared.pair_tf.tobytes())
        self.forward.add_block(first, mapping[prepared.tokens], prepared.starts)
        self.doclen.frombytes(prepared.doclen.tobytes())
        self.len_sum += float(prepared.doclen.astype(np.float64).sum())
        surf2stem = np.frombuffer(self.surf2stem, dtype=np.int32)
        title_stems = surf2stem[mapping[prepared.title_term]]
        del surf2stem  # a live view would stop the array from growing
        self.t_term.frombytes(title_stems.tobytes())
        self.t_doc.frombytes((prepared.title_doc + np.int32(first)).tobytes())
        self.t_tf.frombytes(prepared.title_tf.tobytes())
        self.titlelen.frombytes(prepared.titlelen.tobytes())
        self.title_len_sum += float(prepared.titlelen.astype(np.float64).sum())
        self.day.extend([a.date.toordinal() if a.date else UNDATED for a in articles])
        self.textkey.frombytes(prepared.text_keys.astype(np.int64).tobytes())
        self.np_cache.clear()
        self.live.add_range(first, first + n)
        for doc, article in enumerate(articles, first):
            self.set_facets(doc, article, replace=False)
        if len(self.p_term) >= FLUSH_PAIRS:
            self.flush()

    def replace_article(self, doc: int, article: Article) -> None:
        """Hold ``article`` for ``doc``, whose text it shares (only its facets change)."""
        self.articles[doc] = article
        self.set_facets(doc, article, replace=True)

    def remove(self, article_id: str) -> bool:
        """Clear an article's doc from the live set, the length sums and the facets (its postings
        stay, dead, until a compaction); False for an unknown id."""
        doc = self.docnum.pop(article_id, None)
        if doc is None:
            return False
        self.live.discard(doc)
        self.np_cache.pop("live", None)
        self.len_sum -= self.doclen[doc]
        self.title_len_sum -= self.titlelen[doc]
        self.articles[doc] = None
        for field in self.facets.values():
            field.remove(doc)
        return True

    @mutation
    def flush(self) -> None:
        """Turn the pending postings into segments and seal the forward index's new tokens."""
        if not self.p_term:
            return
        terms = np.frombuffer(self.p_term, dtype=np.int32).copy()
        docs = np.frombuffer(self.p_doc, dtype=np.int32).copy()
        tfs = np.frombuffer(self.p_tf, dtype=np.float32).copy()
        self.p_term, self.p_doc, self.p_tf = array("i"), array("i"), array("f")
        self.surface_postings.add_block(terms, docs, tfs)
        stems = np.frombuffer(self.surf2stem, dtype=np.int32)[terms]
        self.stem_postings.add_block(stems, docs, tfs, merge_pairs=True)
        title = [
            np.frombuffer(a, dtype=t).copy()
            for a, t in ((self.t_term, np.int32), (self.t_doc, np.int32), (self.t_tf, np.float32))
        ]
        self.t_term, self.t_doc, self.t_tf = array("i"), array("i"), array("f")
        self.title_postings.add_block(*title, merge_pairs=True)
        self.forward.seal()
        if len(terms) >= FLUSH_PAIRS // 2:
            release_freed_memory()

    # --------------------------------------------------------------------------- facets
    def set_facets(self, doc: int, article: Article, *, replace: bool) -> None:
        """File ``doc`` under its article's facet values (first clearing its old ones)."""
        values: dict[str, list[str]] = {
            "tag": list(article.tags),
            "source": [article.source] if article.source else [],
            "category": [article.category] if article.category else [],
            "month": [article.date.strftime("%Y-%m")] if article.date else [],
        }
        values.update(self._entity_values(article))
        for name, field in self.facets.items():
            if replace:
                field.remove(doc)
            field.add(doc, values[name])

    def _entity_values(self, article: Article) -> dict[str, list[str]]:
        """An article's entity facet values: its identities' names once the folder's are known."""
        values: dict[str, list[str]] = {kind: [] for kind in ENTITY_KINDS}
        if not article.entities:
            return values
        identities = self.identities
        if identities is not None:
            for entity in identities.entities(article.body, article.entities):
                values[entity.kind].append(entity.name)
            return values
        self.identities_stale = True
        for span in article.entities:
            if span.kind in values and 0 <= span.start < span.end <= len(article.body):
                values[span.kind].append(article.body[span.start : span.end])
        return values

    def set_identities(self, identities: EntityNames, values: list[dict[str, list[str]]]) -> None:
        """Rebuild the entity facets with the folder's ``identities``: ``values`` holds each live
        doc's names, in doc order."""
        docs = [doc for doc, a in enumerate(self.articles) if a is not None]
        self.identities = identities
        fields = {kind: FacetField(kind) for kind in ENTITY_KINDS}
        self.facets.update(fields)
        for doc, named in zip(docs, values, strict=True):
            for kind, names in named.items():
                fields[kind].add(doc, names)
        for kind in ENTITY_KINDS:
            self.facets[kind].set_aliases(identities.aliases(kind))
        self.identities_stale = False

    # ---------------------------------------------------------------------- numpy views
    def array(self, name: str) -> np.ndarray:
        """``ids``, ``doclen``, ``titlelen``, ``day``, ``textkey`` or ``copied`` (whether another
        document has the same ``textkey``) as a numpy array (cached until a change)."""
        arr = self.np_cache.get(name)
        if arr is None:
            if name == "ids":
                # the ids as an object array: a result's ids gathered by numpy take a third of
                # the time of a Python map (39,000 ids: 0.5 against 1.3 ms)
                arr = np.empty(len(self.ids), dtype=object)
                arr[:] = self.ids
            elif name == "copied":
                # True for a document whose text another one has too (``textkey``)
                keys = self.array("textkey")
                _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
                arr = counts[inverse] > 1
            else:
                source = {
                    "doclen": self.doclen,
                    "titlelen": self.titlelen,
                    "day": self.day,
                    "textkey": self.textkey,
                }
                arr = np.array(source[name])
            self.np_cache[name] = arr
        return arr

    def live_mask(self) -> np.ndarray:
        """True for each live document number (cached until the next change)."""
        mask = self.np_cache.get("live")
        if mask is None:
            mask = np.zeros(len(self.ids), dtype=np.bool_)
            mask[np.frombuffer(self.live.to_array(), dtype=np.uint32)] = True
            self.np_cache["live"] = mask
        return mask
