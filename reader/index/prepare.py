"""Index analysis done ahead, in the parse workers: ``prepare`` there, ``add_prepared`` here.

Building the index of 100,000 articles in the main process cost ~40 s on a busy 2-core machine,
most of it normalising, tokenising and counting words (``Index.add``), one article at a time,
while the parse workers had already been through the same text. ``prepare`` does that analysis
in the worker, for a chunk of articles at once: the normalised tokens become local term ids of a
chunk vocabulary (in order of first occurrence), and the (document, term, tf) pairs, the title
pairs and the document lengths are counted there with numpy. The main process then maps the
chunk vocabulary to its global term ids once per unique word and remaps the arrays with numpy.

``add_prepared`` produces exactly the postings, forward index, lengths and facets ``Index.add``
produces for the same articles in the same order, with the same term ids (a new word gets its id
in order of first occurrence in both paths); tests/test_index_prepared.py compares them. It only
takes the fast path when the articles are the ones analysed (same title, tags and body) and new to
the index; anything else goes through ``Index.add`` article by article.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import TYPE_CHECKING

import numpy as np

from reader.index.filtering import UNDATED
from reader.model import Article
from reader.text import normalize
from reader.text.analyze import NORMALIZED_TOKEN_RE

if TYPE_CHECKING:
    from reader.index.memory import Index

# index-time tokens plus line breaks, which the forward index keeps as separators
SEQUENCE_RE = re.compile(NORMALIZED_TOKEN_RE.pattern + "|\n")
# local term id 0 is the separator ("\n"), as the global id SEPARATOR is
_SEP_WORD = "\n"


@dataclass(frozen=True, slots=True)
class PreparedChunk:
    """The index analysis of consecutive articles (plain data: it crosses process boundaries)."""

    ids: tuple[str, ...]
    # (title, body, tags) analysed; a worker sends () and the receiver sets them from the articles
    # it unpacked (the text need not cross the process boundary twice)
    texts: tuple[tuple[str, str, tuple[str, ...]], ...]
    # the words that got local ids in this chunk (ids ``base``, ``base + 1``, ...); local id 0 is
    # the separator. With an ``owner`` (a worker's vocabulary, which lives across its chunks,
    # so a word crosses the process boundary and is looked up here once per worker, not once
    # per chunk), the ids before ``base`` came with that worker's earlier chunks.
    vocab: tuple[str, ...]
    tokens: np.ndarray  # int32 local ids, each article's sequence followed by a separator
    starts: np.ndarray  # int64, where each article's tokens start (len(ids) + 1 entries)
    pair_doc: np.ndarray  # int32 article position in the chunk, ascending
    pair_term: np.ndarray  # int32 local term id
    pair_tf: np.ndarray  # float32 tf with the title boost
    title_doc: np.ndarray  # int32
    title_term: np.ndarray  # int32 local term id (the main process maps it to its stem)
    title_tf: np.ndarray  # float32
    doclen: np.ndarray  # float32
    titlelen: np.ndarray  # float32
    owner: str = ""  # "" = the chunk's own vocabulary (base 0)
    base: int = 0


class WorkerVocab:
    """A worker's vocabulary across its chunks (word -> local id), named by a unique owner."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.owner = uuid.uuid4().hex


class VocabMaps:
    """The receiving side: each worker vocabulary's local ids as global term ids of one index.

    A worker hands its chunks over in order, so a chunk's ``base`` is always the number of its
    owner's ids seen so far; anything else (cannot happen) makes that owner's chunks take the
    ``Index.add`` path.
    """

    def __init__(self) -> None:
        self._maps: dict[str, np.ndarray] = {}
        self._broken: set[str] = set()

    def mapping(self, index: Index, prepared: PreparedChunk) -> np.ndarray | None:
        """Local -> global term ids for ``prepared`` (new words get global ids in order)."""
        if not prepared.owner:
            return _global_ids(index, prepared.vocab)
        known = self._maps.get(prepared.owner, _NO_IDS)
        if prepared.owner in self._broken or len(known) != prepared.base:
            self._broken.add(prepared.owner)
            return None
        known = np.concatenate([known, _global_ids(index, prepared.vocab)])
        self._maps[prepared.owner] = known
        return known


