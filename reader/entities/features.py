"""CRF features for one sentence of tokens.

Everything that depends on one word alone (normalised form, clitic-stripped stem, affixes, shape,
corpus frequency, clusters) is computed once per distinct word form and cached, already prefixed
for each context position; a sentence then costs a few list concatenations per token. This is
what keeps tagging above 30k tokens/s (issue 4: feature extraction was the cost).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from reader.entities.gazetteer import Gazetteer
from reader.entities.lexicon import CliticSplitter, Lexicon
from reader.text import normalize_token
from reader.text.normalize import INVISIBLES, MARKS, TATWEEL

WINDOW = (-2, -1, 1, 2)
MINED_COLUMN = "gm"  # the gazetteer of person names mined from the corpus (``mining.py``)
PLACES_COLUMN = "gp"  # the gazetteer of the Arab world's towns (GeoNames)
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_IDENTITY = ("w=", "s=", "c=", "r=")
_UNWRITTEN = re.compile("[" + re.escape(MARKS + TATWEEL + INVISIBLES) + "]")
_CLITIC_LETTERS = frozenset("وفبلك")
# Quotation marks and the mark that closes each. News quotes the titles of programmes, films,
# books and papers (MISC, ORG) and a few words of speech (O); what stands before the quote
# (برنامج, بعنوان, صحيفة) tells which.
QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'", "''": "''"}
QUOTED_MAX = 6  # words: a longer quote is speech, not a title


def shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if not any(ch.isalnum() for ch in word):
        return "P" + word[:2]
    if any(ch in _LATIN for ch in word):
        return "L"
    if any(ch.isdigit() for ch in word):
        return "AD"
    return "A"


def _article_rate(counts: dict[str, int], core: str) -> str:
    """How often the corpus writes this word with the article ال, bucketed.

    Names of people and most places never take the article (ترامب, not الترامب) while common
    nouns mostly do: a clue that holds for names the training data never saw.
    """
    bare = counts.get(core, 0)
    with_article = counts.get("ال" + core, 0)
    total = bare + with_article
    if total < 5:
        return "?"
    rate = with_article / total
    return "0" if rate == 0 else "1" if rate < 0.05 else "2" if rate < 0.3 else "3"


def _nisba_rate(counts: dict[str, int], core: str) -> str:
    """How often the corpus also writes a word ending in ي with the feminine ة (folded to ه),
    bucketed: adjectives of relation (ايراني/ايرانيه, رئيسي/رئيسيه) take it, names ending in ي
    (خامنئي, الزهيري) rarely do. "-" for words that do not end in ي."""
    if len(core) < 4 or not core.endswith("ي"):
        return "-"
    bare = counts.get(core, 0) + counts.get("ال" + core, 0)
    feminine = counts.get(core + "ه", 0) + counts.get("ال" + core + "ه", 0)
    if bare + feminine < 5:
        return "?"
    rate = feminine / (bare + feminine)
    return "0" if rate < 0.02 else "1" if rate < 0.15 else "2" if rate < 0.4 else "3"


def nisba_gender(norm: str) -> str:
    """The gender of a definite adjective of relation: "m" (الفرنسي), "f" (والفرنسيه), or "".

    After a city's name the masculine one says it is a club (ليون الفرنسي: a club; ليون الفرنسيه:
    the city), a cue the CRF can only weigh joined with the name's own cluster (``nx=``)."""
    if norm[:1] in "وبل" and norm[1:3] == "ال":
        norm = norm[1:]
    if not norm.startswith("ال") or len(norm) < 6:
        return ""
    if norm.endswith("يه"):
        return "f"
    return "m" if norm.endswith("ي") else ""


