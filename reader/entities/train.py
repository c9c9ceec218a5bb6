"""Rebuild the entity model from ../shared: ``python -m reader.entities.train``.

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
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reader.entities import paths
from reader.entities.bias import choose_penalty, penalise_label
from reader.entities.conll import (
    Sentence,
    format_scores,
    read_conll,
    score,
    split_dev,
    to_bio,
    to_bioes,
)
from reader.entities.consistency import (
    BLOCK,
    blocks,
    keep_full_names,
    propagate_surnames,
    second_pass_features,
)
from reader.entities.crf import fold_models, jackknife_tags, tag_all, train_crf
from reader.entities.features import MINED_COLUMN, PLACES_COLUMN, Analysis, FeatureExtractor
from reader.entities.gazetteer import (
    Gazetteer,
    cldr_entries,
    harvest_names,
    read_entries,
    write_entries,
)
from reader.entities.lexicon import CliticSplitter, Lexicon
from reader.entities.mining import name_word_places, person_gazetteer
from reader.entities.paths import model_digests
from reader.entities.selftrain import (
    confident_sentences,
    corpus_sample,
    self_training_sample,
    tag_counts,
    votes,
)
from reader.entities.votes import write_votes
from reader.text import normalize_token

FOLDS = 5
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
CLDR_HEADER = """Arabic names of territories, exemplar cities and languages from the Unicode CLDR,
read through babel. Unicode License v3 (CLDR); babel: BSD-3-Clause. See resources/models/NOTICE."""
MINED_HEADER = """Person and organisation names mined with title and head-noun patterns from the
unlabelled ANT Corpus (Chouigui, Ben Khiroun, Elayeb, "ANT Corpus: An Arabic News Text Collection
for Textual Classification", AICCSA 2017; "An Arabic Multi-source News Corpus", Arabian Journal
for Science and Engineering 46(8), 2021). Apache-2.0; see resources/gazetteers/NOTICE."""
NAMES_HEADER = """Names harvested from the ANERcorp training split (Benajiba et al. 2007; CAMeL Lab
split, Obeid et al. 2020). CC BY-SA 4.0. See resources/models/NOTICE."""


def contiguous_folds(n: int, folds: int) -> list[int]:
    """The fold of each of ``n`` sentences: ``folds`` contiguous runs of whole ``BLOCK``s.

    ANERcorp's sentences come in article order, so folds interleaved sentence by sentence (or
    block by block) put the rest of a sentence's article in the other folds: its names were then
    "seen", the jackknifed name gazetteer and first-pass labels were right far more often than
    on new text, and the CRF learnt to trust them too much.
    """
    n_blocks = len(blocks(n))
    return [(i // BLOCK) * folds // max(n_blocks, 1) for i in range(n)]


class Pipeline:
    """Builds feature extractors that share the lexicon and the CLDR list."""

    def __init__(
        self,
        lexicon: Lexicon,
        cldr: Gazetteer,
        mined: list,
        hide_below: int = 0,
        places: Gazetteer | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.hide_below = hide_below
        self.cldr = cldr
        self.places = places
        self.mined = Gazetteer(person_gazetteer(mined))
        self.name_words = name_word_places(mined)
        self.splitter = CliticSplitter(lexicon.counts)

    def names(self, sentences: Sequence[Sentence]) -> list:
        return harvest_names(sentences, lambda w: self.splitter.split(w)[1])

    def gazetteers(self, names: Gazetteer) -> list[tuple[str, Gazetteer]]:
        """The gazetteer columns, in the recogniser's order, with ``names`` as the names list."""
        columns = [("gc", self.cldr), ("gn", names), (MINED_COLUMN, self.mined)]
        if self.places is not None:
            columns.append((PLACES_COLUMN, self.places))
        return columns

    def extractor(
        self,
        names_from: Sequence[Sentence],
        votes: dict[str, str] | None = None,
        known: frozenset[str] | None = None,
    ) -> FeatureExtractor:
        """``known``: the attributes the trained models use, as the recogniser loads them (for
        scoring dev as the app tags); None while training."""
        return FeatureExtractor(
            self.lexicon,
            self.gazetteers(Gazetteer(self.names(names_from))),
            known,
            votes=votes,
            name_words=self.name_words,
        )

    def rare_stems(self, sentences: Sequence[Sentence]) -> frozenset[str]:
        """Stems seen fewer than ``hide_below`` times in ``sentences``."""
        counts = Counter(
            self.splitter.split(normalize_token(w))[1] for s in sentences for w, _ in s
        )
        return frozenset(stem for stem, n in counts.items() if n < self.hide_below)

    def features(
        self, sentences: Sequence[Sentence], half_of: Sequence[int], half_votes: dict
    ) -> list[Analysis]:
        """Training features: names gazetteer by 5-fold jackknife, corpus votes from the model
        of the other half (``selftrain.py``), identity features of rare stems hidden."""
        hidden = self.rare_stems(sentences) if self.hide_below else frozenset()
        out: list = [None] * len(sentences)
        for k in range(FOLDS):
            held = [i for i, f in enumerate(contiguous_folds(len(sentences), FOLDS)) if f == k]
            held_set = set(held)
            names = Gazetteer(self.names([s for i, s in enumerate(sentences) if i not in held_set]))
            gazetteers = self.gazetteers(names)
            by_half = {
                h: FeatureExtractor(
                    self.lexicon, gazetteers, votes=v, name_words=self.name_words, hidden=hidden
                )
                for h, v in half_votes.items()
            }
            for i in held:
                out[i] = by_half[half_of[i]].analyse([w for w, _ in sentences[i]])
        return out


