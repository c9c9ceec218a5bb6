"""The load's scan: each file's cache key (size, mtime_ns) comes from the walk itself."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.formats.folder import scan_entries
from reader.library.loading import file_key, scan


def _tree(root: Path) -> Path:
    (root / "sub" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text("عنوان\nنص", encoding="utf-8")
    (root / "sub" / "b.json").write_text('{"title": "t", "body": "b"}', encoding="utf-8")
    (root / "sub" / "deep" / "c").write_text("بلا امتداد\nنص", encoding="utf-8")
    (root / "picture.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "link.txt").symlink_to(root / "a.txt")
    (root / "broken.txt").symlink_to(root / "nowhere.txt")
    os.utime(root / "a.txt", ns=(1, 1_700_000_000_123_456_789))
    return root


@pytest.mark.parametrize(
    ("rel", "target"),
    [
        ("a.txt", "a.txt"),
        ("sub/b.json", "sub/b.json"),
        ("sub/deep/c", "sub/deep/c"),
        ("link.txt", "a.txt"),  # a link's key is its target's, as a stat of its path gives
    ],
)
def test_scan_keys_are_those_of_a_stat(tmp_path: Path, rel: str, target: str) -> None:
    root = _tree(tmp_path / "news")
    scanned = scan(root, lambda: False)
    assert scanned.keys[rel] == file_key(root / target)
    assert scanned.keys[rel] == ((root / target).stat().st_size, (root / target).stat().st_mtime_ns)


def test_scan_finds_the_same_files_with_or_without_keys(tmp_path: Path) -> None:
    root = _tree(tmp_path / "news")
    keys: dict = {}
    with_keys = scan_entries(root, keys=keys)
    assert with_keys == scan_entries(root)
    assert sorted(keys) == [rel for rel, _ in with_keys[0]]
    assert [rel for rel, _ in with_keys[0]] == ["a.txt", "link.txt", "sub/b.json", "sub/deep/c"]
    assert [str(p) for p in with_keys[1]] == [
        "broken.txt: broken symbolic link (its target does not exist)",
        "picture.png: not an article format (.png)",
    ]
    assert scan(root, lambda: False).unchanged_keys == scan(root, lambda: False).keys


@pytest.mark.parametrize("raw", [b"bad\xff.txt", "عربي.txt".encode()])
def test_keys_are_by_printable_path(tmp_path: Path, raw: bytes) -> None:
    root = tmp_path / "news"
    root.mkdir()
    name = os.fsdecode(raw)
    (root / name).write_text("عنوان\nنص", encoding="utf-8")
    scanned = scan(root, lambda: False)
    printable = raw.decode("utf-8", "replace")
    assert scanned.rels == [printable]
    assert scanned.keys == {printable: file_key(root / name)}
