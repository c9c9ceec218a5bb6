"""UserState: read/starred flags per folder, kept across restarts, atomic, tolerant of damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.storage.state import UserState, state_path


def test_flags_survive_a_restart(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    state.set_read("a.txt")
    state.set_starred("b.json#2")
    state.save()
    again = UserState(tmp_path)
    assert again.is_read("a.txt") and not again.is_read("b.json#2")
    assert again.is_starred("b.json#2") and not again.is_starred("a.txt")
    assert again.note is None


def test_unset_and_dirty_flag(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    assert not state.dirty
    state.set_starred("x")
    assert state.dirty
    state.save()
    assert not state.dirty
    state.set_starred("x", False)
    state.save()
    assert not UserState(tmp_path).is_starred("x")


def test_folders_are_kept_apart(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    state = UserState(one)
    state.set_read("same-id")
    state.save()
    assert not UserState(two).is_read("same-id")
    assert state_path(one) != state_path(two)


@pytest.mark.parametrize(
    "content",
    ["{not json", "[]", '{"read": 3, "starred": []}', '{"starred": []}', "\x00\x01"],
)
def test_damaged_file_starts_empty_with_a_note(tmp_path: Path, content: str) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    state = UserState(tmp_path)
    assert state.note is not None and str(path) in state.note
    assert state.read_ids == frozenset() and state.starred_ids == frozenset()
    state.set_read("a")
    state.save()  # a damaged file is replaced by a good one
    assert UserState(tmp_path).is_read("a")


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    state = UserState(tmp_path)
    state.set_starred("a")
    state.save()
    leftovers = [p.name for p in state.path.parent.iterdir() if p.name != state.path.name]
    assert leftovers == []


def test_where_the_user_was_survives_a_restart(tmp_path: Path) -> None:
    from reader.storage.state import ViewState

    state = UserState(tmp_path)
    state.set_read("a.json#1")
    assert state.view == ViewState()
    state.set_view(ViewState("a.json#1", 340, 1200))
    assert state.dirty
    state.save()
    again = UserState(tmp_path)
    assert again.view == ViewState("a.json#1", 340, 1200)
    assert again.is_read("a.json#1") and again.note is None


@pytest.mark.parametrize(
    "view",
    [
        '"here"',
        '{"article": 7}',
        '{"article": "a", "article_scroll": -1}',
        '{"article": "a", "list_scroll": 1.5}',
        '{"article": "a", "list_scroll": true}',
    ],
)
def test_a_damaged_view_section_is_damage(tmp_path: Path, view: str) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{{"read": ["x"], "starred": [], "view": {view}}}', encoding="utf-8")
    state = UserState(tmp_path)
    assert state.note is not None and "damaged" in state.note
    assert not state.is_read("x")  # set aside whole, as any other damage
    assert path.with_name(path.name + ".damaged").exists()


def test_a_file_without_a_view_section_reads_as_before(tmp_path: Path) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": 1, "read": ["x"], "starred": ["y"]}', encoding="utf-8")
    state = UserState(tmp_path)
    assert state.note is None and state.is_read("x") and state.is_starred("y")
    assert state.view.article_id is None
