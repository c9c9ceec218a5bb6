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

import copy
from array import array
from collections.abc import Sequence

import numpy as np

SEPARATOR = 0  # the term id the index reserves for "\n"


class ForwardIndex:
    def __init__(self) -> None:
        # sealed tokens live in numpy blocks, joined into one array when a phrase is first looked
        # up (joining at every seal copied the whole array each time: at 100,000 articles a
        # second 100 MB copy at the peak of a cold build); new ones gather in a small array
        self._sealed: list[np.ndarray] = []
        self._n_sealed = 0
        self._pending = array("i")
        self._starts = array("q")
        self._bounds: np.ndarray | None = None
        # the low byte of every sealed token (see with_phrase), built at the first phrase lookup
        self._low: np.ndarray | None = None

    def __getstate__(self) -> dict:
        # the low bytes are derived: not saved in snapshots, rebuilt when first needed
        return {k: v for k, v in vars(self).items() if k != "_low"}

    def __setstate__(self, state: dict) -> None:
        vars(self).update(state)
        self._low = None

    def shared_copy(self) -> ForwardIndex:
        """A copy sharing the sealed blocks (immutable), with lists and pending tokens of its own:
        either index may add documents."""
        forward = copy.copy(self)
        forward._pending = array("i", self._pending)
        forward._sealed = list(self._sealed)
        forward._starts = array("q", self._starts)
        forward._bounds = None
        return forward

    def add(self, doc: int, token_ids: list[int]) -> None:
        """Append the next document's tokens (doc numbers are consecutive from 0)."""
        if doc != len(self._starts):
            raise ValueError(
                f"documents must be added in order: got {doc}, expected {len(self._starts)}"
            )
        self._starts.append(self._n_sealed + len(self._pending))
        self._pending.fromlist(token_ids)
        self._pending.append(SEPARATOR)
        self._bounds = None

    def add_block(self, first: int, tokens: np.ndarray, starts: np.ndarray) -> None:
        """Append consecutive documents from ``first`` on: ``tokens`` (int32) holds each one's ids
        followed by a separator, ``starts`` where each begins (one more entry than documents)."""
        if first != len(self._starts):
            raise ValueError(
                f"documents must be added in order: got {first}, expected {len(self._starts)}"
            )
        base = self._n_sealed + len(self._pending)
        self._starts.extend((starts[:-1] + base).tolist())
        self._pending.frombytes(tokens.astype(np.int32, copy=False).tobytes())
        self._bounds = None

    def seal(self) -> None:
        """Move the pending tokens into the numpy array (the index calls this when it flushes)."""
        if self._pending:
            self._sealed.append(np.array(self._pending, dtype=np.int32))
            self._n_sealed += len(self._pending)
            self._pending = array("i")

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        self.seal()
        if len(self._sealed) != 1:
            self._sealed = [
                np.concatenate(self._sealed) if self._sealed else np.zeros(0, dtype=np.int32)
            ]
        if self._bounds is None:
            bounds = np.empty(len(self._starts) + 1, dtype=np.int64)
            bounds[:-1] = self._starts
            bounds[-1] = self._n_sealed
            self._bounds = bounds
        return self._sealed[0], self._bounds

    def with_phrase(
        self,
        docs: np.ndarray,
        phrase: Sequence[Sequence[int]],
        mapping: np.ndarray | None = None,
    ) -> np.ndarray:
        """The documents among ``docs`` (doc numbers, ascending) where the phrase occurs.

        ``phrase`` gives, for each position, the ids that may stand there; with ``mapping`` the
        stored token ids are first mapped through it (surface id → stem id, to match by stem).
        """
        if len(docs) == 0 or not phrase or not all(phrase):
            return docs[:0]
        tokens, bounds = self._arrays()
        starts, stops = bounds[docs], bounds[docs + 1]
        ends = np.cumsum(stops - starts)
        total = int(ends[-1])
        if total * 4 >= len(tokens):
            # many candidates (two common words): scanning every token once is cheaper than
            # gathering theirs (a 300 ms phrase became ~20 ms on the 41k ANT articles)
            where = _phrase_starts(tokens, phrase, mapping)
            found = np.searchsorted(bounds, where, side="right") - 1
            return np.intersect1d(found, docs)
        # few candidates: their tokens back to back, then the same search. One slice per document
        # joined costs a quarter of a computed gather index (arange + repeat + take over every
        # token: 5.6 ms for the 5,000 documents of "الأمم المتحدة" at 100k); memoryview slices
        # joined as bytes cost less than numpy views joined by concatenate (1.0 against 1.6 ms)
        pairs = zip(starts.tolist(), stops.tolist(), strict=True)
        if mapping is None:
            # matching by token id: gather only the low byte of each token (a quarter of the
            # bytes to copy), find where the phrase's low bytes line up, then check those few
            # places on the full ids
            low = self._low_bytes(tokens).data
            runs = np.frombuffer(b"".join([low[a:b] for a, b in pairs]), dtype=np.uint8)
            where = _phrase_starts(runs, [[i & 0xFF for i in ids] for ids in phrase], None)
            at = np.searchsorted(ends, where, side="right")
            place = where + (starts - (ends - (stops - starts)))[at]
            keep = _phrase_holds(tokens, place, phrase)
            where, at = where[keep], at[keep]
        else:
            ids = tokens.data
            runs = np.frombuffer(b"".join([ids[a:b] for a, b in pairs]), dtype=np.int32)
            where = _phrase_starts(runs, phrase, mapping)
            at = np.searchsorted(ends, where, side="right")
        # ``where`` ascends, so the documents do too: drop repeats without np.unique's hashing
        return docs[at[np.r_[True, at[1:] != at[:-1]]]] if len(at) else docs[:0]

    def _low_bytes(self, tokens: np.ndarray) -> np.ndarray:
        """The low byte of every token (uint8), extended as tokens are appended (they never
        change once added)."""
        low = self._low
        if low is None or len(low) > len(tokens):
            low = tokens.astype(np.uint8)  # a C cast: keeps the low byte
        elif len(low) < len(tokens):
            low = np.concatenate([low, tokens[len(low) :].astype(np.uint8)])
        self._low = low
        return low

    def nbytes(self) -> int:
        sealed = sum(block.nbytes for block in self._sealed)
        return sealed + 4 * len(self._pending) + 8 * len(self._starts)


