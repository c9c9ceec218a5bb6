"""One article's spans resolved against a folder's identities: cleaned, unglued, typed, linked
to the full name the article (or the folder) uses, named."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from reader.entities.identity.evidence import head_kind
from reader.entities.identity.junk import is_junk
from reader.entities.identity.keys import name_key, skip_letters, trim
from reader.model import ENTITY_KINDS, Span

# a one-word name links to a full name used in the same article unless, across the folder, the
# word alone is this many times more frequent than that full name (تونس is not "تونس العاصمة")
ARTICLE_LINK_RATIO = 2.0


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


_KINDS = frozenset(ENTITY_KINDS)
_MISSING = object()
# a span's text -> (first, end) of its name inside it, and the name's key; None: no name
Clean = tuple[int, int, str] | None
# a span's text -> (first, end, key, surface, type or None) once clitics and junk are judged
_Found = tuple[int, int, str, str, str | None]
_Resolved = _Found | None
# (start, end, kind, key, surface) of a mention in its text
Mention = tuple[int, int, str, str, str]


@lru_cache(maxsize=1 << 18)
def clean(raw: str) -> Clean:
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
        cleaned = clean(raw)
        if cleaned is None:
            return None
        first, end, key = cleaned
        surface = raw[first:end]
        strip = self._strips.get(key)
        if strip is not None:
            letters, key = strip
            skip = skip_letters(surface, letters)
            first += skip
            surface = surface[skip:]
        if is_junk(surface, key):
            return None
        return first, end, key, surface, self._kinds.get(key) or head_kind(key)

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
            first, last, key, surface, fixed = cast(
                _Found, info
            )  # not _MISSING, not None: checked above
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
