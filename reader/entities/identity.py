"""One identity per real-world name: the recogniser's spans of a folder, cleaned, typed and linked.

The recogniser tags each article on its own, so the same person shows up as ``يوسف الشاهد`` and
``الشاهد``, a place as ``إفريقيا`` and ``افريقيا`` or with a clitic glued on (``بتونس``), and page
debris (``على``, ``اف ام``, ``googletag``) as names. ``build_identities`` reads the spans of a whole
folder once and ``Identities.entities`` then gives each span of an article what the facets, the
``entity:`` filter, the reading pane and the export show:

- a span without leading or trailing punctuation, and without a leading clitic (و ف ب ل ك and
  their combinations) when the rest is the better-attested word: more frequent in the folder's
  text than the whole and known as a name (an entity of the folder or a gazetteer entry), so
  ``بتونس`` loses its ب but ``بغداد``, ``لبنان`` and ``كندا`` keep theirs;
- nothing for junk: function words, single letters, spelled-out Latin letters, Latin fragments;
- a type the folder agrees on: the recogniser's votes for that name across the folder, the words
  before it (``ولاية``, ``في``: a place; ``السيد``: a person), the Arab-world places list and
  organisation head words;
- a canonical name: a one-word name is linked to the full name of the same type the article uses
  (``الشاهد`` → ``يوسف الشاهد``), or, in an article without one, to the full name that dominates
  that word across the folder; spellings the search folds are one name; the name shown is the
  most frequent form of the fullest name.

Everything is keyed by normalised forms in dicts: two passes over the spans, no pairwise
comparison, so a folder of 100,000 articles costs a few seconds once per load.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.entities import paths
from reader.model import ENTITY_KINDS, PackedSpans, Span
from reader.text.normalize import normalize
from reader.text.stem import fold_hamza

PLACES = "arab-places.tsv"

# one letter, or one of these two (و then ب ل ك, ف then ب ل ك), may be glued to a name
_CLITICS = "وفبلك"
_TWO_CLITICS = frozenset(a + b for a in "وف" for b in "بلك")
# at least this many letters must remain once a clitic is gone (keeps كل from becoming ل)
MIN_REST = 3
# a clitic goes when the rest is a name of the same type in at least this many times the
# articles (and, with the index's frequencies, this many times as common a word)
CLITIC_RATIO = 2
# a one-word name links to a full name used in the same article unless, across the folder, the
# word alone is this many times more frequent than that full name (تونس is not "تونس العاصمة")
ARTICLE_LINK_RATIO = 2.0
# across the folder a full name "dominates" a word when it is this many times as frequent as the
# next full name holding that word, and at least this share of the word's standalone count
DOMINANCE = 2.0
DOMINANT_SHARE = 0.5
# weight of a context cue (ولاية before a name) against one recogniser vote, read for the
# first occurrences of each name in each type
CUE_WEIGHT = 2
CUE_SAMPLE = 40
# weight of an entry of the places list, as a share of the name's votes (at least 2)
PLACE_WEIGHT = 0.75


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and other words that never stand alone as a name, in normalised form. علي is
# one: normalised, على and the name Ali are one word, and many writers type على as علي (the
# name alone says little; علي in a full name stays).
FUNCTION_WORDS = _words(
    """
    في من الي علي عن مع ان او ام لا لم لن ما ماذا هل قد كان كانت يكون هذا هذه ذلك تلك هؤلاء هولاء
    الذي التي الذين اللذين اللتين اللواتي اللاتي هو هي هم هما هن انا نحن انت انتم انه انها
    بعد قبل بين حول عند عندما حيث كما كل بعض غير سوي منذ خلال ضد نحو لدي حتي ثم اذا اذ لكن
    بل كي لكي لان ايضا فقط جدا اي ايه الا اما امام وراء تحت فوق دون مثل عبر الان اليوم امس
    غدا هنا هناك يوم عام سنه شهر قال وقال اكد اضاف وفق حسب السيد السيده الرئيس الوزير رئيس
    وزير الشيخ الدكتور ولايه الولايه مدينه المدينه معتمديه بلديه محافظه منطقه دوله الدوله
    الحكومه حكومه البلاد الشعب المجلس الوزاره وزاره الحزب حزب الجيش الشرطه الامن الفريق
    النادي الرابطه الملعب الامير الملك سيدي مولاي جنوب شمال شرق غرب وسط الجنوب الشمال الشرق
    الغرب الوسط
    """
)
# function words with alef maqsura, caught by their surface form too
FUNCTION_SURFACES = _words("على إلى حتى متى لدى سوى مدى أنى")
# Latin letters spelled out in Arabic (اف ام for FM): two of them are a fragment, not a name;
# three or more are an acronym (بي بي سي)
LETTER_NAMES = _words(
    "اي بي سي دي اف جي اتش اتشي ايتش جاي كي ال ام ان او كيو ار اس تي يو في دبليو اكس واي زد"
)

# the word before a name that says what it is (normalised, clitic included)
_CUES: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "في وفي ولايه بولايه لولايه معتمديه بمعتمديه مدينه بمدينه لمدينه ومدينه بلديه ببلديه "
            "محافظه بمحافظه قريه بقريه منطقه بمنطقه عاصمه ضواحي سكان اهالي جهه بجهه مدن عمق "
            "ولايتي ولايات لولايات والي معتمد ملعب بملعب منطقته بلدات "
            "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي"
        ),
        "LOC",
    ),
    **dict.fromkeys(
        _words(
            "السيد السيده الرئيس الوزير الشيخ الدكتور النايب المدرب اللاعب الفنان الكاتب "
            "الناطق الامين الملك الامير قال واضاف صرح اكد رئيس وزير زعيم نجل ابن"
        ),
        "PERS",
    ),
    **dict.fromkeys(
        _words("نادي النادي فريق حزب حركه شركه جمعيه منظمه صحيفه قناه اذاعه وكاله"), "ORG"
    ),
}
# a clitic glued to a name (the span starts after it): ب and و/ف + ب are "in"
_GLUED_CUES = {"ب": "LOC", "وب": "LOC", "فب": "LOC"}
_PUNCTUATION = "\"'«»“”()[]{}:;,.،؛!؟?-–—"

# a name that starts with one of these words is an organisation (سبورتينغ بن عروس is a club,
# not a person, though بن عروس is a town); normalised with hamza seats folded, as keys are
ORG_HEADS = _words(
    """
    نادي النادي اتحاد الاتحاد الترجي النجم الملعب سبورتينغ مستقبل الهلال هلال الشبيبه
    شبيبه الافريقي الصفاقسي جمعيه الجمعيه حزب الحزب حركه الحركه شركه الشركه وزاره الوزاره بنك
    البنك جامعه الجامعه مجلس المجلس منظمه المنظمه وكاله الوكاله هييه الهييه موسسه الموسسه
    صحيفه قناه اذاعه جبهه الجبهه تحالف التحالف محكمه المحكمه
    """
)


def name_key(text: str) -> str:
    """The form two spellings of one name share: the search's normalisation (hamza seats, ة/ه,
    ى/ي, marks and tatweel) with ؤ/ئ folded as the search's stems fold them, single spaces."""
    return _name_key(text)


