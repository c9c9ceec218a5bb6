"""The disk cache: reopening reads from it, and a broken cache never costs a correct folder."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from cache_damage import garbage_db, garbage_snapshot, other_version, refused_writes

from reader.library.library import load_library
from reader.model import Appended, Article, LoadProblem, Span
from reader.storage.cache import (
    FolderCache,
    cache_root,
    cache_size,
    clear_cache,
    evict,
    folder_dir,
    pack_articles,
    pack_spans,
    unpack_articles,
    unpack_spans,
)


def _write_folder(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"عنوان الخبر {i}\nنص الخبر رقم {i} عن غزة\n", "utf-8")
    (folder / "bad.json").write_text("{oops", encoding="utf-8")
    return folder


def _expected(folder: Path) -> tuple[dict[str, tuple[str, str]], list[str]]:
    fresh = load_library(folder, entities=False, use_cache=False)
    return (
        {i: (a.title, a.body) for i, a in fresh.articles.items()},
        [str(p) for p in fresh.problems],
    )


def _same_folder(folder: Path, library) -> None:
    articles, problems = _expected(folder)
    assert {i: (a.title, a.body) for i, a in library.articles.items()} == articles
    assert [str(p) for p in library.problems] == problems
    assert library.search("غزة").total == len(articles)


@pytest.mark.parametrize(
    "article",
    [
        Article(id="a.txt", title="t", body="b", path="a.txt"),
        Article(
            id="x.json#2",
            title="عنوان",
            body="نص\nفقرة",
            date=dt.date(2023, 12, 7),
            source="BBC",
            url="http://x",
            author="أ",
            category="سياسة",
            tags=("غزة", "إيران"),
            related=("r1",),
            appended=(Appended("ملحق", "نص ملحق"),),
            problems=("no date",),
            path="x.json",
        ),
        # bodies are stored as UTF-16: empty, a lone surrogate, characters beyond the BMP
        Article(id="e.txt", title="", body="", path="e.txt"),
        Article(
            id="s.txt",
            title="\udc80",
            body="نص \udcff\ud800 😀 𝐀\r\n",
            appended=(Appended("", ""), Appended("😀", "\udc80")),
            path="s.txt",
        ),
    ],
)
def test_articles_round_trip_through_the_cache_format(article: Article) -> None:
    parsed = ((article,), (LoadProblem("x.json", "bad item"),))
    back = unpack_articles(pack_articles(parsed))
    assert back == parsed
    assert back[0][0].path == article.path  # not part of equality, kept all the same


def test_spans_round_trip() -> None:
    spans = (((Span(0, 3, "PERS"),), ((Span(1, 2, "LOC"),), ())), ((), ()))
    assert unpack_spans(pack_spans(spans)) == spans


def test_second_open_reads_from_the_cache_and_snapshot(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "news")
    first = load_library(folder, entities=False)
    second = load_library(folder, entities=False)
    assert first.stats == {"cached_files": 0, "parsed_files": 4, "index": "built"}
    assert second.stats == {"cached_files": 4, "parsed_files": 0, "index": "loaded"}
    assert second.notes == []
    _same_folder(folder, second)


def _garbage_rows(folder: Path) -> None:
    db = sqlite3.connect(folder_dir(folder) / "files.sqlite")
    db.execute("UPDATE files SET parsed = X'00FF00FF'")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("damage", "note"),
    [
        (garbage_db, "cache ignored and rebuilt"),
        (other_version, "another version"),
        (_garbage_rows, None),  # a row that does not unpack is a miss: the file is read again
        (garbage_snapshot, None),  # a broken snapshot means a rebuild
    ],
)
def test_a_damaged_cache_gives_the_correct_folder_and_is_rebuilt(
    tmp_path: Path, damage, note: str | None
) -> None:
    folder = _write_folder(tmp_path / "news")
    load_library(folder, entities=False)
    damage(folder)
    library = load_library(folder, entities=False)
    _same_folder(folder, library)
    if note is None:
        assert library.notes == []
    else:
        assert any(note in n for n in library.notes), library.notes
    again = load_library(folder, entities=False)  # rebuilt: answered by the cache again
    assert again.stats["cached_files"] == 4 and again.stats["index"] == "loaded"
    _same_folder(folder, again)


def test_a_cache_directory_that_cannot_be_created_gives_the_folder_and_a_note(
    tmp_path: Path,
) -> None:
    folder = _write_folder(tmp_path / "news")
    cache_root().parent.mkdir(parents=True, exist_ok=True)
    cache_root().write_text("a file where the cache directory should be", encoding="utf-8")
    library = load_library(folder, entities=False)
    _same_folder(folder, library)
    assert any("cache unavailable" in n for n in library.notes), library.notes


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_a_read_only_cache_directory_is_read_not_written(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "news")
    load_library(folder, entities=False)
    (folder / "a9.txt").write_text("عنوان جديد\nنص عن غزة\n", encoding="utf-8")
    directory = folder_dir(folder)
    modes = {p: p.stat().st_mode for p in [directory, *directory.rglob("*")]}
    try:
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        library = load_library(folder, entities=False)
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
    _same_folder(folder, library)
    assert library.stats["cached_files"] == 4
    assert library.notes


def test_a_full_disk_is_a_note_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own "database or disk is full", by capping the database at its current size."""
    folder = _write_folder(tmp_path / "news", n=40)
    for i in range(40):  # rows bigger than the cache's (64 KB) pages hold together
        (folder / f"a{i}.txt").write_text(f"عنوان {i}\n" + "نص طويل عن غزة " * 300, "utf-8")
    real_open = FolderCache._open_db

    def capped(self: FolderCache) -> sqlite3.Connection:
        db = real_open(self)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(FolderCache, "_open_db", capped)
    library = load_library(folder, entities=False)
    _same_folder(folder, library)
    assert any("cache not updated" in n for n in library.notes), library.notes


