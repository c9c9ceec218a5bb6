"""Recall-oriented decoding: a penalty on the ``O`` label written into a trained CRF.

The trained models are conservative (dev precision 79, recall 67): for a name the training data
never saw, the word's own features are weak and ``O`` wins. Lowering the score of ``O`` at every
token by ``penalty`` makes Viterbi prefer an entity label whenever the model was close to one.
Every token carries the bias attribute ``b`` (``features.py``), so subtracting ``penalty`` from
the weight of the state feature (``b``, ``O``) does exactly that, inside CRFsuite's own Viterbi:
tagging costs nothing more. The penalty is chosen on out-of-fold predictions of the training
part (``choose_penalty``), never on dev.

Measured (issue 4): swept on the dev models, penalties of 0.5-1 gain at most 0.4 F1 (72.1 ->
72.5, noise) as precision falls as fast as recall rises; out of fold every run chose 0. The
misses are mostly unseen names whose boundaries or type are wrong, not near-misses of O.

CRFsuite offers no API to change a weight, so ``penalise_label`` rewrites the 8-byte weight in
the model file (format of ``crf1d_model.c``: a 48-byte header whose offsets lead to the feature
array, 20 bytes a feature: type, source, destination as uint32, weight as a float64, and to the
attribute references, a list of feature ids per attribute id). The attribute and label ids come
from CRFsuite's own dump of the model.
"""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pycrfsuite

BIAS_ATTRIBUTE = "b"
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = 12
_FEATURE = struct.Struct("<IIId")
_STATE = 0


def _ids(model: Path, label: str, attribute: str) -> tuple[int, int]:
    """(label id, attribute id) as CRFsuite numbered them, read from its text dump."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.txt"
        tagger.dump(str(dump))
        tagger.close()
        section, label_id, attribute_id = "", -1, -1
        with dump.open(encoding="utf-8") as lines:
            for line in lines:
                if line.endswith("= {\n"):
                    section = line.split(" ", 1)[0]
                    continue
                number, sep, name = line.strip().partition(": ")
                if not sep or not number.isdigit():
                    continue
                if section == "LABELS" and name == label:
                    label_id = int(number)
                elif section == "ATTRIBUTES" and name == attribute:
                    attribute_id = int(number)
                    break
    if label_id < 0 or attribute_id < 0:
        raise ValueError(f"{model}: no label {label!r} or attribute {attribute!r}")
    return label_id, attribute_id


def penalise_label(
    model: Path, target: Path, penalty: float, label: str = "O", attribute: str = BIAS_ATTRIBUTE
) -> None:
    """Write to ``target`` the model with ``penalty`` subtracted from the weight of the state
    feature (``attribute``, ``label``)."""
    data = bytearray(model.read_bytes())
    if penalty:
        label_id, attribute_id = _ids(model, label, attribute)
        header = _HEADER.unpack_from(data, 0)
        if header[0] != b"lCRF" or header[2] != b"FOMC":
            raise ValueError(f"{model}: not a CRFsuite 1st-order model")
        off_features, off_attrrefs = header[7], header[11]
        refs = struct.unpack_from("<I", data, off_attrrefs + _CHUNK + 4 * attribute_id)[0]
        count = struct.unpack_from("<I", data, refs)[0]
        for fid in struct.unpack_from(f"<{count}I", data, refs + 4):
            at = off_features + _CHUNK + _FEATURE.size * fid
            kind, src, dst, weight = _FEATURE.unpack_from(data, at)
            if kind == _STATE and src == attribute_id and dst == label_id:
                _FEATURE.pack_into(data, at, kind, src, dst, weight - penalty)
                break
        else:
            raise ValueError(f"{model}: no weight for ({attribute!r}, {label!r})")
    target.write_bytes(bytes(data))


PENALTIES = tuple(i / 4 for i in range(0, 13))  # 0 .. 3 in quarters


def choose_penalty(
    models: Sequence[Path],
    held_out: Sequence[Sequence[list[list[str]]]],
    evaluate: Callable[[list[list[list[str]]]], float],
    penalties: Sequence[float] = PENALTIES,
) -> tuple[float, list[tuple[float, float]]]:
    """The penalty with the best score over out-of-fold predictions: ``models[k]`` never saw
    ``held_out[k]``; ``evaluate`` scores the predictions of all folds, in fold order.

    Returns the penalty and every (penalty, score) tried. Ties go to the smaller penalty.
    """
    tried: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for penalty in penalties:
            predictions: list[list[list[str]]] = []
            for k, (model, xs) in enumerate(zip(models, held_out, strict=True)):
                shifted = Path(tmp) / f"fold{k}.crfsuite"
                penalise_label(model, shifted, penalty)
                tagger = pycrfsuite.Tagger()
                tagger.open(str(shifted))
                predictions.append([tagger.tag(x) if x else [] for x in xs])
                tagger.close()
            tried.append((penalty, evaluate(predictions)))
    best = max(tried, key=lambda item: (item[1], -item[0]))
    return best[0], tried
