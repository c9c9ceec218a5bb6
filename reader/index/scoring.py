"""BM25 over numpy posting arrays (Robertson & Zaragoza, "The Probabilistic Relevance Framework:
BM25 and Beyond", 2009), the standard parameters k1 = 1.2, b = 0.75.

Scoring a term is a handful of vectorised operations over its postings, whatever their number:
PERFORMANCE.md measured a per-document Python loop at ~1.2 µs per matching document.
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
) -> None:
    """Add one term's BM25 to ``scores`` (indexed by doc number), times ``weight``.

    ``postings`` is (doc numbers, term frequencies); ``n`` the number of live documents; ``field``
    is (each document's length in this field, the average length). The idf is the Lucene form
    log(1 + (n - df + 0.5) / (df + 0.5)), never negative, so a very common word still adds a bit.
    """
    docs, tfs = postings
    lengths, avg = field
    if len(docs) == 0:
        return
    df = min(len(docs), n)
    idf = float(np.log1p((n - df + 0.5) / (df + 0.5)))
    norm = K1 * (1 - B + B * lengths[docs] / avg)
    scores[docs] += (weight * idf) * tfs * (K1 + 1) / (tfs + norm)
