"""The plain data every room of the app passes around: articles, spans and load problems."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from reader.printable import printable

ENTITY_KINDS: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of characters in one text, with what it is.

    ``kind`` is an entity type (``PERS``, ``LOC``, ``ORG``, ``MISC``) or ``MATCH`` for a search hit,
    so entity and match highlights go through one mechanism.
    """

    start: int
    end: int
    kind: str


# kinds a packed span can carry, by code
_KINDS: tuple[str, ...] = (*ENTITY_KINDS, "MATCH")
_CODES = {kind: code for code, kind in enumerate(_KINDS)}


class PackedSpans(Sequence[Span]):
    """An immutable sequence of spans stored as one ``bytes`` of (start, end, kind) triplets.

    Articles keep their entity spans this way: at 100,000 articles the 1.5 million ``Span``
    objects (with their tuples and int objects) took ~250 MB and kept a window with entities
    over the 1.5 GB budget of issue 6; packed they take ~20 MB. ``Span`` objects are made when
    read (one article's worth when it is shown). Equal to (and hashed like) the tuple of the
    same spans, so code and tests that compare with tuples keep working.
    """

    __slots__ = ("_data",)

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        values = array("I")
        for span in spans:
            values.extend((span.start, span.end, _CODES[span.kind]))
        self._data = values.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> PackedSpans:
        """Spans packed by ``to_bytes`` (the disk cache keeps them so: no decoding on reopen)."""
        if len(data) % 12:
            raise ValueError("packed spans: length is not a multiple of 12")
        new = cls.__new__(cls)
        new._data = data
        return new

    def to_bytes(self) -> bytes:
        return self._data

    def _values(self) -> array:
        values = array("I")
        values.frombytes(self._data)
        return values

    def __len__(self) -> int:
        return len(self._data) // 12

    def triples(self) -> Iterator[tuple[int, int, str]]:
        """(start, end, kind) of each span, without making Span objects (a folder-wide pass)."""
        values = self._values()
        return zip(values[0::3], values[1::3], map(_KINDS.__getitem__, values[2::3]), strict=True)

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Span, ...]: ...
    def __getitem__(self, index: int | slice) -> Span | tuple[Span, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("span index out of range")
        start, end, code = self._values()[3 * index : 3 * index + 3]
        return Span(start, end, _KINDS[code])

    def __iter__(self) -> Iterator[Span]:
        values = self._values()
        kinds = _KINDS
        for i in range(0, len(values), 3):
            yield Span(values[i], values[i + 1], kinds[values[i + 2]])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedSpans):
            return self._data == other._data
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PackedSpans({list(self)!r})"

    def __reduce__(self) -> tuple:
        return (PackedSpans.from_bytes, (self._data,))


def packed(spans: Sequence[Span]) -> Sequence[Span]:
    """``spans`` packed, unless empty (the shared empty tuple costs nothing), already packed, or
    not packable (a kind other than ``_KINDS`` or an offset outside 0..2**32-1: kept as given)."""
    if not spans or isinstance(spans, PackedSpans):
        return spans if spans else ()
    try:
        return PackedSpans(spans)
    except (KeyError, OverflowError, TypeError):
        return spans


def _pack_entities(item: Appended | Article) -> None:
    """Articles and appended articles keep their spans packed, whatever sequence was given."""
    if item.entities and type(item.entities) is not PackedSpans:
        object.__setattr__(item, "entities", packed(item.entities))


@dataclass(frozen=True, slots=True)
class Appended:
    """An article the scraper glued after the main one; shown apart, never mixed into the body."""

    title: str
    body: str
    entities: Sequence[Span] = ()

    def __post_init__(self) -> None:
        _pack_entities(self)


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a file.

    ``id`` is the path relative to the opened folder, with ``#N`` for the N-th article of a
    container file (JSON array, JSONL, a TREC file with several ``<DOC>``, a CSV table's N-th row).
    ``body`` holds the paragraphs joined by ``"\\n"``; entity spans are offsets into it.
    """

    id: str
    title: str
    body: str
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    appended: tuple[Appended, ...] = ()
    # packed (``PackedSpans``) whatever sequence is given: see there why
    entities: Sequence[Span] = ()
    problems: tuple[str, ...] = ()
    # file the article came from, relative to the folder (the id without "#N")
    path: str = field(default="", compare=False)
    # (column, value) pairs a table (CSV) had beyond the fields above, in column order
    extra: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        _pack_entities(self)


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file (or part of one) that could not be read, with a reason a user can act on."""

    path: str
    reason: str

    def __str__(self) -> str:
        # one line that shows what the name holds, whatever bytes it has (reader/printable.py)
        return f"{printable(self.path)}: {printable(self.reason)}"