@lru_cache(maxsize=1 << 17)
def _name_key(text: str) -> str:
    return fold_hamza(" ".join(normalize(text).split()))


@dataclass(frozen=True, slots=True)
class Entity:
    """A span after identity: where it is (clitics and punctuation outside), its type, its name."""

    start: int
    end: int
    kind: str
    name: str  # the canonical display name of its identity


@dataclass(frozen=True, slots=True)
class Identity:
    kind: str
    name: str
    # every surface form folded into this identity, most frequent first (``name`` among them)
    variants: tuple[str, ...]


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn" or ch == "\u0640"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading or trailing punctuation, spaces or symbols (a trailing
    mark stays with its letter)."""
    while start < end and not _is_letter(text[start]):
        start += 1
    while end > start and not _is_letter(text[end - 1]):
        if _is_mark(text[end - 1]) and end - 1 > start and _is_letter(text[end - 2]):
            break
        end -= 1
    return start, end


def _skip_letters(surface: str, letters: int) -> int:
    """Characters of ``surface`` holding its first ``letters`` letters (with their marks)."""
    pos = 0
    for _ in range(letters):
        pos += 1
        while pos < len(surface) and _is_mark(surface[pos]):
            pos += 1
    return pos


def _latin(word: str) -> bool:
    return all(ch.isascii() for ch in word)


def is_junk(surface: str, key: str) -> bool:
    """A span that never stands alone as a name: a function word, a single letter, spelled-out
    letters (two at most), a Latin fragment (lower case, or two letters at most)."""
    words = key.split()
    letters = sum(1 for ch in key if ch.isalpha())
    if letters < 2 or not words:
        return True
    if len(words) == 1:
        word = words[0]
        if word in FUNCTION_WORDS or len(word) <= 2:
            return True
        # a function word or common noun with a clitic (بولاية, وعلى) is no name either
        if any(rest in FUNCTION_WORDS for _, rest in _readings(word)):
            return True
        bare = surface.replace("\u0640", "")
        if "".join(ch for ch in bare if not _is_mark(ch)) in FUNCTION_SURFACES:
            return True
    if all(w in FUNCTION_WORDS for w in words):
        return True
    if len(words) <= 2 and all(w in LETTER_NAMES for w in words):
        return True
    if all(_latin(w) for w in words):
        raw = surface.strip()
        if not any(ch.isupper() for ch in raw) or len(key.replace(" ", "")) <= 2:
            return True
    return False


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


_KINDS = frozenset(ENTITY_KINDS)
_MISSING = object()
# a span's text -> (first, end) of its name inside it, and the name's key; None: no name
_Clean = tuple[int, int, str] | None
# a span's text -> (first, end, key, surface, type or None) once clitics and junk are judged
_Resolved = tuple[int, int, str, str, str | None] | None
# (start, end, kind, key, surface) of a mention in its text
Mention = tuple[int, int, str, str, str]


@lru_cache(maxsize=1 << 18)
def _clean(raw: str) -> _Clean:
    """Where the name is inside a span's text (punctuation trimmed), and its key."""
    first, end = trim(raw, 0, len(raw))
    if first >= end:
        return None
    key = name_key(raw[first:end])
    return (first, end, key) if key else None