def test_clear_cache_empties_it_and_the_next_open_reads_the_files(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "news")
    load_library(folder, entities=False)
    assert folder_dir(folder).exists() and cache_size() > 0
    assert clear_cache() == []
    assert not folder_dir(folder).exists() and cache_size() == 0
    library = load_library(folder, entities=False)
    assert library.stats["parsed_files"] == 4
    _same_folder(folder, library)


def test_no_cache_reads_every_file_and_writes_nothing(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "news")
    library = load_library(folder, entities=False, use_cache=False)
    assert library.stats["parsed_files"] == 4
    assert not folder_dir(folder).exists()


def test_eviction_drops_least_recently_used_folders_first(tmp_path: Path) -> None:
    folders = [_write_folder(tmp_path / f"news{i}") for i in range(3)]
    for i, folder in enumerate(folders):
        load_library(folder, entities=False)
        os.utime(folder_dir(folder) / "last-used", (1000 + i, 1000 + i))
    sizes = [
        sum(f.stat().st_size for f in folder_dir(p).rglob("*") if f.is_file()) for p in folders
    ]
    removed = evict(cache_root(), sizes[1] + sizes[2], keep=folder_dir(folders[0]))
    assert removed == [folder_dir(folders[1])]  # the oldest but the kept one
    assert folder_dir(folders[0]).exists() and folder_dir(folders[2]).exists()


def test_a_new_entity_model_invalidates_spans_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.library
    import reader.library.tagging

    folder = _write_folder(tmp_path / "news")
    calls: list[str] = []

    class Finder:
        def find_entities(self, text: str, keywords=()) -> list[Span]:
            calls.append(text)
            at = text.find("غزة")
            return [Span(at, at + 3, "LOC")] if at >= 0 else []

    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (Finder(), None))
    first = load_library(folder, entities=True)
    tagged = len(calls)
    assert tagged == 3 and first.has_entities
    second = load_library(folder, entities=True)
    assert len(calls) == tagged  # spans from the cache
    assert second.articles == first.articles
    monkeypatch.setattr("reader.storage.entity_key.entity_model_key", lambda: "retrained")
    monkeypatch.setattr("reader.library.loading.entity_model_key", lambda: "retrained")
    third = load_library(folder, entities=True)
    assert len(calls) == 2 * tagged  # tagged again
    assert third.stats["cached_files"] == 4  # but not parsed again