_NO_IDS = np.zeros(0, dtype=np.int32)


def prepare(
    articles: Sequence[Article], title_boost: float, vocab: WorkerVocab | None = None
) -> PreparedChunk:
    """Analyse articles the way ``Index.add`` does (worker side), with local term ids from
    ``vocab`` (kept across calls) or, without one, of this chunk alone."""
    findall = SEQUENCE_RE.findall
    sequences: list[list[str]] = []
    title_counts: list[int] = []
    for article in articles:
        title = normalize(article.title)
        words = findall(
            "\n".join([title, *[normalize(t) for t in article.tags], normalize(article.body)])
        )
        words.append(_SEP_WORD)  # the forward index ends every document with a separator
        sequences.append(words)
        # the title's tokens are the first of the sequence ("\n" never joins two tokens)
        title_counts.append(len(findall(title)))
    # local ids in order of first occurrence (the order Index.add hands out new term ids),
    # with C-level passes over the tokens and a Python loop over the distinct words only
    every = list(chain.from_iterable(sequences))
    local = vocab.ids if vocab is not None else {}
    base = len(local)
    new: list[str] = []
    for word in dict.fromkeys(chain((_SEP_WORD,), every)):
        if word not in local:
            local[word] = len(local)
            new.append(word)
    tokens = np.fromiter(map(local.__getitem__, every), dtype=np.int32, count=len(every))
    n_local = len(local)
    del every
    n = len(articles)
    lengths = np.fromiter(map(len, sequences), dtype=np.int64, count=n)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    doc_of_token = np.repeat(np.arange(n, dtype=np.int64), lengths)
    n_title = np.array(title_counts, dtype=np.int64)
    title_starts = np.cumsum(n_title) - n_title
    title_tokens = tokens[
        np.arange(int(n_title.sum()), dtype=np.int64)
        + np.repeat(starts[:-1] - title_starts, n_title)
    ]
    title_doc_of = np.repeat(np.arange(n, dtype=np.int64), n_title)
    body_doc, body_term, body_count = _pairs(doc_of_token, tokens, n_local)
    t_doc, t_term, t_count = _pairs(title_doc_of, title_tokens, n_local)
    # tf = count in the whole sequence + (boost - 1) x count in the title, as Index.add sums it
    tf = body_count.astype(np.float64)
    if len(t_doc):
        where = np.searchsorted(body_doc * n_local + body_term, t_doc * n_local + t_term)
        tf[where] += t_count * (title_boost - 1)  # each pair once: no need for np.add.at
    n_tokens = np.bincount(body_doc, weights=body_count, minlength=n)
    n_title_tokens = np.bincount(t_doc, weights=t_count, minlength=n)
    return PreparedChunk(
        ids=tuple(a.id for a in articles),
        texts=tuple((a.title, a.body, a.tags) for a in articles),
        vocab=tuple(new),
        tokens=tokens,
        starts=starts,
        pair_doc=body_doc.astype(np.int32),
        pair_term=body_term.astype(np.int32),
        pair_tf=tf.astype(np.float32),
        title_doc=t_doc.astype(np.int32),
        title_term=t_term.astype(np.int32),
        title_tf=t_count.astype(np.float32),
        doclen=(n_tokens + n_title_tokens * (title_boost - 1)).astype(np.float32),
        titlelen=n_title_tokens.astype(np.float32),
        owner=vocab.owner if vocab is not None else "",
        base=base,
    )


def _pairs(docs: np.ndarray, terms: np.ndarray, n_terms: int) -> tuple[np.ndarray, ...]:
    """Distinct (doc, term) pairs without the separator, sorted by doc then term, with counts."""
    keep = terms != 0
    key = docs[keep] * n_terms + terms[keep]
    uniq, counts = np.unique(key, return_counts=True)
    return uniq // n_terms, uniq % n_terms, counts


