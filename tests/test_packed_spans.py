"""PackedSpans: the articles' entity spans kept as bytes, read as Span objects."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from reader.cache_rows import pack_spans, unpack_spans
from reader.model import Appended, Article, PackedSpans, Span, packed

SPANS = (Span(0, 4, "PERS"), Span(10, 15, "LOC"), Span(70_000, 70_009, "ORG"), Span(3, 5, "MISC"))


def article(spans=SPANS, appended_spans=()) -> Article:
    return Article(
        id="a.txt",
        title="t",
        body="x" * 80_000,
        entities=spans,
        appended=(Appended("u", "y" * 20, appended_spans),),
    )


def test_article_packs_given_spans_and_reads_them_back() -> None:
    a = article()
    assert type(a.entities) is PackedSpans
    assert list(a.entities) == list(SPANS)
    assert len(a.entities) == len(SPANS)


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, SPANS[0]), (2, SPANS[2]), (-1, SPANS[-1]), (-4, SPANS[0])],
)
def test_index(index: int, expected: Span) -> None:
    assert article().entities[index] == expected


@pytest.mark.parametrize("index", [4, -5, 100])
def test_index_out_of_range(index: int) -> None:
    with pytest.raises(IndexError):
        article().entities[index]


@pytest.mark.parametrize("cut", [slice(1, 3), slice(None, None, -1), slice(5, 9), slice(None)])
def test_slices_are_tuples_of_spans(cut: slice) -> None:
    assert article().entities[cut] == SPANS[cut]


def test_equal_and_hashed_like_the_tuple() -> None:
    spans = article().entities
    assert spans == SPANS
    assert SPANS.__eq__(spans) is NotImplemented  # so Python asks PackedSpans: both directions
    assert (SPANS == spans) is True  # noqa: SIM300
    assert spans != SPANS[:3]
    assert spans != list(SPANS[:3])
    assert hash(spans) == hash(SPANS)
    assert article() == article()
    assert hash(article()) == hash(article())
    assert article() != article(SPANS[:2])
    assert spans != "PERS"


def test_pickles_packed() -> None:
    a = article(appended_spans=(Span(1, 3, "PERS"),))
    back = pickle.loads(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == a
    assert type(back.entities) is PackedSpans
    assert back.appended[0].entities == (Span(1, 3, "PERS"),)


def test_empty_spans_stay_the_empty_tuple() -> None:
    a = article(())
    assert a.entities == ()
    assert dataclasses.replace(article(), entities=[]).entities == []
    assert packed(()) == ()


@pytest.mark.parametrize(
    "spans",
    [
        (Span(0, 4, "PERS"), Span(5, 6, "WEIRD")),  # a kind the packing has no code for
        (Span(-1, 4, "PERS"),),  # offsets outside 0..2**32-1
        (Span(0, 2**33, "LOC"),),
    ],
)
def test_unpackable_spans_are_kept_as_given(spans: tuple[Span, ...]) -> None:
    a = article(spans)
    assert a.entities == spans
    assert type(a.entities) is tuple


def test_from_bytes_checks_the_length() -> None:
    with pytest.raises(ValueError, match="multiple of 12"):
        PackedSpans.from_bytes(b"\x00" * 13)


def test_cache_rows_keep_the_packed_bytes() -> None:
    a = article(appended_spans=(Span(1, 3, "PERS"),))
    stored = ((a.entities, (a.appended[0].entities,)), ((), ((),)))
    back = unpack_spans(pack_spans(stored))
    assert back == stored
    assert type(back[0][0]) is PackedSpans
    assert back[1] == ((), ((),))
