"""Live updates in two steps: prepare (plain data, no library state) and commit (in slices)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from reader.library.compaction import Compaction
from reader.library.library import load_library
from reader.library.live import Commit, SpanCommit, commit_changes, prepare_changes
from reader.model import Span
from reader.storage.state import UserState


def _article(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n{body}\n", encoding="utf-8")
    return path


def _bump(path: Path, text: str) -> None:
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    _article(folder, "a.txt", "خبر عن غزة", "نص الخبر الأول عن غزة")
    _article(folder, "b.txt", "خبر عن إيران", "نص الخبر الثاني عن إيران")
    _article(folder, "sub/c.txt", "خبر عن موسكو", "نص الخبر الثالث عن موسكو")
    return folder


def _state(library) -> tuple:
    return (
        sorted(library.articles),
        sorted(library.index.search("").ids),
        {rel: info.ids for rel, info in library.files.items()},
        sorted(p.path for p in library.problems),
    )


def test_prepare_reads_the_files_and_leaves_the_library_alone(folder: Path) -> None:
    library = load_library(folder, entities=False)
    before = _state(library)
    _bump(folder / "a.txt", "خبر عن بيروت\nنص عن بيروت\n")
    new = _article(folder, "d.txt", "خبر جديد", "نص جديد")
    (folder / "b.txt").unlink()
    prepared = prepare_changes(
        library,
        [folder / "a.txt", new],
        [folder / "b.txt"],
        entities=False,
        evidence=list(library.articles.values()),
    )
    assert _state(library) == before  # nothing applied yet
    assert sorted(prepared.read) == ["a.txt", "d.txt"] and prepared.gone == {"b.txt"}
    assert [a.title for a in prepared.read["a.txt"].articles] == ["خبر عن بيروت"]
    assert prepared.paths == {"a.txt", "b.txt", "d.txt"}
    change = commit_changes(library, prepared)
    assert change.added == ("d.txt",) and change.removed == ("b.txt",)
    assert change.updated == ("a.txt",)
    assert sorted(library.articles) == ["a.txt", "d.txt", "sub/c.txt"]


@pytest.mark.parametrize("max_ops", [1, 7, 10_000])
def test_a_commit_in_slices_ends_like_one_at_once(folder: Path, max_ops: int) -> None:
    sliced = load_library(folder, entities=False)
    whole = load_library(folder, entities=False)
    paths = [_article(folder, f"new/{i:02d}.txt", f"عاجل {i}", f"كلمة{i} نص") for i in range(30)]
    (folder / "a.txt").unlink()
    prepared = prepare_changes(sliced, paths, [folder / "a.txt"], entities=False)
    commit = Commit(sliced, prepared)
    assert commit.total == 31  # one removal, thirty additions
    steps = 0
    while not commit.step(max_ops=max_ops):
        steps += 1
        # between two slices the index and the articles agree: a search finds only articles
        assert set(sliced.search("").ids) <= set(sliced.articles)
    assert steps == (31 - 1) // max_ops
    whole_change = commit_changes(
        whole, prepare_changes(whole, paths, [folder / "a.txt"], entities=False)
    )
    assert _state(sliced) == _state(whole)
    assert len(commit.result.added) == len(whole_change.added) == 30
    assert sliced.search("كلمة17").ids == ("new/17.txt",)


def test_a_time_budget_ends_a_slice_early(folder: Path) -> None:
    library = load_library(folder, entities=False)
    paths = [_article(folder, f"n/{i}.txt", f"عنوان {i}", "نص") for i in range(20)]
    commit = Commit(library, prepare_changes(library, paths, [], entities=False))
    assert not commit.step(max_ops=1000, max_seconds=0.0)  # one article, then the budget is out
    assert len(library) == 4
    while not commit.step(max_ops=1000, max_seconds=0.0):
        pass
    assert len(library) == 23


def test_prepared_changes_apply_to_a_library_built_before_them(folder: Path) -> None:
    """The window re-applies what changed during a load to the library it installs later."""
    old = load_library(folder, entities=False)
    snapshot = dataclasses.replace(
        old, articles=dict(old.articles), files=dict(old.files), index=old.index
    )
    from reader.library.library import build_index

    snapshot.index = build_index(snapshot.articles.values(), len(snapshot.articles))
    _bump(folder / "a.txt", "عنوان أول\nنص أول\n")
    commit_changes(old, prepare_changes(old, [folder / "a.txt"], [], entities=False))
    _bump(folder / "a.txt", "عنوان ثان\nنص ثان\n")
    (folder / "b.txt").unlink()
    touched = [folder / "a.txt", folder / "b.txt"]
    for library in (old, snapshot):  # applied twice to one, once to the other
        commit_changes(library, prepare_changes(library, touched, touched, entities=False))
    assert _state(old) == _state(snapshot)
    assert old.search("ثان").ids == snapshot.search("ثان").ids == ("a.txt",)
    assert old.search("أول").total == snapshot.search("أول").total == 0


def test_a_removed_folder_is_expanded_when_committed(folder: Path) -> None:
    library = load_library(folder, entities=False)
    prepared = prepare_changes(library, [], [folder / "sub"], entities=False)
    (folder / "sub" / "c.txt").unlink()
    (folder / "sub").rmdir()
    change = commit_changes(library, prepared)
    assert change.removed == ("sub/c.txt",) and "sub/c.txt" not in library.files


def test_spans_found_later_fill_in_unless_the_text_changed_meanwhile(folder: Path) -> None:
    library = load_library(folder, entities=False)
    a, b = library.get("a.txt"), library.get("b.txt")
    where = a.body.index("غزة")
    gaza = Span(where, where + 3, "LOC")
    tagged_a = dataclasses.replace(a, entities=(gaza,))
    tagged_b = dataclasses.replace(b, entities=(Span(0, 3, "LOC"),))
    # b.txt was written again after it was sent for tagging
    library.articles["b.txt"] = dataclasses.replace(b, body="نص آخر")
    library.index.add(library.articles["b.txt"])
    commit = SpanCommit(library, [tagged_a, tagged_b])
    while not commit.step(max_ops=1):
        pass
    assert commit.applied == ["a.txt"]
    assert library.get("a.txt").entities == (gaza,)
    assert library.get("b.txt").entities == ()
    assert [(v.value, v.count) for v in library.index.facet_values("LOC")] == [("غزة", 1)]


@pytest.mark.parametrize(
    ("read", "starred", "new_had"),
    [(True, True, False), (True, False, False), (False, False, True), (False, True, True)],
)
def test_a_rename_moves_the_flags_and_is_idempotent(
    tmp_path: Path, read: bool, starred: bool, new_had: bool
) -> None:
    state = UserState(tmp_path, path=tmp_path / "state.json")
    state.set_read("old.txt", read)
    state.set_starred("old.txt", starred)
    if new_had:
        state.set_starred("new.txt")
    state.dirty = False
    for _ in range(2):  # applied again to the next library: nothing more changes
        state.rename("old.txt", "new.txt")
    assert not state.is_read("old.txt") and not state.is_starred("old.txt")
    assert state.is_read("new.txt") == read
    assert state.is_starred("new.txt") == (starred or new_had)
    assert state.dirty == (read or starred)


@pytest.mark.parametrize(("text", "kept"), [("same", True), ("changed", False)])
def test_a_file_saved_again_keeps_its_spans_unless_its_text_changed(
    folder: Path, text: str, kept: bool
) -> None:
    library = load_library(folder, entities=False)
    a = library.get("a.txt")
    where = a.body.index("غزة")
    tagged = dataclasses.replace(a, entities=(Span(where, where + 3, "LOC"),))
    library.articles["a.txt"] = tagged
    library.index.add(tagged)
    body = a.body if text == "same" else a.body + " جديد"
    _bump(folder / "a.txt", f"{a.title}\n{body}\n")
    commit = Commit(library, prepare_changes(library, [folder / "a.txt"], [], entities=False))
    change = commit.run()
    assert change.updated == ("a.txt",)
    assert (library.get("a.txt").entities == tagged.entities) == kept
    assert commit.carried == ({"a.txt"} if kept else set())
    places = [v.value for v in library.index.facet_values("LOC")]
    assert places == (["غزة"] if kept else [])


# ------------------------------------------------------------------ compaction
@pytest.fixture
def crowded(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder with 20 more articles, and compaction due past 5 dead articles."""
    from reader.index import memory

    monkeypatch.setattr(memory, "COMPACT_MIN_DEAD", 5)
    for i in range(20):
        _article(folder, f"many/{i:02d}.txt", f"خبر رقم {i}", f"كلمة{i} عن غزة")
    return folder


