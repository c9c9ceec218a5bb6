"""FilterState: toggles, chips and their keys, and the mapping to the index's Filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from reader.index import Filters
from reader.ui.common.i18n import set_language
from reader.ui.filters.filter_state import RANGE_KEY, FilterState

D1, D2 = dt.date(2018, 3, 1), dt.date(2018, 5, 31)


@pytest.fixture
def arabic() -> Iterator[None]:
    set_language("ar")
    yield
    set_language("en")


def apply(ops: list[tuple[str, tuple]]) -> FilterState:
    state = FilterState()
    for name, args in ops:
        state = getattr(state, name)(*args)
    return state


@pytest.mark.parametrize(
    ("ops", "include", "exclude"),
    [
        ([("toggle_include_tag", ("غزة",))], {"غزة"}, set()),
        ([("toggle_include_tag", ("غزة",)), ("toggle_include_tag", ("غزة",))], set(), set()),
        ([("toggle_include_tag", ("غزة",)), ("exclude_tag", ("غزة",))], set(), {"غزة"}),
        ([("exclude_tag", ("غزة",)), ("toggle_include_tag", ("غزة",))], {"غزة"}, set()),
        ([("exclude_tag", ("غزة",)), ("clear_tag", ("غزة",))], set(), set()),
        ([("toggle_include_tag", ("a",)), ("toggle_include_tag", ("b",))], {"a", "b"}, set()),
        ([("exclude_tag", ("a",)), ("exclude_tag", ("a",))], set(), {"a"}),
    ],
)
def test_tag_toggles(ops, include, exclude) -> None:
    state = apply(ops)
    assert state.include_tags == include
    assert state.exclude_tags == exclude


@pytest.mark.parametrize(
    ("ops", "include", "exclude"),
    [
        ([("toggle_include_source", ("الجزيرة",))], {"الجزيرة"}, set()),
        ([("exclude_source", ("BBC",)), ("clear_source", ("BBC",))], set(), set()),
        ([("toggle_include_source", ("BBC",)), ("exclude_source", ("BBC",))], set(), {"BBC"}),
    ],
)
def test_source_toggles(ops, include, exclude) -> None:
    state = apply(ops)
    assert (state.include_sources, state.exclude_sources) == (include, exclude)


@pytest.mark.parametrize(
    ("ops", "include", "exclude"),
    [
        ([("toggle_include_entity", ("PERS", "بوتين"))], {("PERS", "بوتين")}, set()),
        (
            [
                ("toggle_include_entity", ("PERS", "بوتين")),
                ("toggle_include_entity", ("LOC", "بوتين")),
            ],
            {("PERS", "بوتين"), ("LOC", "بوتين")},
            set(),
        ),
        (
            [("toggle_include_entity", ("ORG", "حماس")), ("exclude_entity", ("ORG", "حماس"))],
            set(),
            {("ORG", "حماس")},
        ),
        ([("exclude_entity", ("ORG", "حماس")), ("clear_entity", ("ORG", "حماس"))], set(), set()),
    ],
)
def test_entity_toggles(ops, include, exclude) -> None:
    state = apply(ops)
    assert (state.include_entities, state.exclude_entities) == (include, exclude)


def test_methods_return_new_states_and_leave_the_old_one_alone() -> None:
    before = FilterState(query="ترامب")
    after = before.toggle_include_tag("غزة")
    assert before.include_tags == frozenset()
    assert after.include_tags == {"غزة"}
    assert after.query == "ترامب"


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [(D1, D2, (D1, D2)), (D2, D1, (D1, D2)), (D1, None, (D1, None)), (None, None, (None, None))],
)
def test_set_range_orders_the_ends(since, until, expected) -> None:
    state = FilterState().set_range(since, until)
    assert (state.since, state.until) == expected


def test_to_filters_maps_every_field() -> None:
    state = (
        FilterState(query="ignored by filters")
        .toggle_include_tag("غزة")
        .exclude_tag("بوتين")
        .set_tags_mode("or")
        .toggle_include_source("الجزيرة")
        .exclude_source("BBC")
        .toggle_include_entity("PERS", "ترامب")
        .exclude_entity("LOC", "موسكو")
        .set_range(D1, D2)
    )
    assert state.to_filters() == Filters(
        include_tags=frozenset({"غزة"}),
        exclude_tags=frozenset({"بوتين"}),
        tags_mode="or",
        include_sources=frozenset({"الجزيرة"}),
        exclude_sources=frozenset({"BBC"}),
        include_entities=frozenset({("PERS", "ترامب")}),
        exclude_entities=frozenset({("LOC", "موسكو")}),
        since=D1,
        until=D2,
    )
    assert FilterState(query="x").to_filters() == Filters()


def test_tags_mode_rejects_unknown_values() -> None:
    with pytest.raises(ValueError, match="and"):
        FilterState().set_tags_mode("xor")


FULL = (
    FilterState()
    .toggle_include_tag("غزة")
    .exclude_tag("بوتين")
    .toggle_include_source("الجزيرة")
    .toggle_include_entity("PERS", "ترامب")
    .exclude_entity("ORG", "حماس")
    .set_range(D1, D2)
)


def test_chip_labels_in_english() -> None:
    assert [label for _, label in FULL.chips()] == [
        "tag: غزة",
        "−tag: بوتين",
        "source: الجزيرة",
        "Person: ترامب",
        "−Organisation: حماس",
        "\u202a2018-03-01 – 2018-05-31\u202c",
    ]


def test_chip_labels_in_arabic(arabic) -> None:
    labels = [label for _, label in FULL.chips()]
    assert labels[:5] == [
        "وسم: غزة",
        "−وسم: بوتين",
        "المصدر: الجزيرة",
        "شخص: ترامب",
        "−منظمة: حماس",
    ]


@pytest.mark.parametrize(
    ("state", "label"),
    [
        (FilterState().set_range(D1, None), "since 2018-03-01"),
        (FilterState().set_range(None, D2), "until 2018-05-31"),
    ],
)
def test_open_ended_range_labels(state, label) -> None:
    assert state.chips() == [(RANGE_KEY, label)]


@pytest.mark.parametrize("index", range(6))
def test_remove_takes_away_exactly_the_chip(index: int) -> None:
    chips = FULL.chips()
    key = chips[index][0]
    after = FULL.remove(key)
    assert after.chips() == chips[:index] + chips[index + 1 :]


def test_removing_every_chip_leaves_no_filter_and_unknown_keys_change_nothing() -> None:
    state = FULL
    for key, _ in FULL.chips():
        state = state.remove(key)
    assert not state.has_filters()
    assert FULL.remove(("nonsense", 1)) == FULL


def test_clear_keeps_query_and_mode() -> None:
    state = FULL.with_query("ترامب").set_tags_mode("or").clear()
    assert state == FilterState(query="ترامب", tags_mode="or")
    assert not state.has_filters()
    assert not state.is_empty()  # the query still narrows
    assert FilterState(query="  ").is_empty()
