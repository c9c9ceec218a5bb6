"""BM25 over numpy posting arrays (Robertson & Zaragoza, "The Probabilistic Relevance Framework:
BM25 and Beyond", 2009), the standard parameters k1 = 1.2, b = 0.75.

Scoring a term is a handful of vectorised operations over its postings, whatever their number:
a per-document Python loop costs ~1.2 µs per matching document (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import numpy as np

K1, B = 1.2, 0.75


def add_bm25(
    scores: np.ndarray,
    postings: tuple[np.ndarray, np.ndarray],
    n: int,
    weight: float,
    field: tuple[np.ndarray, float],
    *,
    live: np.ndarray | None = None,
) -> None:
    """Add one term's BM25 to ``scores`` (indexed by doc number), times ``weight``.

    ``postings`` is (doc numbers, term frequencies); ``n`` the number of live documents; ``field``
    is (each document's length in this field, the average length). The idf is the Lucene form
    log(1 + (n - df + 0.5) / (df + 0.5)), never negative, so a very common word still adds a bit.
    ``live`` (bool by doc number), when some documents were removed: their postings stay until
    the index is compacted, and must not count in the term's document frequency (a folder
    patched or followed live would score differently from the same folder read afresh).
    """
    docs, tfs = postings
    lengths, avg = field
    if len(docs) == 0:
        return
    df = min(len(docs) if live is None else int(np.count_nonzero(live[docs])), n)
    if df == 0:
        return  # only removed documents hold it
    idf = float(np.log1p((n - df + 0.5) / (df + 0.5)))
    norm = K1 * (1 - B + B * lengths[docs] / avg)
    scores[docs] += (weight * idf) * tfs * (K1 + 1) / (tfs + norm)


def stable_order(key: np.ndarray) -> np.ndarray:
    """``np.argsort(key, kind="stable")`` for integer keys in [0, 2**32), several times faster:
    each key is packed with its position into one uint64 and the packed values are sorted (no
    two are equal, so any sort gives the stable order). 40,000 results: 3.1 ms -> 0.5 ms."""
    packed = (key.astype(np.uint64) << np.uint64(32)) | np.arange(len(key), dtype=np.uint64)
    packed.sort()
    return (packed & np.uint64(0xFFFFFFFF)).astype(np.int64)


def descending_score_key(scores: np.ndarray) -> np.ndarray:
    """A key in [0, 2**32) whose ascending order is ``scores`` (float32) from highest to lowest,
    equal scores equal keys, as ``-scores`` sorts (for ``stable_order``)."""
    bits = (scores.astype(np.float32) + np.float32(0.0)).view(np.int32).astype(np.int64)  # -0 -> +0
    ascending = np.where(bits >= 0, bits, bits ^ 0x7FFFFFFF)  # monotonic in the float value
    return np.int64(0x7FFFFFFF) - ascending


def summed_postings(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Postings of several terms as one: (doc numbers ascending, tfs summed per doc)."""
    if not parts:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    if len(parts) == 1:
        return parts[0]
    docs = np.concatenate([p[0] for p in parts])
    if len(docs) == 0:
        return parts[0]
    # summed over the doc numbers directly: linear, where sorting a common prefix's millions of
    # postings was not
    summed = np.bincount(docs, weights=np.concatenate([p[1] for p in parts]))
    held = np.flatnonzero(summed)
    return held.astype(docs.dtype), summed[held].astype(np.float32)