def _phrase_starts(
    seq: np.ndarray, phrase: Sequence[Sequence[int]], mapping: np.ndarray | None
) -> np.ndarray:
    """Positions in ``seq`` where the phrase starts: find the first word, then check the others
    only at the following positions (every document ends with a separator, so the phrase
    cannot run from one document into the next)."""
    k = len(phrase)
    if len(seq) < k:
        return np.zeros(0, dtype=np.int64)
    where = np.flatnonzero(_member(seq[: len(seq) - k + 1], phrase[0], mapping))
    for i in range(1, k):
        if len(where) == 0:
            break
        where = where[_member(seq[where + i], phrase[i], mapping)]
    return where


def _phrase_holds(
    tokens: np.ndarray, place: np.ndarray, phrase: Sequence[Sequence[int]]
) -> np.ndarray:
    """Which of the positions ``place`` in ``tokens`` start the phrase. Word by word: a place
    that reaches its document's separator (never a phrase id) drops out there, so no index runs
    past the end of the array."""
    keep = np.ones(len(place), dtype=bool)
    alive = np.arange(len(place))
    for i, ids in enumerate(phrase):
        if len(alive) == 0:
            break
        ok = _member(tokens[place[alive] + i], ids, None)
        keep[alive[~ok]] = False
        alive = alive[ok]
    return keep


def _member(values: np.ndarray, ids: Sequence[int], mapping: np.ndarray | None) -> np.ndarray:
    if mapping is not None:
        values = mapping[values]
    return values == ids[0] if len(ids) == 1 else np.isin(values, ids)
