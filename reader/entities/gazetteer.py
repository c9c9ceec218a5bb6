"""Name lists matched over token sequences (longest match, affix-aware on the first word).

The lists in ``resources/gazetteers/``: place and language names from CLDR (through babel), names
harvested from the ANERcorp training split, person names mined from the unlabelled corpus, and
towns and cities from GeoNames (``world-places.tsv``). Matches become features, never labels:
the CRF learns how far to trust each list (the training names are built by jackknife so that it
does not learn to trust them blindly, see ``training/pipeline.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.text import normalize

Entry = tuple[str, tuple[str, ...]]  # (type, normalised words)


def read_entries(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            kind, name = line.rstrip("\n").split("\t", 1)
            words = tuple(name.split())
            if words:
                entries.append((kind, words))
    return entries


def write_entries(entries: Iterable[Entry], path: Path, header: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for line in header.strip().splitlines():
            out.write(f"# {line}\n")
        for kind, words in sorted(set(entries)):
            out.write(f"{kind}\t{' '.join(words)}\n")


class Gazetteer:
    """Finds the longest listed name starting at each token.

    The first word is compared by its clitic-stripped stem (وطهران, لبايدن); the following words
    as they are, which is how Arabic attaches clitics: only to the first word of a name.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        by_first: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
        for kind, words in entries:
            by_first[words[0]].setdefault(words[1:], kind)
        # longest continuation first, so the first hit is the longest match
        self._index = {
            first: sorted(rests.items(), key=lambda item: -len(item[0]))
            for first, rests in by_first.items()
        }

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def may_start(self, word: str, stem: str) -> bool:
        """Whether a listed name may begin at a token of this form: ``tag`` finds nothing in a
        sentence where no token may, so a caller can skip it there."""
        return stem in self._index or word in self._index

    def tag(self, words: Sequence[str], stems: Sequence[str]) -> list[str]:
        """A BIO label (``B-LOC``, ``I-LOC``, ``O``) per token for the matched names."""
        labels = ["O"] * len(words)
        i, n = 0, len(words)
        while i < n:
            options = self._index.get(stems[i]) or self._index.get(words[i])
            if options:
                for rest, kind in options:
                    end = i + 1 + len(rest)
                    if end <= n and tuple(words[i + 1 : end]) == rest:
                        labels[i] = "B-" + kind
                        for j in range(i + 1, end):
                            labels[j] = "I-" + kind
                        i = end - 1
                        break
            i += 1
        return labels


def cldr_entries() -> list[Entry]:
    """Arabic names of countries and regions, exemplar cities and languages from CLDR (babel)."""
    from babel import Locale  # training-only dependency

    locale = Locale("ar")
    entries: list[Entry] = []

    def add(kind: str, name: str) -> None:
        words = tuple(normalize(w) for w in name.replace("-", " ").split() if w not in {"–", "-"})
        if words and not any(ch.isdigit() for ch in name):
            entries.append((kind, words))

    for name in locale.territories.values():
        add("LOC", name)
    for zone in locale.time_zones.values():
        city = zone.get("city")
        if city:
            add("LOC", city)
    for name in locale.languages.values():
        add("LANG", name)
    return entries


def harvest_names(
    sentences: Iterable[Sequence[tuple[str, str]]],
    stem: Callable[[str], str],
    min_count: int = 1,
) -> list[Entry]:
    """Entities of a labelled split as gazetteer entries (first word as its stem), majority type."""
    from collections import Counter

    from reader.entities.conll import entity_chunks
    from reader.text import normalize_token

    seen: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        tags = [t for _, t in sentence]
        for start, end, kind in entity_chunks(tags):
            words = [normalize_token(w) for w, _ in sentence[start:end]]
            words[0] = stem(words[0])
            seen[tuple(words)][kind] += 1
    return [
        (kinds.most_common(1)[0][0], words)
        for words, kinds in seen.items()
        if sum(kinds.values()) >= min_count
    ]