class Identities:
    """The identity of every name of a folder; ``entities`` resolves one article's spans.

    Built by ``build_identities``; plain dicts keyed by normalised names, so it pickles with the
    index snapshot. Resolutions of span texts are memoised (a folder repeats its names).
    """

    def __init__(
        self,
        strips: dict[str, tuple[int, str]],
        kinds: dict[str, str],
        links: dict[tuple[str, str], str],
        counts: dict[tuple[str, str], int],
        identities: dict[tuple[str, str], Identity],
    ) -> None:
        # surface key -> (letters of clitic to drop, key without them)
        self._strips = strips
        # key (clitics gone) -> the type the folder agrees on
        self._kinds = kinds
        # (kind, one-word key) -> the full name key it stands for across the folder
        self._links = links
        # (kind, key) -> articles naming it (standalone), for in-article linking
        self._counts = counts
        # (kind, key) -> its identity; every variant's key maps to its identity too
        self._identities = identities
        self._resolved: dict[str, _Resolved] = {}

    def __getstate__(self) -> dict:
        return {
            "strips": self._strips,
            "kinds": self._kinds,
            "links": self._links,
            "counts": self._counts,
            "identities": self._identities,
        }

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @classmethod
    def empty(cls) -> Identities:
        return cls({}, {}, {}, {}, {})

    def __len__(self) -> int:
        return len({id(i) for i in self._identities.values()})

    # ------------------------------------------------------------------ one article
    def _resolve(self, raw: str) -> _Resolved:
        cleaned = _clean(raw)
        if cleaned is None:
            return None
        first, end, key = cleaned
        surface = raw[first:end]
        strip = self._strips.get(key)
        if strip is not None:
            letters, key = strip
            skip = _skip_letters(surface, letters)
            first += skip
            surface = surface[skip:]
        if is_junk(surface, key):
            return None
        return first, end, key, surface, self._kinds.get(key) or _head_kind(key)

    def mentions(self, text: str, spans: Iterable[Span]) -> list[Mention]:
        """The spans of one text cleaned, unglued and typed (no linking): junk left out."""
        return [m for m in self._aligned(text, spans) if m is not None]

    def _aligned(self, text: str, spans: Iterable[Span]) -> list[Mention | None]:
        """``mentions`` with a None in the place of each span that names nothing."""
        out: list[Mention | None] = []
        resolved = self._resolved
        size = len(text)
        for span in spans:
            start, end, kind = span.start, span.end, span.kind
            if kind not in _KINDS or not 0 <= start < end <= size:
                out.append(None)
                continue
            raw = text[start:end]
            info = resolved.get(raw, _MISSING)
            if info is _MISSING:
                info = resolved[raw] = self._resolve(raw)
            if info is None:
                out.append(None)
                continue
            first, last, key, surface, fixed = info  # type: ignore[misc]
            out.append((start + first, start + last, fixed or kind, key, surface))
        return out

    def _linked(self, names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
        """Each (kind, key) of one article -> (kind, key) after linking: a one-word name to the
        full name of the article that holds it, else to the folder's dominant full name."""
        full: dict[tuple[str, str], list[str]] = {}
        for kind, key in names:
            if " " in key:
                for word in key.split():
                    full.setdefault((kind, word), []).append(key)
        counts = self._counts
        out: dict[tuple[str, str], tuple[str, str]] = {}
        for name in names:
            kind, key = name
            if " " in key:
                out[name] = name
                continue
            here = full.get(name)
            if here:
                best = max(set(here), key=lambda k: (counts.get((kind, k), 0), k))
                alone = counts.get(name, 0)
                if alone <= ARTICLE_LINK_RATIO * max(counts.get((kind, best), 0), 1):
                    out[name] = (kind, best)
                    continue
            out[name] = (kind, self._links.get(name, key))
        return out

    def entities(self, text: str, spans: Iterable[Span]) -> tuple[Entity, ...]:
        """The spans of one text as entities: cleaned, typed, named by their identity."""
        return tuple(e for e in self.resolve(text, spans) if e is not None)

    def resolve(self, text: str, spans: Iterable[Span]) -> tuple[Entity | None, ...]:
        """Each span of one text as its entity, or None where it names nothing (junk)."""
        aligned = self._aligned(text, spans)
        names = {(m[2], m[3]): None for m in aligned if m is not None}
        if not names:
            return (None,) * len(aligned)
        linked = self._linked(tuple(names))
        identities = self._identities
        out: list[Entity | None] = []
        for m in aligned:
            if m is None:
                out.append(None)
                continue
            start, end, kind, key, surface = m
            identity = identities.get(linked[(kind, key)])
            out.append(Entity(start, end, kind, identity.name if identity else surface))
        return tuple(out)

    # ------------------------------------------------------------------ lookups
    def identity(self, kind: str, value: str) -> Identity | None:
        """The identity a name (canonical or any variant) stands for; ``kind`` "*": any type."""
        key = name_key(value)
        kinds = ENTITY_KINDS if kind not in ENTITY_KINDS else (kind,)
        for k in kinds:
            found = self._identities.get((k, key))
            if found is not None:
                return found
        return None

    def variants(self, kind: str, name: str) -> tuple[str, ...]:
        """Every spelling folded into the identity shown as ``name`` (``name`` first)."""
        found = self.identity(kind, name)
        return found.variants if found is not None else (name,)

    def aliases(self, kind: str) -> dict[str, str]:
        """Each variant -> its identity's name, for one type (the facets match by these)."""
        out: dict[str, str] = {}
        for (k, key), ident in self._identities.items():
            if k == kind:
                out.setdefault(key, ident.name)  # a clitic-bearing form (بتونس) too
                for variant in ident.variants:
                    out.setdefault(variant, ident.name)
        return out


def _with_article(key: str) -> str | None:
    """``امم المتحده`` → ``الامم المتحده``: the recogniser leaves out the article that a
    preceding لل swallowed (للأمم المتحدة); a definite word after it says the first was too."""
    first, _, tail = key.partition(" ")
    if not tail or first.startswith("ال") or len(first) < 3 or not tail.startswith("ال"):
        return None
    return f"ال{first} {tail}"


@lru_cache(maxsize=1 << 12)
def _head_kind(key: str) -> str | None:
    first = key.split(" ", 1)[0]
    return "ORG" if first in ORG_HEADS and " " in key else None


def _cue(text: str, start: int) -> str | None:
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


_Name = tuple[str, str]  # (kind, key)
_KIND_CODES = {kind: code for code, kind in enumerate(ENTITY_KINDS)}


def build_identities(
    docs: Iterable[tuple[str, Sequence[Span]]], word_df: Callable[[str], int] | None = None
) -> Identities:
    """The identities of a folder from each article's (text, entity spans).

    ``word_df``: articles of the folder holding a normalised word (the search index's document
    frequency): the evidence that a clitic-less reading is the common form; without it, only
    names count.
    """
    return build_with_values(docs, word_df)[0]


def build_with_values(
    docs: Iterable[tuple[str, Sequence[Span]]], word_df: Callable[[str], int] | None = None
) -> tuple[Identities, list[dict[str, list[str]]]]:
    """``build_identities``, and each article's entity names by type (its facet values), read
    from the same pass: the texts are read once."""
    survey = _survey(docs)
    strips = _clitic_strips(survey, word_df)
    kinds = _types(survey, strips)
    resolver = Identities(strips, kinds, {}, {}, {})
    forms, per_doc = _names(resolver, survey)
    links, article_forms, in_article = _links(resolver, per_doc)
    identities = _gather(forms, links, article_forms, strips)
    result = Identities(strips, kinds, links, resolver._counts, identities)
    values: list[dict[str, list[str]]] = []
    for names, linked in zip(per_doc, in_article, strict=True):
        named: dict[str, list[str]] = {}
        seen_here: set[tuple[str, str]] = set()
        for name in names:
            kind, key = target = linked.get(name, name)
            if target == name and " " not in key:
                target = (kind, links.get(name, key))
            identity = identities.get(target)
            value = (kind, identity.name if identity is not None else target[1])
            if value not in seen_here:
                seen_here.add(value)
                named.setdefault(kind, []).append(value[1])
        values.append(named)
    # the span texts of the whole folder: cheap to clean again, dear to keep (tens of MB at
    # 100,000 articles)
    _clean.cache_clear()
    return result, values


@dataclass(slots=True)
class _Survey:
    """Pass 1 over the texts: each distinct span text once, each article as span-text ids."""

    texts: list[str]  # span text by id
    cleaned: list[_Clean]  # its name and key, by id
    entries: array  # per span: text id * 4 + kind code, articles one after another
    bounds: array  # article i's spans are entries[bounds[i]:bounds[i + 1]]
    seen: Counter[str]  # articles naming each key
    votes: dict[tuple[str, str], int]  # (key, kind) -> the recogniser's and the context's votes


def _survey(docs: Iterable[tuple[str, Sequence[Span]]]) -> _Survey:
    """Pass 1: articles naming each surface key; the recogniser's and the context's votes."""
    ids: dict[str, int] = {}
    texts: list[str] = []
    cleaned: list[_Clean] = []
    entries = array("i")
    bounds = array("q", [0])
    seen: Counter[str] = Counter()
    votes: dict[tuple[str, str], int] = {}
    codes = _KIND_CODES
    for text, spans in docs:
        here: set[str] = set()
        size = len(text)
        for start, end, kind in _triples(spans):
            code = codes.get(kind)
            if code is None or not 0 <= start < end <= size:
                continue
            raw = text[start:end]
            rid = ids.get(raw)
            if rid is None:
                rid = ids[raw] = len(texts)
                texts.append(raw)
                cleaned.append(_clean(raw))
            found = cleaned[rid]
            if found is None:
                continue
            entries.append(rid * 4 + code)
            key = found[2]
            here.add(key)
            vote = (key, kind)
            n = votes.get(vote, 0)
            votes[vote] = n + 1
            # the context of a name's first occurrences is evidence enough
            if n < CUE_SAMPLE:
                cue = _cue(text, start + found[0])
                if cue is not None:
                    vote = (key, cue)
                    votes[vote] = votes.get(vote, 0) + CUE_WEIGHT
        bounds.append(len(entries))
        seen.update(here)
    return _Survey(texts, cleaned, entries, bounds, seen, votes)


def _triples(spans: Sequence[Span]) -> Iterable[tuple[int, int, str]]:
    """(start, end, kind) of each span; packed spans are read without making Span objects."""
    if isinstance(spans, PackedSpans):
        return spans.triples()
    return ((s.start, s.end, s.kind) for s in spans)


def _clitic_strips(
    survey: _Survey, word_df: Callable[[str], int] | None
) -> dict[str, tuple[int, str]]:
    """Surface key -> (clitic letters to drop, the key without them), where the rest is the
    better-attested name; also a lost article restored (امم المتحده → الامم المتحده)."""
    places, trusted, seen = place_names(), trusted_names(), survey.seen
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, kind), n in survey.votes.items():
        tally[key][kind] += n

    def kind_of(key: str) -> str | None:
        votes = tally.get(key)
        return max(votes, key=lambda k: (votes[k], k)) if votes else None

    def df(word: str) -> int:
        return word_df(word) if word_df is not None else 0

    def rest_is_better(whole: str, rest: str, first_whole: str, first_rest: str) -> bool:
        if len(first_rest) < MIN_REST:
            return False
        rest_kind, whole_kind = kind_of(rest), kind_of(whole)
        if rest_kind is None:  # not a name of this folder: a town of the places list may do
            return rest in places and whole_kind == "LOC" and df(first_rest) >= df(first_whole)
        clitic = first_whole[: len(first_whole) - len(first_rest)]
        definite = first_rest.startswith("ال")
        if not definite and ("ف" in clitic or "ك" in clitic):
            return False  # ف and ك seldom take a name without its article: فورد, كاسياس
        # the same kind of name, clearly more common (كابل is not ابل, the company; بتونس is
        # تونس); a person's name takes ب ل و less often than its lookalikes occur
        # several words seen with and without the clitic on the first: evidence enough
        person = 3 if rest_kind == "PERS" else 1
        ratio = 1 if definite or " " in rest else CLITIC_RATIO * person
        if rest_kind != whole_kind or seen[rest] < ratio * seen[whole]:
            return False
        if " " in rest:
            return True
        return word_df is None or df(first_rest) >= ratio * max(df(first_whole), 1)

    strips: dict[str, tuple[int, str]] = {}
    for key in seen:
        if key in trusted:
            continue
        definite = _with_article(key)
        if definite is not None and seen.get(definite, 0) > seen[key]:
            strips[key] = (0, definite)
            continue
        first, _, tail = key.partition(" ")
        tail = f" {tail}" if tail else ""
        for letters, rest in _readings(first):
            if rest_is_better(key, rest + tail, first, rest):
                strips[key] = (letters, rest + tail)
                break
    return strips


