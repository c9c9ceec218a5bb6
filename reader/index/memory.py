"""The in-memory index: roaring-bitmap postings and facets, numpy BM25 (docs/PERFORMANCE.md).

Each token of an article is indexed twice: by its normalised surface form and by its light stem
(``reader.text``). A query word matches either; the surface form adds a bonus so exact forms rank
first. Title words count TITLE_BOOST times (a simplified BM25F: boosted tf and length), tags
once, body once; the title is also scored as a field of its own. Articles get increasing doc numbers that are never reused; removing one only
clears it from the live bitmap, and the index compacts itself when too many are dead (unless its
owner compacts it elsewhere: the window builds the compacted index on a thread).
"""

from __future__ import annotations

import dataclasses
import functools
import time
import weakref
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, cast

import numpy as np
from pyroaring import BitMap

from reader.index.facets import FacetField
from reader.index.filtering import UNDATED, apply_filters, timeline
from reader.index.forward import SEPARATOR, ForwardIndex
from reader.index.highlight import Matcher, make_snippet, match_spans
from reader.index.marks import MarkBitmaps, Marks, apply_marks, my_tag_counts
from reader.index.postings import PostingStore
from reader.index.prepare import SEQUENCE_RE as _SEQUENCE_RE
from reader.index.prepare import (
    PreparedChunk,
    VocabMaps,
    WorkerVocab,
    add_prepared,
    prepare,
    same_text,
)
from reader.index.query import Clause, ParsedQuery, Phrase, parse_query
from reader.index.scoring import add_bm25, descending_score_key, stable_order
from reader.index.types import (
    FACET_FIELDS,
    MY_TAG_FIELD,
    EntityNames,
    FacetValue,
    Filters,
    SearchResult,
    SortOrder,
)
from reader.model import ENTITY_KINDS, Article, Span
from reader.runtime.allocator import release_freed_memory
from reader.text import normalize
from reader.text.stem import make_stemmer, strip_clitic

if TYPE_CHECKING:
    # reader.entities.identity.build_with_values, handed in by the loader (see apply_identities)
    IdentityBuilder = Callable[
        [Iterable[tuple[str, Sequence[Span]]], Callable[[str], int]],
        tuple[EntityNames, list[dict[str, list[str]]]],
    ]

TITLE_BOOST = 3.0
# The title is also scored as a field of its own (BM25 with its own length normalisation, by
# stem): a short title holding the query words is what people look for when they type title
# words (the known-item test of bench_search.py).
TITLE_WEIGHT = 1.0
# weight of an exact normalised-form match on top of the stem match (issue 3: exact ranks higher)
SURFACE_BONUS = 0.5
# A clitic-stripped reading of a query word (بغزة → غزة) is also matched when its stem is at least
# this many times as frequent as the word as typed: 1 beat 2 and 4 on the known-item test
# (success@10 0.980 vs 0.970, two seeds), and still keeps كبير from matching بير.
CLITIC_RATIO = 1
# ... unless that reading's stem is two letters and in more than this share of the articles: a
# function word (بولاية → ولاية → light10 لا) that would match half the collection. Longer
# common stems stay allowed (فرئيس → رئيس, بأكثر → أكثر: measured on the known-item test).
MAX_READING_SHARE = 0.2
# pending postings are turned into a segment at this size (and before every search)
FLUSH_PAIRS = 1 << 21
# the index is rebuilt from its live articles once more than this many are dead and the dead
# outnumber the live: dead postings cost memory and search time, a rebuild costs ~0.3 ms per
# live article, so it is paid at most once per halving
COMPACT_MIN_DEAD = 1000


def _mutation(method: Callable[..., None]) -> Callable[..., None]:
    """Mark a method that changes the index (see ``Index._generation``)."""

    @functools.wraps(method)
    def changing(self: Index, *args: object, **kwargs: object) -> None:
        self._generation += 1
        self._mutating += 1
        try:
            method(self, *args, **kwargs)
        finally:
            self._mutating -= 1

    return changing