def quoted_spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """(opening mark, closing mark) index pairs of the quotes of one to ``QUOTED_MAX`` words."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        close = QUOTES.get(tokens[i])
        if close:
            j = i + 1
            while j < n and j - i - 1 <= QUOTED_MAX and tokens[j] != close:
                j += 1
            if j < n and tokens[j] == close and i + 1 < j <= i + 1 + QUOTED_MAX:
                out.append((i, j))
                i = j + 1
                continue
        i += 1
    return out


class _Word(NamedTuple):
    """What the extractor keeps of one word form."""

    norm: str
    stem: str
    own: list[str]  # its own features
    by_offset: tuple[list[str], ...]  # its features as a neighbour, per WINDOW offset
    gender: str  # nisba_gender
    k1: str  # its word clusters at two granularities and its stem cluster ("-": none)
    k2: str
    sk1: str


class Analysis(NamedTuple):
    features: list[list[str]]
    stems: list[str]
    # the mined person names' gazetteer labels (``gm``: B-PERS/I-PERS/O), when it is one
    mined: Sequence[str] = ()


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
    ) -> None:
        """``known``: the attributes the trained models weigh (``training.attributes.used_attributes``). At
        run time every other feature is dropped as soon as it is made (it could not change a
        label, or hardly) so the CRF converts about half as many strings per token; None
        (training) keeps everything.

        ``hidden`` (training only): stems whose identity features (word, stem, core, bigrams)
        are left out, so the rare words of the training data look to the CRF as an unseen word
        looks at run time, and it learns to label them from clusters, affixes and context
        instead of memorising them (55% of dev entities never occur in training)."""
        self.known = known
        self.hidden = hidden
        self.votes = votes or {}
        # word -> its place in mined person names (F first, L last, FL both): a first name met
        # with an unknown surname still looks like a person (خليفة in خليفة أدهم)
        self.name_words = name_words or {}
        self.lexicon = lexicon
        self.splitter = CliticSplitter(lexicon.counts)
        self.gazetteers = tuple(gazetteers)
        # each kept feature as the one string object ``known`` holds: the cache below keeps ~60
        # feature strings per word, and most (clusters, shape, affixes, offsets) repeat across
        # words; shared, a tagging worker's cache took 179 MB instead of 390 MB over 8,000
        # articles (and less time: fewer allocations)
        self._canonical = {a: a for a in known} if known is not None else None
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
        counts = self.lexicon.counts
        count = counts.get(stem) or counts.get(norm, 0)
        clusters = self.lexicon.clusters.get(stem) or self.lexicon.clusters.get(norm)
        shp = shape(norm)
        article = _article_rate(counts, core)
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
        ctx = ["w=" + norm, "s=" + stem, "sh=" + shp, "ar=" + article]
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
        table = self.lexicon.stem_clusters
        stem_cluster = (table.get(stem) or table.get(norm)) if table else None
        if table:
            own += self._stem_clusters(stem_cluster, ctx)
        if not clitic and len(norm) > 3 and norm[0] in _CLITIC_LETTERS:
            own += self._unsplit_reading(norm, count)
        # The folded form merges what the writer kept apart: the preposition على with the name
        # علي, the pronoun suffix ه with the feminine ة, hamza forms. Where the written form
        # differs it is a feature of its own (most words: no extra feature, no extra cost).
        raw = _UNWRITTEN.sub("", token).lower()
        if raw != norm:
            own.append("r=" + raw)
            ctx.append("r=" + raw)
            if raw[-1:] != norm[-1:]:
                own.append("rx1=" + raw[-1:])
                ctx.append("rx1=" + raw[-1:])
        nisba = _nisba_rate(counts, core)
        own += ["p4=" + core[:4], "x4=" + core[-4:], "ni=" + nisba]
        ctx.append("ni=" + nisba)
        by_offset = tuple([f"{o}:{f}" for f in ctx] for o in WINDOW)
        if stem in self.hidden:
            own = [f for f in own if not f.startswith(_IDENTITY)]
            ctx = [f for f in ctx if not f.startswith(_IDENTITY)]
            by_offset = tuple([f"{o}:{f}" for f in ctx] for o in WINDOW)
        canonical = self._canonical
        if canonical is not None:
            get = canonical.get
            own = [f for f in map(get, own) if f is not None]
            by_offset = tuple([f for f in map(get, fs) if f is not None] for fs in by_offset)
        return _Word(
            norm,
            stem,
            own,
            by_offset,
            nisba_gender(norm),
            clusters[1] if clusters else "-",
            clusters[2] if clusters else "-",
            stem_cluster[1] if stem_cluster else "-",
        )

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        return self.analyse(tokens).features

    def analyse(self, tokens: Sequence[str]) -> Analysis:
        """Features and clitic-stripped stems per token."""
        infos = [self._word(t) for t in tokens]
        n = len(infos)
        stems = [info.stem for info in infos]
        gaz_columns = []
        norms = [info.norm for info in infos]
        for name, gazetteer in self.gazetteers:
            labels = gazetteer.tag(norms, stems)
            gaz_columns.append((name, labels))
        known = self.known
        hidden = self.hidden
        out: list[list[str]] = []
        for i in range(n):
            feats = ["b", *infos[i].own]
            for k, o in enumerate(WINDOW):
                j = i + o
                if 0 <= j < n:
                    feats += infos[j].by_offset[k]
                else:
                    feats.append(f"{o}:pad")
            prev_stem = stems[i - 1] if i else "^"
            next_stem = stems[i + 1] if i + 1 < n else "$"
            for bigram, pair in (
                (f"bg-={prev_stem}|{stems[i]}", (prev_stem, stems[i])),
                (f"bg+={stems[i]}|{next_stem}", (stems[i], next_stem)),
            ):
                if hidden and (pair[0] in hidden or pair[1] in hidden):
                    continue
                if known is None or bigram in known:
                    feats.append(bigram)
            for name, labels in gaz_columns:
                if labels[i] != "O":
                    feats.append(f"{name}={labels[i]}")
                if i and labels[i - 1] != "O":
                    feats.append(f"{name}-1={labels[i - 1]}")
                if i + 1 < n and labels[i + 1] != "O":
                    feats.append(f"{name}+1={labels[i + 1]}")
            # Measured on cached features of a dev run (4 folds of the training part; second
            # pass as shipped): out of fold 74.96 -> 74.96 with these, 74.92 with the quotes
            # below, 75.08 with both; dev 73.75 -> 74.05, 74.14, 74.03 (noise is about 1).
            if i + 1 < n and infos[i + 1].gender and not infos[i].gender:
                info = infos[i]
                for conj in (
                    f"nx={infos[i + 1].gender}|{info.k1}",
                    f"nx={infos[i + 1].gender}|{info.sk1}",
                ):
                    if known is None or conj in known:
                        feats.append(conj)
            out.append(feats)
        for start, end in quoted_spans(tokens):
            before = (stems[start - 1], infos[start - 1].k2) if start else ("^", "^")
            context = ["q<=" + before[0], "q<k=" + before[1], "qt=" + tokens[start]]
            for i in range(start + 1, end):
                quoted = ["q=F" if i == start + 1 else "q=N", *context]
                out[i] += [f for f in quoted if known is None or f in known]
        mined = next((labels for name, labels in gaz_columns if name == MINED_COLUMN), ())
        return Analysis(out, stems, mined)
