"""The index's analysis of articles: ``prepare`` a chunk of them into plain data (terms, pairs,
lengths), which ``IndexStore.append`` adds; every article comes in this way.

Building the index of 100,000 articles in the main process cost ~40 s on a busy 2-core machine,
most of it normalising, tokenising and counting words one article at a time, while the parse
workers had already been through the same text. ``prepare`` does that analysis for a chunk of
articles at once, in a parse worker (``Index.add_prepared``) or in the index itself
(``Index.add``/``add_many``): the normalised tokens become local term ids of a chunk vocabulary
(in order of first occurrence), and the (document, term, tf) pairs, the title pairs and the
document lengths are counted with numpy. The receiving index maps the chunk vocabulary to its
global term ids once per unique word (``VocabMaps``) and remaps the arrays with numpy.

Chunks of any size, and a worker's vocabulary spread over several chunks, produce exactly the
postings, forward index, lengths, facets and term ids of one article at a time (a new word gets
its id in order of first occurrence); tests/test_index_prepared.py compares them. The worker's
analysis is only taken when the articles are the ones analysed (same title, tags and body) and
new to the index; anything else goes through ``Index.add_many``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from reader.model import Article
from reader.text import normalize
from reader.text.analyze import NORMALIZED_TOKEN_RE

# index-time tokens plus line breaks, which the forward index keeps as separators
SEQUENCE_RE = re.compile(NORMALIZED_TOKEN_RE.pattern + "|\n")
# local term id 0 is the separator ("\n"), as the global id SEPARATOR is
_SEP_WORD = "\n"
# a chunk vocabulary's words -> the receiving index's term ids (``IndexStore.global_ids``)
GlobalIds = Callable[[Sequence[str]], np.ndarray]


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
    # int64 digest of each article's normalised title and body: copies of one text share it
    text_keys: np.ndarray
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
    ``Index.add_many`` path.
    """

    def __init__(self) -> None:
        self._maps: dict[str, np.ndarray] = {}
        self._broken: set[str] = set()

    def mapping(self, global_ids: GlobalIds, prepared: PreparedChunk) -> np.ndarray | None:
        """Local -> global term ids for ``prepared`` (new words get global ids in order, from
        ``global_ids``: ``IndexStore.global_ids`` of the receiving index)."""
        if not prepared.owner:
            return global_ids(prepared.vocab)
        known = self._maps.get(prepared.owner, _NO_IDS)
        if prepared.owner in self._broken or len(known) != prepared.base:
            self._broken.add(prepared.owner)
            return None
        known = np.concatenate([known, global_ids(prepared.vocab)])
        self._maps[prepared.owner] = known
        return known


_NO_IDS = np.zeros(0, dtype=np.int32)


def prepare(
    articles: Sequence[Article], title_boost: float, vocab: WorkerVocab | None = None
) -> PreparedChunk:
    """Analyse articles for the index, with local term ids from
    ``vocab`` (kept across calls) or, without one, of this chunk alone."""
    sequences, title_counts, text_keys = _sequences(articles)
    tokens, new, base = _local_ids(sequences, vocab)
    n_local = base + len(new)
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
    # tf = count in the whole sequence + (boost - 1) x count in the title
    tf = body_count.astype(np.float64)
    if len(t_doc):
        where = np.searchsorted(body_doc * n_local + body_term, t_doc * n_local + t_term)
        tf[where] += t_count * (title_boost - 1)  # each pair once: no need for np.add.at
    n_tokens = np.bincount(body_doc, weights=body_count, minlength=n)
    n_title_tokens = np.bincount(t_doc, weights=t_count, minlength=n)
    return PreparedChunk(
        ids=tuple(a.id for a in articles),
        texts=tuple((a.title, a.body, a.tags) for a in articles),
        text_keys=text_keys,
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


def _sequences(articles: Sequence[Article]) -> tuple[list[list[str]], list[int], np.ndarray]:
    """(each article's normalised tokens, title, tags then body, ending with a separator; the
    number of title tokens at the start of each; a digest of each one's title and body words)."""
    findall = SEQUENCE_RE.findall
    sequences: list[list[str]] = []
    title_counts: list[int] = []
    keys = np.zeros(len(articles), dtype=np.int64)
    for i, article in enumerate(articles):
        title = findall(normalize(article.title))
        tags = findall("\n".join(normalize(t) for t in article.tags))
        body = findall(normalize(article.body))
        # the forward index ends every document with a separator ("\n" never joins two tokens)
        sequences.append([*title, *tags, *body, _SEP_WORD])
        title_counts.append(len(title))
        keys[i] = text_key(title, body)
    return sequences, title_counts, keys


def text_key(title: Sequence[str], body: Sequence[str]) -> int:
    """A digest of a text's words: copies of one article (saved twice, or filed under two
    sections) share it whatever their spacing, tags or files."""
    text = " ".join(title) + "\n" + " ".join(body)
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _local_ids(
    sequences: list[list[str]], vocab: WorkerVocab | None
) -> tuple[np.ndarray, list[str], int]:
    """(every token as a local id, the words given ids here, the first of those ids)."""
    # local ids in order of first occurrence (the order the index hands out new term ids),
    # with C-level passes over the tokens and a Python loop over the distinct words only
    every = list(chain.from_iterable(sequences))
    words = dict.fromkeys(chain((_SEP_WORD,), every))
    if vocab is None:  # the chunk's own vocabulary: every word is new
        new = list(words)
        local = dict(zip(new, range(len(new)), strict=True))
        base = 0
    else:
        local = vocab.ids
        base = len(local)
        new = []
        for word in words:
            if word not in local:
                local[word] = len(local)
                new.append(word)
    tokens = np.fromiter(map(local.__getitem__, every), dtype=np.int32, count=len(every))
    return tokens, new, base


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
