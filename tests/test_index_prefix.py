"""Prefix words (``مستشف*``): matched on the words as written and on their stems, highlighted
as matched, refused under two letters, and kept up to date as the index grows."""

from __future__ import annotations

import pytest
from test_index import A2, A4, ARTICLES, _texts

from reader.index import Index
from reader.model import Article


@pytest.fixture
def light() -> Index:
    ix = Index()
    ix.add_many(ARTICLES)
    return ix


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("اقتص*", {"a2"}),  # الاقتصاد: the prefix is matched on stems too, past the article
        ("الاقتص*", {"a2"}),  # ... and on the words as written
        ("بوت*", {"a1", "a4"}),
        ("ترا*", {"a4"}),
        ("trum*", {"a4"}),
        ("مباراة*", {"a3"}),  # a prefix is normalised as a word is (ة as ه)
        ("بوت* ترا*", {"a4"}),  # every word must match
        ("بوت* -ترا*", {"a1"}),
        ('"العقوبات الأمريك*"', {"a2"}),  # the last word of a quoted phrase, by form
        ('"الأمريك* العقوبات"', set()),  # order matters in a phrase
        ("اقتص٭", {"a2"}),  # the Arabic star
        ("زززز*", set()),
    ],
)
def test_prefix_search(light: Index, query: str, ids: set[str]) -> None:
    result = light.search(query)
    assert result.error is None
    assert set(result.ids) == ids


def test_prefix_highlights_what_it_matched(light: Index) -> None:
    _, body = light.highlights(A2, "اقتص*")
    assert _texts(A2.body, body) == ["الاقتصاد", "الاقتصاد"]
    title, _ = light.highlights(A4, "trum*")
    assert _texts(A4.title, title) == ["Trump"]


def test_prefix_of_one_letter_is_refused_with_a_message(light: Index) -> None:
    result = light.search("ب*")
    assert result.error == "ب*: a prefix needs at least 2 letters"


def test_prefix_finds_words_added_after_the_first_prefix_search(light: Index) -> None:
    assert set(light.search("هلسن*").ids) == {"a4"}
    light.add(Article(id="a5", title="قمة هلسنكي الثانية", body="اجتمع القادة في هلسنكي."))
    assert set(light.search("هلسن*").ids) == {"a4", "a5"}


def test_a_prefix_ranks_the_common_completion_first() -> None:
    # scored apart, each completion's idf put the rare ترامادول ahead of the ترامب people mean
    ix = Index()
    trump = [
        Article(id=f"trump{i}", title="خبر", body=f"قال ترامب إن المحادثات جيدة وإن ترامب راض {i}")
        for i in range(20)
    ]
    drug = [Article(id="drug", title="خبر", body="ضبط شحنة ترامادول في الميناء")]
    filler = [Article(id=f"f{i}", title="خبر", body="انتهى الاجتماع") for i in range(20)]
    ix.add_many([*drug, *trump, *filler])
    result = ix.search("ترام*")
    assert set(result.ids) == {"drug"} | {a.id for a in trump}
    assert result.ids[0].startswith("trump")
