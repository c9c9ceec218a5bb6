"""`main.py search` on a folder seen before and unchanged: answered from the cache alone (issue 6,
acceptance 4), with the output of a full load; anything changed or damaged loads the folder."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.library.library import load_library
from reader.library.loading import scan
from reader.library.warm import open_warm
from reader.storage.cache import folder_dir

PAGE = "{title}\nتاريخ النشر: {day}nd, March 2024 GMT\n{body}\nكلمات دلالية: {tags}\n"
QUERIES = [
    "غزة",
    '"تعاون ثنائي"',
    "الخبر -القاهرة",
    "tag:تعاون ثنائي",
    "وسم:غزة OR القاهرة",
    "كلمة_لا_توجد",
    '"غير مغلق',
]


def _folder(root: Path) -> Path:
    """Scraped pages whose tag line is split into words (the folder-wide tag pass joins them
    from the evidence of the page with separators), JSON articles, a bad file, a broken link."""
    root.mkdir(parents=True)
    pages = [
        (
            "الخبر الأول عن غزة",
            "قال الوزير إن المحادثات مستمرة في غزة.",
            "الحرب في غزة تعاون ثنائي",
        ),
        ("الخبر الثاني عن القاهرة", "اجتمع الوفدان في القاهرة.", "الحرب في غزة، تعاون ثنائي"),
        ("الخبر الثالث", "تعاون ثنائي بين البلدين في غزة والقاهرة.", "تعاون ثنائي مصر"),
    ]
    for i, (title, body, tags) in enumerate(pages):
        text = PAGE.format(title=title, day=21 + i, body=body, tags=tags)
        (root / f"page{i}.txt").write_text(text, encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "many.jsonl").write_text(
        '{"title": "خبر من ملف متعدد", "body": "نص عن غزة", "tags": ["غزة"]}\n'
        '{"title": "خبر آخر", "body": "نص عن القاهرة وتعاون ثنائي"}\n'
        "{broken\n",
        encoding="utf-8",
    )
    (root / "bad.json").write_text("{oops", encoding="utf-8")
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    return root


def _run(capsys: pytest.CaptureFixture[str], folder: Path, queries: Path, *extra: str):
    assert main(["search", str(folder), "--queries", str(queries), *extra]) == 0
    return capsys.readouterr()


def _queries(tmp_path: Path) -> Path:
    path = tmp_path / "queries.txt"
    path.write_text("\n".join(QUERIES) + "\n", encoding="utf-8")
    return path


def _found(out: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each query's hits (id, title), not their order: an index patched for changed files keeps
    its removed documents in the term statistics, so scores differ from a fresh build's."""
    answers = [json.loads(line) for line in out.splitlines()]
    return [(a["query"], sorted((r["id"], r["title"]) for r in a["results"])) for a in answers]


def _without_cache_line(err: str) -> list[str]:
    return [line for line in err.splitlines() if not line.startswith("search: cache:")]


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the folder was loaded in full")

    monkeypatch.setattr("reader.library.library.load_library", refuse)


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_an_unchanged_folder_is_answered_from_the_cache_with_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder, queries = _folder(tmp_path / "news"), _queries(tmp_path)
    first = _run(capsys, folder, queries, "--format", fmt)
    plain = _run(capsys, folder, queries, "--format", fmt, "--no-cache")
    with monkeypatch.context() as patch:
        _no_full_load(patch)
        second = _run(capsys, folder, queries, "--format", fmt)
    assert second.out == first.out == plain.out
    assert len([line for line in first.out.splitlines() if line.startswith("{")]) == (
        len(QUERIES) if fmt == "jsonl" else 0
    )
    # problems, the summary and the query messages too; only the cache line differs
    assert _without_cache_line(second.err) == _without_cache_line(first.err)
    assert "search: cache: 5 of 5 files, index loaded" in second.err
    assert "bad.json:" in second.err and "gone.txt:" in second.err
    summary = [line for line in first.err.splitlines() if " articles from " in line]
    assert summary == ["5 articles from 5 files, 2 files skipped: .json ×1, .txt ×1"], first.err