def _delete_most(folder: Path) -> list[Path]:
    """16 of the 23 articles' files deleted: 16 dead, 7 live."""
    gone = [folder / "many" / f"{i:02d}.txt" for i in range(16)]
    for path in gone:
        path.unlink()
    return gone


@pytest.mark.parametrize("compact", [True, False])
def test_a_commit_compacts_inline_unless_told_not_to(crowded: Path, compact: bool) -> None:
    library = load_library(crowded, entities=False)
    gone = _delete_most(crowded)
    index = library.index
    Commit(library, prepare_changes(library, [], gone, entities=False), compact=compact).run()
    assert library.index is index  # compacted in place or not at all
    assert index.needs_compaction == (not compact)
    assert sorted(library.search("غزة").ids) == [
        "a.txt",
        *(f"many/{i}.txt" for i in (16, 17, 18, 19)),
    ]
    assert library.search("كلمة3").total == 0 and library.search("كلمة17").ids == ("many/17.txt",)


def _deferred(folder: Path):
    library = load_library(folder, entities=False)
    gone = _delete_most(folder)
    Commit(library, prepare_changes(library, [], gone, entities=False), compact=False).run()
    assert library.index.needs_compaction
    return library


def test_a_compaction_built_elsewhere_is_swapped_in_with_the_same_results(crowded: Path) -> None:
    library = _deferred(crowded)
    old = library.index
    queries = ["", "غزة", "خبر", "كلمة18", "-غزة"]
    before = {q: library.search(q, sort="newest") for q in queries}
    compaction = Compaction(library)
    assert compaction.size == 7
    built = compaction.build()
    assert compaction.swap(built)
    assert library.index is built and built is not old
    assert not built.needs_compaction and built.live_articles() == old.live_articles()
    for q in queries:
        after = library.search(q, sort="newest")
        assert (after.ids, after.total, after.timeline) == (
            before[q].ids,
            before[q].total,
            before[q].timeline,
        )
    # generations keep increasing across the swap (readers on other threads compare them)
    assert built.generation > old.generation


