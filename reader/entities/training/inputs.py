"""What training reads or builds before the CRFs: the lexicon and clusters from unlabelled text,
the gazetteers (CLDR, mined names, the Arab world's towns), the corpus samples; each written
next to the model that uses it, with its licence in the header."""

from __future__ import annotations

import argparse
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.entities import paths
from reader.entities.conll import Sentence
from reader.entities.gazetteer import Gazetteer, cldr_entries, read_entries, write_entries
from reader.entities.lexicon import CliticSplitter, Lexicon
from reader.entities.training.corpus import default_sources, iter_documents, iter_sentences
from reader.entities.training.pipeline import Pipeline
from reader.entities.training.selftrain import corpus_sample, self_training_sample

Log = Callable[[str], None]

CLDR_HEADER = """Arabic names of territories, exemplar cities and languages from the Unicode CLDR,
read through babel. Unicode License v3 (CLDR); babel: BSD-3-Clause. See resources/models/NOTICE."""
MINED_HEADER = """Person and organisation names mined with title and head-noun patterns from the
unlabelled ANT Corpus (Chouigui, Ben Khiroun, Elayeb, "ANT Corpus: An Arabic News Text Collection
for Textual Classification", AICCSA 2017; "An Arabic Multi-source News Corpus", Arabian Journal
for Science and Engineering 46(8), 2021). Apache-2.0; see resources/gazetteers/NOTICE."""
NAMES_HEADER = """Names harvested from the ANERcorp training split (Benajiba et al. 2007; CAMeL Lab
split, Obeid et al. 2020). CC BY-SA 4.0. See resources/models/NOTICE."""


def build_lexicon_files(
    corpus: list[Path], target: Path, stem_target: Path, log: Log, *, words: bool = True
) -> None:
    """The word lexicon (counts, word2vec clusters; ``words=False`` keeps the one at ``target``)
    and the stem clusters (fastText over the corpus, each word cut to its stem by the lexicon's
    counts, as the feature extractor cuts it)."""
    from reader.entities.training.clusters import (
        build_lexicon,
        build_stem_clusters,
        write_lexicon,
        write_stem_clusters,
    )

    log(f"reading the unlabelled corpus: {', '.join(str(s) for s in corpus)}")
    sentences = list(iter_sentences(corpus))
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


def mined_names(args: argparse.Namespace, train: Sequence[Sentence], log: Log) -> list:
    """The mined names list: reused from ``--mined`` or mined now (``mining.py``); written to
    the gazetteers folder next to the model that uses it."""
    mined_path = args.gazetteers / paths.MINED
    if args.mined:
        if args.mined.resolve() != mined_path.resolve():
            mined_path.write_bytes(args.mined.read_bytes())
    else:
        from reader.entities.mining import TRIGGERS, learn_triggers, mine

        # titles learnt from the training split only: the dev sentences stay unseen
        triggers = TRIGGERS | learn_triggers(train)
        log(f"mining names after {len(triggers)} titles and organisation heads")
        write_entries(mine(iter_documents(sources(args)), triggers, log), mined_path, MINED_HEADER)
    return read_entries(mined_path)


def sources(args: argparse.Namespace) -> list[Path]:
    """The unlabelled corpus: the ``--corpus`` folders, or the shared archives."""
    return args.corpus or default_sources(args.shared)


def load_lexicon(args: argparse.Namespace, log: Log, started: float) -> Lexicon:
    """The lexicon and stem clusters, reused from ``--lexicon``/``--stem-clusters`` or built
    from the corpus, written to the models folder."""
    lexicon_path = args.models / paths.LEXICON
    stem_path = args.models / paths.STEM_CLUSTERS
    for given, path in ((args.lexicon, lexicon_path), (args.stem_clusters, stem_path)):
        if given and given.resolve() != path.resolve():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(given.read_bytes())
    if not (args.lexicon and args.stem_clusters):
        build_lexicon_files(sources(args), lexicon_path, stem_path, log, words=not args.lexicon)
    lexicon = Lexicon.read(lexicon_path).with_stem_clusters(stem_path)
    log(
        f"lexicon: {len(lexicon.counts):,} words, {len(lexicon.stem_clusters):,} clustered stems "
        f"({time.monotonic() - started:.0f} s)"
    )
    return lexicon


def shipped_list(gazetteers: Path, name: str) -> Path:
    """A list written by a script (places, world names) in the folder the model's gazetteers go
    to: copied there from the shipped one when training writes elsewhere, since the recogniser
    reads the list beside its model."""
    path = gazetteers / name
    if not path.is_file():
        gazetteers.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.GAZETTEERS / name, path)
    return path


def build_pipeline(
    args: argparse.Namespace, train: Sequence[Sentence], log: Log, started: float
) -> Pipeline:
    """The feature pipeline: lexicon, CLDR list (written anew), mined names, towns, names of
    people, clubs and places."""
    lexicon = load_lexicon(args, log, started)
    cldr_path = args.gazetteers / paths.CLDR
    write_entries(cldr_entries(), cldr_path, CLDR_HEADER)
    mined = mined_names(args, train, log) if args.mine or args.mined else []
    log(f"mined names: {len(mined):,} ({time.monotonic() - started:.0f} s)")
    places = (
        Gazetteer(read_entries(shipped_list(args.gazetteers, paths.PLACES)))
        if args.places
        else None
    )
    world_names = (
        Gazetteer(read_entries(shipped_list(args.gazetteers, paths.WORLD_NAMES)))
        if args.world_names
        else None
    )
    return Pipeline(
        lexicon,
        Gazetteer(read_entries(cldr_path)),
        mined,
        args.hide_below,
        places=places,
        world_names=world_names,
    )


def corpus_samples(
    args: argparse.Namespace, log: Log, started: float
) -> tuple[list[list[str]], list[list[str]]]:
    """Unlabelled sentences for the corpus votes and for self-training (empty when off)."""
    corpus = corpus_sample(sources(args)) if args.votes else []
    log(
        f"corpus sample for the votes: {len(corpus):,} sentences ({time.monotonic() - started:.0f} s)"
    )
    self_corpus = self_training_sample(sources(args)) if args.self_train else []
    log(
        f"corpus sample for self-training: {len(self_corpus):,} sentences "
        f"({time.monotonic() - started:.0f} s)"
    )
    return corpus, self_corpus
