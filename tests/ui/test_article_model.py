"""The article list model: qtmodeltester, lazy rows, batches, flags, sorting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.model import Article, Span
from reader.state import UserState
from reader.ui.article_model import ArticleListModel, Roles, sort_ids

ARTICLES = {
    a.id: a
    for a in [
        Article(id="a", title="بيت", body="x", date=dt.date(2020, 1, 1), source="ب"),
        Article(id="b", title="أرض", body="x", date=dt.date(2022, 1, 1), source="أ"),
        Article(id="c", title="Zoo", body="x", date=None, source=None),
        Article(id="d", title="تين", body="x", date=dt.date(2021, 6, 1), source="ب"),
    ]
}


def test_model_passes_qtmodeltester(qtmodeltester, tmp_path: Path) -> None:
    model = ArticleListModel()
    model.set_state(UserState(tmp_path))
    model.set_ids(list(ARTICLES), ARTICLES.get, lambda a: (a.body, [Span(0, 1, "MATCH")]))
    qtmodeltester.check(model, force_py=True)
    model.append_ids(["zz-unknown"])
    qtmodeltester.check(model, force_py=True)


def test_rows_are_built_from_the_lookup(tmp_path: Path) -> None:
    model = ArticleListModel()
    model.set_ids(["b", "a"], ARTICLES.get)
    assert model.index(0).data(Roles.TITLE) == "أرض"
    assert model.index(1).data(Roles.DATE) == dt.date(2020, 1, 1)
    assert model.index(0).data(Roles.SNIPPET) is None
    assert model.row_of("a") == 1 and model.row_of("nope") == -1


def test_append_ids_inserts_one_batch(qtbot) -> None:
    model = ArticleListModel()
    model.set_ids(["a"], ARTICLES.get)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.append_ids(["b", "c"])
    assert inserted.args[1:] == [1, 2]
    assert model.ids == ("a", "b", "c")


def test_flags_go_to_the_user_state(qtbot, tmp_path: Path) -> None:
    state = UserState(tmp_path)
    model = ArticleListModel()
    model.set_state(state)
    model.set_ids(["a", "b"], ARTICLES.get)
    with qtbot.waitSignal(model.user_flags_changed):
        model.set_starred(1, True)
    assert state.is_starred("b") and model.index(1).data(Roles.STARRED)
    model.set_read(0, True)
    assert state.is_read("a") and model.index(0).data(Roles.READ)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("date_desc", ("b", "d", "a", "c")),
        ("date_asc", ("a", "d", "b", "c")),
        ("title", ("c", "b", "a", "d")),  # Latin sorts before Arabic in code-point order
        ("source", ("b", "a", "d", "c")),
        ("relevance", ("a", "b", "c", "d")),
    ],
)
def test_sort_ids(key: str, expected: tuple[str, ...]) -> None:
    assert sort_ids(list(ARTICLES), ARTICLES.get, key) == expected
