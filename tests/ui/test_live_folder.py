"""The window follows its open folder (issue 6, acceptance 2): files written, changed, renamed or
deleted while it is open show up in the list, the search, the facets and the reading pane."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from inline_tagging import tag_inline
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait

from reader.ui.list.article_model import Roles

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def trec(path: Path, docno: str, title: str, body: str, date: str = "2024-03-01") -> Path:
    """One news article as a TREC file, the way the corpus scrapers write them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"<DOC>\n<DOCNO>{docno}</DOCNO>\n<SRC>live</SRC>\n<TITLE>{title}</TITLE>\n"
        f"<TIME>{date}</TIME>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    return path


def rewrite(path: Path, docno: str, title: str, body: str) -> None:
    """Write the file again with a modification time a coarse clock still sees as newer."""
    before = path.stat().st_mtime_ns
    trec(path, docno, title, body)
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.fixture
def live_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "live"
    trec(folder / "a.txt", "a", "خبر عن غزة", "نص الخبر الأول عن غزة والحرب")
    trec(folder / "b.txt", "b", "خبر عن إيران", "نص الخبر الثاني عن إيران")
    trec(folder / "sub" / "c.txt", "c", "خبر عن موسكو", "نص الخبر الثالث عن موسكو")
    return folder


def listed(window) -> list[str]:
    model = window.list_panel.model
    return [model.index(r).data(Roles.ID) for r in range(model.rowCount())]


def titles(window) -> list[str]:
    model = window.list_panel.model
    return [model.index(r).data(Roles.TITLE) for r in range(model.rowCount())]


def found(window, query: str) -> list[str]:
    return sorted(window.library.search(query).ids)


def open_live(qtbot, make_window, folder: Path):
    window = make_window()
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(lambda: not window.session.live.busy, timeout=5000)
    assert window.session.live.running
    return window


def select(window, article_id: str) -> None:
    window.select_row(window.list_panel.model.row_of(article_id))
    assert window.current_article().id == article_id


def test_a_thousand_files_written_at_once_are_listed_and_searchable_within_5_s(
    qtbot, make_window, live_folder
):
    window = open_live(qtbot, make_window, live_folder)
    for i in range(1000):
        trec(live_folder / "burst" / f"{i:04d}.txt", f"n{i}", f"عاجل رقم {i}", f"وسم{i} الانتخابات")
    # started right after the last write
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1003, timeout=5000)
    assert window.library.search("الانتخابات").total == 1000
    assert found(window, "وسم537") == ["burst/0537.txt"]
    assert len(set(listed(window))) == 1003
    assert "1,003 articles" in window.list_panel.header.text()
    assert {v.value: v.count for v in window.result.facets["source"]}["live"] == 1003


