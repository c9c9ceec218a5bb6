"""The attributes the recogniser keeps: those with a weight large enough to move a label."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

# An attribute whose every weight is smaller than this moves no label's score by more than 5%
# (e^0.05): the recogniser does not pass it to the CRF. Measured on the shipped model over 600
# corpus articles: 8% less tagging time, 0.36% of the spans changed; on a dev-run model dev F1
# 73.58 -> 73.62 (0.1: 73.71, 0.02: 73.58).
MIN_WEIGHT = 0.05
# The second pass, trained with less L1 (fit.SECOND_PASS_PARAMS), keeps many more small weights:
# pruned at 0.05 the recogniser weighed 34k attributes instead of 24k and tagged 10% slower.
# Its attributes under 0.15 are dropped too: out of fold 74.97 -> 74.95, dev 73.71 -> 73.53
# (another run of the same features: 74.43 -> 74.58), 22.5k attributes.
SECOND_MIN_WEIGHT = 0.15


def used_attributes(models: Sequence[Path], min_weight: float = MIN_WEIGHT) -> frozenset[str]:
    """The attributes with a weight of at least ``min_weight`` (in size) in one of the models."""
    import pycrfsuite

    known: set[str] = set()
    for model in models:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        known.update(
            attr for (attr, _), w in tagger.info().state_features.items() if abs(w) >= min_weight
        )
        tagger.close()
    return frozenset(known)


def kept_attributes(model: Path, model2: Path) -> frozenset[str]:
    """The attributes the recogniser keeps (``used_attributes`` of each pass at its threshold);
    it drops every other feature."""
    return used_attributes([model], MIN_WEIGHT) | used_attributes([model2], SECOND_MIN_WEIGHT)


def write_attributes(model: Path, model2: Path, target: Path) -> None:
    target.write_text("\n".join(sorted(kept_attributes(model, model2))) + "\n", encoding="utf-8")