def _add(library) -> None:
    article = dataclasses.replace(library.get("a.txt"), id="new.txt", path="new.txt")
    library.index.add(article)


def _remove(library) -> None:
    library.index.remove("a.txt", compact=False)


def _respan(library) -> None:
    a = library.get("a.txt")
    library.index.add(dataclasses.replace(a, entities=(Span(0, 2, "LOC"),)))


def _replace_index(library) -> None:
    from reader.library.library import build_index

    library.index = build_index(library.articles.values(), len(library.articles))


@pytest.mark.parametrize("change", [_add, _remove, _respan, _replace_index])
def test_a_compaction_is_dropped_when_the_index_changed_while_it_was_built(
    crowded: Path, change
) -> None:
    library = _deferred(crowded)
    compaction = Compaction(library)
    built = compaction.build()
    change(library)  # on the owning thread, between the listing and the swap
    current = library.index
    assert not compaction.current
    assert not compaction.swap(built)
    assert library.index is current


def test_a_compaction_build_stops_when_asked(crowded: Path) -> None:
    from reader.library.compaction import compacted_index
    from reader.library.loading import LoadCancelled

    library = _deferred(crowded)
    articles = library.index.live_articles()
    with pytest.raises(LoadCancelled):
        compacted_index(articles, "light10", lambda: True)
    assert compacted_index(articles, "light10").search("غزة").total == 5