class Index:
    """Articles by id, searchable; adding or removing one article is cheap (live folders).

    The index keeps a reference to each article it holds (the library holds them anyway), so it
    can compact itself and tell whether a re-added article changed. Phrases are verified on a
    forward index of token ids. Not thread-safe: use it from one thread at a time (the library
    builds a new index and swaps it in).
    """

    # Version of the attribute layout. reader/index/persist.py pickles ``vars(index)``: bump this
    # whenever attributes or their meaning change, so a snapshot of an older layout is rebuilt.
    STATE_VERSION = 8
    # what apply_identities was given, so compaction can work the identities out again
    _identity_builder: IdentityBuilder | None = None

    def __init__(self, stemmer: str = "light10") -> None:
        """``stemmer``: "light10" (default, chosen by tests/benchmarks/bench_search.py), "snowball" or "none"."""
        self.stemmer = stemmer
        self._stem = make_stemmer(stemmer)
        self._ids: list[str] = []
        self._articles: list[Article | None] = []
        self._forward = ForwardIndex()
        self._docnum: dict[str, int] = {}
        self._live = BitMap()
        self._doclen = array("f")
        self._day = array("i")
        self._len_sum = 0.0
        self._np_cache: dict[str, np.ndarray] = {}
        # "\n" is a term of its own, the separator of the forward index (it has no postings)
        self._terms: dict[str, int] = {"\n": SEPARATOR}
        self._stems: dict[str, int] = {"\n": SEPARATOR}
        self._surf2stem = array("i", [SEPARATOR])
        self._surface_postings = PostingStore()
        self._stem_postings = PostingStore()
        self._p_term, self._p_doc, self._p_tf = array("i"), array("i"), array("f")
        self._title_postings = PostingStore()  # by stem id
        self._t_term, self._t_doc, self._t_tf = array("i"), array("i"), array("f")
        self._titlelen = array("f")
        self._title_len_sum = 0.0
        self._facets = {name: FacetField(name) for name in FACET_FIELDS}
        # changes started / changes running: ``with_articles`` reads this index from another
        # thread (the GUI's entity stage) while the GUI thread may change it, and refuses a copy
        # taken while a change ran
        self._generation = 0
        self._mutating = 0
        # the folder's entity identities (``apply_identities``): the entity facets hold their
        # canonical names; stale once an article's spans were indexed since
        self._identities: EntityNames | None = None
        self._identities_stale = False

    # ----------------------------------------------------------------- adding and removing
    @_mutation
    def add(self, article: Article, *, compact: bool = True) -> None:
        """Add an article, replacing one with the same id (e.g. re-added once entities are known).
        ``compact``: as for ``remove`` (the replaced version is removed)."""
        old = self._docnum.get(article.id)
        if old is not None:
            previous = self._articles[old]
            if previous is not None and same_text(previous, article):
                # only entities (or other display fields) changed: keep the postings
                self._articles[old] = article
                self._set_facets(old, article, replace=True)
                return
            self.remove(article.id, compact=compact)
        doc = len(self._ids)
        self._ids.append(article.id)
        self._articles.append(article)
        self._docnum[article.id] = doc
        title = normalize(article.title)
        tags = [normalize(t) for t in article.tags]
        body = normalize(article.body)
        words = _SEQUENCE_RE.findall("\n".join([title, *tags, body]))
        tf: Counter[str] = Counter(words)
        title_tf = Counter(_SEQUENCE_RE.findall(title))
        tf.pop("\n", None)
        title_tf.pop("\n", None)
        length = float(sum(tf.values())) + sum(title_tf.values()) * (TITLE_BOOST - 1)
        for word, count in title_tf.items():
            # once already counted in ``words``; the counts become float weights (typeshed's
            # Counter holds ints only)
            tf[word] += count * (TITLE_BOOST - 1)  # type: ignore[assignment]
        # one C-level pass for the known words; only new words take the slow path
        tids = list(map(self._terms.get, tf))
        if None in tids:
            tids = [self._new_term(w) if t is None else t for w, t in zip(tf, tids, strict=True)]
        self._p_term.extend(cast("list[int]", tids))  # every None was replaced just above
        self._p_doc.extend([doc] * len(tids))
        self._p_tf.fromlist(list(tf.values()))
        self._forward.add(doc, list(map(self._terms.__getitem__, words)))
        self._doclen.append(length)
        self._len_sum += length
        surf2stem, terms = self._surf2stem, self._terms
        self._t_term.extend([surf2stem[terms[w]] for w in title_tf])
        self._t_doc.extend([doc] * len(title_tf))
        self._t_tf.fromlist([float(c) for c in title_tf.values()])
        title_len = float(sum(title_tf.values()))
        self._titlelen.append(title_len)
        self._title_len_sum += title_len
        self._day.append(article.date.toordinal() if article.date else UNDATED)
        self._np_cache.clear()
        self._live.add(doc)
        self._set_facets(doc, article, replace=False)
        self._flush_if_full()

    def with_articles(self, articles: Sequence[Article]) -> Index | None:
        """A new index of ``articles`` (this index's live articles with other entity spans or
        display fields, same texts) that shares this one's postings; None when they differ.
        This index stays as it was."""
        from reader.index.derive import with_articles

        return with_articles(self, articles)

    def _flush_if_full(self) -> None:
        if len(self._p_term) >= FLUSH_PAIRS:
            self._flush()

    @staticmethod
    def prepare(articles: Sequence[Article], vocab: WorkerVocab | None = None) -> PreparedChunk:
        """The analysis ``add`` does, for a chunk of articles, as plain data (run it in a parse
        worker, with one ``vocab`` for all its chunks; the receiver records the texts with
        ``reader.index.prepare.with_texts``)."""
        return prepare(articles, TITLE_BOOST, vocab)

    @_mutation
    def add_prepared(
        self,
        articles: Sequence[Article],
        prepared: PreparedChunk,
        vocabs: VocabMaps | None = None,
    ) -> None:
        """``add_many(articles)`` from their analysis done ahead (``prepare``): the same postings,
        much less work here. Chunks analysed with a worker vocabulary need the ``vocabs`` that
        received that worker's earlier chunks. Articles that are not the ones analysed, or
        already indexed, take the ``add`` path."""
        add_prepared(self, articles, prepared, vocabs)

    def _new_term(self, word: str) -> int:
        tid = self._terms[word] = len(self._terms)
        key = self._stem(word)
        sid = self._stems.get(key)
        if sid is None:
            sid = self._stems[key] = len(self._stems)
        self._surf2stem.append(sid)
        return tid

    def _set_facets(self, doc: int, article: Article, *, replace: bool) -> None:
        values: dict[str, list[str]] = {
            "tag": list(article.tags),
            "source": [article.source] if article.source else [],
            "category": [article.category] if article.category else [],
            "month": [article.date.strftime("%Y-%m")] if article.date else [],
        }
        values.update(self._entity_values(article))
        for name, field in self._facets.items():
            if replace:
                field.remove(doc)
            field.add(doc, values[name])

    def _entity_values(self, article: Article) -> dict[str, list[str]]:
        """An article's entity facet values: its identities' names once the folder's are known."""
        values: dict[str, list[str]] = {kind: [] for kind in ENTITY_KINDS}
        if not article.entities:
            return values
        identities = self._identities
        if identities is not None:
            for entity in identities.entities(article.body, article.entities):
                values[entity.kind].append(entity.name)
            return values
        self._identities_stale = True
        for span in article.entities:
            if span.kind in values and 0 <= span.start < span.end <= len(article.body):
                values[span.kind].append(article.body[span.start : span.end])
        return values

    @property
    def identities(self) -> EntityNames | None:
        """The folder's entity identities (None before ``apply_identities``)."""
        return self._identities

    def name_facet_values(self) -> None:
        """Every facet value's display name worked out ahead (``FacetField.name_all``)."""
        for facet in self._facets.values():
            facet.name_all()

    def ensure_identities(self, build: IdentityBuilder) -> None:
        """``apply_identities`` unless the facets already follow the folder's identities."""
        if self._identities_stale or (self._identities is None and self._has_entities()):
            self.apply_identities(build)

    def _has_entities(self) -> bool:
        return any(a is not None and a.entities for a in self._articles)

    @_mutation
    def apply_identities(self, build: IdentityBuilder) -> None:
        """Work out the folder's entity identities with ``build`` (the caller passes
        ``reader.entities.identity.build_with_values``: the index does not import the entity
        layer) from the live articles and rebuild the entity facets on them: once per load, after
        the entity stage. Articles added later (live folders) are named with these identities."""
        self._flush()
        self._identity_builder = build
        terms, surface = self._terms, self._surface_postings

        def word_df(word: str) -> int:
            tid = terms.get(word)
            return surface.df(tid) if tid is not None else 0

        docs = [doc for doc, a in enumerate(self._articles) if a is not None]
        articles = self._articles
        identities, values = build(
            ((articles[doc].body, articles[doc].entities) for doc in docs),  # type: ignore[union-attr]
            word_df,
        )
        self._identities = identities
        fields = {kind: FacetField(kind) for kind in ENTITY_KINDS}
        self._facets.update(fields)
        for doc, named in zip(docs, values, strict=True):
            for kind, names in named.items():
                fields[kind].add(doc, names)
        for kind in ENTITY_KINDS:
            self._facets[kind].set_aliases(identities.aliases(kind))
        self._identities_stale = False

    def add_many(self, articles: Iterable[Article]) -> None:
        """``add`` for each article."""
        for article in articles:
            self.add(article)

    @_mutation
    def remove(self, article_id: str, *, compact: bool = True) -> None:
        """Forget an article; unknown ids are ignored. With ``compact`` the index rebuilds itself
        here once it ``needs_compaction`` (seconds at 100,000 articles); without, the owner
        decides when (the window builds a compacted index on a thread and swaps it in)."""
        doc = self._docnum.pop(article_id, None)
        if doc is None:
            return
        self._live.discard(doc)
        self._np_cache.pop("live", None)
        self._len_sum -= self._doclen[doc]
        self._title_len_sum -= self._titlelen[doc]
        self._articles[doc] = None
        for field in self._facets.values():
            field.remove(doc)
        if compact and self.needs_compaction:
            self._compact()

    @property
    def needs_compaction(self) -> bool:
        """More than ``COMPACT_MIN_DEAD`` removed articles, and more removed than live ones."""
        dead = len(self._ids) - len(self._live)
        return dead > COMPACT_MIN_DEAD and dead > len(self._live)

    def live_articles(self) -> list[Article]:
        """The articles held, in the order they were indexed: an index built from them in this
        order breaks ties between equal scores or dates as this one does."""
        return [a for a in self._articles if a is not None]

    def _compact(self) -> None:
        """Rebuild from the live articles, so dead postings stop costing memory and time."""
        live = self.live_articles()
        counters = self._generation, self._mutating
        build = self._identity_builder if self._identities is not None else None
        self.__init__(self.stemmer)  # type: ignore[misc]
        self._generation, self._mutating = counters
        self.add_many(live)
        if build is not None:  # the folder has changed enough to work its identities out again
            self.apply_identities(build)

    @property
    def generation(self) -> int:
        """A number that changes with every change to the index: an answer computed at one
        generation stays the answer until the next."""
        return self._generation

    def __len__(self) -> int:
        return len(self._live)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._docnum

    def get(self, article_id: str) -> Article | None:
        """The indexed article with this id, if any."""
        doc = self._docnum.get(article_id)
        return None if doc is None else self._articles[doc]

    @_mutation
    def _flush(self) -> None:
        if not self._p_term:
            return
        terms = np.frombuffer(self._p_term, dtype=np.int32).copy()
        docs = np.frombuffer(self._p_doc, dtype=np.int32).copy()
        tfs = np.frombuffer(self._p_tf, dtype=np.float32).copy()
        self._p_term, self._p_doc, self._p_tf = array("i"), array("i"), array("f")
        self._surface_postings.add_block(terms, docs, tfs)
        stems = np.frombuffer(self._surf2stem, dtype=np.int32)[terms]
        self._stem_postings.add_block(stems, docs, tfs, merge_pairs=True)
        title = [
            np.frombuffer(a, dtype=t).copy()
            for a, t in (
                (self._t_term, np.int32),
                (self._t_doc, np.int32),
                (self._t_tf, np.float32),
            )
        ]
        self._t_term, self._t_doc, self._t_tf = array("i"), array("i"), array("f")
        self._title_postings.add_block(*title, merge_pairs=True)
        self._forward.seal()
        if len(terms) >= FLUSH_PAIRS // 2:
            release_freed_memory()

    def _array(self, name: str) -> np.ndarray:
        arr = self._np_cache.get(name)
        if arr is None:
            if name == "ids":
                # the ids as an object array: a result's ids gathered by numpy take a third of
                # the time of a Python map (39,000 ids: 0.5 against 1.3 ms)
                arr = np.empty(len(self._ids), dtype=object)
                arr[:] = self._ids
            else:
                source = {"doclen": self._doclen, "titlelen": self._titlelen, "day": self._day}
                arr = np.array(source[name])
            self._np_cache[name] = arr
        return arr

    def _live_mask(self) -> np.ndarray:
        """True for each live document number (cached until the next change)."""
        mask = self._np_cache.get("live")
        if mask is None:
            mask = np.zeros(len(self._ids), dtype=np.bool_)
            mask[np.frombuffer(self._live.to_array(), dtype=np.uint32)] = True
            self._np_cache["live"] = mask
        return mask

    # ----------------------------------------------------------------------------- searching
    def search(
        self,
        query: str | ParsedQuery = "",
        filters: Filters | None = None,
        *,
        sort: SortOrder = "relevance",
        facet_limit: int = 200,
        marks: Marks | None = None,
    ) -> SearchResult:
        """Run a query (search-box text or parsed) under the panel filters; never raises.

        The empty query with no filters returns every article, newest first. ``marks``: the
        reader's stars, read marks, own tags and notes (is:, mytag:, note:, the "mytag" facet);
        plain words then also find notes, listed after the text matches (``note_ids``).
        """
        started = time.perf_counter()
        pq = query if isinstance(query, ParsedQuery) else parse_query(query)
        keys: dict[tuple[str, bool], list[tuple[PostingStore, int, float]]] = {}
        found, noted = self._matching(pq, filters, marks, keys)
        docs = np.frombuffer(found.to_array(), dtype=np.uint32).astype(np.int64)
        if pq.has_words and sort == "relevance":
            scores = self._scores(pq, keys)[docs]
            order = stable_order(descending_score_key(scores))
        else:
            scores = np.zeros(len(docs), dtype=np.float32)
            day = self._array("day")[docs]
            if sort == "oldest":
                order = stable_order(np.where(day < 0, np.iinfo(np.int32).max, day))
            else:
                # undated (-1) sort after every date
                order = stable_order(np.int64(np.iinfo(np.int32).max) - day)
        ranked = docs[order]
        if noted:
            # found through a note only: after the text matches, newest first, score 0
            extra = np.frombuffer(noted.to_array(), dtype=np.uint32).astype(np.int64)
            extra = extra[
                stable_order(np.int64(np.iinfo(np.int32).max) - self._array("day")[extra])
            ]
            ranked = np.concatenate([ranked, extra])
            scores = np.concatenate([scores[order], np.zeros(len(extra), dtype=scores.dtype)])
            order = np.arange(len(ranked))
            docs = np.sort(ranked)
        in_result = np.zeros(len(self._ids), dtype=np.bool_)
        in_result[docs] = True
        facets, distinct = self._facet_counts(in_result, facet_limit, filters, pq.filters)
        if marks is not None:
            mine = my_tag_counts(marks, BitMap(docs.astype(np.uint32)), self._mark_bitmap(marks))
            facets[MY_TAG_FIELD] = mine
            distinct[MY_TAG_FIELD] = len(mine)
        ids = self._array("ids")
        result_ids = tuple(ids[ranked].tolist())
        # kept beside the index for ``facet_table`` over this result (Show all), which would
        # otherwise map 100,000 ids back to doc numbers
        _RESULT_DOCS[self] = (result_ids, docs)
        return SearchResult(
            ids=result_ids,
            scores=scores[order],
            total=len(ranked),
            facets=facets,
            timeline=timeline(self._array("day")[docs]),
            query=pq,
            error=pq.error,
            elapsed=time.perf_counter() - started,
            missing={name: field.missing(docs) for name, field in self._facets.items()},
            distinct=distinct,
            note_ids=frozenset(ids[np.frombuffer(noted.to_array(), dtype=np.uint32)].tolist())
            if noted
            else frozenset(),
        )

    def _matching(
        self, pq: ParsedQuery, filters: Filters | None, marks: Marks | None, keys: dict
    ) -> tuple[BitMap, BitMap]:
        """(documents the query and filters match, documents found only through a note)."""
        self._flush()
        found = BitMap(self._live)
        for f in (filters, pq.filters):
            if f is not None and not f.is_empty():
                found = apply_filters(found, f, self._facets, self._array("day"))
                found = apply_marks(
                    found,
                    f,
                    marks,
                    live=self._live,
                    bitmap=self._mark_bitmap(marks),
                    note_docs=self._note_docs(marks),
                )
        filtered = found
        for clause in pq.clauses:
            if not found:
                break
            docs = self._clause_docs(clause, keys)
            found = found - docs if clause.negated else found & docs
        return found, self._noted(pq, marks, filtered, found, keys)

    def matching_ids(
        self,
        query: str | ParsedQuery = "",
        filters: Filters | None = None,
        *,
        marks: Marks | None = None,
    ) -> list[str]:
        """The ids ``search`` would return, unordered, without ranking, facets or timeline: a
        saved search's count, taken again whenever the folder changes."""
        pq = query if isinstance(query, ParsedQuery) else parse_query(query)
        found, noted = self._matching(pq, filters, marks, {})
        docs = np.frombuffer((found | noted).to_array(), dtype=np.uint32)
        return self._array("ids")[docs].tolist()

    def _mark_bitmap(
        self, marks: Marks | None
    ) -> Callable[[str, Callable[[], frozenset[str]]], BitMap]:
        """The bitmap of one of the marks' id sets (cached per marks snapshot and generation)."""
        # kept beside the index, not in it: a snapshot pickles ``vars(index)``
        cache = _MARK_CACHES.get(self)
        if cache is None:
            cache = _MARK_CACHES[self] = MarkBitmaps()

        def bitmap(what: str, ids: Callable[[], frozenset[str]]) -> BitMap:
            if marks is None:
                return BitMap()
            # doc numbers only change when articles are added (or all, by a compaction, which
            # makes a new id list); the generation also moves with every flush of a search
            return cache.bitmap((id(self._ids), len(self._ids)), what, ids, self._docnum)

        return bitmap

    def _note_docs(self, marks: Marks | None) -> Callable[[tuple[str, ...]], BitMap]:
        def docs(words: tuple[str, ...]) -> BitMap:
            if marks is None:
                return BitMap()
            found = marks.notes.matching(words, self._stem)
            return BitMap([self._docnum[i] for i in found if i in self._docnum])

        return docs

    def _noted(
        self, pq: ParsedQuery, marks: Marks | None, filtered: BitMap, found: BitMap, keys: dict
    ) -> BitMap:
        """Documents whose note holds the query's words but whose text does not: every positive
        clause met by the note (an alternative's words all in it), no negated clause by the text."""
        if marks is None or not len(marks.notes) or not pq.has_words:
            return BitMap()
        noted = BitMap(filtered)
        note_docs = self._note_docs(marks)
        for clause in pq.clauses:
            if not noted:
                break
            if clause.negated:
                noted -= self._clause_docs(clause, keys)
                continue
            alts = [note_docs(tuple(w.norm for w in alt.words)) for alt in clause.alternatives]
            noted &= BitMap.union(*alts)
        return noted - found

    def _word_keys(self, norm: str, exact: bool) -> list[tuple[PostingStore, int, float]]:
        """The postings a query word reads, with their weight in the score."""
        tid = self._terms.get(norm)
        surface = (
            [(self._surface_postings, tid, 1.0 if exact else SURFACE_BONUS)]
            if tid is not None
            else []
        )
        if exact:
            return surface
        keys = []
        sid = self._stems.get(self._stem(norm))
        if sid is not None:
            keys.append((self._stem_postings, sid, 1.0))
        keys += [(self._stem_postings, bare, 1.0) for bare in self._clitic_readings(norm, sid)]
        return keys + surface

    def _clitic_readings(self, norm: str, sid: int | None) -> list[int]:
        """Stem ids of the word without an attached و ف ب ل ك, for readings far more common than
        the word as typed (``بغزه`` → ``غزه``, never ``كبير`` → ``بير`` or ``لبنان`` → ``بنان``).

        Frequencies are compared on the surface forms: stems would let ``لبنان`` (whose light10
        stem لبن is rarer than بن) read as بنان, and ``وكالة`` read as اله (stem ال).
        """
        tid = self._terms.get(norm)
        typed = self._surface_postings.df(tid) if tid is not None else 0
        found = []
        for bare in strip_clitic(norm):
            bare_tid = self._terms.get(bare)
            key = self._stem(bare)
            bare_sid = self._stems.get(key)
            if bare_tid is None or bare_sid is None or bare_sid == sid or bare_sid in found:
                continue
            common = self._surface_postings.df(bare_tid) >= CLITIC_RATIO * typed
            live = len(self._live)
            too_common = (
                len(key) <= 2
                and live >= 100  # in a handful of articles every word is "common"
                and self._stem_postings.df(bare_sid) > MAX_READING_SHARE * live
            )
            if common and not too_common:
                found.append(bare_sid)
        return found

    def _clause_docs(self, clause: Clause, keys: dict) -> BitMap:
        maps = [self._phrase_docs(alt, keys) for alt in clause.alternatives]
        return maps[0] if len(maps) == 1 else BitMap.union(*maps)

    def _phrase_docs(self, phrase: Phrase, keys: dict) -> BitMap:
        """Documents matching a word, or a phrase: every word, then adjacency on the forward index
        (quoted: by normalised form; a typed chunk like بكوفيد-19: by the words' stems)."""
        per_word = []
        positions: list[list[int]] = []
        for word in phrase.words:
            k = keys.setdefault((word.norm, phrase.exact), self._word_keys(word.norm, phrase.exact))
            # for a plain word the stem postings hold the surface ones: read only those
            used = [tid for store, tid, _ in k if phrase.exact or store is self._stem_postings]
            store = self._surface_postings if phrase.exact else self._stem_postings
            per_word.append(BitMap.union(*(store.bitmap(t) for t in used)) if used else BitMap())
            positions.append(used)
        docs = BitMap.intersection(*per_word) & self._live
        if len(phrase.words) == 1 or not docs:
            return docs
        candidates = np.frombuffer(docs.to_array(), dtype=np.uint32).astype(np.int64)
        to_stem = None if phrase.exact else np.frombuffer(self._surf2stem, dtype=np.int32)
        found = self._forward.with_phrase(candidates, positions, to_stem)
        return BitMap(found.astype(np.uint32))

    def _scores(self, pq: ParsedQuery, keys: dict) -> np.ndarray:
        """BM25 of every document for the words of the positive clauses, plus the title field."""
        scores = np.zeros(len(self._ids), dtype=np.float32)
        n = max(len(self._live), 1)
        live = self._live_mask() if len(self._live) < len(self._ids) else None
        fields = (
            (self._array("doclen"), max(self._len_sum / n, 1.0)),
            (self._array("titlelen"), max(self._title_len_sum / n, 1.0)),
        )
        seen: set[tuple[int, int]] = set()
        words = [
            (w.norm, alt.exact)
            for c in pq.clauses
            if not c.negated
            for alt in c.alternatives
            for w in alt.words
        ]
        for word in words:
            for store, tid, weight in keys.get(word, ()):
                if (id(store), tid) in seen:
                    continue
                seen.add((id(store), tid))
                add_bm25(scores, store.postings(tid), n, weight, fields[0], live=live)
                if store is self._stem_postings:
                    title = self._title_postings.postings(tid)
                    add_bm25(scores, title, n, weight * TITLE_WEIGHT, fields[1], live=live)
        return scores

    def _facet_counts(
        self, in_result: np.ndarray, limit: int, *active: Filters | None
    ) -> tuple[dict[str, tuple[FacetValue, ...]], dict[str, int]]:
        keep: dict[str, set[str]] = {name: set() for name in FACET_FIELDS}
        for f in active:
            if f is None:
                continue
            keep["tag"] |= f.include_tags | f.exclude_tags
            keep["source"] |= f.include_sources | f.exclude_sources
            keep["category"] |= f.include_categories | f.exclude_categories
            for kind, text in f.include_entities | f.exclude_entities:
                for k in ENTITY_KINDS if kind not in ENTITY_KINDS else (kind,):
                    keep[k].add(text)
        docs = np.flatnonzero(in_result)  # once for every field
        facets: dict[str, tuple[FacetValue, ...]] = {}
        distinct: dict[str, int] = {}
        for name, field in self._facets.items():
            facets[name], distinct[name] = field.counts_and_total(
                in_result, limit, keep[name], docs
            )
        return facets, distinct

    def facet_counts(self, field: str, ids: Iterable[str]) -> tuple[FacetValue, ...]:
        """Every value of one facet with its count over the articles ``ids`` (a result's ids),
        most frequent first. Unknown names give ()."""
        names, counts = self.facet_table(field, ids)
        return tuple(map(FacetValue, names, counts))

    def facet_table(self, field: str, ids: Iterable[str]) -> tuple[list[str], list[int]]:
        """``facet_counts`` as two parallel lists (the "Show all" list of 40,000 names: no
        object per value)."""
        facet = self._facets.get(field)
        if facet is None:
            return [], []
        self._flush()
        last = _RESULT_DOCS.get(self)
        if last is not None and last[0] is ids:
            docs = last[1]
        else:
            get = self._docnum.get
            docs = np.array([d for d in map(get, ids) if d is not None], dtype=np.int64)
            docs.sort()
        in_result = np.zeros(len(self._ids), dtype=np.bool_)
        in_result[docs] = True
        return facet.table(in_result, docs)

    # ------------------------------------------------------------------- highlights, facets
    def _matcher(self, query: ParsedQuery | str) -> Matcher:
        pq = query if isinstance(query, ParsedQuery) else parse_query(query)
        norms: set[str] = set()
        stems: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        for clause in pq.clauses:
            if clause.negated:
                continue
            for alt in clause.alternatives:
                if len(alt.words) > 1 and alt.exact:
                    phrases.append(tuple(w.norm for w in alt.words))
                    continue
                for word in alt.words:  # a typed chunk (كوفيد-19) is highlighted word by word
                    self._add_highlight_word(word.norm, alt.exact, norms, stems)
        return Matcher(frozenset(norms), frozenset(stems), tuple(phrases), self._stem)

    def _add_highlight_word(self, norm: str, exact: bool, norms: set[str], stems: set[str]) -> None:
        norms.add(norm)
        if exact:
            return
        key = self._stem(norm)
        stems.add(key)
        readings = set(self._clitic_readings(norm, self._stems.get(key)))
        stems |= {
            self._stem(b) for b in strip_clitic(norm) if self._stems.get(self._stem(b)) in readings
        }

    def highlights(
        self, article: Article, query: ParsedQuery | str
    ) -> tuple[list[Span], list[Span]]:
        """(title spans, body spans) of kind "MATCH": offsets into the ORIGINAL title / body.

        A word is highlighted where the query would match it (normalised form or stem), phrases
        only where the whole phrase occurs. Spans are sorted and do not overlap.
        """
        matcher = self._matcher(query)
        return match_spans(article.title, matcher), match_spans(article.body, matcher)

    def snippet(
        self, article: Article, query: ParsedQuery | str, width: int = 160
    ) -> tuple[str, list[Span]]:
        """A window of about ``width`` characters of the body around the best match (the start of
        the body when nothing matches), with "…" where it was cut, and the MATCH spans in it
        (offsets into the returned text). Newlines become spaces."""
        return make_snippet(article.body, match_spans(article.body, self._matcher(query)), width)

    def facet_values(self, field: str) -> tuple[FacetValue, ...]:
        """All values of one facet (a name from FACET_FIELDS) with their counts over every
        article, most frequent first. Unknown names give ()."""
        facet = self._facets.get(field)
        return facet.all_counts(self._live) if facet is not None else ()


# the vocabulary of this parse worker's index analysis, kept across its chunks
_WORKER_VOCAB: WorkerVocab | None = None


def prepare_in_worker(articles: list[Article]) -> PreparedChunk:
    """``Index.prepare`` as a parse worker runs it (``reader.formats.parse_pool.ChunkAnalysis``): one
    vocabulary for all its chunks, and the texts left out (the parent has them already and
    records them with ``reader.index.prepare.with_texts``)."""
    global _WORKER_VOCAB  # noqa: PLW0603 (one per worker process, by design)
    if _WORKER_VOCAB is None:
        _WORKER_VOCAB = WorkerVocab()
    return dataclasses.replace(Index.prepare(articles, _WORKER_VOCAB), texts=())


_MARK_CACHES: weakref.WeakKeyDictionary[Index, MarkBitmaps] = weakref.WeakKeyDictionary()
# the ids and sorted doc numbers of each index's latest result
_RESULT_DOCS: weakref.WeakKeyDictionary[Index, tuple[tuple[str, ...], np.ndarray]] = (
    weakref.WeakKeyDictionary()
)
