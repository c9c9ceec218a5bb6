"""The index snapshot's manifest: written by a load of the whole folder that found the snapshot
right for its files, gone with any new snapshot, and never taken for other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.library import load_library, with_entities
from reader.storage import snapshot
from reader.storage.cache import folder_dir

PAGE = "{title}\nتاريخ النشر: 22nd, March 2024 GMT\n{body}\nكلمات دلالية: {tags}\n"


def _folder(root: Path) -> Path:
    root.mkdir(parents=True)
    for i, tags in enumerate(["الحرب في غزة تعاون ثنائي", "الحرب في غزة، تعاون ثنائي"]):
        text = PAGE.format(title=f"الخبر {i}", body=f"نص الخبر {i} عن غزة", tags=tags)
        (root / f"p{i}.txt").write_text(text, encoding="utf-8")
    (root / "bad.json").write_text("{oops", encoding="utf-8")
    return root


def _directory(folder: Path) -> Path:
    return folder_dir(folder) / "index"


def test_a_full_load_writes_what_the_command_line_needs(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "news")
    library = load_library(folder, entities=False)
    manifest = snapshot.load_manifest(_directory(folder))
    assert manifest is not None
    assert manifest.files_digest == snapshot.saved_digest(_directory(folder))
    assert manifest.articles == len(library.articles) == 2
    assert [str(p) for p in manifest.problems] == [str(p) for p in library.problems]
    assert manifest.unread == ("bad.json",)
    # p0's tag line was split into words; the folder-wide pass joined them
    assert manifest.retagged == {"p0.txt": ("الحرب في غزة", "تعاون ثنائي")}


@pytest.mark.parametrize("change", ["new snapshot", "changed file"])
def test_the_manifest_does_not_outlive_its_snapshot_or_files(tmp_path: Path, change: str) -> None:
    folder = _folder(tmp_path / "news")
    first = load_library(folder, entities=False)
    directory = _directory(folder)
    old = snapshot.manifest_digest(directory)
    if change == "new snapshot":  # as the entity stage saves one (here without entities)
        keys = {rel: info.key for rel, info in first.files.items()}
        assert snapshot.save(directory, first.index, keys, None) is None
        assert snapshot.manifest_digest(directory) is None
    else:
        (folder / "p1.txt").write_text("خبر آخر\nنص آخر عن القاهرة\n", encoding="utf-8")
    again = load_library(folder, entities=False)
    expected = again.stats["index"]
    assert expected == ("loaded" if change == "new snapshot" else "patched")
    if change == "new snapshot":  # found right for the same files: written again
        assert snapshot.manifest_digest(directory) == old
    else:  # patched and not saved: the old manifest stays, for the old files only
        assert snapshot.manifest_digest(directory) == old
        assert snapshot.saved_digest(directory) == old
        keys = {rel: info.key for rel, info in again.files.items()}
        assert snapshot.files_digest(keys) != old
        assert snapshot.load_unchanged(directory, keys) is None


@pytest.mark.parametrize(
    "files",
    [
        {"a.txt": (1, 2), "b.txt": (3, 4)},
        {"b.txt": (3, 4), "a.txt": (1, 2)},  # another order, the same files
    ],
)
def test_the_files_digest_ignores_order_and_sees_every_key(files: dict) -> None:
    base = snapshot.files_digest({"a.txt": (1, 2), "b.txt": (3, 4)})
    assert snapshot.files_digest(files) == base
    for rel, (size, mtime) in files.items():
        assert snapshot.files_digest({**files, rel: (size, mtime + 1)}) != base
        assert snapshot.files_digest({**files, rel: (size + 1, mtime)}) != base
    assert snapshot.files_digest({**files, "c.txt": (0, 0)}) != base
    assert snapshot.files_digest({"a.txt": (1, 2)}) != base


def test_the_windows_entity_stage_keeps_a_snapshot_that_already_holds_its_index(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path / "news")
    load_library(folder)  # the first open: read, tagged, saved with entities
    directory = _directory(folder)
    # a reopen, as the window does it: the index first, then the entity stage
    first = load_library(folder, entities=False)
    state = (directory / "state.pickle").stat()
    manifest = snapshot.manifest_digest(directory)
    assert manifest is not None
    tagged = with_entities(first)
    assert tagged.has_entities and tagged.stats["index"] == "derived"
    assert tagged.search("غزة").total == 2
    assert (directory / "state.pickle").stat().st_ino == state.st_ino  # not written again
    assert snapshot.manifest_digest(directory) == manifest  # the command line stays warm
    # a changed file: the derived index is new, and saved
    (folder / "p1.txt").write_text("خبر آخر\nنص آخر عن القاهرة\n", encoding="utf-8")
    changed = with_entities(load_library(folder, entities=False))
    assert changed.search("القاهرة").total == 1
    assert (directory / "state.pickle").stat().st_ino != state.st_ino