def build_lexicon_files(
    sources: list[Path], target: Path, stem_target: Path, log, *, words: bool = True
) -> None:
    """The word lexicon (counts, word2vec clusters; ``words=False`` keeps the one at ``target``)
    and the stem clusters (fastText over the corpus, each word cut to its stem by the lexicon's
    counts, as the feature extractor cuts it)."""
    from reader.entities.clusters import (
        build_lexicon,
        build_stem_clusters,
        write_lexicon,
        write_stem_clusters,
    )
    from reader.entities.corpus import iter_sentences

    log(f"reading the unlabelled corpus: {', '.join(str(s) for s in sources)}")
    sentences = list(iter_sentences(sources))
    if words:
        write_lexicon(build_lexicon(sentences, progress=log), target)
    splitter = CliticSplitter(Lexicon.read(target).counts)
    stems: dict[str, str] = {}
    for sentence in sentences:
        for k, word in enumerate(sentence):
            stem = stems.get(word)
            if stem is None:
                stem = stems[word] = splitter.split(word)[1]
            sentence[k] = stem
    write_stem_clusters(build_stem_clusters(sentences, progress=log), stem_target)


def fit(
    pipe: Pipeline,
    sentences: list[Sentence],
    model: Path,
    model2: Path,
    *,
    corpus: Sequence[list[str]],
    log,
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
    ys = [to_bioes([t for _, t in s]) for s in sentences]
    half_of = [(i // HALF_UNIT) % 2 for i in range(len(sentences))]
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
    half_votes = {0: votes(counts[1]), 1: votes(counts[0])}
    log(f"  corpus votes from two half models in {time.monotonic() - started:.0f} s")
    analysed = pipe.features(sentences, half_of, half_votes)
    xs = [a.features for a in analysed]
    log(f"  features in {time.monotonic() - started:.0f} s")
    train_crf(xs, ys, model, params)
    if self_corpus:
        more_xs, more_ys = confident_sentences(
            model, pipe.extractor(sentences, votes(*counts)), self_corpus
        )
        train_crf([*xs, *more_xs], [*ys, *more_ys], model, params)
        log(f"  self-training: {len(more_xs):,} confident corpus sentences added")
    log(f"  first pass trained in {time.monotonic() - started:.0f} s")
    fold_of = contiguous_folds(len(sentences), PASS_FOLDS)

    def fold_extra(k: int, fold_model: Path) -> tuple[list, list]:
        own = [s for i, s in enumerate(sentences) if fold_of[i] != k]
        return confident_sentences(fold_model, pipe.extractor(own), self_corpus)

    with tempfile.TemporaryDirectory() as tmp:
        first = jackknife_tags(
            xs,
            ys,
            fold_of,
            folds=PASS_FOLDS,
            workdir=Path(tmp),
            params={**params, "max_iterations": 100},
            extra=fold_extra if self_corpus else None,
        )
    log(f"  first-pass labels by {PASS_FOLDS}-fold jackknife in {time.monotonic() - started:.0f} s")
    xs2 = second_features(analysed, first)
    train_crf(xs2, ys, model2, SECOND_PASS_PARAMS)
    log(f"  second pass trained in {time.monotonic() - started:.0f} s")
    if o_penalty is None:
        o_penalty = tune_penalty(
            sentences, analysed, xs2, ys, fold_of, params=SECOND_PASS_PARAMS, log=log
        )
    penalise_label(model2, model2, o_penalty)
    log(f"  O penalty {o_penalty:g} in {time.monotonic() - started:.0f} s")
    return votes(*counts)


def tune_penalty(
    sentences: Sequence[Sentence],
    analysed: Sequence[Analysis],
    xs2: Sequence[list[list[str]]],
    ys: Sequence[list[str]],
    fold_of: Sequence[int],
    *,
    params: dict,
    log,
) -> float:
    """The O penalty of the second pass (``bias.py``), chosen on out-of-fold predictions of the
    training sentences: second-pass models of the same folds as the first-pass jackknife, each
    scored on the fold it never saw, as the recogniser outputs it (surnames propagated)."""
    gold = [[t for _, t in s] for s in sentences]
    held = [[i for i in range(len(sentences)) if fold_of[i] == k] for k in range(PASS_FOLDS)]

    def evaluate(predictions: list[list[list[str]]]) -> float:
        tags: list = [None] * len(sentences)
        for indices, predicted in zip(held, predictions, strict=True):
            for i, t in zip(indices, predicted, strict=True):
                tags[i] = to_bio(t)
        out: list[list[str]] = []
        for block in blocks(len(sentences)):
            out += propagate_surnames([tags[i] for i in block], [analysed[i].stems for i in block])
        return score(gold, out)[-1].f1

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


# An attribute whose every weight is smaller than this moves no label's score by more than 5%
# (e^0.05): the recogniser does not pass it to the CRF. Measured on the shipped model over 600
# corpus articles: 8% less tagging time, 0.36% of the spans changed; on a dev-run model dev F1
# 73.58 -> 73.62 (0.1: 73.71, 0.02: 73.58).
MIN_WEIGHT = 0.05
# The second pass, trained with less L1 (SECOND_PASS_PARAMS), keeps many more small weights:
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


def second_features(analysed: Sequence[Analysis], first) -> list[list[list[str]]]:
    out: list[list[list[str]]] = []
    for block in blocks(len(analysed)):
        out += second_pass_features(
            [analysed[i].features for i in block],
            [analysed[i].stems for i in block],
            [first[i] for i in block],
        )
    return out


def mined_names(args: argparse.Namespace, train: Sequence[Sentence], log) -> list:
    """The mined names list: reused from ``--mined`` or mined now (``mining.py``); written to
    the gazetteers folder next to the model that uses it."""
    mined_path = args.gazetteers / paths.MINED
    if args.mined:
        if args.mined.resolve() != mined_path.resolve():
            mined_path.write_bytes(args.mined.read_bytes())
    else:
        from reader.entities.corpus import default_sources, iter_documents
        from reader.entities.mining import TRIGGERS, learn_triggers, mine

        # titles learnt from the training split only: the dev sentences stay unseen
        triggers = TRIGGERS | learn_triggers(train)
        log(f"mining names after {len(triggers)} titles and organisation heads")
        sources = args.corpus or default_sources(args.shared)
        write_entries(mine(iter_documents(sources), triggers, log), mined_path, MINED_HEADER)
    return read_entries(mined_path)


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
    final: list[list[str]] = []
    for block in blocks(len(dev)):
        final += propagate_surnames(
            keep_full_names([second[i] for i in block], [first[i] for i in block]),
            [dev_analysed[i].stems for i in block],
        )
    rows = score(dev_gold, final)
    log("with full names kept and last names propagated (what the recogniser outputs) on dev:")
    log(format_scores(rows))
    log(f"dev F1 {rows[-1].f1:.4f}")
    return rows[-1].f1


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0915 (a script, step by step)
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
    parser.add_argument(
        "--places",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="the Arab world's towns (arab-places.tsv, GeoNames) as a gazetteer feature",
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
    stem_path = args.models / paths.STEM_CLUSTERS
    for given, path in ((args.lexicon, lexicon_path), (args.stem_clusters, stem_path)):
        if given and given.resolve() != path.resolve():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(given.read_bytes())
    if not (args.lexicon and args.stem_clusters):
        from reader.entities.corpus import default_sources

        sources = args.corpus or default_sources(args.shared)
        build_lexicon_files(sources, lexicon_path, stem_path, log, words=not args.lexicon)
    lexicon = Lexicon.read(lexicon_path).with_stem_clusters(stem_path)
    log(
        f"lexicon: {len(lexicon.counts):,} words, {len(lexicon.stem_clusters):,} clustered stems "
        f"({time.monotonic() - started:.0f} s)"
    )

    cldr_path = args.gazetteers / paths.CLDR
    write_entries(cldr_entries(), cldr_path, CLDR_HEADER)
    mined = mined_names(args, train, log) if args.mine or args.mined else []
    log(f"mined names: {len(mined):,} ({time.monotonic() - started:.0f} s)")
    places = Gazetteer(read_entries(args.gazetteers / paths.PLACES)) if args.places else None
    pipe = Pipeline(
        lexicon, Gazetteer(read_entries(cldr_path)), mined, args.hide_below, places=places
    )

    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2)) if v is not None}
    from reader.entities.corpus import default_sources

    corpus = corpus_sample(args.corpus or default_sources(args.shared)) if args.votes else []
    log(
        f"corpus sample for the votes: {len(corpus):,} sentences ({time.monotonic() - started:.0f} s)"
    )
    self_corpus = (
        self_training_sample(args.corpus or default_sources(args.shared)) if args.self_train else []
    )
    log(
        f"corpus sample for self-training: {len(self_corpus):,} sentences "
        f"({time.monotonic() - started:.0f} s)"
    )
    if args.dev_f1 is None:
        dev_f1 = dev_run(
            pipe,
            train,
            dev,
            args.dev_model,
            log=log,
            corpus=corpus,
            params=params,
            o_penalty=args.o_penalty,
            self_corpus=self_corpus,
        )
    else:
        dev_f1 = args.dev_f1
        log(f"dev run skipped: dev F1 {dev_f1:.4f} as given")
    if args.dev_only:
        return 0

    log("final model: training on all sentences")
    model_path = args.models / paths.MODEL
    final_votes = fit(
        pipe,
        sentences,
        model_path,
        args.models / paths.MODEL2,
        corpus=corpus,
        log=log,
        params=params,
        o_penalty=args.o_penalty,
        self_corpus=self_corpus,
    )
    write_votes(final_votes, args.models / paths.VOTES)
    write_entries(pipe.names(sentences), args.gazetteers / paths.NAMES, NAMES_HEADER)
    write_attributes(model_path, args.models / paths.MODEL2, args.models / paths.ATTRIBUTES)
    meta = {
        "dev_f1": round(dev_f1, 4),
        "trained_on": "all",
        "sentences": len(sentences),
        "sha256": model_digests(args.models),
    }
    (args.models / paths.META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log(
        f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB) "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
