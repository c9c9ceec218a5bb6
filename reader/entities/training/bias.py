"""Recall-oriented decoding: a penalty on the ``O`` label written into a trained CRF.

The trained models are conservative (dev precision 79, recall 67): for a name the training data
never saw, the word's own features are weak and ``O`` wins. Lowering the score of ``O`` at every
token by ``penalty`` makes Viterbi prefer an entity label whenever the model was close to one.
Every token carries the bias attribute ``b`` (``features.py``), so subtracting ``penalty`` from
the weight of the state feature (``b``, ``O``) does exactly that, inside the model's own
decoding: tagging costs nothing more. The penalty is chosen on out-of-fold predictions of the
training part (``choose_penalty``), never on dev.

Measured (issue 4): swept on the dev models, penalties of 0.5-1 gain at most 0.4 F1 (72.1 ->
72.5, noise) as precision falls as fast as recall rises; out of fold every run chose 0. The
misses are mostly unseen names whose boundaries or type are wrong, not near-misses of O.

CRFsuite offers no API to change a weight, so ``penalise_label`` rewrites the 8-byte weight in
the model file, where ``crf_model.state_weight_offset`` finds it (the reader of the format the
recogniser uses).
"""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pycrfsuite

from reader.entities.crf_model import state_weight_offset

BIAS_ATTRIBUTE = "b"
_WEIGHT = struct.Struct("<d")


def penalise_label(
    model: Path, target: Path, penalty: float, label: str = "O", attribute: str = BIAS_ATTRIBUTE
) -> None:
    """Write to ``target`` the model with ``penalty`` subtracted from the weight of the state
    feature (``attribute``, ``label``)."""
    data = bytearray(model.read_bytes())
    if penalty:
        try:
            at = state_weight_offset(bytes(data), attribute, label)
        except (ValueError, struct.error) as exc:
            raise ValueError(f"{model}: {exc}") from None
        (weight,) = _WEIGHT.unpack_from(data, at)
        _WEIGHT.pack_into(data, at, weight - penalty)
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