def test_a_deleted_file_leaves_the_list_the_search_and_the_pane(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    select(window, "a.txt")
    (live_folder / "a.txt").unlink()
    qtbot.waitUntil(lambda: "a.txt" not in listed(window), timeout=5000)
    assert found(window, "غزة") == []
    assert sorted(listed(window)) == ["b.txt", "sub/c.txt"]
    assert window.current_article() is None
    assert "removed from the folder" in window.reading.view.toPlainText()


def test_a_removed_folder_takes_its_articles(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    (live_folder / "sub" / "c.txt").unlink()
    (live_folder / "sub").rmdir()
    qtbot.waitUntil(lambda: "sub/c.txt" not in listed(window), timeout=5000)
    assert found(window, "موسكو") == []


def test_a_modified_file_changes_its_article_in_the_list_and_the_pane(
    qtbot, make_window, live_folder
):
    window = open_live(qtbot, make_window, live_folder)
    select(window, "b.txt")
    rewrite(live_folder / "b.txt", "b", "خبر عن بيروت", "نص جديد عن بيروت")
    # the list reads titles from the library, which a commit slice updates before the one
    # re-search at the end of the round: wait for the round, not only for the title
    qtbot.waitUntil(
        lambda: "خبر عن بيروت" in titles(window) and not window.session.live.busy, timeout=5000
    )
    assert "خبر عن إيران" not in titles(window)
    assert found(window, "بيروت") == ["b.txt"] and found(window, "إيران") == []
    assert window.current_article().title == "خبر عن بيروت"
    assert "نص جديد عن بيروت" in window.reading.view.toPlainText()


def test_an_unrelated_change_keeps_the_article_shown(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    select(window, "b.txt")
    shown = window.current_article()
    trec(live_folder / "d.txt", "d", "خبر جديد", "نص آخر")
    qtbot.waitUntil(lambda: "d.txt" in listed(window), timeout=5000)
    assert window.current_article() is shown
    assert window.current_index().data(Roles.ID) == "b.txt"


def test_a_renamed_file_keeps_its_read_and_star_state(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    select(window, "a.txt")
    window.session.toggle_star()
    state = window.user_state
    assert state.is_starred("a.txt") and state.is_read("a.txt")
    (live_folder / "moved").mkdir()
    (live_folder / "a.txt").rename(live_folder / "moved" / "a2.txt")
    # the new name may be seen through its new folder a burst before the old name's removal
    qtbot.waitUntil(
        lambda: "moved/a2.txt" in listed(window) and "a.txt" not in listed(window), timeout=5000
    )
    assert state.is_starred("moved/a2.txt") and state.is_read("moved/a2.txt")
    assert not state.is_starred("a.txt")
    row = window.list_panel.model.row_of("moved/a2.txt")
    assert window.list_panel.model.index(row).data(Roles.STARRED)
    assert not state.dirty  # saved at once
    # the article shown follows its file to the new name
    assert window.current_article().id == "moved/a2.txt"
    assert window.current_index().data(Roles.ID) == "moved/a2.txt"
    assert "خبر عن غزة" in window.reading.view.toPlainText()


def test_a_file_moved_by_copy_then_delete_keeps_its_flags(qtbot, make_window, live_folder):
    """A move across file systems (or a scraper's copy + delete) arrives as two bursts."""
    window = open_live(qtbot, make_window, live_folder)
    select(window, "b.txt")
    window.session.toggle_star()
    copy = live_folder / "archive" / "b.txt"
    copy.parent.mkdir()
    copy.write_bytes((live_folder / "b.txt").read_bytes())
    qtbot.waitUntil(lambda: "archive/b.txt" in listed(window), timeout=5000)
    state = window.user_state
    assert state.is_starred("b.txt") and not state.is_starred("archive/b.txt")
    (live_folder / "b.txt").unlink()
    qtbot.waitUntil(lambda: "b.txt" not in listed(window), timeout=5000)
    assert state.is_starred("archive/b.txt") and state.is_read("archive/b.txt")
    assert window.current_article().id == "archive/b.txt"


def test_a_file_created_then_deleted_in_one_burst_leaves_nothing(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    trec(live_folder / "flash.txt", "f", "خبر عابر", "كلمةعابرة")
    (live_folder / "flash.txt").unlink()
    trec(live_folder / "after.txt", "x", "خبر باق", "كلمةباقية")  # a marker that must arrive
    qtbot.waitUntil(lambda: "after.txt" in listed(window), timeout=5000)
    qtbot.waitUntil(lambda: not window.session.live.busy, timeout=5000)
    assert "flash.txt" not in listed(window) and found(window, "كلمةعابرة") == []


def test_a_file_modified_twice_gives_one_article(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    rewrite(live_folder / "a.txt", "a", "العنوان الثاني", "كلمةثانية")
    rewrite(live_folder / "a.txt", "a", "العنوان الثالث", "كلمةثالثة")
    qtbot.waitUntil(lambda: "العنوان الثالث" in titles(window), timeout=5000)
    qtbot.waitUntil(lambda: not window.session.live.busy, timeout=5000)
    assert listed(window).count("a.txt") == 1 and len(listed(window)) == 3
    assert found(window, "كلمةثانية") == [] and found(window, "كلمةثالثة") == ["a.txt"]
    assert window.library.search("").total == 3


def test_a_broken_new_file_is_a_problem_until_it_is_fixed(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    bad = live_folder / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    qtbot.waitUntil(window.status.problems_button.isVisible, timeout=5000)
    assert "1" in window.status.problems_button.text()
    bad.write_text('{"title": "عنوان مصلح", "body": "نص مصلح"}', encoding="utf-8")
    os.utime(bad, ns=(10**18, 10**18))
    qtbot.waitUntil(lambda: "bad.json" in listed(window), timeout=5000)
    assert not window.status.problems_button.isVisible()


def test_the_facets_and_filters_follow_new_files(qtbot, make_window, live_folder):
    window = open_live(qtbot, make_window, live_folder)
    window.results.set_query("غزة")
    assert listed(window) == ["a.txt"]
    trec(live_folder / "g.txt", "g", "غزة اليوم", "قصف على غزة", date="2025-01-02")
    qtbot.waitUntil(lambda: sorted(listed(window)) == ["a.txt", "g.txt"], timeout=5000)
    assert window.results.state.query == "غزة"  # the query stays
    days = dict(window.result.timeline)
    assert days[dt.date(2025, 1, 2)] == 1 and sum(days.values()) == 2
    sources = {v.value: v.count for v in window.result.facets["source"]}
    assert sources == {"live": 2}


def _watch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "folder-watch"]


def test_closing_the_window_stops_the_watcher(qtbot, make_window, live_folder):
    before = len(_watch_threads())
    window = open_live(qtbot, make_window, live_folder)
    watcher = window.session.live.watcher
    assert watcher is not None and len(_watch_threads()) == before + 1
    window.close()
    assert window.session.live.watcher is None
    assert len(_watch_threads()) == before
    assert not watcher._observer.is_alive()
    assert window.session.live.running_tasks() == 0


def test_opening_another_folder_stops_watching_the_first(qtbot, make_window, live_folder, tmp_path):
    window = open_live(qtbot, make_window, live_folder)
    other = tmp_path / "other"
    trec(other / "o.txt", "o", "خبر آخر", "نص")
    first = window.session.live.watcher
    open_and_wait(qtbot, window, other)
    assert not first._observer.is_alive()
    assert window.session.live.watcher is not None and window.session.live.root == other.resolve()
    trec(live_folder / "late.txt", "l", "متأخر", "نص")  # the old folder: ignored
    trec(other / "new.txt", "n", "جديد", "نص")
    qtbot.waitUntil(lambda: "new.txt" in listed(window), timeout=5000)
    assert "late.txt" not in listed(window)


def _gaza_places(text: str) -> list:
    """Every غزة is a place (the tagger the worker processes stand in for)."""
    from reader.model import Span

    return [Span(i, i + 3, "LOC") for i in range(len(text)) if text.startswith("غزة", i)]


class _Gate:
    """Holds a background stage until the test has changed the folder (no sleeps)."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def hold(self) -> None:
        self.calls += 1
        if self.calls == 1:  # only the first call (the load's), not the live updates' calls
            self.reached.set()
            assert self.release.wait(10), "the test never released the stage"


def test_a_file_written_while_the_folder_is_read_is_not_lost(
    qtbot, make_window, live_folder, monkeypatch
):
    import reader.ui.background.loader as loader_module

    gate = _Gate()
    real = loader_module.load_library

    def held_load(*args, **kwargs):
        library = real(*args, **kwargs)  # the scan is over: new files are not in this library
        gate.hold()
        return library

    monkeypatch.setattr(loader_module, "load_library", held_load)
    window = make_window()
    window.open_folder(live_folder)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    trec(live_folder / "during.txt", "d", "خبر أثناء التحميل", "كلمةأثناء")
    (live_folder / "b.txt").unlink()
    live = window.session.live
    qtbot.waitUntil(lambda: {"during.txt", "b.txt"} <= (live._recorded or set()), timeout=5000)
    with qtbot.waitSignal(window.loader.idle, timeout=10_000):
        gate.release.set()
    qtbot.waitUntil(
        lambda: sorted(listed(window)) == ["a.txt", "during.txt", "sub/c.txt"], timeout=5000
    )
    assert found(window, "كلمةأثناء") == ["during.txt"] and found(window, "إيران") == []


def test_changes_during_the_entities_stage_reach_the_library_with_entities(
    qtbot, make_window, live_folder, monkeypatch
):
    import reader.ui.background.loader as loader_module

    tag_inline(monkeypatch, _gaza_places)
    gate = _Gate()
    real = loader_module.with_entities

    def held_entities(library, **kwargs):
        gate.hold()
        return real(library, **kwargs)

    monkeypatch.setattr(loader_module, "with_entities", held_entities)
    window = make_window(entities=True)
    with qtbot.waitSignal(window.loader.loaded, timeout=10_000):
        window.open_folder(live_folder)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    # stage 1 is installed, entities are being found: the change goes into the first library
    trec(live_folder / "g.txt", "g", "غزة اليوم", "قصف على غزة")
    rewrite(live_folder / "b.txt", "b", "خبر عن بيروت", "نص عن بيروت")
    qtbot.waitUntil(
        lambda: "g.txt" in listed(window) and "خبر عن بيروت" in titles(window), timeout=5000
    )
    first = window.library
    assert not first.has_entities
    with qtbot.waitSignal(window.loader.entities_ready, timeout=10_000):
        gate.release.set()
    # the library with entities was built from the first one's articles before the change
    live = window.session.live
    qtbot.waitUntil(lambda: window.library is not first and not live.busy, timeout=5000)
    library = window.library
    assert library.has_entities
    assert sorted(library.articles) == ["a.txt", "b.txt", "g.txt", "sub/c.txt"]
    assert library.get("b.txt").title == "خبر عن بيروت" and found(window, "إيران") == []
    # the new article was listed first, then tagged: its place fills the facet
    qtbot.waitUntil(lambda: library.get("g.txt").entities != (), timeout=5000)
    qtbot.waitUntil(lambda: not live.busy, timeout=5000)
    places = {v.value: v.count for v in window.result.facets["LOC"]}
    assert places == {"غزة": 2}
    assert len(listed(window)) == 4


def test_a_file_written_after_loading_with_entities_is_listed_then_tagged(
    qtbot, make_window, live_folder, monkeypatch
):
    tag_inline(monkeypatch, _gaza_places)
    window = make_window(entities=True)
    open_and_wait(qtbot, window, live_folder)
    assert window.library.has_entities
    live = window.session.live
    stages: list[str] = []
    live.applied.connect(lambda _c: stages.append("listed"))
    live.entities_applied.connect(lambda _ids: stages.append("tagged"))
    trec(live_folder / "g.txt", "g", "غزة اليوم", "قصف على غزة")
    qtbot.waitUntil(lambda: "tagged" in stages, timeout=5000)
    assert stages == ["listed", "tagged"]
    assert "g.txt" in listed(window)
    places = {v.value: v.count for v in window.result.facets["LOC"]}
    assert places == {"غزة": 2}


def test_the_watch_is_placed_off_the_gui_thread_before_the_scan(
    qtbot, make_window, live_folder, monkeypatch
):
    # placing the watches walks the whole tree (0.11 s at 100,000 files): not on the GUI
    # thread; and the scan waits for it, so no file written during the load is missed
    from reader.library import loading
    from reader.library.watch import FolderWatcher

    placing: list[bool] = []  # on the main thread?
    release, placed = threading.Event(), threading.Event()
    scans: list[bool] = []  # was the watch in place when the scan began?
    real_start, real_scan = FolderWatcher.start, loading.scan_entries

    def start(self) -> None:
        placing.append(threading.current_thread() is threading.main_thread())
        release.wait(10)  # held until the test has seen the GUI thread free
        real_start(self)
        placed.set()

    def scan(*args, **kwargs):
        scans.append(placed.is_set())
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(FolderWatcher, "start", start)
    monkeypatch.setattr(loading, "scan_entries", scan)
    window = make_window()
    with qtbot.waitSignal(window.loader.loaded, timeout=10_000):
        window.open_folder(live_folder)
        qtbot.waitUntil(lambda: bool(placing))  # the event loop runs while the watch is held
        # the load is held at the gate (a private attribute, but the only way to see a thread
        # waiting on an Event without racing it)
        ready = window.session.live.watch_ready
        qtbot.waitUntil(lambda: len(ready._cond._waiters) > 0, timeout=5000)
        assert scans == []
        release.set()
    assert placing == [False]
    assert scans == [True]
    assert window.session.live.running


def test_a_folder_that_cannot_be_watched_says_so(qtbot, make_window, live_folder, monkeypatch):
    from reader.library.watch import FolderWatcher

    def refuse(self) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(FolderWatcher, "start", refuse)
    window = make_window()
    open_and_wait(qtbot, window, live_folder)
    assert window.list_panel.model.rowCount() == 3  # the folder itself is open
    assert not window.session.live.running
    assert "not followed" in window.status.note.text()
    assert "inotify watch limit reached" in window.status.note.text()


# ------------------------------------------------------------------ compaction (issue 6: no stall)
def numbered_folder(folder: Path, n: int) -> Path:
    for i in range(n):
        trec(folder / f"d{i // 100:02d}" / f"{i:04d}.txt", f"n{i}", f"خبر رقم {i}", f"كلمة{i} غزة")
    return folder


def delete_numbered(folder: Path, numbers: range) -> None:
    for i in numbers:
        (folder / f"d{i // 100:02d}" / f"{i:04d}.txt").unlink()


class _Builds:
    """Records the thread of every compacted index built and of every compaction inline."""

    def __init__(self, monkeypatch, fail: bool = False, gate: _Gate | None = None) -> None:
        import reader.library.compaction as compaction_module
        from reader.index import Index

        self.built: list[threading.Thread] = []
        self.inline: list[threading.Thread] = []
        real_build, real_compact = compaction_module.compacted_index, Index._compact

        def build(*args, **kwargs):
            self.built.append(threading.current_thread())
            if gate is not None:
                gate.hold()
            if fail:
                raise RuntimeError("no memory left")
            return real_build(*args, **kwargs)

        def compact(index) -> None:
            self.inline.append(threading.current_thread())
            real_compact(index)

        monkeypatch.setattr(compaction_module, "compacted_index", build)
        monkeypatch.setattr(Index, "_compact", compact)


def test_deleting_most_of_an_open_folder_compacts_the_index_off_the_gui_thread(
    qtbot, make_window, tmp_path, monkeypatch
):
    folder = numbered_folder(tmp_path / "big", 3000)
    builds = _Builds(monkeypatch)
    window = open_live(qtbot, make_window, folder)
    live = window.session.live
    old = window.library.index
    # each live change reports whether it changed articles, and the result shown after it
    seen: list[tuple[bool, object]] = []
    live.applied.connect(lambda change: seen.append((bool(change), window.result)))
    delete_numbered(folder, range(2400))
    qtbot.waitUntil(lambda: bool(live.last_compaction) and not live.busy, timeout=30_000)
    assert builds.inline == []  # never inside a commit slice
    assert builds.built and threading.main_thread() not in builds.built
    index = window.library.index
    assert index is not old and not index.needs_compaction and len(index) == 600
    assert live.last_compaction["articles"] == 600
    remaining = sorted(f"d{i // 100:02d}/{i:04d}.txt" for i in range(2400, 3000))
    assert sorted(listed(window)) == remaining
    assert found(window, "غزة") == remaining
    assert found(window, "كلمة2999") == ["d29/2999.txt"] and found(window, "كلمة5") == []
    assert "600 articles" in window.list_panel.header.text()
    # the swap went through the re-search of a live change: an empty change, then the result
    assert not seen[-1][0] and sorted(seen[-1][1].ids) == remaining
    assert all(changed for changed, _ in seen[:-1])


@pytest.fixture
def compact_early(monkeypatch) -> None:
    from reader.index import memory

    monkeypatch.setattr(memory, "COMPACT_MIN_DEAD", 10)


def test_a_compaction_overtaken_by_a_change_is_built_again(
    qtbot, make_window, tmp_path, monkeypatch, compact_early
):
    folder = numbered_folder(tmp_path / "small", 60)
    gate = _Gate()
    builds = _Builds(monkeypatch, gate=gate)
    window = open_live(qtbot, make_window, folder)
    live = window.session.live
    delete_numbered(folder, range(40))
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)  # the first build holds
    trec(folder / "late.txt", "late", "خبر متأخر", "كلمةمتأخرة غزة")
    qtbot.waitUntil(lambda: "late.txt" in listed(window), timeout=5000)
    assert not live.last_compaction  # the held build is not swapped in
    gate.release.set()
    qtbot.waitUntil(lambda: bool(live.last_compaction) and not live.busy, timeout=5000)
    assert len(builds.built) == 2 and builds.inline == []
    index = window.library.index
    assert not index.needs_compaction and len(index) == 21 and "late.txt" in index
    assert found(window, "كلمةمتأخرة") == ["late.txt"] and len(found(window, "غزة")) == 21


def test_a_compaction_that_fails_waits_for_the_next_change(
    qtbot, make_window, tmp_path, monkeypatch, compact_early
):
    folder = numbered_folder(tmp_path / "small", 60)
    builds = _Builds(monkeypatch, fail=True)
    window = open_live(qtbot, make_window, folder)
    live = window.session.live
    delete_numbered(folder, range(40))
    qtbot.waitUntil(lambda: len(listed(window)) == 20 and bool(builds.built), timeout=5000)
    qtbot.waitUntil(lambda: not live.busy, timeout=5000)
    assert len(builds.built) == 1  # not tried again and again on the same index
    assert window.library.index.needs_compaction and len(found(window, "غزة")) == 20
    trec(folder / "late.txt", "late", "خبر متأخر", "كلمةمتأخرة")
    qtbot.waitUntil(lambda: "late.txt" in listed(window), timeout=5000)
    qtbot.waitUntil(lambda: not live.busy, timeout=5000)
    assert len(builds.built) == 2  # the index changed: worth another try
