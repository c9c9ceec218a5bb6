"""Name lists matched over token sequences (longest match, affix-aware on the first word).

The lists in ``resources/gazetteers/``: place and language names from CLDR (through babel), names
harvested from the ANERcorp training split, person names mined from the unlabelled corpus,
towns and cities from GeoNames (``world-places.tsv``), and names of people, clubs and places
(``world-names.tsv``). Matches become features, never labels:
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
        # a trie of words: a common first word (نادي, محافظه, عبد) begins hundreds of names, and
        # a match then costs the words it reads, not a comparison with each of those names
        self._index: dict[str, _Node] = {}
        self._size = 0
        for kind, words in entries:
            node = self._index.setdefault(words[0], _Node())
            for word in words[1:]:
                node = node.next.setdefault(word, _Node())
            if node.kind is None:  # the first type listed for a name wins
                node.kind = kind
                self._size += 1

    def __len__(self) -> int:
        return self._size

    def may_start(self, word: str, stem: str) -> bool:
        """Whether a listed name may begin at a token of this form: ``tag`` finds nothing in a
        sentence where no token may, so a caller can skip it there."""
        return stem in self._index or word in self._index

    def tag(
        self, words: Sequence[str], stems: Sequence[str], starts: Iterable[int] | None = None
    ) -> list[str]:
        """A BIO label (``B-LOC``, ``I-LOC``, ``O``) per token for the matched names.
        ``starts``: the positions where a name may begin (``may_start``), in order, when the
        caller knows them: the others are not looked at."""
        labels = ["O"] * len(words)
        n, index, done = len(words), self._index, 0
        for i in range(n) if starts is None else starts:
            if i < done:  # inside the name matched before
                continue
            node = index.get(stems[i]) or index.get(words[i])
            kind, end, j = None, i, i + 1
            while node is not None:
                if node.kind is not None:
                    kind, end = node.kind, j
                if j == n:
                    break
                node = node.next.get(words[j])
                j += 1
            if kind is not None:
                labels[i] = "B-" + kind
                for k in range(i + 1, end):
                    labels[k] = "I-" + kind
                done = end
        return labels


class _Node:
    """A name's words so far: the type of the name that ends here, if one does, and the words
    that go on to longer names."""

    __slots__ = ("kind", "next")

    def __init__(self) -> None:
        self.kind: str | None = None
        self.next: dict[str, _Node] = {}


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
