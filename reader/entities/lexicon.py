"""Run-time lookups built from the unlabelled corpus: word counts and word clusters.

The file (``lexicon.tsv``) is written by training; reading it is a plain split per line so the
model loads in well under a second.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from sys import intern

# Proclitics that never belong to a name: conjunctions, then prepositions (issue 4: a clitic like
# و in وطهران or ل in لبايدن stays outside the entity; the article ال stays inside).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
MIN_STEM = 2
CONJ_RATIO = 2
PREP_RATIO = 20


@dataclass(frozen=True, slots=True)
class Lexicon:
    counts: dict[str, int] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # clusters of clitic-stripped stems, rarer ones included (``clusters.build_stem_clusters``)
    stem_clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        """Parse ``ner-lexicon.tsv`` (see ``clusters.write_lexicon``).

        Whole columns are split at once instead of line by line (a third of the model's load
        time otherwise): the clustered words come first with ``width`` fields, then the rarer
        words with a count only.
        """
        header, _, body = path.read_text(encoding="utf-8").partition("\n")
        if not header.startswith("#"):
            raise ValueError(f"{path}: no header line")
        width = header.count("\t") + 1
        lines = body.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        # the clustered block ends where lines have a single tab; find it by bisection
        boundary = bisect_left(lines, True, key=lambda line: line.count("\t") < width - 1)
        wide = "\t".join(lines[:boundary]).split("\t") if boundary else []
        narrow = "\t".join(lines[boundary:]).split("\t") if boundary < len(lines) else []
        if len(wide) % width or len(narrow) % 2:
            raise ValueError(f"{path}: ragged lines")
        words = wide[0::width]
        counts = dict(zip(words, map(int, wide[1::width]), strict=True))
        counts.update(zip(narrow[0::2], map(int, narrow[1::2]), strict=True))
        # cluster ids repeat (a few thousand distinct): one string object each halves the
        # memory of the table in every process that tags (~30 MB)
        columns = [list(map(intern, wide[i::width])) for i in range(2, width)]
        clusters = dict(zip(words, zip(*columns, strict=True), strict=True))
        return cls(counts, clusters)

    def with_stem_clusters(self, path: Path) -> Lexicon:
        """This lexicon with the stem clusters of ``ner-stem-clusters.tsv`` (one
        ``stem<TAB>c64<TAB>c256...`` line per stem after a ``#`` header), split column-wise as
        ``read`` does."""
        header, _, body = path.read_text(encoding="utf-8").partition("\n")
        if not header.startswith("#"):
            raise ValueError(f"{path}: no header line")
        width = header.count("\t") + 1
        fields = body.rstrip("\n").replace("\n", "\t").split("\t") if body.strip() else []
        if width < 2 or len(fields) % width:
            raise ValueError(f"{path}: ragged lines")
        columns = [list(map(intern, fields[i::width])) for i in range(1, width)]
        stems = dict(zip(fields[0::width], zip(*columns, strict=True), strict=True))
        return Lexicon(self.counts, self.clusters, stems)


def _prefix_candidates(word: str) -> list[tuple[int, str, int]]:
    """``(length, rest, ratio)`` for each plausible proclitic string at the start of ``word``.

    ``rest`` is the form to look up: for ل + ال, written لل with the article's alef gone, the
    rest is looked up with the article restored (للرئيس -> الرئيس). ``ratio`` is how much more
    common the rest must be than the whole word: many names start with ب ل ك (بايدن, لندن,
    كندا), few with a conjunction, so a preposition needs far stronger evidence.
    """
    found: list[tuple[int, str, int]] = []
    i = 0
    if len(word) > i + MIN_STEM and word[i] in _CONJ:
        i += 1
        found.append((i, word[i:], CONJ_RATIO))
    if len(word) > i + MIN_STEM and word[i] in _PREP:
        found.append((i + 1, word[i + 1 :], PREP_RATIO))
        if word[i : i + 2] == "لل" and len(word) > i + 2 + MIN_STEM:
            found.append((i + 2, "ال" + word[i + 2 :], CONJ_RATIO))
    return found


class CliticSplitter:
    """Splits a normalised word into (proclitics, stem), trusting corpus counts over spelling.

    The stem keeps the article (restored in لل forms); ``len(proclitics)`` is how many leading
    characters of the word lie outside an entity span.

    Many names start with a letter that can be a clitic (بوتين, بايدن, فرنسا, كابول), so a
    letter is stripped only when the rest is clearly more common in the corpus than the whole
    word; for words the corpus does not know, only the unambiguous ``و/ف/ب/ل/ك + ال`` forms are
    split.
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts
        self.split = lru_cache(maxsize=1 << 18)(self._split)

    def _split(self, word: str) -> tuple[str, str]:
        counts = self._counts
        candidates = _prefix_candidates(word)
        best, best_rest, best_count = 0, word, counts.get(word, 0)
        for n, rest, ratio in candidates:
            c = counts.get(rest, 0)
            if c > ratio * best_count + 1:
                best, best_rest, best_count = n, rest, c
        if best == 0 and best_count == 0:
            for n, rest, _ in reversed(candidates):
                if rest.startswith("ال"):
                    best, best_rest = n, rest
                    break
        return word[:best], best_rest