def with_texts(prepared: PreparedChunk, articles: Sequence[Article]) -> PreparedChunk:
    """The chunk with the texts of ``articles`` recorded as the ones analysed."""
    return dataclasses.replace(prepared, texts=tuple((a.title, a.body, a.tags) for a in articles))


def matches(prepared: PreparedChunk, articles: Sequence[Article]) -> bool:
    """Whether ``articles`` are the ones analysed: same ids, titles, bodies and tags, in order."""
    if len(articles) != len(prepared.ids):
        return False
    return all(
        a.id == i and a.title == t and a.tags == g and a.body == b
        for a, i, (t, b, g) in zip(articles, prepared.ids, prepared.texts, strict=True)
    )


def add_prepared(
    index: Index, articles: Sequence[Article], prepared: PreparedChunk, vocabs: VocabMaps | None
) -> None:
    """Add the analysed articles to ``index`` (see the module docstring)."""
    docnum = index._docnum
    fresh = len({a.id for a in articles}) == len(articles) and not any(
        a.id in docnum for a in articles
    )
    if not fresh or not matches(prepared, articles):
        index.add_many(articles)
        if vocabs is not None and prepared.owner:
            vocabs.mapping(index, prepared)  # later chunks of this worker build on these ids
        return
    if prepared.owner and vocabs is None:
        index.add_many(articles)
        return
    mapping = (vocabs or VocabMaps()).mapping(index, prepared)
    if mapping is None:
        index.add_many(articles)
        return
    first = len(index._ids)
    n = len(articles)
    index._ids.extend(prepared.ids)
    index._articles.extend(articles)
    docnum.update(zip(prepared.ids, range(first, first + n), strict=True))
    index._p_term.frombytes(mapping[prepared.pair_term].tobytes())
    index._p_doc.frombytes((prepared.pair_doc + np.int32(first)).tobytes())
    index._p_tf.frombytes(prepared.pair_tf.tobytes())
    index._forward.add_block(first, mapping[prepared.tokens], prepared.starts)
    index._doclen.frombytes(prepared.doclen.tobytes())
    index._len_sum += float(prepared.doclen.astype(np.float64).sum())
    surf2stem = np.frombuffer(index._surf2stem, dtype=np.int32)
    title_stems = surf2stem[mapping[prepared.title_term]]
    del surf2stem  # a live view would stop the array from growing
    index._t_term.frombytes(title_stems.tobytes())
    index._t_doc.frombytes((prepared.title_doc + np.int32(first)).tobytes())
    index._t_tf.frombytes(prepared.title_tf.tobytes())
    index._titlelen.frombytes(prepared.titlelen.tobytes())
    index._title_len_sum += float(prepared.titlelen.astype(np.float64).sum())
    index._day.extend([a.date.toordinal() if a.date else UNDATED for a in articles])
    index._np_cache.clear()
    index._live.add_range(first, first + n)
    for doc, article in enumerate(articles, first):
        index._set_facets(doc, article, replace=False)
    index._flush_if_full()


def _global_ids(index: Index, vocab: tuple[str, ...]) -> np.ndarray:
    """Global term ids of a chunk vocabulary; new words get theirs in vocabulary order."""
    found = np.fromiter(map(index._terms.get, vocab, repeat(-1)), dtype=np.int32, count=len(vocab))
    new_term = index._new_term
    for pos in np.flatnonzero(found < 0).tolist():
        found[pos] = new_term(vocab[pos])
    return found


def same_text(a: Article, b: Article) -> bool:
    """Whether two versions of an article index the same (only entities or display fields differ)."""
    return (a.title, a.body, a.tags, a.date, a.source, a.category) == (
        b.title,
        b.body,
        b.tags,
        b.date,
        b.source,
        b.category,
    )
