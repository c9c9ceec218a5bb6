"""Rebuild the entity model from ../shared: ``python -m reader.entities.train``.

Steps (progress on stdout): word counts and clusters from the unlabelled ANT corpus; CLDR
gazetteer; CRF on the first 90% of the ANERcorp training file with the training-names gazetteer
built by 5-fold jackknife; conlleval scores on the held-out last 10% (dev); then the shipped model,
retrained the same way on all sentences. Seeds are fixed; the result is reproducible.
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
from reader.entities.conll import Sentence, format_scores, read_conll, score, split_dev
from reader.entities.crf import featurise, jackknife, tag_all, train_crf
from reader.entities.features import FeatureExtractor
from reader.entities.gazetteer import (
    Gazetteer,
    cldr_entries,
    harvest_names,
    read_entries,
    write_entries,
)
from reader.entities.lexicon import CliticSplitter, Lexicon

FOLDS = 5
CLDR_HEADER = """Arabic names of territories, exemplar cities and languages from the Unicode CLDR,
read through babel. Unicode License v3 (CLDR); babel: BSD-3-Clause. See resources/models/NOTICE."""
NAMES_HEADER = """Names harvested from the ANERcorp training split (Benajiba et al. 2007; CAMeL Lab
split, Obeid et al. 2020). CC BY-SA 4.0. See resources/models/NOTICE."""


class Pipeline:
    """Builds feature extractors that share the lexicon and the CLDR list."""

    def __init__(self, lexicon: Lexicon, cldr: Gazetteer) -> None:
        self.lexicon = lexicon
        self.cldr = cldr
        self.splitter = CliticSplitter(lexicon.counts)

    def names(self, sentences: Sequence[Sentence]) -> list:
        return harvest_names(sentences, lambda w: self.splitter.split(w)[1])

    def extractor(self, names_from: Sequence[Sentence]) -> FeatureExtractor:
        names = Gazetteer(self.names(names_from))
        return FeatureExtractor(self.lexicon, [("gc", self.cldr), ("gn", names)])


def build_lexicon_file(sources: list[Path], target: Path, log) -> None:
    from reader.entities.clusters import build_lexicon, write_lexicon
    from reader.entities.corpus import iter_sentences

    log(f"reading the unlabelled corpus: {', '.join(str(s) for s in sources)}")
    sentences = list(iter_sentences(sources))
    write_lexicon(build_lexicon(sentences, progress=log), target)


def fit(pipe: Pipeline, sentences: list[Sentence], model: Path, log) -> None:
    started = time.monotonic()
    xs = jackknife(sentences, FOLDS, pipe.extractor)
    ys = [[t for _, t in s] for s in sentences]
    log(f"  features ({FOLDS}-fold jackknife names) in {time.monotonic() - started:.0f} s")
    train_crf(xs, ys, model)
    log(f"  CRF trained on {len(sentences):,} sentences in {time.monotonic() - started:.0f} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.entities.train", description=__doc__)
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
    parser.add_argument("--models", type=Path, default=paths.MODELS)
    parser.add_argument("--gazetteers", type=Path, default=paths.GAZETTEERS)
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="stop after the dev score; do not write the shipped model",
    )
    args = parser.parse_args(argv)

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

    lexicon_path = args.models / paths.LEXICON
    if args.lexicon:
        if args.lexicon.resolve() != lexicon_path.resolve():
            lexicon_path.parent.mkdir(parents=True, exist_ok=True)
            lexicon_path.write_bytes(args.lexicon.read_bytes())
    else:
        from reader.entities.corpus import default_sources

        sources = args.corpus or default_sources(args.shared)
        build_lexicon_file(sources, lexicon_path, log)
    lexicon = Lexicon.read(lexicon_path)
    log(f"lexicon: {len(lexicon.counts):,} words ({time.monotonic() - started:.0f} s)")

    cldr_path = args.gazetteers / paths.CLDR
    write_entries(cldr_entries(), cldr_path, CLDR_HEADER)
    pipe = Pipeline(lexicon, Gazetteer(read_entries(cldr_path)))

    with tempfile.TemporaryDirectory() as tmp:
        dev_model = Path(tmp) / "dev.crfsuite"
        log("dev run: training on the first 90%")
        fit(pipe, train, dev_model, log)
        dev_x, dev_y = featurise(dev, pipe.extractor(train))
        predicted = tag_all(dev_model, dev_x)
        rows = score(dev_y, predicted)
        log(format_scores(rows))
        log(f"dev F1 {rows[-1].f1:.4f}")
    if args.dev_only:
        return 0

    log("final model: training on all sentences")
    model_path = args.models / paths.MODEL
    fit(pipe, sentences, model_path, log)
    write_entries(pipe.names(sentences), args.gazetteers / paths.NAMES, NAMES_HEADER)
    meta = {"dev_f1": round(rows[-1].f1, 4), "trained_on": "all", "sentences": len(sentences)}
    (args.models / paths.META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log(
        f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
