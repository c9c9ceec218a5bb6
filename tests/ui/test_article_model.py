"""The article list model: qtmodeltester, lazy rows, batches, flags, sorting."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from reader.index.types import SortKey
from reader.model import Article, Span
from reader.storage.state import UserState
from reader.ui.list.article_model import INSERT_CHUNK, ArticleListModel, Roles, sort_ids

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


def test_row_of_follows_every_change_of_the_ids() -> None:
    """Lookups right after a change (a scan) and later ones (a map) agree, and neither outlives
    the ids it was made for."""
    model = ArticleListModel()
    model.set_ids(["b", "a"], ARTICLES.get)
    assert [model.row_of(i) for i in ("a", "b", "nope", "a")] == [1, 0, -1, 1]
    model.append_ids(["c"])
    assert [model.row_of(i) for i in ("c", "nope", "c", "b")] == [2, -1, 2, 0]
    model.set_ids(["c", "d"])
    assert [model.row_of(i) for i in ("a", "d", "c")] == [-1, 1, 0]


def test_append_ids_inserts_one_batch(qtbot) -> None:
    model = ArticleListModel()
    model.set_ids(["a"], ARTICLES.get)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.append_ids(["b", "c"])
    assert inserted.args[1:] == [1, 2]
    assert model.ids == ("a", "b", "c")


def test_a_big_batch_goes_in_as_consecutive_chunks(qtbot, qtmodeltester) -> None:
    """Thousands of rows arriving while a folder loads: inserted a chunk at a time (one insert of
    them all is quadratic inside QStringListModel), in order, every row answering its id."""
    from PySide6.QtWidgets import QListView

    model = ArticleListModel()
    model.set_ids(["first"])
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setCurrentIndex(model.index(0))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, a, b: inserted.append((a, b)))
    new = [f"id{i}" for i in range(3 * INSERT_CHUNK + 7)]
    model.append_ids(new)
    assert inserted[0][0] == 1 and inserted[-1][1] == len(new)
    assert all(b + 1 == a for (_, b), (a, _) in itertools.pairwise(inserted))
    assert len(inserted) == 4
    assert model.rowCount() == len(new) + 1
    assert [model.index(r).data(Roles.ID) for r in (1, INSERT_CHUNK + 1, len(new))] == [
        "id0",
        f"id{INSERT_CHUNK}",
        new[-1],
    ]
    assert view.currentIndex().row() == 0  # rows added below do not move the reader
    qtmodeltester.check(model, force_py=True)


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
        (SortKey.NEWEST, ("b", "d", "a", "c")),
        (SortKey.OLDEST, ("a", "d", "b", "c")),
        ("title", ("c", "b", "a", "d")),  # Latin sorts before Arabic in code-point order
        ("source", ("b", "a", "d", "c")),
        ("relevance", ("a", "b", "c", "d")),
    ],
)
def test_sort_ids(key: SortKey, expected: tuple[str, ...]) -> None:
    assert sort_ids(list(ARTICLES), ARTICLES.get, key) == expected
