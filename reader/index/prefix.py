"""Prefix search (``مستشف*``): the indexed words, and their stems, that a prefix stands for.

A plain prefix is matched on the words as written and on their stems, which carry no article or
clitic: ``اقتص*`` finds الاقتصاد and واقتصاديا, as a reader of Arabic expects. A quoted one
(``"وزير الخارج*"``) is matched on the words as written only, as quoted words are.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Callable

from reader.index.store import IndexStore

# A prefix reads at most this many words (and as many stems), those in the most documents: a
# two-letter prefix starts tens of thousands of words, and a search must stay interactive.
MAX_PREFIX_WORDS = 500


def prefix_forms(store: IndexStore, prefix: str) -> list[tuple[str, int]]:
    """(word, term id) of the indexed words that start with ``prefix`` (normalised)."""
    found = _starting(_sorted(store, "terms", store.terms), prefix, store.terms)
    return _most_common(found, store.surface_postings.df)


def prefix_stems(store: IndexStore, prefix: str) -> list[tuple[str, int]]:
    """(stem, stem id) of the words that start with ``prefix`` and of the stems that do."""
    found = dict(_starting(_sorted(store, "stems", store.stems), prefix, store.stems))
    for word, _ in prefix_forms(store, prefix):
        key = store.stem(word)
        sid = store.stems.get(key)
        if sid is not None:
            found[key] = sid
    return _most_common(list(found.items()), store.stem_postings.df)


def _starting(vocabulary: list[str], prefix: str, ids: dict[str, int]) -> list[tuple[str, int]]:
    start = bisect_left(vocabulary, prefix)
    end = bisect_left(vocabulary, prefix + "\U0010ffff", lo=start)
    return [(word, ids[word]) for word in vocabulary[start:end]]


def _most_common(found: list[tuple[str, int]], df: Callable[[int], int]) -> list[tuple[str, int]]:
    if len(found) <= MAX_PREFIX_WORDS:
        return found
    return sorted(found, key=lambda item: -df(item[1]))[:MAX_PREFIX_WORDS]


def _sorted(store: IndexStore, name: str, vocabulary: dict[str, int]) -> list[str]:
    """A vocabulary of the store, sorted; kept beside the store until words are added to it."""
    cache = _SORTED.setdefault(store, {})
    cached = cache.get(name)
    if cached is None or cached[0] != len(vocabulary):
        # list() copies the dict in one step: a search may run while articles are added
        words = list(vocabulary)
        cached = cache[name] = (len(words), sorted(words))
    return cached[1]


_SORTED: weakref.WeakKeyDictionary[IndexStore, dict[str, tuple[int, list[str]]]] = (
    weakref.WeakKeyDictionary()
)