def test_a_cache_directory_refusing_writes_is_read_and_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read-only case where permissions cannot stop root: every write into the cache
    directory is refused, so the database is opened read-only."""
    folder = _write_folder(tmp_path / "news")
    load_library(folder, entities=False)
    (folder / "a9.txt").write_text("عنوان جديد\nنص عن غزة\n", encoding="utf-8")
    with refused_writes(monkeypatch, folder_dir(folder)):
        library = load_library(folder, entities=False)
    _same_folder(folder, library)
    assert library.stats["cached_files"] == 4 and library.stats["parsed_files"] == 1
    assert any("cache read-only" in n for n in library.notes), library.notes
    again = load_library(folder, entities=False)
    assert again.stats["parsed_files"] == 1  # nothing was written while it was read-only


def test_search_twice_gives_the_same_output_and_the_second_says_it_used_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    folder = _write_folder(tmp_path / "news")
    queries = tmp_path / "queries.txt"
    queries.write_text('غزة\n"نص الخبر"\nعنوان -غزة\n', encoding="utf-8")
    runs = []
    for extra in ([], [], ["--no-cache"]):
        assert main(["search", str(folder), "--queries", str(queries), *extra]) == 0
        runs.append(capsys.readouterr())
    assert runs[0].out == runs[1].out == runs[2].out
    assert runs[0].out.count("\n") == 3
    assert "search: cache: 0 of 4 files, index built" in runs[0].err
    assert "search: cache: 4 of 4 files, index loaded" in runs[1].err
    assert "cache:" not in runs[2].err


@pytest.mark.parametrize(
    ("target", "expect_note", "expect_index"),
    [
        ("reader.storage.cache._version", True, "built"),  # the parsers changed: every row is stale
        (
            "reader.storage.snapshot._index_code",
            False,
            "built",
        ),  # the index code changed: rebuild it
    ],
)
def test_changed_code_never_answers_from_the_old_cache(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    expect_note: bool,
    expect_index: str,
) -> None:
    folder = _write_folder(tmp_path / "news")
    load_library(folder, entities=False)
    monkeypatch.setattr(target, lambda: "changed-code")
    library = load_library(folder, entities=False)
    assert library.stats["index"] == expect_index
    assert bool(library.notes) is expect_note
    _same_folder(folder, library)


def test_rows_of_deleted_files_are_pruned(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "news", n=3)
    load_library(folder, entities=False)
    (folder / "a1.txt").unlink()
    load_library(folder, entities=False)
    db = sqlite3.connect(folder_dir(folder) / "files.sqlite")
    rels = sorted(r for (r,) in db.execute("SELECT rel FROM files"))
    db.close()
    assert rels == ["a0.txt", "a2.txt", "bad.json"]


@pytest.mark.parametrize("few", [False, True])  # a whole-table scan, lookups one by one
def test_cached_rows_are_found_either_way(tmp_path: Path, few: bool) -> None:
    folder = _write_folder(tmp_path / "news")
    library = load_library(folder, entities=False)
    wanted = {rel: info.key for rel, info in library.files.items()}
    wanted["gone.txt"] = (1, 1)
    cache = FolderCache.open(folder)
    found = {rel: parsed for rel, parsed, _ in cache.parsed(wanted, few=few)}
    cache.close()
    assert sorted(found) == sorted(library.files)
    assert [a.id for rel in sorted(found) for a in found[rel][0]] == sorted(library.articles)