def _readings(word: str) -> list[tuple[int, str]]:
    """(letters dropped, what remains) for each clitic reading of a word, longest clitic first;
    لل keeps its article (للرئاسة is ل + الرئاسة)."""
    options: list[tuple[int, str]] = []
    if word[:1] in "وف" and word[1:3] == "لل":
        options.append((2, "ال" + word[3:]))
    if word[:2] in _TWO_CLITICS:
        options.append((2, word[2:]))
    if word.startswith("لل"):
        options.append((1, "ال" + word[2:]))
    if word[:1] and word[0] in _CLITICS:
        options.append((1, word[1:]))
    return options


def _types(survey: _Survey, strips: dict[str, tuple[int, str]]) -> dict[str, str]:
    """The type of each name (clitics gone): votes, the places list, organisation heads."""
    places = place_names()
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, kind), n in survey.votes.items():
        merged[strips.get(key, (0, key))[1]][kind] += n
    kinds: dict[str, str] = {}
    for key, tally in merged.items():
        if key in places:
            tally["LOC"] += max(2, round(PLACE_WEIGHT * sum(tally.values())))
        head = _head_kind(key)
        kinds[key] = head or max(ENTITY_KINDS, key=lambda k: (tally.get(k, 0), k == "LOC"))
    return kinds


