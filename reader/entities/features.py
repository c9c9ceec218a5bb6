"""CRF features for one sentence of tokens.

Everything that depends on one word alone (normalised form, clitic-stripped stem, affixes, shape,
corpus frequency, clusters) is computed once per distinct word form and cached, already prefixed
for each context position; a sentence then costs a few list concatenations per token. This is
what keeps tagging above 30k tokens/s (issue 4: feature extraction was the cost).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple, cast

import numpy as np

from reader.entities.crf_model import CrfPair
from reader.entities.gazetteer import Gazetteer
from reader.entities.known_features import WINDOW, KnownFeatures, Pairs
from reader.entities.lexicon import CliticSplitter, Lexicon
from reader.entities.word_cues import (
    article_rate,
    nisba_gender,
    nisba_rate,
    quoted_spans,
    shape,
    written_form,
)
from reader.text import normalize_token

MINED_COLUMN = "gm"  # the gazetteer of person names mined from the corpus (``mining.py``)
PLACES_COLUMN = "gp"  # the gazetteer of the Arab world's towns and the world's cities (GeoNames)
WORLD_NAMES_COLUMN = "gw"  # people, clubs and places, Arab and foreign (world_names.py)
_IDENTITY = ("w=", "s=", "c=", "r=")
_CLITIC_LETTERS = frozenset("وفبلك")


class _Word(NamedTuple):
    """What the extractor keeps of one word form."""

    norm: str
    stem: str
    # its own features, and its features as a neighbour per WINDOW offset (left empty when the
    # extractor is ``scored``: their weights are in ``scores``)
    own: list
    by_offset: tuple[list, ...]
    gender: str  # nisba_gender
    k1: str  # its word clusters at two granularities and its stem cluster ("-": none)
    k2: str
    sk1: str
    starts: int  # bit k set: a name of gazetteer k may begin here
    # scored: the summed weights of its own features and of its features as each neighbour
    # (1 + len(WINDOW) rows, ``CrfPair.weights`` columns)
    scores: np.ndarray | None = None


class Analysis(NamedTuple):
    # each token's features; scored: only those not summed per word (bigrams, lists, quotes)
    features: list[list]
    stems: list[str]
    # the mined person names' gazetteer labels (``gm``: B-PERS/I-PERS/O), when it is one
    mined: Sequence[str] = ()
    # scored: each token's label scores from all its first-pass features (``CrfPair`` columns)
    scores: np.ndarray | None = None


class FeatureExtractor:
    def __init__(
        self,
        lexicon: Lexicon,
        gazetteers: Sequence[tuple[str, Gazetteer]] = (),
        known: frozenset[str] | None = None,
        votes: Mapping[str, str] | None = None,
        name_words: Mapping[str, str] | None = None,
        *,
        hidden: frozenset[str] = frozenset(),
        scores: CrfPair | None = None,
    ) -> None:
        """``known``: the attributes the trained models weigh (``training.attributes.used_attributes``). At
        run time every other feature is dropped as soon as it is made (it could not change a
        label, or hardly) so the CRF converts about half as many strings per token; None
        (training) keeps everything.

        ``hidden`` (training only): stems whose identity features (word, stem, core, bigrams)
        are left out, so the rare words of the training data look to the CRF as an unseen word
        looks at run time, and it learns to label them from clusters, affixes and context
        instead of memorising them (55% of dev entities never occur in training).

        ``scores`` (run time): the models' weights. The features come out as their attribute
        ids, and a word's own and neighbour features are summed once per word form, so a
        sentence's label scores (``Analysis.scores``) cost a few array additions per token.
        Without ``known`` every feature the models weigh is kept."""
        self.known = known
        self.hidden = hidden
        self.votes = votes or {}
        # word -> its place in mined person names (F first, L last, FL both): a first name met
        # with an unknown surname still looks like a person (خليفة in خليفة أدهم)
        self.name_words = name_words or {}
        self.lexicon = lexicon
        self.splitter = CliticSplitter(lexicon.counts)
        self.gazetteers = tuple(gazetteers)
        # each kept feature as what the tagger reads: its attribute id, or one shared string
        self.scores = scores
        self._canonical: dict[str, str | int] | None = None
        if scores is not None:
            self._canonical = (
                dict(scores.ids) if known is None else {a: scores.id_of(a) for a in known}
            )
        elif known is not None:
            self._canonical = {a: a for a in known}
        self._fixed = KnownFeatures(self._canonical, scores.id_of if scores else None)
        # the words of the last ~131k distinct forms: at 50,000 articles a worker meets ~260k,
        # the rarer ones cost a miss each (a few percent of tokens)
        self._word = lru_cache(maxsize=1 << 17)(self._word_features)

    def stem(self, norm: str) -> str:
        return self.splitter.split(norm)[1]

    def _unsplit_reading(self, norm: str, count: int) -> list[str]:
        """For a word the splitter kept whole although it starts with a clitic letter: the
        clusters of the rest and how much more common the rest is (بتمزق -> تمزق, a noun after
        the preposition; بايدن -> ايدن, nothing). The splitter needs strong evidence to cut, so a
        rare word after a preposition otherwise looks like an unknown name."""
        rest = norm[1:]
        clusters = self.lexicon.clusters.get(rest)
        if not clusters:
            return []
        ratio = self.lexicon.counts.get(rest, 0) / (count + 1)
        bucket = "0" if ratio < 1 else "1" if ratio < 10 else "2"
        return ["alt=" + bucket, *(f"ak{i}={c}" for i, c in enumerate(clusters[1:3], 1))]

    def _stem_clusters(self, clusters: tuple[str, ...] | None, ctx: list[str]) -> list[str]:
        """The stem's clusters (fastText): a second clustering, one that reaches rarer names;
        the middle two granularities also go to ``ctx``."""
        if not clusters:
            return ["sk=none"]
        ctx += [f"sk{i}={c}" for i, c in enumerate(clusters[1:3], 1)]
        return [f"sk{i}={c}" for i, c in enumerate(clusters)]

    def _word_features(self, token: str) -> _Word:
        norm = normalize_token(token)
        clitic, stem = self.splitter.split(norm)
        core = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        count = self.lexicon.counts.get(stem) or self.lexicon.counts.get(norm, 0)
        clusters = self.lexicon.clusters.get(stem) or self.lexicon.clusters.get(norm)
        own, ctx = self._form_features(norm, stem, clitic, core, count)
        self._lexicon_features(stem, clusters, own, ctx)
        table = self.lexicon.stem_clusters
        stem_cluster = (table.get(stem) or table.get(norm)) if table else None
        if table:
            own += self._stem_clusters(stem_cluster, ctx)
        if not clitic and len(norm) > 3 and norm[0] in _CLITIC_LETTERS:
            own += self._unsplit_reading(norm, count)
        written_form(token, norm, own, ctx)
        nisba = nisba_rate(self.lexicon.counts, core)
        own += ["p4=" + core[:4], "x4=" + core[-4:], "ni=" + nisba]
        ctx.append("ni=" + nisba)
        if stem in self.hidden:
            own = [f for f in own if not f.startswith(_IDENTITY)]
            ctx = [f for f in ctx if not f.startswith(_IDENTITY)]
        kept_own, by_offset = self._kept(own, ctx)
        scores = None
        if self.scores is not None:
            # float32 halves what the word cache holds; the sentence's sums are float64 again
            weights = self.scores.weights
            scores = np.stack(
                [weights[group].sum(axis=0) for group in (kept_own, *by_offset)]
            ).astype(np.float32)
            kept_own, by_offset = [], ()
        return _Word(
            norm,
            stem,
            kept_own,
            by_offset,
            nisba_gender(norm),
            clusters[1] if clusters else "-",
            clusters[2] if clusters else "-",
            stem_cluster[1] if stem_cluster else "-",
            sum(
                1 << k
                for k, (_, gazetteer) in enumerate(self.gazetteers)
                if gazetteer.may_start(norm, stem)
            ),
            scores,
        )

    def _form_features(
        self, norm: str, stem: str, clitic: str, core: str, count: int
    ) -> tuple[list[str], list[str]]:
        """The word's own features of its form, and those it shows its neighbours."""
        shp = shape(norm)
        article = article_rate(self.lexicon.counts, core)
        own = [
            "w=" + norm,
            "s=" + stem,
            "c=" + core,
            "cl=" + clitic,
            "al" if core is not stem else "noal",
            "p2=" + core[:2],
            "p3=" + core[:3],
            "x1=" + core[-1:],
            "x2=" + core[-2:],
            "x3=" + core[-3:],
            "sh=" + shp,
            "len=" + str(min(len(core), 8)),
            "f=" + str(min(int(math.log2(count + 1)), 16)),
            "ar=" + article,
        ]
        return own, ["w=" + norm, "s=" + stem, "sh=" + shp, "ar=" + article]

    def _lexicon_features(
        self, stem: str, clusters: tuple[str, ...] | None, own: list[str], ctx: list[str]
    ) -> None:
        """Mined name places, corpus votes and word clusters, added to ``own`` and ``ctx``."""
        place = self.name_words.get(stem)
        if place:
            own.append("mw=" + place)
            ctx.append("mw=" + place)
        vote = self.votes.get(stem)
        if vote:
            own.append("cv=" + vote)
            ctx.append("cv=" + vote)
        if clusters:
            own += [f"k{i}={c}" for i, c in enumerate(clusters)]
            ctx += [f"k{i}={c}" for i, c in enumerate(clusters[1:], 1)]
        else:
            own.append("k=none")

    def _kept(self, own: list[str], ctx: list[str]) -> tuple[list, tuple[list, ...]]:
        """The word's own features and, per WINDOW offset, its features as a neighbour
        (``-1:w=...``): those the models weigh, as the canonical objects (all in training)."""
        canonical = self._canonical
        if canonical is None:
            return own, tuple([f"{o}:{f}" for f in ctx] for o in WINDOW)
        get = canonical.get
        # looked up by the unprefixed feature: no prefixed string is made for one the models
        # do not weigh
        return [f for f in map(get, own) if f is not None], tuple(
            [f for f in map(by_feature.get, ctx) if f is not None]
            for by_feature in self._fixed.by_offset
        )

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        return self.analyse(tokens).features

    def analyse(self, tokens: Sequence[str]) -> Analysis:
        """Features and clitic-stripped stems per token."""
        infos = list(map(self._word, tokens))
        stems = [info.stem for info in infos]
        gaz_columns = self._gazetteer_columns(infos, stems)
        out = self._window_rows(infos) if self.scores is None else [[] for _ in infos]
        if self._fixed.bigrams is None or self.hidden:
            self._add_bigrams(out, stems)
        else:
            self._add_known_bigrams(out, stems, self._fixed.bigrams)
        self._add_gazetteers(out, [(n, ls) for n, ls in gaz_columns if ls is not None])
        self._add_gender_pairs(out, infos)
        self._add_quotes(out, tokens, infos, stems)
        mined: Sequence[str] = ()
        for name, labels in gaz_columns:
            if name == MINED_COLUMN:
                mined = labels if labels is not None else ["O"] * len(infos)
                break
        scores = None
        if self.scores is not None:
            fixed = self._fixed
            # scored, the bias and the padding are attribute ids
            bias, pads = cast(int, fixed.bias), cast(tuple[int, ...], fixed.pads)
            scores = self.scores.sentence_scores([i.scores for i in infos], bias, pads)
            self.scores.add_rows(scores, out, slice(None))
        return Analysis(out, stems, mined, scores)

    def _gazetteer_columns(
        self, infos: Sequence[_Word], stems: list[str]
    ) -> list[tuple[str, list[str] | None]]:
        """Each gazetteer's labels of the sentence; None where no listed name can begin in it
        (most sentences, for most lists: all O, found without matching)."""
        starts = 0
        for info in infos:
            starts |= info.starts
        norms = None
        columns: list[tuple[str, list[str] | None]] = []
        for k, (name, gazetteer) in enumerate(self.gazetteers):
            if not starts >> k & 1:
                columns.append((name, None))
                continue
            if norms is None:
                norms = [info.norm for info in infos]
            bit = 1 << k
            at = [i for i, info in enumerate(infos) if info.starts & bit]
            columns.append((name, gazetteer.tag(norms, stems, at)))
        return columns

    def _window_rows(self, infos: Sequence[_Word]) -> list[list]:
        """Each token's bias, own features and its neighbours' features, in WINDOW order."""
        fixed = self._fixed
        bias, pads = fixed.bias, fixed.pads
        n = len(infos)
        out: list[list] = []
        for i, info in enumerate(infos):
            if 2 <= i < n - 2:  # most tokens: the whole window is inside the sentence
                out.append(
                    [
                        bias,
                        *info.own,
                        *infos[i - 2].by_offset[0],
                        *infos[i - 1].by_offset[1],
                        *infos[i + 1].by_offset[2],
                        *infos[i + 2].by_offset[3],
                    ]
                )
                continue
            feats = [bias, *info.own]
            for k, o in enumerate(WINDOW):
                j = i + o
                if 0 <= j < n:
                    feats += infos[j].by_offset[k]
                else:
                    feats.append(pads[k])
            out.append(feats)
        return out

    def _add_bigrams(self, out: list[list], stems: Sequence[str]) -> None:
        """The stem bigrams with the previous and the next token (``^``, ``$`` at the ends)."""
        hidden, kept = self.hidden, self._fixed.kept
        n = len(stems)
        for i, feats in enumerate(out):
            prev_stem = stems[i - 1] if i else "^"
            next_stem = stems[i + 1] if i + 1 < n else "$"
            for bigram, pair in (
                (f"bg-={prev_stem}|{stems[i]}", (prev_stem, stems[i])),
                (f"bg+={stems[i]}|{next_stem}", (stems[i], next_stem)),
            ):
                if hidden and (pair[0] in hidden or pair[1] in hidden):
                    continue
                feature = kept(bigram)
                if feature is not None:
                    feats.append(feature)

    def _add_known_bigrams(
        self, out: list[list], stems: Sequence[str], bigrams: tuple[Pairs, Pairs]
    ) -> None:
        """``_add_bigrams`` at run time: only the bigrams the models know are looked for, by
        their two stems, so no bigram string is made for the others."""
        before, after = bigrams
        n = len(stems)
        for i, feats in enumerate(out):
            stem = stems[i]
            seconds = before.get(stems[i - 1] if i else "^")
            if seconds is not None:
                feature = seconds.get(stem)
                if feature is not None:
                    feats.append(feature)
            seconds = after.get(stem)
            if seconds is not None:
                feature = seconds.get(stems[i + 1] if i + 1 < n else "$")
                if feature is not None:
                    feats.append(feature)

    def _add_gazetteers(self, out: list[list], columns: Sequence[tuple[str, list[str]]]) -> None:
        """Each gazetteer's label of the token and of its two neighbours, where not O."""
        kept = self._fixed.kept
        n = len(out)
        for i, feats in enumerate(out):
            for name, labels in columns:
                if labels[i] != "O":
                    feats.append(kept(f"{name}={labels[i]}", always=True))
                if i and labels[i - 1] != "O":
                    feats.append(kept(f"{name}-1={labels[i - 1]}", always=True))
                if i + 1 < n and labels[i + 1] != "O":
                    feats.append(kept(f"{name}+1={labels[i + 1]}", always=True))

    def _add_gender_pairs(self, out: list[list], infos: Sequence[_Word]) -> None:
        """A nisba adjective's gender after a word that is none, joined with that word's
        clusters (``nx=``)."""
        # Measured on cached features of a dev run (4 folds of the training part; second
        # pass as shipped): out of fold 74.96 -> 74.96 with these, 74.92 with the quotes
        # below, 75.08 with both; dev 73.75 -> 74.05, 74.14, 74.03 (noise is about 1).
        kept = self._fixed.kept
        for i in range(len(infos) - 1):
            info, after = infos[i], infos[i + 1]
            if after.gender and not info.gender:
                for conj in (f"nx={after.gender}|{info.k1}", f"nx={after.gender}|{info.sk1}"):
                    feature = kept(conj)
                    if feature is not None:
                        out[i].append(feature)

    def _add_quotes(
        self, out: list[list], tokens: Sequence[str], infos: Sequence[_Word], stems: Sequence[str]
    ) -> None:
        """The words of a short quote, with what stands before it and its opening mark."""
        kept = self._fixed.kept
        for start, end in quoted_spans(tokens):
            before = (stems[start - 1], infos[start - 1].k2) if start else ("^", "^")
            context = ["q<=" + before[0], "q<k=" + before[1], "qt=" + tokens[start]]
            for i in range(start + 1, end):
                quoted = [kept(f) for f in ["q=F" if i == start + 1 else "q=N", *context]]
                out[i] += [f for f in quoted if f is not None]
