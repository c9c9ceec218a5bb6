"""Hostile input meets the output side (issue 17, cases 1, 2, 4, 5, 10 and the cache note).

Text that UTF-8 cannot encode, a folder whose path is not UTF-8, a state file that is a FIFO or
damaged, file names holding a newline or a bidi override, a cache deleted mid-run: each gives a
clear note and loses nothing. The commands run in a subprocess, as a user runs them, so their
real stdout bytes are checked (and a hang fails on the timeout).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.cache_rows import Parsed
from reader.model import Article, LoadProblem
from reader.printable import printable
from reader.storage.cache import FolderCache, folder_dir
from reader.storage.state import UserState, state_path

ROOT = Path(__file__).resolve().parent.parent
CUT = "\ud83d"  # the first half of 😀 (U+1F600), what a scraper leaves when it cuts the emoji


def _main(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        check=False,
        timeout=180,
    )


# ------------------------------------------------------------------ 1. lone surrogates
@pytest.fixture
def cut_emoji_folder(tmp_path: Path) -> Path:
    """A scraper's JSON export with a cut emoji in the first article, and articles after it."""
    folder = tmp_path / "news"
    folder.mkdir()
    # written as the scraper wrote it: the JSON escape of half a surrogate pair
    (folder / "a.json").write_text(
        '[{"title": "عنوان \\ud83d مقطوع", "body": "نص الخبر \\ud83d عن غزة",'
        ' "url": "https://example.com/1", "source": "الجزيرة"},\n'
        ' {"title": "الخبر الثاني", "body": "نص الخبر الثاني عن غزة", "source": "الجزيرة"}]\n',
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("خبر بعده\nنص الخبر بعده عن غزة\n", encoding="utf-8")
    return folder


EXPECTED_IDS = ["a.json#1", "a.json#2", "b.txt"]


def _check_note(stderr: str, command: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert any(
        line.startswith(f"{command}: 2 characters that UTF-8 cannot encode")
        and "U+FFFD" in line
        and line.endswith("in a.json#1")
        for line in stderr.splitlines()
    ), stderr


@pytest.mark.parametrize("entities", [[], ["--no-entities"]], ids=["entities", "no-entities"])
def test_export_jsonl_writes_a_cut_emoji_as_fffd_and_every_article_after_it(
    cut_emoji_folder: Path, entities: list[str]
) -> None:
    done = _main("export", str(cut_emoji_folder), *entities)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    _check_note(stderr, "export")
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == EXPECTED_IDS
    first = records[0]
    assert first["title"] == "عنوان \ufffd مقطوع"
    assert first["body"] == "نص الخبر \ufffd عن غزة"
    assert first["url"] == "https://example.com/1" and first["source"] == "الجزيرة"
    assert records[2]["title"] == "خبر بعده" and records[2]["body"] == "نص الخبر بعده عن غزة"
    assert ("entities" in first) is (not entities)
    assert stderr.splitlines()[-1] == "3 articles from 2 files, 0 files skipped"


@pytest.mark.parametrize("entities", [[], ["--no-entities"]], ids=["entities", "no-entities"])
def test_export_csv_writes_a_cut_emoji_as_fffd_and_every_article_after_it(
    cut_emoji_folder: Path, entities: list[str]
) -> None:
    done = _main("export", str(cut_emoji_folder), "--format", "csv", *entities)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    _check_note(stderr, "export")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == EXPECTED_IDS
    assert rows[0]["title"] == "عنوان \ufffd مقطوع"
    assert rows[0]["body"] == "نص الخبر \ufffd عن غزة"
    assert rows[2]["title"] == "خبر بعده"
    assert ("entities" in rows[0]) is (not entities)


def test_search_jsonl_writes_a_cut_emoji_as_fffd(cut_emoji_folder: Path) -> None:
    done = _main("search", str(cut_emoji_folder), "غزة", "--format", "jsonl", "--no-cache")
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    _check_note(stderr, "search")
    [line] = done.stdout.decode("utf-8").splitlines()
    results = {r["id"]: r for r in json.loads(line)["results"]}
    assert set(results) == set(EXPECTED_IDS)
    assert results["a.json#1"]["title"] == "عنوان \ufffd مقطوع"
    assert CUT not in results["a.json#1"]["snippet"] and "\ufffd" in results["a.json#1"]["snippet"]
    assert results["b.txt"]["title"] == "خبر بعده"


def test_search_text_writes_a_cut_emoji_as_fffd(cut_emoji_folder: Path) -> None:
    done = _main("search", str(cut_emoji_folder), "غزة")
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    _check_note(stderr, "search")
    out = done.stdout.decode("utf-8")
    assert out.startswith("3 articles match «غزة» (showing 3)\n")
    assert "a.json#1  عنوان \ufffd مقطوع" in out
    assert "b.txt  خبر بعده" in out and "a.json#2  الخبر الثاني" in out


# ------------------------------------------------------------------ 2. a folder path not UTF-8
@pytest.fixture
def undecodable_folder(tmp_path: Path) -> Path:
    """``<tmp>/\\xff\\xfe/news``: a parent whose name is not UTF-8 (Windows-1252 bytes, say)."""
    # made from bytes, so the names on disk are exactly these bytes, whatever the codec
    parent = os.fsencode(tmp_path) + b"/\xff\xfe"
    os.mkdir(parent)  # noqa: PTH102
    os.mkdir(parent + b"/news")  # noqa: PTH102
    with open(parent + b"/news/a.txt", "wb") as handle:  # noqa: PTH123
        handle.write("عنوان الخبر\nنص الخبر عن تونس\n".encode())
    return Path(os.fsdecode(parent + b"/news"))


@pytest.mark.parametrize("run", [1, 2], ids=["cold", "from-cache"])
def test_export_of_a_folder_under_a_path_that_is_not_utf8(
    undecodable_folder: Path, run: int
) -> None:
    for _ in range(run):  # the second run reads the cache the first one wrote
        done = _main("export", os.fsencode(undecodable_folder), "--no-entities")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    [record] = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert record["id"] == "a.txt" and record["title"] == "عنوان الخبر"
    assert record["body"] == "نص الخبر عن تونس"
    assert stderr.splitlines()[-1] == "1 articles from 1 files, 0 files skipped"
    assert (folder_dir(undecodable_folder) / "folder.txt").read_bytes() == os.fsencode(
        undecodable_folder.resolve()
    )


def test_search_of_a_folder_under_a_path_that_is_not_utf8(undecodable_folder: Path) -> None:
    for _ in range(2):
        done = _main("search", os.fsencode(undecodable_folder), "تونس")
        stderr = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert done.stdout.decode("utf-8").startswith("1 articles match «تونس» (showing 1)\n")
        assert "a.txt  عنوان الخبر" in done.stdout.decode("utf-8")


def test_marks_of_a_folder_under_a_path_that_is_not_utf8_are_kept(
    undecodable_folder: Path,
) -> None:
    state = UserState(undecodable_folder)
    assert state.note is None
    state.set_starred("a.txt")
    state.save()
    again = UserState(undecodable_folder)
    assert again.note is None and again.starred_ids == {"a.txt"}


# ------------------------------------------------------------------ 4. the state file is a FIFO
def test_a_fifo_state_file_is_not_read_and_the_state_starts_empty(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    path = state_path(folder)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    made: list[UserState] = []
    worker = threading.Thread(target=lambda: made.append(UserState(folder)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # the old code blocks in open(): give it a writer so the thread ends
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=10)
        pytest.fail("reading a FIFO state file blocked")
    [state] = made
    assert state.note is not None
    assert printable(str(path)) in state.note and "not a regular file" in state.note
    assert state.read_ids == frozenset() and state.starred_ids == frozenset()
    assert path.with_name(path.name + ".damaged").is_fifo()  # kept aside, not deleted
    state.set_read("a.txt")
    state.save()
    assert path.is_file() and UserState(folder).read_ids == {"a.txt"}


# ------------------------------------------------------------------ 5. a damaged state file
DAMAGED = {
    "random-bytes": (random.Random(17).randbytes(4096), "damaged"),
    "invalid-utf8": (b'{"read": ["a.txt\xff"], "starred": []}', "not UTF-8"),
    "deep-json": (b"[" * 100_000, "JSON nested too deeply"),
    "wrong-types": (b'{"read": [1, 2], "starred": {}}', "damaged"),
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_a_damaged_state_file_is_kept_aside_and_the_state_starts_empty(
    tmp_path: Path, name: str
) -> None:
    data, reason = DAMAGED[name]
    folder = tmp_path / "news"
    folder.mkdir()
    path = state_path(folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    state = UserState(folder)
    assert state.note is not None and reason in state.note, state.note
    assert state.note.startswith(f"{path}: saved state is damaged")
    assert f"kept as {path.name}.damaged" in state.note
    assert state.read_ids == frozenset() and state.starred_ids == frozenset()
    aside = path.with_name(path.name + ".damaged")
    assert aside.read_bytes() == data  # nothing lost
    state.set_starred("a.txt")
    state.save()
    assert UserState(folder).starred_ids == {"a.txt"}
    assert aside.read_bytes() == data


def test_a_second_damaged_file_does_not_replace_the_first(tmp_path: Path) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"[" * 100_000)
    UserState(tmp_path)
    path.write_bytes(b"\xff\xfe")
    state = UserState(tmp_path)
    assert state.note is not None and f"{path.name}.damaged-2" in state.note
    assert path.with_name(path.name + ".damaged").read_bytes() == b"[" * 100_000
    assert path.with_name(path.name + ".damaged-2").read_bytes() == b"\xff\xfe"


def test_an_unreadable_state_file_is_kept_aside_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"read": ["a.txt"], "starred": []}')
    real_open = os.open

    def refuse(name, *args, **kwargs):  # root reads through chmod 000: refuse the open instead
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    state = UserState(tmp_path)
    assert state.note == (
        f"{path}: saved state could not be read: Permission denied; kept as {path.name}.damaged,"
        " starting empty"
    )
    assert path.with_name(path.name + ".damaged").read_bytes().startswith(b'{"read"')


def test_a_damaged_file_that_cannot_be_moved_is_never_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = state_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe")

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    state = UserState(tmp_path)
    assert state.note is not None and "could not be kept aside (Permission denied)" in state.note
    assert "marks are not saved" in state.note
    state.set_read("a.txt")
    with pytest.raises(PermissionError):
        state.save()
    assert path.read_bytes() == b"\xff\xfe"


def test_marks_never_go_to_another_folders_state_file(tmp_path: Path) -> None:
    """The window's order of events: A open and marked, then B (damaged state) opened and
    marked, then A again. Each folder's marks stay in its own file."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    state_path(b).parent.mkdir(parents=True)
    state_path(b).write_bytes(b"[" * 100_000)
    state = UserState(a)
    state.set_read("a1.txt")
    state.save()
    a_bytes = state_path(a).read_bytes()
    state = UserState(b)  # raised RecursionError, and the window kept using A's state
    assert state.path == state_path(b)
    state.set_starred("b1.txt")
    state.save()
    assert state_path(a).read_bytes() == a_bytes
    assert UserState(a).read_ids == {"a1.txt"} and UserState(a).starred_ids == frozenset()
    assert UserState(b).starred_ids == {"b1.txt"} and UserState(b).read_ids == frozenset()


# ------------------------------------------------------------------ 10. names that disguise
def test_newline_and_bidi_override_in_file_names_are_escaped_on_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text("عنوان\nنص الخبر\n", encoding="utf-8")
    (folder / "two\nlines.txt").write_bytes(b"")
    # reads as "evil.json.txt" in a terminal, but is a .json file named "evil\u202etxt.json"
    (folder / "evil\u202etxt.json").write_text("{oops", encoding="utf-8")
    (folder / "bell\x07\x1b[31m.md").write_bytes(b"")
    done = _main("export", str(folder), "--no-entities")
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    lines = stderr.splitlines()
    assert "two\\nlines.txt: empty file" in lines
    assert any(line.startswith("evil\\u202etxt.json: invalid JSON") for line in lines), lines
    assert "bell\\x07\\x1b[31m.md: empty file" in lines
    assert not any(line.startswith("lines.txt") for line in lines)
    assert "\u202e" not in stderr and "\x1b" not in stderr and "\x07" not in stderr
    assert lines[-1] == "1 articles from 1 files, 3 files skipped: .json ×1, .md ×1, .txt ×1"


def test_load_problem_shows_controls_bidi_marks_and_undecodable_bytes_escaped() -> None:
    hidden = "a\nb\r\tc\x00\x85\u061c\u200e\u200f\u202a\u202e\u2066\u2069\u2028.txt"
    assert str(LoadProblem(hidden, "empty file")) == (
        "a\\nb\\r\\tc\\x00\\x85\\u061c\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069\\u2028.txt: "
        "empty file"
    )
    assert str(LoadProblem(os.fsdecode(b"x\xff.txt"), "r")) == "x\\xff.txt: r"
    arabic = "أخبار/خبر عاجل.txt"  # Arabic (and ZWNJ, a letter joiner) is shown as it is
    assert str(LoadProblem(arabic + "\u200c", "empty file")) == f"{arabic}\u200c: empty file"


# ------------------------------------------------------------------ the cache deleted mid-run
def _parsed(article_id: str) -> Parsed:
    return ((Article(article_id, "عنوان", "نص"),), ())


def test_a_cache_deleted_mid_run_gives_a_clear_note(tmp_path: Path) -> None:
    cache = FolderCache.open(tmp_path)
    cache.put_parsed([("a.txt", (1, 2), _parsed("a.txt"))])
    assert cache.notes == [] and set(cache.rows()) == {"a.txt"}
    shutil.rmtree(cache.directory)
    cache.put_parsed([("b.txt", (1, 2), _parsed("b.txt"))])
    assert cache.notes == [
        "cache not updated: its folder was removed or became read-only;"
        " continuing without the cache"
    ]
    assert not cache.available and cache.rows() == {}
    cache.put_parsed([("c.txt", (1, 2), _parsed("c.txt"))])  # quietly nothing, said once
    assert len(cache.notes) == 1
    cache.close()
