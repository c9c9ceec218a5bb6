"""The forward index: each document's token ids in reading order, for phrase queries.

A phrase must match word order and adjacency after normalisation (issue 3). Candidates come from
the postings (documents holding every word); this store verifies them. Token ids cost 4 bytes a
token (40 MB for the 41k ANT articles, a third of keeping their normalised text), and the check
runs vectorised over all candidates at once: their token runs are gathered into one array and
compared shifted by 0..k-1 positions.

Line breaks (between title, each tag and each body paragraph) are stored as the separator id, and
every document ends with one, so a phrase never spans two paragraphs or two documents.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np

SEPARATOR = 0  # the term id the index reserves for "\n"


class ForwardIndex:
    def __init__(self) -> None:
        # sealed tokens live in one numpy array; new ones gather in a small array until seal()
        self._sealed = np.zeros(0, dtype=np.int32)
        self._pending = array("i")
        self._starts = array("q")
        self._bounds: np.ndarray | None = None

    def add(self, doc: int, token_ids: list[int]) -> None:
        """Append the next document's tokens (doc numbers are consecutive from 0)."""
        if doc != len(self._starts):
            raise ValueError(
                f"documents must be added in order: got {doc}, expected {len(self._starts)}"
            )
        self._starts.append(len(self._sealed) + len(self._pending))
        self._pending.fromlist(token_ids)
        self._pending.append(SEPARATOR)
        self._bounds = None

    def seal(self) -> None:
        """Move the pending tokens into the numpy array (the index calls this when it flushes)."""
        if self._pending:
            pending = np.frombuffer(self._pending, dtype=np.int32)
            self._sealed = np.concatenate([self._sealed, pending])
            self._pending = array("i")

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        self.seal()
        if self._bounds is None:
            bounds = np.empty(len(self._starts) + 1, dtype=np.int64)
            bounds[:-1] = self._starts
            bounds[-1] = len(self._sealed)
            self._bounds = bounds
        return self._sealed, self._bounds

    def with_phrase(
        self,
        docs: np.ndarray,
        phrase: Sequence[Sequence[int]],
        mapping: np.ndarray | None = None,
    ) -> np.ndarray:
        """The documents among ``docs`` (doc numbers) where the phrase occurs.

        ``phrase`` gives, for each position, the ids that may stand there; with ``mapping`` the
        stored token ids are first mapped through it (surface id → stem id, to match by stem).
        """
        if len(docs) == 0 or not phrase or not all(phrase):
            return docs[:0]
        tokens, bounds = self._arrays()
        starts, lengths = bounds[docs], bounds[docs + 1] - bounds[docs]
        ends = np.cumsum(lengths)
        total = int(ends[-1])
        k = len(phrase)
        if total < k:
            return docs[:0]
        # positions of every candidate's tokens, back to back
        gather = np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths)
        seq = tokens[gather]
        if mapping is not None:
            seq = mapping[seq]
        hit = np.ones(total - k + 1, dtype=np.bool_)
        for i, ids in enumerate(phrase):
            window = seq[i : total - k + 1 + i]
            hit &= window == ids[0] if len(ids) == 1 else np.isin(window, ids)
        where = np.flatnonzero(hit)
        return np.unique(docs[np.searchsorted(ends, where, side="right")])

    def nbytes(self) -> int:
        return self._sealed.nbytes + 4 * len(self._pending) + 8 * len(self._starts)
