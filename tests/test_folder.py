"""Scanning and reading a folder (reader/formats/scan.py, parse_pool.py and folder.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from reader.formats import parse_pool as pool_module
from reader.formats import read_folder, scan_folder
from reader.formats import scan as scan_module
from reader.formats.folder import FolderError
from reader.model import LoadProblem


def _read_problems(problems: list[LoadProblem] | tuple[LoadProblem, ...]) -> list[LoadProblem]:
    """The problems other than the files the scan leaves out for their format (the fixture's
    photo and stylesheet: tests/test_scan_skipped.py is about those)."""
    return [p for p in problems if not p.reason.startswith("not an article format")]


def _article(path: Path, title: str, body: str = "نص الخبر.") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n{body}\n", encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    _article(root / "b.txt", "ب")
    _article(root / "a.txt", "أ")
    _article(root / "sub" / "c.md", "ج")
    _article(root / "sub" / "deeper" / "d.json", "ignored")
    (root / "sub" / "deeper" / "d.json").write_text(
        '{"title": "د", "body": "نص"}', encoding="utf-8"
    )
    _article(root / ".hidden" / "x.txt", "hidden folder")
    _article(root / ".x.txt", "hidden file")
    _article(root / "README.md", "the collection's readme")
    _article(root / "LICENSE", "licence text")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (root / "style.css").write_text("body { direction: rtl; }", encoding="utf-8")
    return root


def test_scan_lists_article_files_sorted_and_skips_the_rest(tree: Path) -> None:
    paths, problems = scan_folder(tree)
    assert [p.relative_to(tree).as_posix() for p in paths] == [
        "a.txt",
        "b.txt",
        "sub/c.md",
        "sub/deeper/d.json",
    ]
    # what is not read is named (issue 16); the collection's README and LICENSE stay unnamed
    assert [str(p) for p in problems if p.path == "photo.jpg"] == [
        "photo.jpg: not an article format (.jpg)"
    ]
    assert all(p.reason.startswith("not an article format") for p in problems)
    assert not {"README.md", "LICENSE", ".x.txt"} & {p.path for p in problems}


def test_symlinks_loops_and_dangling_links(tree: Path) -> None:
    (tree / "sub" / "loop").symlink_to(tree)  # a loop back to the root
    (tree / "alias").symlink_to(tree / "sub" / "deeper")  # a second way into a folder
    (tree / "gone.txt").symlink_to(tree / "nowhere.txt")
    (tree / "self.txt").symlink_to(tree / "self.txt")
    (tree / "link.txt").symlink_to(tree / "a.txt")
    paths, problems = scan_folder(tree)
    rel = [p.relative_to(tree).as_posix() for p in paths]
    assert "link.txt" in rel
    # the linked folder is read once, under whichever name the walk met first
    assert sum(r.endswith("d.json") for r in rel) == 1
    reasons = {p.path: p.reason for p in problems}
    assert reasons["gone.txt"] == "broken symbolic link (its target does not exist)"
    assert reasons["self.txt"] == "symbolic link loop; skipped"
    assert reasons["sub/loop"].startswith("symbolic link to a folder already read")
    assert reasons["alias"].startswith("symbolic link to a folder already read")
    assert "sub/deeper/d.json" in rel


def test_fifo_is_reported_not_opened(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    paths, problems = scan_folder(tree)
    assert all(p.name != "pipe.txt" for p in paths)
    assert [str(p) for p in _read_problems(problems)] == [
        "pipe.txt: not a regular file (pipe, device or socket); skipped"
    ]


def test_unreadable_subfolder_is_reported(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root, for whom permissions do not apply: make scandir refuse one folder
    real_scandir = os.scandir
    blocked = tree / "sub"

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == blocked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(scan_module.os, "scandir", scandir)
    paths, problems = scan_folder(tree)
    assert [p.name for p in paths] == ["a.txt", "b.txt"]
    assert [str(p) for p in _read_problems(problems)] == [
        "sub: cannot read folder: Permission denied"
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "folder not found"),
        (lambda p: (p.write_text("x"), p)[1], "not a folder"),
    ],
    ids=["missing", "a-file"],
)
def test_unreadable_root_raises_folder_error(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(FolderError, match=message):
        scan_folder(make(tmp_path / "root"))


def test_deep_tree_does_not_recurse() -> None:
    # Built outside pytest's tmp_path: its clean-up (shutil.rmtree) recurses and fails on a tree
    # this deep, so the test removes the tree itself, leaf first. Directory descriptors keep each
    # mkdir/rmdir O(1) instead of resolving an ever longer path.
    depth = 1200  # deeper than Python's recursion limit, within PATH_MAX
    top = Path(tempfile.mkdtemp(prefix="reader-deep-"))
    fds = [os.open(top, os.O_RDONLY)]
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fds[-1])
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        leaf = os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fds[-1])
        os.write(leaf, "قاع\nنص".encode())
        os.close(leaf)
        paths, problems = scan_folder(top)
        assert [p.relative_to(top).as_posix() for p in paths] == ["d/" * depth + "bottom.txt"]
        assert problems == []
    finally:
        os.unlink("bottom.txt", dir_fd=fds[-1])
        while len(fds) > 1:
            os.close(fds.pop())
            os.rmdir("d", dir_fd=fds[-1])
        os.close(fds.pop())
        top.rmdir()


def test_read_folder_reports_progress_batches_and_problems(tree: Path) -> None:
    (tree / "empty.txt").write_bytes(b"")
    progress: list[tuple[int, int]] = []
    batches: list[list[str]] = []
    result = read_folder(
        tree,
        on_progress=lambda d, t: progress.append((d, t)),
        on_batch=lambda b: batches.append([a.id for a in b]),
    )
    assert [a.id for a in result.articles] == ["a.txt", "b.txt", "sub/c.md", "sub/deeper/d.json"]
    assert [str(p) for p in _read_problems(result.problems)] == ["empty.txt: empty file"]
    assert result.files_seen == 5
    assert progress[0] == (0, 5) and progress[-1] == (5, 5)
    assert [i for b in batches for i in b] == [a.id for a in result.articles]
    skipped = len(result.problems)  # empty.txt, photo.jpg and style.css
    assert result.summary().startswith(f"4 articles from 4 files, {skipped} files skipped: ")
    assert ".jpg ×1" in result.summary() and ".txt ×1" in result.summary()


def test_should_stop_ends_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "CHUNK_FILES", 10)
    for i in range(50):
        _article(tmp_path / f"{i:03}.txt", f"خبر {i}")
    seen: list[int] = []
    result = read_folder(
        tmp_path,
        workers=1,
        on_progress=lambda d, t: seen.append(d),
        should_stop=lambda: len(seen) >= 3,
    )
    # progress(0) and two chunks of ten, then the stop request is honoured
    assert len(result.articles) == 20
    assert result.files_seen == 50


def test_parallel_read_equals_sequential_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(pool_module, "CHUNK_FILES", 7)
    for i in range(40):
        _article(
            tmp_path / f"d{i % 3}" / f"{i:03}.txt", f"خبر رقم {i}", f"الفقرة الأولى {i}\nالثانية"
        )
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    sequential = read_folder(tmp_path, workers=1)
    parallel = read_folder(tmp_path, workers=2)
    assert parallel.articles == sequential.articles
    assert [a.path for a in parallel.articles] == [a.path for a in sequential.articles]
    assert parallel.problems == sequential.problems
    assert len(parallel.articles) == 40


def test_a_broken_pool_falls_back_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class DyingPool:
        """Stands in for a pool whose workers were killed (out of memory) after the first chunk."""

        def __init__(self, *_: object, **__: object) -> None:
            self.calls = 0

        def submit(self, fn, *args):  # type: ignore[no-untyped-def]
            future: Future[object] = Future()
            self.calls += 1
            if self.calls == 1:
                future.set_result(fn(*args))
            else:
                future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, **_: object) -> None:
            return None

    monkeypatch.setattr(pool_module, "start_pool", DyingPool)
    monkeypatch.setattr(pool_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(pool_module, "CHUNK_FILES", 4)
    for i in range(30):
        _article(tmp_path / f"{i:03}.txt", f"خبر {i}")
    result = read_folder(tmp_path, workers=2)
    assert [a.id for a in result.articles] == [f"{i:03}.txt" for i in range(30)]


def test_saved_pages_weigh_more_than_text_files_when_choosing_a_pool() -> None:
    # a few hundred saved pages cost as much to parse as thousands of text files
    pages = [f"p{i}.html" for i in range(60)]
    texts = [f"t{i}.txt" for i in range(60)]
    assert pool_module._parse_weight(texts) == 60
    assert pool_module._parse_weight(pages) == 60 * pool_module.PAGE_WEIGHT
    assert pool_module._parse_weight(pages) >= pool_module.PARALLEL_MIN_FILES


def test_read_folder_settles_a_folder_as_the_library_load_does(tmp_path: Path) -> None:
    """read_folder is the library's read without a cache: ids made unique in folder order, a
    metadata sidecar joined onto its pages, the same problems in the same order."""
    import json

    from reader.library.library import load_library

    root = tmp_path / "site"
    items = [{"title": "بند أول", "body": "نص البند الأول"}, {"title": "بند ثان", "body": "نص"}]
    (root / "pages").mkdir(parents=True)
    (root / "feed").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    _article(root / "feed#2", "ملف اسمه feed#2")
    _article(root / "pages" / "001.txt", "عنوان الصفحة", "نص الصفحة الأولى.")
    (root / "pages" / "metadata.csv").write_text(
        "file_name,title,date\n001.txt,عنوان من الجدول,2024-03-01\n", encoding="utf-8"
    )
    (root / "empty.txt").write_bytes(b"")
    plain = read_folder(root, workers=1)
    loaded = load_library(root, entities=False, use_cache=False, workers=1)
    assert {a.id: a for a in plain.articles} == loaded.articles
    assert [a.id for a in plain.articles] == ["feed#1", "feed#2", "feed#2~2", "pages/001.txt"]
    assert str(loaded.articles["pages/001.txt"].date) == "2024-03-01"  # from the sidecar
    assert list(plain.problems) == loaded.problems
    assert plain.files_seen == loaded.files_seen == 5
