"""Loading through the cache, live updates (apply_changes), the folder watcher, cancellation."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import reader.formats.parse_pool as pool_module
from reader.library.library import LoadCancelled, LoadProgress, load_library, with_entities
from reader.library.watch import FolderChanges, FolderWatcher
from reader.model import Span


def _article(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n{body}\n", encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    _article(folder, "a.txt", "خبر عن غزة", "نص الخبر الأول عن غزة")
    _article(folder, "b.txt", "خبر عن إيران", "نص الخبر الثاني عن إيران")
    _article(folder, "sub/c.txt", "خبر عن موسكو", "نص الخبر الثالث عن موسكو")
    return folder


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file parsed (in this process: few files never start a pool)."""
    calls: list[str] = []
    real = pool_module.parse_file

    def counting(path: Path, root: Path):
        calls.append(Path(path).name)
        return real(path, root)

    monkeypatch.setattr(pool_module, "parse_file", counting)
    return calls


def _bump(path: Path, text: str) -> None:
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))  # a coarse clock must still see it


def _ids(library, query: str) -> list[str]:
    return sorted(library.search(query).ids)


def test_a_changed_file_is_parsed_again_and_unchanged_ones_are_not(
    tmp_path: Path, parse_calls: list[str]
) -> None:
    folder = _folder(tmp_path)
    load_library(folder, entities=False)
    assert sorted(parse_calls) == ["a.txt", "b.txt", "c.txt"]
    parse_calls.clear()
    _bump(folder / "b.txt", "خبر عن النفط\nنص عن النفط\n")
    library = load_library(folder, entities=False)
    assert parse_calls == ["b.txt"]
    assert library.stats["index"] == "patched"
    assert _ids(library, "النفط") == ["b.txt"] and _ids(library, "إيران") == []
    fresh = load_library(folder, entities=False, use_cache=False)
    for query in ("غزة", "النفط", "خبر", '"نص الخبر"'):
        assert _ids(library, query) == _ids(fresh, query)


@pytest.mark.parametrize("reopen", [True, False])
def test_a_deleted_file_loses_its_articles(tmp_path: Path, reopen: bool) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    (folder / "a.txt").unlink()
    if reopen:
        library = load_library(folder, entities=False)
    else:
        change = library.apply_changes([], [folder / "a.txt"])
        assert change.removed == ("a.txt",) and not change.added
    assert "a.txt" not in library.articles
    assert _ids(library, "غزة") == []
    assert library.index.facet_values("tag") == ()
    assert len(library.index) == 2


