"""The in-memory index: roaring-bitmap postings and facets, numpy BM25 (docs/PERFORMANCE.md).

Each token of an article is indexed twice: by its normalised surface form and by its light stem
(``reader.text``). A query word matches either; the surface form adds a bonus so exact forms rank
first. Title words count TITLE_BOOST times (a simplified BM25F: boosted tf and length), tags
once, body once; the title is also scored as a field of its own. Articles get increasing doc
numbers that are never reused; removing one only clears it from the live bitmap, and the index
compacts itself when too many are dead (unless its owner compacts it elsewhere: the window
builds the compacted index on a thread).

``Index`` is the public face; what it holds is its ``store`` (``reader.index.store``, whose
docstring lays it out), matched by ``reader.index.matching`` and ranked by
``reader.index.ranking``. Every article comes in through ``reader.index.prepare``'s analysis and
``IndexStore.append``.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from reader.index.highlight import make_snippet, match_spans
from reader.index.marks import Marks
from reader.index.matching import matcher, matching
from reader.index.prepare import (
    PreparedChunk,
    VocabMaps,
    WorkerVocab,
    matches,
    prepare,
    same_text,
)
from reader.index.query import parse_query
from reader.index.query_ast import Filters, ParsedQuery
from reader.index.ranking import search
from reader.index.store import IndexStore, mutation
from reader.index.types import EntityNames, FacetValue, SearchResult, SortOrder
from reader.model import Article, Span

if TYPE_CHECKING:
    from reader.index.store import IdentityBuilder

TITLE_BOOST = 3.0
# the index is rebuilt from its live articles once more than this many are dead and the dead
# outnumber the live: dead postings cost memory and search time, a rebuild costs ~0.3 ms per
# live article, so it is paid at most once per halving
COMPACT_MIN_DEAD = 1000
# articles analysed together by ``add_many`` (one numpy pass each; ``prepare``)
ADD_CHUNK = 256


class Index:
    """Articles by id, searchable; adding or removing one article is cheap (live folders).

    The index keeps a reference to each article it holds (the library holds them anyway), so it
    can compact itself and tell whether a re-added article changed. Phrases are verified on a
    forward index of token ids. Not thread-safe: use it from one thread at a time (the library
    builds a new index and swaps it in).
    """

    # Version of the store's layout. reader/index/persist.py pickles ``IndexStore.state()``: bump
    # this whenever attributes or their meaning change, so a snapshot of an older layout is rebuilt.
    STATE_VERSION = 9

    def __init__(self, stemmer: str = "light10") -> None:
        """``stemmer``: "light10" (default, chosen by tests/benchmarks/bench_search.py), "snowball" or "none"."""
        self.store = IndexStore(stemmer)

    @classmethod
    def over(cls, store: IndexStore) -> Index:
        """An index holding ``store`` (a snapshot's, or a copy ``reader.index.derive`` made)."""
        index = cls.__new__(cls)
        index.store = store
        return index

    @property
    def stemmer(self) -> str:
        return self.store.stemmer

    # ----------------------------------------------------------------- adding and removing
    @mutation
    def add(self, article: Article, *, compact: bool = True) -> None:
        """Add an article, replacing one with the same id (e.g. re-added once entities are known).
        ``compact``: as for ``remove`` (the replaced version is removed)."""
        store = self.store
        old = store.docnum.get(article.id)
        if old is not None:
            previous = store.articles[old]
            if previous is not None and same_text(previous, article):
                # only entities (or other display fields) changed: keep the postings
                store.replace_article(old, article)
                return
            self.remove(article.id, compact=compact)
        self._append([article])

    def add_many(self, articles: Iterable[Article]) -> None:
        """``add`` for each article (new ones analysed a chunk at a time)."""
        batch = list(articles)
        for start in range(0, len(batch), ADD_CHUNK):
            chunk = batch[start : start + ADD_CHUNK]
            if self._all_new(chunk):
                self._append(chunk)
            else:
                for article in chunk:
                    self.add(article)

    def _all_new(self, articles: Sequence[Article]) -> bool:
        """No id repeated, none indexed yet: the articles can go in as one block."""
        docnum = self.store.docnum
        return len({a.id for a in articles}) == len(articles) and not any(
            a.id in docnum for a in articles
        )

    @mutation
    def _append(self, articles: Sequence[Article]) -> None:
        """Analyse new articles and add them: the one builder path."""
        prepared = prepare(articles, TITLE_BOOST)
        self.store.append(articles, prepared, self.store.global_ids(prepared.vocab))

    def with_articles(self, articles: Sequence[Article]) -> Index | None:
        """A new index of ``articles`` (this index's live articles with other entity spans or
        display fields, same texts) that shares this one's postings; None when they differ.
        This index stays as it was."""
        from reader.index.derive import with_articles

        store = with_articles(self.store, articles)
        return None if store is None else Index.over(store)

    @staticmethod
    def prepare(articles: Sequence[Article], vocab: WorkerVocab | None = None) -> PreparedChunk:
        """The analysis ``add`` does, for a chunk of articles, as plain data (run it in a parse
        worker, with one ``vocab`` for all its chunks; the receiver records the texts with
        ``reader.index.prepare.with_texts``)."""
        return prepare(articles, TITLE_BOOST, vocab)

    @mutation
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
        fast = self._all_new(articles) and matches(prepared, articles)
        if fast and (vocabs is not None or not prepared.owner):
            mapping = (vocabs or VocabMaps()).mapping(self.store.global_ids, prepared)
            if mapping is not None:
                self.store.append(articles, prepared, mapping)
                return
        self.add_many(articles)
        if not fast and vocabs is not None and prepared.owner:
            # later chunks of this worker build on these ids
            vocabs.mapping(self.store.global_ids, prepared)

    @mutation
    def remove(self, article_id: str, *, compact: bool = True) -> None:
        """Forget an article; unknown ids are ignored. With ``compact`` the index rebuilds itself
        here once it ``needs_compaction`` (seconds at 100,000 articles); without, the owner
        decides when (the window builds a compacted index on a thread and swaps it in)."""
        if self.store.remove(article_id) and compact and self.needs_compaction:
            self._compact()

    @property
    def needs_compaction(self) -> bool:
        """More than ``COMPACT_MIN_DEAD`` removed articles, and more removed than live ones."""
        live = len(self.store.live)
        dead = len(self.store.ids) - live
        return dead > COMPACT_MIN_DEAD and dead > live

    def live_articles(self) -> list[Article]:
        """The articles held, in the order they were indexed: an index built from them in this
        order breaks ties between equal scores or dates as this one does."""
        return [a for a in self.store.articles if a is not None]

    def _compact(self) -> None:
        """Rebuild from the live articles, so dead postings stop costing memory and time."""
        old = self.store
        live = self.live_articles()
        build = old.identity_builder if old.identities is not None else None
        self.store = IndexStore(old.stemmer)
        self.store.generation, self.store.mutating = old.generation, old.mutating
        self.add_many(live)
        if build is not None:  # the folder has changed enough to work its identities out again
            self.apply_identities(build)

    def flush(self) -> None:
        """Turn the postings added so far into segments now (a search does it anyway)."""
        self.store.flush()

    # ------------------------------------------------------------------- entity identities
    @property
    def identities(self) -> EntityNames | None:
        """The folder's entity identities (None before ``apply_identities``)."""
        return self.store.identities

    def name_facet_values(self) -> None:
        """Every facet value's display name worked out ahead (``FacetField.name_all``)."""
        for facet in self.store.facets.values():
            facet.name_all()

    def ensure_identities(self, build: IdentityBuilder) -> None:
        """``apply_identities`` unless the facets already follow the folder's identities."""
        store = self.store
        if store.identities_stale or (store.identities is None and self._has_entities()):
            self.apply_identities(build)

    def _has_entities(self) -> bool:
        return any(a is not None and a.entities for a in self.store.articles)

    @mutation
    def apply_identities(self, build: IdentityBuilder) -> None:
        """Work out the folder's entity identities with ``build`` (the caller passes
        ``reader.entities.identity.build_with_values``: the index does not import the entity
        layer) from the live articles and rebuild the entity facets on them: once per load, after
        the entity stage. Articles added later (live folders) are named with these identities."""
        store = self.store
        store.flush()
        store.identity_builder = build
        terms, surface = store.terms, store.surface_postings

        def word_df(word: str) -> int:
            tid = terms.get(word)
            return surface.df(tid) if tid is not None else 0

        live = [a for a in store.articles if a is not None]
        identities, values = build(((a.body, a.entities) for a in live), word_df)
        store.set_identities(identities, values)

    # ------------------------------------------------------------------------ reading
    @property
    def generation(self) -> int:
        """A number that changes with every change to the index: an answer computed at one
        generation stays the answer until the next."""
        return self.store.generation

    def mark_changed(self, after: int) -> None:
        """Move the generation past ``after`` (a compacted index swapped in for one at that
        generation: a reader comparing generations sees a change)."""
        self.store.generation = after + 1

    @property
    def changing(self) -> bool:
        """A change is running (a reader on another thread must not trust what it read)."""
        return bool(self.store.mutating)

    def __len__(self) -> int:
        return len(self.store.live)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.store.docnum

    def get(self, article_id: str) -> Article | None:
        """The indexed article with this id, if any."""
        doc = self.store.docnum.get(article_id)
        return None if doc is None else self.store.articles[doc]

    def doc_number(self, article_id: str) -> int | None:
        """The document number of a live article (the order it was indexed in; never reused)."""
        return self.store.docnum.get(article_id)

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
        result, docs = search(
            self.store, query, filters, sort=sort, facet_limit=facet_limit, marks=marks
        )
        # kept beside the index for ``facet_table`` over this result (Show all), which would
        # otherwise map 100,000 ids back to doc numbers
        _RESULT_DOCS[self] = (result.ids, docs)
        return result

    def matching_ids(
        self,
        query: str | ParsedQuery = "",
        filters: Filters | None = None,
        *,
        marks: Marks | None = None,
    ) -> list[str]:
        """The ids of the articles that match, unordered, without ranking, facets or timeline: a
        saved search's count, taken again whenever the folder changes. Every copy of a text
        counts, and a query no article holds whole matches nothing (``search`` lists one copy,
        and then the articles with the most words)."""
        pq = query if isinstance(query, ParsedQuery) else parse_query(query)
        found, noted = matching(self.store, pq, filters, marks, {})
        docs = np.frombuffer((found | noted).to_array(), dtype=np.uint32)
        return self.store.array("ids")[docs].tolist()

    def facet_counts(self, field: str, ids: Iterable[str]) -> tuple[FacetValue, ...]:
        """Every value of one facet with its count over the articles ``ids`` (a result's ids),
        most frequent first. Unknown names give ()."""
        names, counts = self.facet_table(field, ids)
        return tuple(map(FacetValue, names, counts))

    def facet_table(self, field: str, ids: Iterable[str]) -> tuple[list[str], list[int]]:
        """``facet_counts`` as two parallel lists (the "Show all" list of 40,000 names: no
        object per value)."""
        store = self.store
        facet = store.facets.get(field)
        if facet is None:
            return [], []
        store.flush()
        last = _RESULT_DOCS.get(self)
        if last is not None and last[0] is ids:
            docs = last[1]
        else:
            get = store.docnum.get
            docs = np.array([d for d in map(get, ids) if d is not None], dtype=np.int64)
            docs.sort()
        in_result = np.zeros(len(store.ids), dtype=np.bool_)
        in_result[docs] = True
        return facet.table(in_result, docs)

    def copies(self, article_id: str) -> tuple[str, ...]:
        """The other articles of the folder with the same title and body (normalised): a search
        lists one of them (``SearchResult.copies``); in the order they were indexed."""
        store = self.store
        doc = store.docnum.get(article_id)
        if doc is None:
            return ()
        keys = store.array("textkey")
        same = np.flatnonzero(keys == keys[doc])
        ids = store.ids
        return tuple(ids[d] for d in same.tolist() if d != doc and d in store.live)

    def facet_values(self, field: str) -> tuple[FacetValue, ...]:
        """All values of one facet (a name from FACET_FIELDS) with their counts over every
        article, most frequent first. Unknown names give ()."""
        facet = self.store.facets.get(field)
        return facet.all_counts(self.store.live) if facet is not None else ()

    # ---------------------------------------------------------------------------- highlights
    def highlights(
        self, article: Article, query: ParsedQuery | str
    ) -> tuple[list[Span], list[Span]]:
        """(title spans, body spans) of kind "MATCH": offsets into the ORIGINAL title / body.

        A word is highlighted where the query would match it (normalised form or stem), phrases
        only where the whole phrase occurs. Spans are sorted and do not overlap.
        """
        found = matcher(self.store, query)
        return match_spans(article.title, found), match_spans(article.body, found)

    def snippet(
        self, article: Article, query: ParsedQuery | str, width: int = 160
    ) -> tuple[str, list[Span]]:
        """A window of about ``width`` characters of the body around the best match (the start of
        the body when nothing matches), with "…" where it was cut, and the MATCH spans in it
        (offsets into the returned text). Newlines become spaces."""
        found = matcher(self.store, query)
        return make_snippet(article.body, match_spans(article.body, found), width)


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


# the ids and sorted doc numbers of each index's latest result
_RESULT_DOCS: weakref.WeakKeyDictionary[Index, tuple[tuple[str, ...], np.ndarray]] = (
    weakref.WeakKeyDictionary()
)
