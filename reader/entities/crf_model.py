"""A trained CRFsuite model as arrays, and Viterbi decoding of many sentences at once.

CRFsuite's own tagger looks every attribute of every token up by its string, some 45 a token
and two models a token: most of the recogniser's time. Read as arrays, the weights of a word's
features can be summed once per word form (``features.py``) and a sentence's label scores are a
few array additions; decoding is the same first-order Viterbi CRFsuite runs
(``crf1d_context.c``), ties going to the lower label id as there, so the labels are CRFsuite's.

The file format is CRFsuite's ``crf1d_model.c``: a header whose offsets lead to the feature
chunk (its count, then per feature the type, source and destination as uint32 and the weight as
a float64) and to two CQDB string databases, the labels' and the attributes', each with a table
of its records by id.
"""

from __future__ import annotations

import dataclasses
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from reader.entities.known_features import WINDOW

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE_CHUNK = struct.Struct("<4sII")  # its id, size and number of features
_FEATURES = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_WEIGHT_AT = 12  # the weight's place in a feature, after its type, source and destination
_STATE, _TRANSITION = 0, 1
_CQDB_HEADER = struct.Struct("<4sIIIII")  # id, size, flag, byte order, records, table offset
_RECORD = struct.Struct("<II")  # id, key size (with its closing NUL)


class ModelFormatError(ValueError):
    """The file is not a CRFsuite first-order model this reader understands."""


@dataclasses.dataclass(frozen=True, eq=False)
class CrfModel:
    """One model's labels, attributes and weights, numbered as CRFsuite numbers them."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: np.ndarray  # (attributes, labels): the weight of attribute a for label y
    transitions: np.ndarray  # (labels, labels): the weight of label i followed by label j


def read_crf_model(path: Path) -> CrfModel:
    """The model in ``path``; raises ModelFormatError (or OSError) when it cannot be read."""
    data = path.read_bytes()
    try:
        return _parse(data)
    except (struct.error, IndexError, UnicodeDecodeError, ValueError) as exc:
        raise ModelFormatError(f"{path.name}: {exc}") from None


def state_weight_offset(data: bytes, attribute: str, label: str) -> int:
    """Where in a model file's ``data`` the float64 weight of the state feature (``attribute``,
    ``label``) lies (training writes a penalty there, ``training/bias.py``); ValueError when the
    model has no such weight."""
    model = _parse(data)
    try:
        a, y = model.attributes.index(attribute), model.labels.index(label)
    except ValueError:
        raise ValueError(f"no attribute {attribute!r} or label {label!r}") from None
    start, features = _feature_table(data, _HEADER.unpack_from(data, 0)[7])
    found = np.flatnonzero(
        (features["type"] == _STATE) & (features["src"] == a) & (features["dst"] == y)
    )
    if not len(found):
        raise ValueError(f"no weight for ({attribute!r}, {label!r})")
    return start + _FEATURES.itemsize * int(found[0]) + _WEIGHT_AT


def _feature_table(data: bytes, offset: int) -> tuple[int, np.ndarray]:
    """Where the features of the chunk at ``offset`` begin, and the features."""
    chunk, _, count = _FEATURE_CHUNK.unpack_from(data, offset)
    if chunk != b"FEAT":
        raise ValueError("damaged feature table")
    start = offset + _FEATURE_CHUNK.size
    return start, np.frombuffer(data, _FEATURES, count, start)


def _parse(data: bytes) -> CrfModel:
    header = _HEADER.unpack_from(data, 0)
    magic, size, kind, _, _, n_labels, n_attributes, off_features = header[:8]
    off_labels, off_attributes = header[8:10]
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a CRFsuite first-order model")
    if size != len(data):
        raise ValueError(f"{len(data):,} bytes where the model says {size:,}")
    if 8 * (n_labels + n_attributes) > size:  # each has a record of 8 bytes at least
        raise ValueError("damaged header")
    labels = _strings(data, off_labels, n_labels)
    attributes = _strings(data, off_attributes, n_attributes)
    _, features = _feature_table(data, off_features)
    state = np.zeros((n_attributes, n_labels))
    transitions = np.zeros((n_labels, n_labels))
    kinds = features["type"]
    for table, which in ((state, kinds == _STATE), (transitions, kinds == _TRANSITION)):
        chosen = features[which]
        # one feature per (source, destination): a plain assignment is the model's weight
        table[chosen["src"], chosen["dst"]] = chosen["weight"]
    return CrfModel(tuple(labels), tuple(attributes), state, transitions)


def _strings(data: bytes, offset: int, count: int) -> list[str]:
    """The ``count`` keys of the CQDB database at ``offset``, by id."""
    chunk, _, _, _, records, table = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB" or records < count:
        raise ValueError("damaged string table")
    positions = struct.unpack_from(f"<{count}I", data, offset + table)
    out = []
    for expected, position in enumerate(positions):
        at = offset + position
        number, size = _RECORD.unpack_from(data, at)
        if number != expected or size == 0:
            raise ValueError("damaged string table")
        out.append(data[at + _RECORD.size : at + _RECORD.size + size - 1].decode("utf-8"))
    return out


def viterbi(scores: Sequence[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The best label ids of each sentence, given its label scores (tokens x labels).

    All sentences are decoded together, aligned on their last token, so each step is one
    array operation for the whole batch; a sentence's steps before its first token leave its
    scores untouched. Empty sentences get empty arrays."""
    lengths = np.array([len(s) for s in scores], dtype=np.intp)
    out: list[np.ndarray] = [np.zeros(0, dtype=np.intp)] * len(scores)
    live = np.flatnonzero(lengths)
    if not len(live):
        return out
    n = int(lengths.max())
    labels = transitions.shape[0]
    batch = len(live)
    begin = n - lengths[live]  # each sentence's first step
    padded = np.zeros((batch, n, labels))
    for row, k in enumerate(live.tolist()):
        padded[row, begin[row] :] = scores[k]
    back = np.zeros((batch, n, labels), dtype=np.min_scalar_type(labels))  # label ids, small
    delta = padded[:, 0].copy()
    rows = np.arange(batch)[:, None]
    columns = np.arange(labels)[None, :]
    for t in range(1, n):
        paths = delta[:, :, None] + transitions  # (batch, from, to)
        best_from = paths.argmax(axis=1)
        back[:, t] = best_from
        extended = paths[rows, best_from, columns] + padded[:, t]
        delta = np.where((begin < t)[:, None], extended, padded[:, t])
    current = delta.argmax(axis=1)
    path = np.empty((batch, n), dtype=np.intp)
    path[:, n - 1] = current
    flat_rows = rows[:, 0]
    for t in range(n - 1, 0, -1):
        current = back[flat_rows, t, current]
        path[:, t - 1] = current
    for row, k in enumerate(live.tolist()):
        out[k] = path[row, begin[row] :]
    return out


