"""Prefix search (``مستشف*``): the indexed words, and their stems, that a prefix stands for.

A plain prefix is matched on the words as written and on their stems, which carry no article or
clitic: ``اقتص*`` finds الاقتصاد and واقتصاديا, as a reader of Arabic expects. A quoted one
(``"وزير الخارج*"``) is matched on the words as written only, as quoted words are.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left

import numpy as np

from reader.index.postings import PostingStore
from reader.index.store import IndexStore

# A prefix reads at most this many words (and as many stems), those in the most documents: a
# two-letter prefix starts tens of thousands of words, and a search must stay interactive.
MAX_PREFIX_WORDS = 500


def prefix_forms(store: IndexStore, prefix: str) -> list[tuple[str, int]]:
    """(word, term id) of the indexed words that start with ``prefix`` (normalised)."""
    return _most_common(_sorted(store, "terms", store.terms), prefix, store.surface_postings)


def prefix_stems(store: IndexStore, prefix: str) -> list[tuple[str, int]]:
    """(stem, stem id) of the words that start with ``prefix`` and of the stems that do."""
    found = dict(_most_common(_sorted(store, "stems", store.stems), prefix, store.stem_postings))
    for word, _ in prefix_forms(store, prefix):
        key = store.stem(word)
        sid = store.stems.get(key)
        if sid is not None:
            found[key] = sid
    if len(found) <= MAX_PREFIX_WORDS:
        return list(found.items())
    dfs = store.stem_postings.dfs(np.fromiter(found.values(), dtype=np.int64, count=len(found)))
    items = list(found.items())
    return [items[i] for i in _top(dfs)]


def _most_common(
    vocabulary: tuple[list[str], np.ndarray], prefix: str, postings: PostingStore
) -> list[tuple[str, int]]:
    """The words of ``vocabulary`` starting with ``prefix``, at most ``MAX_PREFIX_WORDS`` of
    them, those in the most documents."""
    words, ids = vocabulary
    start = bisect_left(words, prefix)
    end = bisect_left(words, prefix + "\U0010ffff", lo=start)
    if end - start <= MAX_PREFIX_WORDS:
        return [(words[i], int(ids[i])) for i in range(start, end)]
    # counted in one go: a two-letter prefix starts tens of thousands of words
    chosen = _top(postings.dfs(ids[start:end])) + start
    return [(words[i], int(ids[i])) for i in chosen]


def _top(dfs: np.ndarray) -> np.ndarray:
    """Indexes of the ``MAX_PREFIX_WORDS`` largest of ``dfs``, largest first."""
    top = np.argpartition(-dfs, MAX_PREFIX_WORDS - 1)[:MAX_PREFIX_WORDS]
    return top[np.lexsort((top, -dfs[top]))]


def _sorted(
    store: IndexStore, name: str, vocabulary: dict[str, int]
) -> tuple[list[str], np.ndarray]:
    """A vocabulary of the store, sorted, with its ids; kept beside the store until words are
    added to it."""
    cache = _SORTED.setdefault(store, {})
    cached = cache.get(name)
    if cached is None or cached[0] != len(vocabulary):
        # sorted() copies the items in C, in one step: a search may run while articles are added
        pairs = sorted(vocabulary.items())
        words = [word for word, _ in pairs]
        ids = np.fromiter((i for _, i in pairs), dtype=np.int64, count=len(pairs))
        cached = cache[name] = (len(pairs), words, ids)
    return cached[1], cached[2]


_SORTED: weakref.WeakKeyDictionary[IndexStore, dict[str, tuple[int, list[str], np.ndarray]]] = (
    weakref.WeakKeyDictionary()
)
