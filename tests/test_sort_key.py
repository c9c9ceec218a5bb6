"""One name for each order, from the settings and saved searches to the index."""

from __future__ import annotations

import pytest

from reader.index.types import SortKey
from reader.storage.saved_search import SavedSearch


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("date_desc", SortKey.NEWEST),  # the names older versions wrote
        ("date_asc", SortKey.OLDEST),
        ("title", SortKey.TITLE),
        ("source", SortKey.SOURCE),
        ("relevance", SortKey.RELEVANCE),
        ("starred", SortKey.STARRED),
        ("newest", SortKey.NEWEST),
    ],
)
def test_a_saved_search_loads_every_stored_order(stored: str, expected: SortKey) -> None:
    search = SavedSearch.from_json("s", {"query": "غزة", "sort": stored})
    assert search.sort is expected
    assert SavedSearch.from_json("s", search.to_json()).sort is expected


def test_a_saved_search_without_an_order_is_newest_first() -> None:
    assert SavedSearch.from_json("s", {"query": ""}).sort is SortKey.NEWEST


@pytest.mark.parametrize("stored", ["sideways", 3, None, ["title"]])
def test_a_saved_search_with_a_bad_order_is_refused(stored: object) -> None:
    with pytest.raises(TypeError):
        SavedSearch.from_json("s", {"query": "", "sort": stored})


def test_the_index_takes_the_keys_and_their_names() -> None:
    assert SortKey("date_desc") is SortKey.NEWEST
    assert SortKey.NEWEST == "newest" and f"{SortKey.OLDEST}" == "oldest"
    with pytest.raises(ValueError, match="sideways"):
        SortKey("sideways")


def test_orders_are_stored_in_names_older_versions_read() -> None:
    assert [key.stored for key in SortKey] == [
        "date_desc",
        "date_asc",
        "title",
        "source",
        "relevance",
        "starred",
    ]
    assert SavedSearch("s", sort=SortKey.OLDEST).to_json()["sort"] == "date_asc"