class CrfPair:
    """The recogniser's two models over one numbering of attributes, the first-pass features
    a token carries being weighed by both: a row per attribute, the first model's labels in the
    first ``split`` columns and the second's after them, and a last row of zeros for the
    attributes neither model knows (as CRFsuite skips them)."""

    def __init__(self, first: CrfModel, second: CrfModel) -> None:
        # the models' state arrays are not kept: ``weights`` holds them
        self._transitions = (first.transitions, second.transitions)
        names = sorted({*first.attributes, *second.attributes})
        self.ids: dict[str, int] = {name: i for i, name in enumerate(names)}
        self.unknown = len(names)
        self.split = len(first.labels)
        weights = np.zeros((len(names) + 1, self.split + len(second.labels)))
        weights[[self.ids[a] for a in first.attributes], : self.split] = first.state
        weights[[self.ids[a] for a in second.attributes], self.split :] = second.state
        self.weights = weights
        self._labels = (np.array(first.labels, dtype=object), np.array(second.labels, dtype=object))

    def id_of(self, attribute: str) -> int:
        return self.ids.get(attribute, self.unknown)

    def sentence_scores(
        self, words: Sequence[np.ndarray | None], bias: int, pads: Sequence[int]
    ) -> np.ndarray:
        """Each token's label scores from its words' summed weights (``features._Word.scores``:
        its own features' and, per ``WINDOW`` offset, its features as that neighbour's), the
        padding ``pads`` stands for past the sentence's ends, and the ``bias`` every token has:
        what the features ``FeatureExtractor`` makes without weights would weigh."""
        n = len(words)
        weights = self.weights
        if not n:
            return np.zeros((0, weights.shape[1]))
        rows = np.stack(words)  # type: ignore[arg-type]
        scores = rows[:, 0] + weights[bias]
        for k, offset in enumerate(WINDOW):
            seen = rows[:, k + 1]
            pad = weights[pads[k]]
            if offset < 0:  # token i sees word i + offset; the first -offset see the padding
                scores[-offset:] += seen[:offset]
                scores[: min(-offset, n)] += pad
            else:
                scores[:-offset] += seen[offset:]
                scores[max(n - offset, 0) :] += pad
        return scores

    def add_rows(self, scores: np.ndarray, rows: Sequence[Sequence[int]], columns: slice) -> None:
        """Add to each token's ``scores`` the weights (in ``columns``) of its attribute ids."""
        counts = [len(r) for r in rows]
        total = sum(counts)
        if total:
            flat = np.fromiter((i for r in rows for i in r), dtype=np.intp, count=total)
            at = np.repeat(np.arange(len(rows)), counts)
            np.add.at(scores, at, self.weights[flat, columns])

    def decode(self, which: int, scores: Sequence[np.ndarray]) -> list[list[str]]:
        """Each sentence's labels by model ``which`` (0: first, 1: second) from its scores."""
        labels = self._labels[which]
        return [labels[path].tolist() for path in viterbi(scores, self._transitions[which])]
