"""Rebuild the entity model from ../shared: ``python -m reader.entities.training``.

Steps (progress on stdout): word counts and clusters from the unlabelled ANT corpus (word2vec
clusters of words, fastText clusters of clitic-stripped stems); CLDR
gazetteer; CRF on the first 90% of the ANERcorp training file with the training-names gazetteer
built by 5-fold jackknife; conlleval scores on the held-out last 10% (dev); then the shipped model,
retrained the same way on all sentences. Seeds are fixed; the result is reproducible.
Person names mined from the corpus (``mining.py``) are features too (``--no-mine`` turns them
off) and the list is written to the gazetteers folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from reader.entities import paths
from reader.entities.conll import Sentence, format_scores, read_conll, score, split_dev, to_bio
from reader.entities.features import FeatureExtractor
from reader.entities.gazetteer import write_entries
from reader.entities.paths import model_digests
from reader.entities.training.attributes import kept_attributes, write_attributes
from reader.entities.training.crf import tag_all
from reader.entities.training.fit import Log, fit, recogniser_output, second_features
from reader.entities.training.inputs import NAMES_HEADER, build_pipeline, corpus_samples
from reader.entities.training.pipeline import Pipeline
from reader.entities.votes import write_votes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader.entities.training", description=__doc__)
    _input_options(parser)
    _model_options(parser)
    return parser


def _input_options(parser: argparse.ArgumentParser) -> None:
    """Where the data comes from, and which of the expensive unlabelled-text steps to reuse."""
    parser.add_argument("--shared", type=Path, default=paths.SHARED)
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        help="unpacked corpus folder (default: the shared *.tar.xz, streamed)",
    )
    parser.add_argument(
        "--lexicon", type=Path, help="reuse this lexicon.tsv instead of rebuilding the clusters"
    )
    parser.add_argument(
        "--stem-clusters",
        type=Path,
        help="reuse this stem-clusters.tsv instead of rebuilding the stem clusters (fastText)",
    )
    parser.add_argument(
        "--mine",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="mine person names from the corpus as features (mining.py); on by default: on "
        "dev (2007 names) it is neutral (0.723-0.727 against 0.722 before the contiguous folds), "
        "but it is what makes names of the corpus years PERS (ترامب, خامنئي in the seed)",
    )
    parser.add_argument(
        "--mined", type=Path, help="with --mine: reuse this mined-names.tsv instead of mining again"
    )


def _model_options(parser: argparse.ArgumentParser) -> None:
    """Where the model goes, its features and its training parameters."""
    parser.add_argument(
        "--places",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the Arab world's towns and the world's cities (world-places.tsv, GeoNames) as a "
        "gazetteer feature",
    )
    parser.add_argument(
        "--world-names",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="names of people, clubs and places, Arab and foreign (world-names.tsv: arabnamer, "
        "Arabic Wikipedia's titles through ArWikiCats) as a gazetteer feature",
    )
    parser.add_argument("--models", type=Path, default=paths.MODELS)
    parser.add_argument("--gazetteers", type=Path, default=paths.GAZETTEERS)
    parser.add_argument(
        "--dev-model", type=Path, help="also keep the dev-run models in this folder"
    )
    parser.add_argument(
        "--votes",
        action="store_true",
        help="add corpus votes (selftrain.py); off by default: they learnt the first model's "
        "blind spots (newer names voted O) and gained under 1 F1 on dev",
    )
    parser.add_argument(
        "--self-train",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="self-train the first pass on confidently labelled corpus sentences "
        "(selftrain.py); off by default: out of fold it lifted the first pass (72.9 -> 73.4) "
        "but not the output of the second (74.2 -> 74.1; dev 73.4 -> 72.7)",
    )
    parser.add_argument(
        "--c1", type=float, default=None, help="L1 weight of the first pass (default in crf.py)"
    )
    parser.add_argument(
        "--c2", type=float, default=None, help="L2 weight of the first pass (default in crf.py)"
    )
    parser.add_argument(
        "--hide-below",
        type=int,
        default=2,
        help="hide the identity features of training stems seen fewer times than this "
        "(default 2: words seen once look to the CRF as an unseen word will; 0 turns it off)",
    )
    parser.add_argument(
        "--o-penalty",
        type=float,
        default=None,
        help="penalty on the O label of the second pass (bias.py); default: chosen on "
        "out-of-fold predictions of the training part; 0 turns it off",
    )
    parser.add_argument(
        "--dev-f1",
        type=float,
        help="skip the dev run and record this dev F1 in ner-meta.json: the one a --dev-only run "
        "with the same options printed (training is deterministic), for half the time",
    )
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="stop after the dev score; do not write the shipped model",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    def log(message: str) -> None:
        print(message, flush=True)

    train_file = args.shared / "ner" / "anercorp-train.txt"
    if not train_file.is_file():
        print(f"{train_file}: missing (the shared data is needed to train)", file=sys.stderr)
        return 2
    started = time.monotonic()
    sentences = read_conll(train_file)
    train, dev = split_dev(sentences)
    log(f"ANERcorp: {len(train):,} training and {len(dev):,} dev sentences")
    pipe = build_pipeline(args, train, log, started)
    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2)) if v is not None}
    corpus, self_corpus = corpus_samples(args, log, started)
    fit_options = {
        "corpus": corpus,
        "params": params,
        "o_penalty": args.o_penalty,
        "self_corpus": self_corpus,
    }
    if args.dev_f1 is None:
        dev_f1 = dev_run(pipe, train, dev, args.dev_model, log=log, **fit_options)
    else:
        dev_f1 = args.dev_f1
        log(f"dev run skipped: dev F1 {dev_f1:.4f} as given")
    if args.dev_only:
        return 0
    log("final model: training on all sentences")
    final_run(pipe, sentences, args.models, args.gazetteers, dev_f1, log=log, **fit_options)
    model_path = args.models / paths.MODEL
    log(
        f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 0


def final_run(
    pipe: Pipeline,
    sentences: list[Sentence],
    models: Path,
    gazetteers: Path,
    dev_f1: float,
    *,
    log: Log,
    **fit_options,
) -> None:
    """The shipped model, trained on every sentence, with the files the recogniser reads beside
    it and ``ner-meta.json`` (dev F1 of the same training on the first 90%, digests)."""
    model_path = models / paths.MODEL
    final_votes = fit(pipe, sentences, model_path, models / paths.MODEL2, log=log, **fit_options)
    write_votes(final_votes, models / paths.VOTES)
    write_entries(pipe.names(sentences), gazetteers / paths.NAMES, NAMES_HEADER)
    write_attributes(model_path, models / paths.MODEL2, models / paths.ATTRIBUTES)
    meta = {
        "dev_f1": round(dev_f1, 4),
        "trained_on": "all",
        "sentences": len(sentences),
        "sha256": model_digests(models),
    }
    (models / paths.META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def dev_run(
    pipe: Pipeline,
    train: list[Sentence],
    dev: list[Sentence],
    keep: Path | None,
    *,
    log,
    **fit_options,
) -> float:
    """Train on ``train`` as the shipped model is trained on everything and score ``dev`` as the
    recogniser tags it; returns dev F1. ``keep``: a folder to keep the dev-run models in."""
    with tempfile.TemporaryDirectory() as tmp:
        dev_model, dev_model2 = Path(tmp) / "dev1.crfsuite", Path(tmp) / "dev2.crfsuite"
        log("dev run: training on the first 90%")
        dev_votes = fit(pipe, train, dev_model, dev_model2, log=log, **fit_options)
        # dev is tagged as the recogniser tags: only the attributes it keeps
        dev_extractor = pipe.extractor(
            train, dev_votes, known=kept_attributes(dev_model, dev_model2)
        )
        f1 = score_dev(dev, dev_extractor, dev_model, dev_model2, log)
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            for m in (dev_model, dev_model2):
                (keep / m.name).write_bytes(m.read_bytes())
    return f1


def score_dev(
    dev: list[Sentence], extractor: FeatureExtractor, model: Path, model2: Path, log
) -> float:
    """Scores of each pass on ``dev`` and of the output as the recogniser gives it; its F1."""
    dev_gold = [[t for _, t in s] for s in dev]
    dev_analysed = [extractor.analyse([w for w, _ in s]) for s in dev]
    first = tag_all(model, [a.features for a in dev_analysed])
    log("first pass on dev:")
    log(format_scores(score(dev_gold, [to_bio(t) for t in first])))
    second = tag_all(model2, second_features(dev_analysed, first))
    log("second pass (document consistency) on dev:")
    second = [to_bio(t) for t in second]
    log(format_scores(score(dev_gold, second)))
    final = recogniser_output(dev, dev_analysed, second, first, extractor.splitter.split)
    rows = score(dev_gold, final)
    log("after the document rules (what the recogniser outputs) on dev:")
    log(format_scores(rows))
    log(f"dev F1 {rows[-1].f1:.4f}")
    return rows[-1].f1
