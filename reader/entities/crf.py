"""Training and tagging with CRFsuite, shared by ``train`` and ``evaluate``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pycrfsuite

from reader.entities.conll import Sentence
from reader.entities.features import FeatureExtractor

DEFAULT_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.02,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


def train_crf(
    features: Sequence[list[list[str]]],
    labels: Sequence[list[str]],
    model_path: Path,
    params: dict[str, float | int | bool] | None = None,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in zip(features, labels, strict=True):
        trainer.append(xseq, yseq)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def featurise(
    sentences: Sequence[Sentence], extractor: FeatureExtractor
) -> tuple[list[list[list[str]]], list[list[str]]]:
    xs = [extractor.sentence([w for w, _ in s]) for s in sentences]
    ys = [[t for _, t in s] for s in sentences]
    return xs, ys


def tag_all(model_path: Path, xs: Sequence[list[list[str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    try:
        return [tagger.tag(x) if x else [] for x in xs]
    finally:
        tagger.close()


def jackknife(
    sentences: Sequence[Sentence],
    folds: int,
    build: Callable[[Sequence[Sentence]], FeatureExtractor],
) -> list[list[list[str]]]:
    """Features of each fold computed with an extractor built from the *other* folds.

    Used for everything learnt from the labels themselves (the names gazetteer): at run time the
    model meets names it has never seen, so in training it must see the gazetteer miss too.
    """
    out: list[list[list[str]] | None] = [None] * len(sentences)
    for k in range(folds):
        held = [i for i in range(len(sentences)) if i % folds == k]
        held_set = set(held)
        rest = [s for i, s in enumerate(sentences) if i not in held_set]
        extractor = build(rest)
        for i in held:
            out[i] = extractor.sentence([w for w, _ in sentences[i]])
    return [x for x in out if x is not None]
