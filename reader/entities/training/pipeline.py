"""Feature extractors for training: the shared lexicon and lists, the names list by jackknife.

The names gazetteer holds the entities of the labelled sentences, so a training sentence gets
the list built from the other folds (``features``): trained on names it had itself supplied, the
CRF would trust the list blindly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.entities.conll import Sentence
from reader.entities.consistency import BLOCK, blocks
from reader.entities.features import (
    MINED_COLUMN,
    PLACES_COLUMN,
    WORLD_NAMES_COLUMN,
    Analysis,
    FeatureExtractor,
)
from reader.entities.gazetteer import Gazetteer, harvest_names
from reader.entities.lexicon import CliticSplitter, Lexicon
from reader.entities.mining import name_word_places, person_gazetteer
from reader.text import normalize_token

FOLDS = 5


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
        *,
        places: Gazetteer | None = None,
        world_names: Gazetteer | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.hide_below = hide_below
        self.cldr = cldr
        self.places = places
        self.world_names = world_names
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
        if self.world_names is not None:
            columns.append((WORLD_NAMES_COLUMN, self.world_names))
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