def _names(
    resolver: Identities, survey: _Survey
) -> tuple[dict[_Name, dict[str, int]], list[tuple[_Name, ...]]]:
    """Pass 2, over the survey's ids (no text): the forms each name is seen in and each
    article's names (kept for linking); the articles naming each name go to
    ``resolver._counts``."""
    resolved = [resolver._resolve(raw) for raw in survey.texts]
    standalone: Counter[_Name] = Counter()
    surfaces: dict[tuple[str, str, str], int] = {}
    per_doc: list[tuple[_Name, ...]] = []
    entries, bounds = survey.entries, survey.bounds
    for doc in range(len(bounds) - 1):
        names: dict[_Name, None] = {}
        for entry in entries[bounds[doc] : bounds[doc + 1]]:
            info = resolved[entry >> 2]
            if info is None:
                continue
            _, _, key, surface, fixed = info
            name = (fixed or ENTITY_KINDS[entry & 3], key)
            names[name] = None
            form = (*name, surface)
            surfaces[form] = surfaces.get(form, 0) + 1
        per_doc.append(tuple(names))
        standalone.update(names.keys())
    forms: dict[_Name, dict[str, int]] = defaultdict(dict)
    for (kind, key, surface), n in surfaces.items():
        forms[(kind, key)][surface] = n
    resolver._counts = dict(standalone)
    return forms, per_doc


