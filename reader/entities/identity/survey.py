"""The folder's spans read once: each distinct span text, the articles naming each key, the
recogniser's and the context's votes, and the type the folder agrees on for each name."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.entities.identity.evidence import (
    CUE_SAMPLE,
    CUE_WEIGHT,
    PLACE_WEIGHT,
    cue_kind,
    head_kind,
    place_names,
)
from reader.entities.identity.resolve import Clean, clean
from reader.model import ENTITY_KINDS, PackedSpans, Span

_KIND_CODES = {kind: code for code, kind in enumerate(ENTITY_KINDS)}


@dataclass(slots=True)
class Survey:
    """Pass 1 over the texts: each distinct span text once, each article as span-text ids."""

    texts: list[str]  # span text by id
    cleaned: list[Clean]  # its name and key, by id
    entries: array  # per span: text id * 4 + kind code, articles one after another
    bounds: array  # article i's spans are entries[bounds[i]:bounds[i + 1]]
    seen: Counter[str]  # articles naming each key
    votes: dict[tuple[str, str], int]  # (key, kind) -> the recogniser's and the context's votes


def read_survey(docs: Iterable[tuple[str, Sequence[Span]]]) -> Survey:
    """Pass 1: articles naming each surface key; the recogniser's and the context's votes."""
    ids: dict[str, int] = {}
    texts: list[str] = []
    cleaned: list[Clean] = []
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
                cleaned.append(clean(raw))
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
                cue = cue_kind(text, start + found[0])
                if cue is not None:
                    vote = (key, cue)
                    votes[vote] = votes.get(vote, 0) + CUE_WEIGHT
        bounds.append(len(entries))
        seen.update(here)
    return Survey(texts, cleaned, entries, bounds, seen, votes)


def _triples(spans: Sequence[Span]) -> Iterable[tuple[int, int, str]]:
    """(start, end, kind) of each span; packed spans are read without making Span objects."""
    if isinstance(spans, PackedSpans):
        return spans.triples()
    return ((s.start, s.end, s.kind) for s in spans)


def agreed_types(survey: Survey, strips: dict[str, tuple[int, str]]) -> dict[str, str]:
    """The type of each name (clitics gone): votes, the places list, organisation heads."""
    places = place_names()
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, kind), n in survey.votes.items():
        merged[strips.get(key, (0, key))[1]][kind] += n
    kinds: dict[str, str] = {}
    for key, tally in merged.items():
        if key in places:
            tally["LOC"] += max(2, round(PLACE_WEIGHT * sum(tally.values())))
        head = head_kind(key)
        kinds[key] = head or max(ENTITY_KINDS, key=lambda k: (tally.get(k, 0), k == "LOC"))
    return kinds
