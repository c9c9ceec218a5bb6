"""What tells a name's type besides the recogniser's votes: the word before it, an organisation's
head word, the shipped places lists."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from reader.entities import paths
from reader.entities.identity.keys import name_key, word_set
from reader.text.normalize import normalize
from reader.text.stem import fold_hamza

PLACES = "arab-places.tsv"
# weight of a context cue (ولاية before a name) against one recogniser vote, read for the
# first occurrences of each name in each type
CUE_WEIGHT = 2
CUE_SAMPLE = 40
# weight of an entry of the places list, as a share of the name's votes (at least 2)
PLACE_WEIGHT = 0.75

_CUES: dict[str, str] = {
    **dict.fromkeys(
        word_set(
            "في وفي ولايه بولايه لولايه معتمديه بمعتمديه مدينه بمدينه لمدينه ومدينه بلديه ببلديه "
            "محافظه بمحافظه قريه بقريه منطقه بمنطقه عاصمه ضواحي سكان اهالي جهه بجهه مدن عمق "
            "ولايتي ولايات لولايات والي معتمد ملعب بملعب منطقته بلدات "
            "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي"
        ),
        "LOC",
    ),
    **dict.fromkeys(
        word_set(
            "السيد السيده الرئيس الوزير الشيخ الدكتور النايب المدرب اللاعب الفنان الكاتب "
            "الناطق الامين الملك الامير قال واضاف صرح اكد رئيس وزير زعيم نجل ابن"
        ),
        "PERS",
    ),
    **dict.fromkeys(
        word_set("نادي النادي فريق حزب حركه شركه جمعيه منظمه صحيفه قناه اذاعه وكاله"), "ORG"
    ),
}
# a clitic glued to a name (the span starts after it): ب and و/ف + ب are "in"
_GLUED_CUES = {"ب": "LOC", "وب": "LOC", "فب": "LOC"}
_PUNCTUATION = "\"'«»“”()[]{}:;,.،؛!؟?-–—"

# a name that starts with one of these words is an organisation (سبورتينغ بن عروس is a club,
# not a person, though بن عروس is a town); normalised with hamza seats folded, as keys are
ORG_HEADS = word_set(
    """
    نادي النادي اتحاد الاتحاد الترجي النجم الملعب سبورتينغ مستقبل الهلال هلال الشبيبه
    شبيبه الافريقي الصفاقسي جمعيه الجمعيه حزب الحزب حركه الحركه شركه الشركه وزاره الوزاره بنك
    البنك جامعه الجامعه مجلس المجلس منظمه المنظمه وكاله الوكاله هييه الهييه موسسه الموسسه
    صحيفه قناه اذاعه جبهه الجبهه تحالف التحالف محكمه المحكمه
    """
)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The Arab world's towns and cities (``resources/gazetteers/arab-places.tsv``), keyed."""
    return frozenset(_read_names(PLACES, {"LOC"}))


@lru_cache(maxsize=1)
def trusted_names() -> frozenset[str]:
    """Names no clitic is ever taken from: the places list and CLDR's territories and cities
    (the harvested lists hold clitic-bearing forms such as لايران)."""
    return frozenset(place_names() | set(_read_names(paths.CLDR, {"LOC"})))


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every name of the shipped gazetteers, keyed: evidence that a clitic-less reading is a name."""
    names = set(place_names())
    for file in (paths.CLDR, paths.NAMES, paths.MINED):
        names.update(_read_names(file, {"LOC", "PERS", "ORG", "MISC"}))
    return frozenset(names)


def _read_names(file: str, kinds: set[str]) -> Iterable[str]:
    try:
        with (paths.GAZETTEERS / file).open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or "\t" not in line:
                    continue
                kind, name = line.rstrip("\n").split("\t", 1)
                if kind in kinds:
                    yield name_key(name)
    except OSError:
        return


@lru_cache(maxsize=1 << 12)
def head_kind(key: str) -> str | None:
    first = key.split(" ", 1)[0]
    return "ORG" if first in ORG_HEADS and " " in key else None


def cue_kind(text: str, start: int) -> str | None:
    """The type the word just before ``start`` points to, if any; a span that starts inside a
    word has its clitic there (ببن قردان: "in", a place)."""
    before = text[max(0, start - 24) : start].split()
    if not before:
        return None
    word = before[-1]
    if not text[start - 1].isspace():
        return _GLUED_CUES.get(word)
    # not through name_key's cache: every word before a name would stay in it
    return _CUES.get(fold_hamza(normalize(word.strip(_PUNCTUATION))))
