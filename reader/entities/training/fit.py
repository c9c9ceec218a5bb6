"""The two CRF passes, trained on labelled sentences: ``fit``.

The first pass tags each sentence from its own features; the second ("document consistency",
``consistency.py``) sees the first pass's labels across the sentence's document. It learns from
first-pass labels made by models that never saw the sentence (``crf.jackknife_tags``), as at run
time the first pass meets text it never saw.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.entities.conll import Sentence, score, to_bio, to_bioes
from reader.entities.consistency import blocks, second_pass_features
from reader.entities.document_rules import Splitter, apply_document_rules
from reader.entities.features import Analysis
from reader.entities.training.bias import choose_penalty, penalise_label
from reader.entities.training.crf import fold_models, jackknife_tags, train_crf
from reader.entities.training.pipeline import Pipeline, contiguous_folds
from reader.entities.training.selftrain import confident_sentences, tag_counts, votes

Log = Callable[[str], None]

# The second pass learns from first-pass labels made by models that never saw the sentence
# (``jackknife_tags``), each trained on (PASS_FOLDS - 1) / PASS_FOLDS of the data; at run time
# the labels come from the model trained on all of it. Eight folds (87.5%) put those training
# labels closer to the run-time ones than four (75%): dev 73.75 -> 73.88 with the features of
# 62b1a57, 74.03 -> 74.28 with the quote and nisba cues (``features.py``), for twice the
# training time of the jackknife.
PASS_FOLDS = 8
# The corpus votes of a training sentence come from the model of the other half; the halves
# alternate every HALF_UNIT sentences (a pseudo-document before BLOCK grew to 30; measured so).
HALF_UNIT = 15
# The second pass weighs twice as many attributes as the first and wants less L1, more L2 than
# the first pass's (0.05, 0.02): out of fold (4 folds of the training part, BLOCK 15) 74.69 -> 75.07,
# dev 73.58 -> 73.68 (c1 0.01 / c2 0.1: 74.97 / 73.66; 0.03 / 0.15: 74.95 / 73.34; c1 0.1:
# 74.47 / 73.15). ``--c1``/``--c2`` set the first pass only.
SECOND_PASS_PARAMS: dict[str, float] = {"c1": 0.03, "c2": 0.05}


def fit(
    pipe: Pipeline,
    sentences: list[Sentence],
    model: Path,
    model2: Path,
    *,
    corpus: Sequence[list[str]],
    log: Log,
    params: dict,
    o_penalty: float | None = None,
    self_corpus: Sequence[list[str]] = (),
) -> dict[str, str]:
    """Train the first-pass CRF (``model``) and the document-consistency CRF (``model2``);
    returns the corpus votes to use with them. ``o_penalty``: the second pass's O penalty
    (``bias.py``); None chooses it on out-of-fold predictions. ``self_corpus``: unlabelled
    sentences for self-training the first pass (``selftrain.confident_sentences``): each
    first-pass model, the jackknife's included, is trained again with the ones it labelled
    confidently (a fold's model labels them with the names gazetteer of its own sentences, so
    the second pass still learns from labels of text the first pass never saw)."""
    started = time.monotonic()

    def took(message: str) -> None:
        log(f"  {message} in {time.monotonic() - started:.0f} s")

    ys = [to_bioes([t for _, t in s]) for s in sentences]
    half_of = [(i // HALF_UNIT) % 2 for i in range(len(sentences))]
    counts = half_counts(pipe, sentences, half_of, corpus, params)
    took("corpus votes from two half models")
    analysed = pipe.features(sentences, half_of, {0: votes(counts[1]), 1: votes(counts[0])})
    xs = [a.features for a in analysed]
    took("features")
    train_crf(xs, ys, model, params)
    if self_corpus:
        more_xs, more_ys = confident_sentences(
            model, pipe.extractor(sentences, votes(*counts)), self_corpus
        )
        train_crf([*xs, *more_xs], [*ys, *more_ys], model, params)
        log(f"  self-training: {len(more_xs):,} confident corpus sentences added")
    took("first pass trained")
    fold_of = contiguous_folds(len(sentences), PASS_FOLDS)
    first = jackknifed_first_pass(
        pipe, sentences, xs, ys, fold_of=fold_of, params=params, self_corpus=self_corpus
    )
    took(f"first-pass labels by {PASS_FOLDS}-fold jackknife")
    xs2 = second_features(analysed, first)
    train_crf(xs2, ys, model2, SECOND_PASS_PARAMS)
    took("second pass trained")
    if o_penalty is None:
        o_penalty = tune_penalty(
            sentences,
            analysed,
            xs2,
            ys,
            fold_of,
            first=first,
            params=SECOND_PASS_PARAMS,
            split=pipe.splitter.split,
            log=log,
        )
    penalise_label(model2, model2, o_penalty)
    took(f"O penalty {o_penalty:g}")
    return votes(*counts)


def half_counts(
    pipe: Pipeline,
    sentences: Sequence[Sentence],
    half_of: Sequence[int],
    corpus: Sequence[list[str]],
    params: dict,
) -> list[dict]:
    """How a model of each half of ``sentences`` tags each corpus word (none without a corpus):
    a training sentence gets the votes of the other half's model (``selftrain.py``)."""
    counts: list[dict] = [{}, {}]
    with tempfile.TemporaryDirectory() as tmp:
        for h in (0, 1) if corpus else ():
            half = [s for i, s in enumerate(sentences) if half_of[i] == h]
            extractor = pipe.extractor(half)
            half_model = Path(tmp) / f"half{h}.crfsuite"
            train_crf(
                [extractor.sentence([w for w, _ in s]) for s in half],
                [to_bioes([t for _, t in s]) for s in half],
                half_model,
                {**params, "max_iterations": 100},
            )
            counts[h] = tag_counts(half_model, extractor, corpus)
    return counts


