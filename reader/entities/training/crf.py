"""Training and tagging with CRFsuite, and models of folds for the jackknife (``fit.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pycrfsuite

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


def tag_all(model_path: Path, xs: Sequence[list[list[str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    try:
        return [tagger.tag(x) if x else [] for x in xs]
    finally:
        tagger.close()


# (fold, the fold's model) -> extra training sentences (features, labels) for that fold
Extra = Callable[[int, Path], tuple[list[list[list[str]]], list[list[str]]]]


def fold_models(
    xs: Sequence[list[list[str]]],
    ys: Sequence[list[str]],
    fold_of: Sequence[int],
    *,
    folds: int,
    workdir: Path,
    params: dict[str, float | int | bool] | None = None,
    extra: Extra | None = None,
) -> list[Path]:
    """One model per fold ``k``, trained on every sentence outside it (``workdir/fold{k}``).

    ``extra``: self-training (``selftrain.py``): given the fold's model, the sentences to add;
    the fold's model is then trained again on its sentences plus those.
    """
    models = []
    for k in range(folds):
        model = workdir / f"fold{k}.crfsuite"
        train_xs = [xs[i] for i in range(len(xs)) if fold_of[i] != k]
        train_ys = [ys[i] for i in range(len(xs)) if fold_of[i] != k]
        train_crf(train_xs, train_ys, model, params)
        if extra is not None:
            more_xs, more_ys = extra(k, model)
            if more_xs:
                train_crf(train_xs + more_xs, train_ys + more_ys, model, params)
        models.append(model)
    return models


def jackknife_tags(
    xs: Sequence[list[list[str]]],
    ys: Sequence[list[str]],
    fold_of: Sequence[int],
    *,
    folds: int,
    workdir: Path,
    params: dict[str, float | int | bool] | None = None,
    extra: Extra | None = None,
) -> list[list[str]]:
    """First-pass labels of the training data as a model that never saw them would give them.

    The second pass learns how far to trust first-pass labels; trained on labels the first pass
    had memorised, it would trust them far too much.
    """
    out: list = [None] * len(xs)
    models = fold_models(xs, ys, fold_of, folds=folds, workdir=workdir, params=params, extra=extra)
    for k, model in enumerate(models):
        held = [i for i in range(len(xs)) if fold_of[i] == k]
        for i, tags in zip(held, tag_all(model, [xs[i] for i in held]), strict=True):
            out[i] = tags
    return out
