"""Corpus votes: what a first model says about each word across the unlabelled news (training).

Over half of the dev entities are names the training split never shows, and those are where
recall is lost (46% against 91% for seen names). Many of them do occur in the 10M-word corpus,
often in contexts that make them easy (``نادي أرسنال``, ``الأمين العام بان كي مون``). A model
tags a sample of the corpus; for each word, the share of its occurrences tagged as each type
becomes a feature ("the corpus mostly calls this word ORG"), so the evidence of the easy
contexts reaches the hard ones.

The votes are learnt from the labels, so the training data sees them by jackknife: each half of
the training sentences gets the votes of a model trained on the other half.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pycrfsuite

from reader.entities.corpus import iter_documents
from reader.entities.features import FeatureExtractor
from reader.text.normalize import TATWEEL

MIN_SEEN = 3


def corpus_sample(sources: Iterable[Path], every: int = 8, limit: int = 6000) -> list[list[str]]:
    """Token sentences (words and punctuation, as the recogniser sees text) of every
    ``every``-th document, at most ``limit`` documents."""
    from reader.entities.recogniser import split_sentences

    sentences: list[list[str]] = []
    taken = 0
    for i, text in enumerate(iter_documents(sources)):
        if i % every or not text.strip():
            continue
        sentences += [[u[0] for u in units] for units in split_sentences(text.replace(TATWEEL, ""))]
        taken += 1
        if taken >= limit:
            break
    return sentences


def tag_counts(
    model: Path, extractor: FeatureExtractor, sentences: Sequence[list[str]]
) -> dict[str, Counter[str]]:
    """For each stem, how often the model gave it each type (``O`` included)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts: dict[str, Counter[str]] = {}
    try:
        for tokens in sentences:
            analysis = extractor.analyse(tokens)
            for stem, tag in zip(analysis.stems, tagger.tag(analysis.features), strict=True):
                if len(stem) > 1 and stem[0].isalpha():
                    counts.setdefault(stem, Counter())[tag[2:] or "O"] += 1
    finally:
        tagger.close()
    return counts


def votes(*counts: Mapping[str, Counter[str]]) -> dict[str, str]:
    """Bucketed votes (``PERS:hi``, ``ORG:lo``, ``O``) of the words seen often enough."""
    merged: dict[str, Counter[str]] = {}
    for c in counts:
        for stem, kinds in c.items():
            merged.setdefault(stem, Counter()).update(kinds)
    out: dict[str, str] = {}
    for stem, kinds in merged.items():
        total = sum(kinds.values())
        if total < MIN_SEEN:
            continue
        kind, count = max(
            ((k, n) for k, n in kinds.items() if k != "O"), default=("O", 0), key=lambda kn: kn[1]
        )
        share = count / total
        # Only positive votes: an "O" vote mostly repeats the first model's blind spots (names
        # newer than the training data, ترامب, خامنئي, were voted O across the corpus and the
        # model learnt to trust that)
        if share >= 0.1:
            out[stem] = (
                f"{kind}:hi" if share >= 0.6 else f"{kind}:mid" if share >= 0.3 else f"{kind}:lo"
            )
    return out