def jackknifed_first_pass(
    pipe: Pipeline,
    sentences: Sequence[Sentence],
    xs: Sequence[list[list[str]]],
    ys: Sequence[list[str]],
    *,
    fold_of: Sequence[int],
    params: dict,
    self_corpus: Sequence[list[str]],
) -> list[list[str]]:
    """First-pass labels of each sentence from a model of the other ``PASS_FOLDS - 1`` folds."""

    def fold_extra(k: int, fold_model: Path) -> tuple[list, list]:
        own = [s for i, s in enumerate(sentences) if fold_of[i] != k]
        return confident_sentences(fold_model, pipe.extractor(own), self_corpus)

    with tempfile.TemporaryDirectory() as tmp:
        return jackknife_tags(
            xs,
            ys,
            fold_of,
            folds=PASS_FOLDS,
            workdir=Path(tmp),
            params={**params, "max_iterations": 100},
            extra=fold_extra if self_corpus else None,
        )


def recogniser_output(
    sentences: Sequence[Sentence],
    analysed: Sequence[Analysis],
    second: Sequence[Sequence[str]],
    first: Sequence[Sequence[str]],
    split: Splitter,
) -> list[list[str]]:
    """The second pass's labels (BIO) through the document rules, block by block as the
    recogniser runs them on ``main.py ner`` input: what it would output for ``sentences``."""
    out: list[list[str]] = []
    for block in blocks(len(sentences)):
        out += apply_document_rules(
            [second[i] for i in block],
            [first[i] for i in block],
            [[w for w, _ in sentences[i]] for i in block],
            [analysed[i].stems for i in block],
            mined=[analysed[i].mined for i in block],
            split=split,
        )
    return out


def tune_penalty(
    sentences: Sequence[Sentence],
    analysed: Sequence[Analysis],
    xs2: Sequence[list[list[str]]],
    ys: Sequence[list[str]],
    fold_of: Sequence[int],
    *,
    first: Sequence[Sequence[str]],
    params: dict,
    split: Splitter,
    log: Log,
) -> float:
    """The O penalty of the second pass (``bias.py``), chosen on out-of-fold predictions of the
    training sentences: second-pass models of the same folds as the first-pass jackknife, each
    scored on the fold it never saw, as the recogniser outputs it (``document_rules.py``)."""
    gold = [[t for _, t in s] for s in sentences]
    held = [[i for i in range(len(sentences)) if fold_of[i] == k] for k in range(PASS_FOLDS)]

    def evaluate(predictions: list[list[list[str]]]) -> float:
        tags: list = [None] * len(sentences)
        for indices, predicted in zip(held, predictions, strict=True):
            for i, t in zip(indices, predicted, strict=True):
                tags[i] = to_bio(t)
        return score(gold, recogniser_output(sentences, analysed, tags, first, split))[-1].f1

    with tempfile.TemporaryDirectory() as tmp:
        models = fold_models(
            xs2,
            ys,
            fold_of,
            folds=PASS_FOLDS,
            workdir=Path(tmp),
            params={**params, "max_iterations": 100},
        )
        penalty, tried = choose_penalty(models, [[xs2[i] for i in h] for h in held], evaluate)
    log("  out-of-fold F1 by O penalty: " + ", ".join(f"{p:g}: {f:.4f}" for p, f in tried))
    return penalty


def second_features(analysed: Sequence[Analysis], first) -> list[list[list[str]]]:
    out: list[list[list[str]]] = []
    for block in blocks(len(analysed)):
        out += second_pass_features(
            [analysed[i].features for i in block],
            [analysed[i].stems for i in block],
            [first[i] for i in block],
        )
    return out
