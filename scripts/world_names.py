"""Write resources/gazetteers/world-names.tsv: names of people, clubs and places, a recogniser
feature.

Text of another domain than the training data's news names people, clubs and places the training
data never saw, most of all foreign ones, whose transliterated names the news corpus writes too
rarely to cluster well. Two lists from the package registries give the recogniser what the corpus
cannot:

- arabnamer's dictionary of English -> Arabic person names (given names, family names and
  nisbas, Arab and foreign: عبد الرقيب, النابلسي, ليفاندوفسكي), as PERS;
- the titles of Arabic Wikipedia's articles that ArWikiCats translates categories with: people
  (غاري أولدمان) as PERS, sports clubs and international sports bodies (نادي واتفورد, رابطة محترفي
  التنس) as ORG, cities and regions (سانتياغو دي كومبوستيلا, محافظة القنيطرة) as LOC; names of two
  words or more.

A one-word name the unlabelled corpus writes ``COMMON`` times or more is left out: for a word that
frequent the corpus's word clusters already say whether it is a name, and many are common words
first (علي, كان, وجود, بديل). One-word titles (دريك, كوليت) are left out for the same reason.

    python -m pip download --no-deps arabnamer==0.1.3 arwikicats==0.2.3 -d /tmp/names
    python scripts/world_names.py /tmp/names/arabnamer-0.1.3-*.whl /tmp/names/arwikicats-0.2.3-*.whl

arabnamer (Elsayed Yousef) is MIT, its name dictionary CC BY 4.0; ArWikiCats (Ibrahim Qasim) is
MIT. See the NOTICE.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from world_places import corpus_counts  # noqa: E402

from reader.text import normalize  # noqa: E402

COMMON = 200
ARABNAMER = "arabnamer/data/dict_FINAL.json"
# ArWikiCats' tables of Arabic Wikipedia titles: people, clubs (with their leagues), international
# sports bodies, and the places its tables of cities and of regions (provinces, districts,
# municipalities) hold
_JSONS = "ArWikiCats/jsons/"
SPORTS_BODIES = "sports/inter_federations.json"
ARWIKICATS = [
    ("PERS", "people/peoples.json"),
    ("ORG", "sports/Clubs_key.json"),
    ("ORG", SPORTS_BODIES),
    ("LOC", "cities/cities_full.json"),
    ("LOC", "geography/popopo.json"),
    ("LOC", "geography/New_Keys.json"),
    ("LOC", "geography/P17_PP.json"),
    ("LOC", "geography/us_counties.json"),
]
# the sports bodies' table names competitions too (بطولة العالم, كأس أوقيانوسيا): left out there
COMPETITIONS = frozenset(
    normalize(w)
    for w in ["بطولة", "كأس", "دوري", "الدوري", "سباق", "ألعاب", "الألعاب", "جائزة", "نهائي"]
)
GAZETTEERS = ROOT / "resources" / "gazetteers"
LEXICON = ROOT / "resources" / "models" / "ner-lexicon.tsv"
HEADER = """\
Names of people (given names, family names, nisbas, full names; Arab and foreign), sports clubs
and bodies, cities and regions, normalised for matching: arabnamer 0.1.3's name dictionary
(Elsayed Yousef, CC BY 4.0) and Arabic Wikipedia's titles in ArWikiCats 0.2.3 (Ibrahim Qasim,
MIT). One-word names the corpus writes 200 times or more, and one-word titles, left out.
Written by scripts/world_names.py. See NOTICE."""


def read_json(wheel: Path, member: str) -> dict[str, object]:
    """A data file of a wheel, read without installing or importing the package (arabnamer's
    import loads its transliteration model)."""
    with zipfile.ZipFile(wheel) as archive:
        return json.loads(archive.read(member).decode("utf-8"))


def name_words(name: str) -> list[str] | None:
    """The normalised words of a name; None for one that holds digits, brackets (a title's
    disambiguation) or a word without Arabic letters."""
    if any(ch.isdigit() or ch in "().،," for ch in name):
        return None
    words = [w for w in (normalize(w) for w in name.replace("-", " ").split()) if w]
    if not words or not all(any("\u0621" <= ch <= "\u064a" for ch in w) for w in words):
        return None
    return words


def arabnamer_names(pairs: Iterable[str], counts: dict[str, int]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for arabic in pairs:
        words = name_words(arabic)
        if words and (len(words) > 1 or counts.get(words[0], 0) < COMMON):
            out.add(("PERS", " ".join(words)))
    return out


def wikipedia_titles(
    kind: str, titles: Iterable[object], skip: frozenset[str] = frozenset()
) -> set[tuple[str, str]]:
    """Titles of two words or more, less those whose first word is in ``skip``."""
    out: set[tuple[str, str]] = set()
    for title in titles:
        words = name_words(title) if isinstance(title, str) else None
        if words and len(words) > 1 and words[0] not in skip:
            out.add((kind, " ".join(words)))
    return out


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    arabnamer, arwikicats = Path(sys.argv[1]), Path(sys.argv[2])
    found = arabnamer_names(read_json(arabnamer, ARABNAMER).values(), corpus_counts(LEXICON))
    for kind, member in ARWIKICATS:
        skip = COMPETITIONS if member == SPORTS_BODIES else frozenset()
        found |= wikipedia_titles(kind, read_json(arwikicats, _JSONS + member).values(), skip)
    out = GAZETTEERS / "world-names.tsv"
    with out.open("w", encoding="utf-8") as handle:
        for line in HEADER.splitlines():
            handle.write(f"# {line}\n")
        for kind, name in sorted(found):
            handle.write(f"{kind}\t{name}\n")
    print(f"{out}: {len(found):,} names")


if __name__ == "__main__":
    main()
