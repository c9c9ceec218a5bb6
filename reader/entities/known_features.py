"""The features the trained models weigh, as the run-time feature extractor hands them out: the
ones made per sentence (bias, padding, stem bigrams) and the tables that find a known feature
without making the string of one the models do not know."""

from __future__ import annotations

from collections.abc import Callable, Mapping

WINDOW = (-2, -1, 1, 2)  # the neighbours whose features a token sees

# the known stem bigrams: first stem -> second stem -> the feature
Pairs = dict[str, dict[str, str | int]]


class KnownFeatures:
    """The features made per sentence rather than per word, as the extractor hands them out."""

    def __init__(
        self,
        canonical: Mapping[str, str | int] | None,
        always: Callable[[str], int] | None = None,
    ) -> None:
        """``canonical``: each known feature as the extractor hands it out (None: every feature,
        as itself); ``always``: what a feature made always becomes when it is not in
        ``canonical`` (None: the feature itself), so the models weigh it if they can."""
        self._canonical = canonical
        self._always = always
        self.bias = self.kept("b", always=True)
        self.pads = tuple(self.kept(f"{o}:pad", always=True) for o in WINDOW)
        self.bigrams = bigram_index(canonical) if canonical is not None else None
        # per WINDOW offset: the known neighbour features by their feature without the prefix
        self.by_offset: tuple[dict[str, str | int], ...] = tuple({} for _ in WINDOW)
        prefixes = [f"{o}:" for o in WINDOW]
        for feature, kept in (canonical or {}).items():
            head, colon, rest = feature.partition(":")
            if colon and head + colon in prefixes:
                self.by_offset[prefixes.index(head + colon)][rest] = kept

    def kept(self, feature: str, *, always: bool = False) -> str | int | None:
        """``feature`` as the models know it, or None when they do not (``always``: kept even
        then, as the extractor always did for these)."""
        canonical = self._canonical
        if canonical is None:
            return feature
        found = canonical.get(feature)
        if found is None and always:
            return feature if self._always is None else self._always(feature)
        return found


def bigram_index(canonical: Mapping[str, str | int]) -> tuple[Pairs, Pairs]:
    """The known ``bg-=`` and ``bg+=`` features by their two stems (split at each ``|``, since a
    stem may hold one: the lookup must find exactly the bigrams ``f"{a}|{b}"`` would name)."""
    before: Pairs = {}
    after: Pairs = {}
    for feature, kept in canonical.items():
        if feature.startswith("bg-="):
            index = before
        elif feature.startswith("bg+="):
            index = after
        else:
            continue
        pair = feature[4:]
        at = pair.find("|")
        while at >= 0:
            index.setdefault(pair[:at], {})[pair[at + 1 :]] = kept
            at = pair.find("|", at + 1)
    return before, after
