"""``Index.with_articles``: entities added to indexed articles, postings shared, nothing leaks back."""

from __future__ import annotations

import dataclasses

import pytest

from reader.index import Index
from reader.model import Article, Span
from tests.test_index_prepared import QUERIES, _articles, _results, _state


def _tagged(articles: list[Article]) -> list[Article]:
    out = []
    for n, a in enumerate(articles):
        end = min(len(a.body), 4 + n % 3)
        spans = (Span(0, end, "PERS" if n % 2 else "ORG"),) if end > 1 else ()
        out.append(dataclasses.replace(a, entities=spans))
    return out


def _state_without_articles(index: Index) -> dict:
    """What ``_state`` compares, facets by value (their internal ids follow the adding order)."""
    state = _state(index)
    del state["articles"]
    state["facets"] = {
        name: (
            {
                key: (field.display(vid), list(field._bitmaps[vid]))
                for key, vid in field._keys.items()
            },
            state["facets"][name][3],
        )
        for name, field in index.store.facets.items()
    }
    return state


def test_derived_index_is_the_index_a_build_of_the_new_articles_gives() -> None:
    articles = _articles(11, 80)
    old = Index()
    old.add_many(articles)
    tagged = _tagged(articles)
    built = Index()
    built.add_many(tagged)  # what with_entities did before: a second build
    derived = old.with_articles(tagged[::-1])  # any order: documents are found by id
    assert derived is not None
    assert _state(derived) == _state(built)
    assert _results(derived) == _results(built)
    assert derived.facet_values("PERS") == built.facet_values("PERS") != ()


def test_removed_articles_stay_removed() -> None:
    articles = _articles(14, 50)
    old = Index()
    old.add_many(articles)
    for a in articles[:4]:
        old.remove(a.id)
    tagged = _tagged(articles[4:])
    derived = old.with_articles(tagged)
    assert derived is not None
    assert len(derived) == len(tagged)
    assert all(derived.get(a.id) is a for a in tagged)
    assert all(articles[i].id not in derived for i in range(4))
    assert derived.search("").ids == old.search("").ids
    assert sum(v.count for v in derived.facet_values("PERS")) == sum(
        1 for a in tagged if a.entities and a.entities[0].kind == "PERS"
    )


def test_changing_the_derived_index_leaves_the_old_one_alone() -> None:
    articles = _articles(12, 60)
    old = Index()
    old.add_many(articles)
    before = (_state_without_articles(old), _results(old))
    derived = old.with_articles(_tagged(articles))
    assert derived is not None
    derived.remove(articles[0].id)
    derived.add_many(_articles(99, 30)[20:])  # new ids, new words
    derived.add(dataclasses.replace(articles[5], body="نص جديد تماما"))
    derived.search(QUERIES[0])
    assert (_state_without_articles(old), _results(old)) == before
    assert derived.search("تماما").total == 1 and old.search("تماما").total == 0


@pytest.mark.parametrize(
    "change",
    [
        lambda xs: [dataclasses.replace(xs[0], body=xs[0].body + " اخر"), *xs[1:]],
        lambda xs: [dataclasses.replace(xs[0], tags=("جديد",)), *xs[1:]],
        lambda xs: xs[1:],
        lambda xs: [*xs, dataclasses.replace(xs[0], id="new.txt")],
        lambda xs: [xs[0], *xs[:-1]],
    ],
)
def test_other_texts_are_refused(change) -> None:
    articles = _articles(13, 20)
    old = Index()
    old.add_many(articles)
    assert old.with_articles(change(articles)) is None


def test_an_index_changing_on_another_thread_is_not_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    """The GUI thread may add to the old index while the entity stage derives the new one."""
    from reader.index import derive

    articles = _articles(15, 30)
    old = Index()
    old.add_many(articles)
    old.store.mutating = 1  # a change is running
    assert old.with_articles(_tagged(articles)) is None
    old.store.mutating = 0
    real = derive._copied
    calls: list[int] = []

    def copy_while_changing(value: object) -> object:
        if not calls:
            old.add(_articles(16, 1)[0].__class__(id="late.txt", title="خبر", body="نص"))
        calls.append(1)
        return real(value)

    monkeypatch.setattr(derive, "_copied", copy_while_changing)
    assert old.with_articles(_tagged(articles)) is None  # changed while copied
    monkeypatch.setattr(derive, "_copied", real)
    assert old.with_articles(_tagged([*articles, old.get("late.txt")])) is not None


def test_deriving_leaves_pending_postings_of_the_old_index_alone() -> None:
    articles = _articles(17, 25)
    old = Index()
    old.add_many(articles)  # not flushed: postings still pending
    pending = len(old.store.p_term)
    assert pending and old.store.forward._pending
    derived = old.with_articles(_tagged(articles))
    assert derived is not None
    # nothing flushed or sealed
    assert len(old.store.p_term) == pending and old.store.forward._pending
    # same postings: same ranking (the facets differ, by the entities)
    assert [r[:2] for r in _results(derived)] == [r[:2] for r in _results(old)]