def _links(
    resolver: Identities, per_doc: list[tuple[_Name, ...]]
) -> tuple[dict[_Name, str], dict[_Name, set[_Name]], list[dict[_Name, _Name]]]:
    """Folder-level links of one-word names (after in-article linking), the one-word names each
    full name took in its articles, and each article's in-article links."""
    linked: Counter[_Name] = Counter()
    article_forms: dict[_Name, set[_Name]] = defaultdict(set)
    in_article: list[dict[_Name, _Name]] = []
    for names_here in per_doc:
        targets = resolver._linked(names_here)
        linked.update(set(targets.values()))
        moved = {name: target for name, target in targets.items() if target != name}
        for name, target in moved.items():
            article_forms[target].add(name)
        in_article.append(moved)
    by_word: dict[_Name, list[tuple[int, str]]] = defaultdict(list)
    for (kind, key), n in linked.items():
        if " " in key:
            for word in set(key.split()):
                by_word[(kind, word)].append((n, key))
    links: dict[_Name, str] = {}
    for (kind, key), alone in linked.items():
        if " " in key:
            continue
        fulls = sorted(by_word.get((kind, key), ()), reverse=True)
        if not fulls:
            continue
        top = fulls[0][0]
        runner = fulls[1][0] if len(fulls) > 1 else 0
        if top >= DOMINANCE * runner and top >= DOMINANT_SHARE * alone:
            links[(kind, key)] = fulls[0][1]
    return links, article_forms, in_article


