"""Run-time lookups built from the unlabelled corpus: word counts and word clusters.

The file (``lexicon.tsv``) is written by training; reading it is a plain split per line so the
model loads in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# Proclitics that never belong to a name: conjunctions, then prepositions (issue 4: a clitic like
# و in وطهران or ل in لبايدن stays outside the entity; the article ال stays inside).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    counts: dict[str, int] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        counts: dict[str, int] = {}
        clusters: dict[str, tuple[str, ...]] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                word, count, *ids = line.rstrip("\n").split("\t")
                counts[word] = int(count)
                clusters[word] = tuple(ids)
        return cls(counts, clusters)


def _prefix_candidates(word: str) -> list[tuple[int, str]]:
    """``(length, rest)`` for each plausible proclitic string at the start of ``word``.

    ``rest`` is the form to look up: for ل + ال, written لل with the article's alef gone, the
    rest is looked up with the article restored (للرئيس -> الرئيس).
    """
    found: list[tuple[int, str]] = []
    i = 0
    if len(word) > i + MIN_STEM and word[i] in _CONJ:
        i += 1
        found.append((i, word[i:]))
    if len(word) > i + MIN_STEM and word[i] in _PREP:
        found.append((i + 1, word[i + 1 :]))
        if word[i : i + 2] == "لل" and len(word) > i + 2 + MIN_STEM:
            found.append((i + 2, "ال" + word[i + 2 :]))
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
        for n, rest in candidates:
            c = counts.get(rest, 0)
            if c > 2 * best_count + 1:
                best, best_rest, best_count = n, rest, c
        if best == 0 and best_count == 0:
            for n, rest in reversed(candidates):
                if rest.startswith("ال"):
                    best, best_rest = n, rest
                    break
        return word[:best], best_rest