def test_a_modified_file_changes_its_articles(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    _bump(folder / "a.txt", "خبر عن بيروت\nنص عن بيروت\n")
    change = library.apply_changes([folder / "a.txt"])
    assert change.updated == ("a.txt",) and not change.added and not change.removed
    assert library.get("a.txt").title == "خبر عن بيروت"
    assert _ids(library, "بيروت") == ["a.txt"] and _ids(library, "غزة") == []


@pytest.mark.parametrize("target", ["renamed.txt", "other/moved.txt"])
def test_a_renamed_file_keeps_its_articles_under_the_new_id(tmp_path: Path, target: str) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    new = folder / target
    new.parent.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").rename(new)
    change = library.apply_changes([new], [folder / "a.txt"])
    assert change.renamed == (("a.txt", target),)
    assert "a.txt" not in library.articles and target in library.articles
    assert _ids(library, "غزة") == [target]


def test_a_removed_folder_takes_its_files_with_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    (folder / "sub" / "c.txt").unlink()
    (folder / "sub").rmdir()
    change = library.apply_changes([], [folder / "sub"])
    assert change.removed == ("sub/c.txt",)
    assert _ids(library, "موسكو") == []


def test_a_thousand_new_files_are_all_listed_and_searchable(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    paths = [
        _article(folder, f"burst/{i:04d}.txt", f"عاجل رقم {i}", f"كلمة{i} نص عن الانتخابات")
        for i in range(1000)
    ]
    change = library.apply_changes(paths)
    assert len(change.added) == 1000 and not change.removed
    assert len(library) == 1003
    assert library.search("الانتخابات").total == 1000
    assert library.search("كلمة537").ids == ("burst/0537.txt",)
    again = library.apply_changes(paths[:10])  # the same files again: no duplicates
    assert len(again.updated) == 10 and len(library) == 1003
    assert library.search("الانتخابات").total == 1000


def test_apply_changes_skips_hidden_and_non_article_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    hidden = _article(folder, ".part/x.txt", "مخفي", "نص")
    image = folder / "photo.png"
    image.write_bytes(b"\x89PNG")
    change = library.apply_changes([hidden, image])
    assert len(library) == 3
    assert (change.added, change.removed, change.updated) == ((), (), ())
    # the image is named, as the scan of a full load names it (issue 16); the hidden file is not
    assert [str(p) for p in change.problems] == ["photo.png: not an article format (.png)"]


def test_a_bad_new_file_is_a_problem_not_an_article(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    bad = folder / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    change = library.apply_changes([bad])
    assert not change.added and [p.path for p in change.problems] == ["bad.json"]
    assert [p.path for p in library.problems] == ["bad.json"]
    bad.write_text('{"title": "عنوان", "body": "نص مصلح"}', encoding="utf-8")
    os.utime(bad, ns=(10**18, 10**18))
    change = library.apply_changes([bad])
    assert change.added and library.problems == []


class _Finder:
    def __init__(self) -> None:
        self.calls = 0

    def find_entities(self, text: str, keywords=()) -> list[Span]:
        self.calls += 1
        return [Span(i, i + 3, "LOC") for i in range(len(text)) if text.startswith("غزة", i)]


def test_entities_come_from_the_cache_on_reopen_and_new_files_are_tagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.library
    import reader.library.tagging

    finder = _Finder()
    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (finder, None))
    folder = _folder(tmp_path)
    stage1 = load_library(folder, entities=False)
    assert not stage1.has_entities
    stage2 = with_entities(stage1)
    assert stage2.has_entities and finder.calls == 3
    assert [v.value for v in stage2.index.facet_values("LOC")] == ["غزة"]
    # a staged reopen: searchable first without the spans, which the entity stage then takes
    # from the cache (nothing is tagged again); the index comes from the snapshot both times
    first = load_library(folder, entities=False)
    assert not first.has_entities and first.stats["index"] == "loaded"
    reopened = with_entities(first)
    assert reopened.has_entities and finder.calls == 3
    assert reopened.stats["index"] in {"loaded", "derived"}
    assert [v.count for v in reopened.index.facet_values("LOC")] == [1]
    # in one go (the command line): spans and the snapshot saved with them
    direct = load_library(folder, entities=True)
    assert direct.has_entities and finder.calls == 3 and direct.stats["index"] == "loaded"
    assert [v.count for v in direct.index.facet_values("LOC")] == [1]
    new = _article(folder, "d.txt", "غزة اليوم", "نص عن غزة")
    reopened.apply_changes([new])
    assert finder.calls == 4
    assert [v.count for v in reopened.index.facet_values("LOC")] == [2]


@pytest.mark.parametrize("stage", ["parse", "entities"])
def test_cancel_stops_every_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    import reader.library.library

    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (_Finder(), None))
    folder = _folder(tmp_path)
    seen: list[str] = []

    def progress(p: LoadProgress) -> None:
        seen.append(p.stage)

    with pytest.raises(LoadCancelled):
        load_library(
            folder,
            entities=True,
            use_cache=False,
            progress=progress,
            should_stop=lambda: stage in seen,
        )
    assert "index" not in seen


def _wait_for(event: threading.Event) -> None:
    assert event.wait(timeout=10), "the watcher reported nothing within 10 s"


def test_the_watcher_reports_writes_deletes_and_renames(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    bursts: list[FolderChanges] = []
    got = threading.Event()

    def on_changes(changes: FolderChanges) -> None:
        bursts.append(changes)
        got.set()

    with FolderWatcher(folder, on_changes, window=0.1):
        written = [_article(folder, f"new/{i}.txt", f"عنوان {i}", "نص") for i in range(20)]
        _wait_for(got)
        while not set(written) <= {p for b in bursts for p in b.changed}:
            got.clear()
            _wait_for(got)
        bursts.clear()
        got.clear()
        (folder / "a.txt").unlink()
        (folder / "b.txt").rename(folder / "b2.txt")
        _wait_for(got)
        while not (
            {folder / "a.txt", folder / "b.txt"} <= {p for b in bursts for p in b.removed}
            and any(b.renamed for b in bursts)
        ):
            got.clear()
            _wait_for(got)
    assert (folder / "b.txt", folder / "b2.txt") in [r for b in bursts for r in b.renamed]
    assert folder / "b2.txt" in {p for b in bursts for p in b.changed}


def test_watcher_and_library_together_follow_a_burst(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    library = load_library(folder, entities=False)
    bursts: list[FolderChanges] = []
    got = threading.Event()

    def on_changes(changes: FolderChanges) -> None:
        bursts.append(changes)
        got.set()

    with FolderWatcher(folder, on_changes, window=0.1):
        for i in range(200):
            _article(folder, f"live/{i:03d}.txt", f"مباشر {i}", "نص عن البرلمان")
        while library.search("البرلمان").total < 200:
            _wait_for(got)
            got.clear()
            while bursts:
                burst = bursts.pop(0)
                library.apply_changes(burst.changed, burst.removed)
    assert len(library) == 203


def test_cancel_shuts_the_parsing_pool_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(pool_module, "CHUNK_FILES", 4)
    folder = tmp_path / "news"
    for i in range(200):
        _article(folder, f"{i:03d}.txt", f"عنوان {i}", "نص")
    batches: list[int] = []
    with pytest.raises(LoadCancelled):
        load_library(
            folder,
            entities=False,
            workers=2,
            on_batch=lambda b: batches.append(len(b)),
            should_stop=lambda: len(batches) >= 3,
        )
    assert 3 <= len(batches) < 50  # stopped long before the 200 files were parsed


@pytest.mark.slow  # two worker processes each load the entity model
def test_tagging_in_worker_processes_equals_tagging_here(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.entities import RecogniserUnavailable
    from reader.library import tagging
    from reader.library.library import default_recogniser
    from reader.model import Article

    try:
        recogniser = default_recogniser()
    except RecogniserUnavailable as exc:
        pytest.skip(f"no entity model: {exc}")
    monkeypatch.setattr(tagging, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(tagging, "CHUNK_ARTICLES", 2)
    texts = [
        "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيدعم أوكرانيا.",
        "وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى القاهرة.",
        "أعلنت الأمم المتحدة في جنيف عن مؤتمر جديد.",
        "لا أسماء هنا.",
        "زار محمد بن سلمان مدينة الرياض.",
    ]
    files = [(f"{i}.txt", [Article(id=f"{i}.txt", title="t", body=t)]) for i, t in enumerate(texts)]
    here = [r for _, step in tagging.tag_files(files, recogniser, workers=1) for r in step]
    pooled = [r for _, step in tagging.tag_files(files, recogniser, workers=2) for r in step]
    assert pooled == here
    assert any(spans[0][0] for _, spans in here)  # the model found something to compare


@pytest.mark.parametrize(("changed", "then"), [(1, "patched"), (6, "loaded")])
def test_a_big_patch_of_the_snapshot_is_saved_a_small_one_redone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: int, then: str
) -> None:
    import reader.library.indexing

    monkeypatch.setattr(reader.library.indexing, "RESAVE_MIN", 5)
    folder = _folder(tmp_path)
    load_library(folder, entities=False)
    for i in range(changed):
        _article(folder, f"more/{i}.txt", f"جديد {i}", "نص جديد")
    assert load_library(folder, entities=False).stats["index"] == "patched"
    again = load_library(folder, entities=False)
    assert again.stats["index"] == then
    assert again.search("جديد").total == changed


def _answers(library) -> list[tuple]:
    out = []
    for query in ["غزة", "خبر", '"نص الخبر"', "عنوان -غزة", ""]:
        result = library.search(query)
        out.append((result.ids, result.scores.tolist(), result.facets, result.timeline))
    return out


@pytest.mark.parametrize("use_cache", [True, False])
def test_the_index_built_while_parsing_in_workers_is_the_plain_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_cache: bool
) -> None:
    from reader.index import Index
    from reader.library.library import build_index

    prepared_chunks: list[int] = []
    real = Index.add_prepared

    def counting(index: Index, articles, prepared, vocabs=None) -> None:
        prepared_chunks.append(len(articles))
        real(index, articles, prepared, vocabs)

    monkeypatch.setattr(Index, "add_prepared", counting)
    monkeypatch.setattr(pool_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(pool_module, "CHUNK_FILES", 4)
    monkeypatch.setattr(pool_module, "HEAD_FILES", 3)
    folder = _folder(tmp_path)
    for i in range(40):
        _article(folder, f"more/{i:02d}.txt", f"عنوان {i} عن غزة", f"نص الخبر {i}\nسطر {i % 7}")
    library = load_library(folder, entities=False, workers=2, use_cache=use_cache)
    assert library.stats["index"] == "built" and len(library) == 43
    assert sum(prepared_chunks) == 40  # all but the head chunk analysed by the workers
    plain = build_index(library.articles.values(), len(library))
    assert _answers(library) == _answers(type(library)(folder, {}, [], plain))


def test_entities_added_later_share_the_index_and_answer_as_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.library

    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (_Finder(), None))
    folder = _folder(tmp_path)
    stage2 = with_entities(load_library(folder, entities=False))
    assert stage2.stats["index"] == "derived"
    built = load_library(folder, entities=True, use_cache=False)
    assert built.stats["index"] == "built"
    assert _answers(stage2) == _answers(built)
    assert [v.value for v in stage2.index.facet_values("LOC")] == ["غزة"]
    reopened = load_library(folder, entities=False)  # the derived index was saved
    assert reopened.stats["index"] == "loaded" and _answers(reopened) == _answers(built)


@pytest.mark.parametrize(
    ("enabled_before", "nested"),
    [(True, False), (True, True), (False, False), (False, True)],
)
def test_gc_paused_restores_collection_after_the_last_load(enabled_before: bool, nested: bool):
    import gc

    from reader.library.loading import gc_paused

    was = gc.isenabled()
    try:
        gc.enable() if enabled_before else gc.disable()
        with gc_paused():
            assert not gc.isenabled()
            if nested:
                with gc_paused():
                    assert not gc.isenabled()
                assert not gc.isenabled()  # the outer load still runs
        assert gc.isenabled() == enabled_before
    finally:
        gc.enable() if was else gc.disable()


def test_a_primed_search_answers_the_same_search_once_and_nothing_else(tmp_path: Path) -> None:
    library = load_library(_folder(tmp_path), use_cache=False)
    library.prime_search("", None, sort="newest")
    primed = library._primed[-1]
    assert library.search("", None, sort="oldest") is not primed  # other options: searched
    assert library.search("", None, sort="newest") is not primed  # ...and the primed one dropped

    library.prime_search("", None, sort="newest")
    primed = library._primed[-1]
    taken = library.search("", None, sort="newest")
    assert taken is primed
    assert library.search("", None, sort="newest") is not taken  # taken once only
    assert library.search("", None, sort="newest").ids == taken.ids

    library.prime_search("خبر")
    _article(library.root, "late.txt", "خبر جديد", "نص الخبر الجديد")
    library.apply_changes(["late.txt"])  # the index changed: the primed answer is stale
    assert "late.txt" in library.search("خبر").ids