def _gather(
    forms: dict[_Name, dict[str, int]],
    links: dict[_Name, str],
    article_forms: dict[_Name, set[_Name]],
    strips: dict[str, tuple[int, str]],
) -> dict[_Name, Identity]:
    """Each name's identity: its target's (a linked one-word name's full name, else itself),
    named by the target's most frequent form, with every member's forms as variants."""
    members: dict[_Name, set[_Name]] = defaultdict(set)
    for kind, key in forms:
        target = links.get((kind, key), key) if " " not in key else key
        members[(kind, target)].add((kind, key))
    for target, sources in article_forms.items():
        members[target].add(target)
        members[target].update(sources)  # variants for the tooltip; they keep their own identity
    identities: dict[_Name, Identity] = {}
    for (kind, target), group in members.items():
        variants: Counter[str] = Counter()
        for member in group:
            variants.update(forms.get(member, {}))
        own = forms.get((kind, target)) or variants
        name = min(own.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0] if own else target
        ordered = sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))
        identities[(kind, target)] = Identity(
            kind, name, (name, *(v for v, _ in ordered if v != name))
        )
    # a one-word name without a folder-level link keeps an identity of its own (its articles
    # without the full name): its key finds that one, not the full name's
    for (kind, target), group in members.items():
        for member in group:
            if member not in identities:
                identities[member] = identities[(kind, target)]
    # the keys of the forms with a clitic (بتونس) find the identity too
    for key, (_, rest) in strips.items():
        for kind in ENTITY_KINDS:
            found = identities.get((kind, rest))
            if found is not None:
                identities.setdefault((kind, key), found)
    return identities