def test_fetched_articles_are_those_of_a_full_load(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "news")
    load_library(folder, entities=False)  # writes the cache, the snapshot and its manifest
    full = load_library(folder, entities=False)
    warm, notes = open_warm(folder, scan(folder, lambda: False))
    assert warm is not None and notes == []
    try:
        assert warm.fetch(list(full.articles)) == full.articles
        # the tag pass joined a page's words: the row's tags alone would be wrong
        assert full.articles["page0.txt"].tags == ("الحرب في غزة", "تعاون ثنائي")
        assert warm.summary() == full.summary()
        assert [str(p) for p in warm.problems] == [str(p) for p in full.problems]
        with pytest.raises(LookupError):
            warm.fetch(["no-such-id"])
    finally:
        warm.close()


def _edit(folder: Path, change: str) -> None:
    page = folder / "page2.txt"
    if change == "modified":
        page.write_text(page.read_text("utf-8").replace("البلدين", "الجارين"), "utf-8")
    elif change == "touched":
        info = page.stat()
        os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    elif change == "deleted":
        page.unlink()
    elif change == "added":
        (folder / "new.txt").write_text("خبر جديد عن غزة\nتعاون ثنائي جديد\n", "utf-8")
    elif change == "renamed":
        page.rename(folder / "page9.txt")


@pytest.mark.parametrize("change", ["modified", "touched", "deleted", "added", "renamed"])
def test_a_changed_file_loads_the_folder_in_full(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    folder, queries = _folder(tmp_path / "news"), _queries(tmp_path)
    _run(capsys, folder, queries)
    _edit(folder, change)
    warm, _ = open_warm(folder, scan(folder, lambda: False))
    assert warm is None
    second = _run(capsys, folder, queries)
    assert _found(second.out) == _found(_run(capsys, folder, queries, "--no-cache").out)
    # the full load wrote the manifest for the folder as it is now
    warm, _ = open_warm(folder, scan(folder, lambda: False))
    assert warm is not None
    warm.close()


def _damage(directory: Path, what: str) -> None:
    if what == "manifest":
        (directory / "manifest.pickle").write_bytes(b"garbage")
    elif what == "meta":
        (directory / "meta.pickle").write_bytes(b"\x80\x05garbage")
    elif what == "buffers":
        data = (directory / "buffers.bin").read_bytes()
        (directory / "buffers.bin").write_bytes(data[: len(data) // 2])
    elif what == "state":
        (directory / "state.pickle").write_bytes(b"\x80\x05garbage")
    elif what == "rows":  # the snapshot fits, the file cache lost its rows: files are read
        db = sqlite3.connect(directory.parent / "files.sqlite")
        db.execute("DELETE FROM files")
        db.commit()
        db.close()


@pytest.mark.parametrize("what", ["manifest", "meta", "buffers", "state", "rows"])
def test_a_damaged_snapshot_or_cache_still_gives_the_right_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    folder, queries = _folder(tmp_path / "news"), _queries(tmp_path)
    first = _run(capsys, folder, queries)
    _damage(folder_dir(folder) / "index", what)
    second = _run(capsys, folder, queries)
    assert _found(second.out) == _found(first.out)
    # answered from the cache again, as the load that repaired it answered
    assert _run(capsys, folder, queries).out == second.out


def test_a_cache_from_other_code_is_a_note_and_the_folder_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, queries = _folder(tmp_path / "news"), _queries(tmp_path)
    first = _run(capsys, folder, queries)
    monkeypatch.setattr("reader.storage.cache._version", lambda: "changed-code")
    second = _run(capsys, folder, queries)
    assert second.out == first.out
    assert "search: cache ignored and rebuilt (cache from another version)" in second.err
    assert "index built" in second.err


def test_an_entity_query_loads_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path / "news")
    queries = tmp_path / "entity.txt"
    queries.write_text("entity:غزة\n", encoding="utf-8")
    _run(capsys, folder, queries)
    called = []
    real = load_library

    def counted(*args: object, **kwargs: object):
        called.append(kwargs.get("entities"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("reader.library.library.load_library", counted)
    _run(capsys, folder, queries)
    assert called == [True]
