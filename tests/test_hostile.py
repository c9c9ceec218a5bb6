"""A folder of hostile files exports without a crash or a hang; each bad file is named with its reason.

Issue 2, acceptance 5. The folder is built here, in a temporary directory, and the real
``main.py export`` runs on it in a subprocess (with a timeout, so a hang fails the test).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.formats import parse_file, read_folder, scan_folder

ROOT = Path(__file__).resolve().parent.parent
GOOD = "عنوان خبر سليم\nنص الخبر السليم في فقرة.\n"

# file name -> (bytes, the reason expected on stderr after "name: ")
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b" \n\n\t \r\n", "empty file (only whitespace)"),
    "binary.txt": (bytes(range(256)) * 64, "binary file (contains NUL bytes)"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary file (PNG image)"),
    "document.json": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
    "chinese.txt": ("这是一篇没有阿拉伯字母的中文文章。".encode(), "no Arabic or Latin letters"),
    "digits.txt": (b"2023 - 12 - 07 ... 100% !!!", "no Arabic or Latin letters"),
    "broken.json": ('{"title": "عنوان", "body": '.encode(), "invalid JSON at line 1"),
    "nothing.json": (b'{"id": 7, "views": 12}', "JSON holds no article objects"),
    "empty_doc.txt": (
        "<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\n\n</TEXT>\n</DOC>\n".encode(),
        "empty <TEXT> and no <ABSTRACT>: nothing to read",
    ),
}


def _build(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good_1256.txt").write_bytes(GOOD.encode("cp1256"))
    (folder / "good_utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "lines.jsonl").write_text(
        '{"title": "أول", "body": "نص"}\n{"title": broken}\n{"title": "ثالث", "body": "نص"}\n',
        encoding="utf-8",
    )
    for name, (data, _) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB that take no disk and no time
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block forever
    (folder / "dangling.txt").symlink_to(folder / "deleted.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "nested").mkdir()
    (folder / "nested" / "loop").symlink_to(folder)
    (folder / "nested" / "inner.md").write_text("# عنوان داخلي\n\nنص.\n", encoding="utf-8")
    # a name that is not UTF-8 (a Windows-1256 name copied from an old disk)
    Path(os.fsdecode(os.fsencode(folder) + b"/" + "خبر.txt".encode("cp1256"))).write_bytes(
        GOOD.encode()
    )


EXPECTED_PROBLEMS = {
    **{name: reason for name, (_, reason) in BAD_FILES.items()},
    "lines.jsonl": "line 2: invalid JSON",
    "huge.txt": "file too large (210 MB; the limit is 64 MB); skipped without reading",
    "pipe.txt": "not a regular file (pipe, device or socket); skipped",
    "dangling.txt": "broken symbolic link (its target does not exist)",
    "self.txt": "symbolic link loop; skipped",
    "nested/loop": "symbolic link to a folder already read (a loop or a duplicate); not followed",
}
EXPECTED_IDS = [
    "good.txt",
    "good_1256.txt",
    "good_utf16.txt",
    "lines.jsonl#1",
    "lines.jsonl#3",
    "nested/inner.md",
    "\ufffd\ufffd\ufffd.txt",  # the Windows-1256 file name
]


def test_hostile_folder_exports_and_names_every_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    _build(folder)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", str(folder)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    for name, reason in EXPECTED_PROBLEMS.items():
        assert any(line.startswith(f"{name}: ") and reason in line for line in lines), (
            name,
            stderr,
        )
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == EXPECTED_IDS
    assert all(r["body"] or r["problems"] for r in records)
    by_id = {r["id"]: r for r in records}
    assert by_id["good_1256.txt"]["title"] == "عنوان خبر سليم"
    assert by_id["good_1256.txt"]["problems"] == ["decoded as windows-1256"]
    assert by_id["good_utf16.txt"]["problems"] == ["decoded as utf-16-le"]
    skipped = len(EXPECTED_PROBLEMS) - 1  # lines.jsonl lost a line, not the file
    assert lines[-1] == (
        f"7 articles from 6 files, {skipped} files skipped: .txt ×10, .json ×3, .md ×1, (none) ×1"
    )


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root, for whom chmod 000 does not stop a read: refuse the open instead
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")

    def refuse(*_: object, **__: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", refuse)
    result = parse_file(path, tmp_path)
    assert result.articles == ()
    assert [str(p) for p in result.problems] == ["locked.txt: cannot open: permission denied"]


def test_a_parser_bug_costs_one_file_not_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.formats import parse as parse_module

    def explode(*_: object, **__: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(parse_module, "parse_plain", explode)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = parse_file(path, tmp_path)
    assert [str(p) for p in result.problems] == ["a.txt: could not parse (RuntimeError: boom)"]


@pytest.mark.parametrize("count", [3_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_folder_of_many_files(tmp_path: Path, count: int) -> None:
    root = tmp_path / "many"
    for i in range(count):
        folder = root / f"{i // 1000:03}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"{i:06}.txt").write_bytes(f"خبر {i}\nنص\n".encode())
    paths, problems = scan_folder(root)
    assert len(paths) == count and problems == []
    assert paths[0].name == "000000.txt" and paths[-1].name == f"{count - 1:06}.txt"
    result = read_folder(root)
    assert len(result.articles) == count
    assert result.articles[-1].title == f"خبر {count - 1}"


FIXTURES = Path(__file__).parent / "fixtures" / "formats"


@pytest.mark.parametrize("seed", range(4))
def test_mangled_files_never_raise(tmp_path: Path, seed: int) -> None:
    """Real layouts cut, spliced and sprinkled with bad bytes: each gives articles or problems."""
    import random

    rng = random.Random(seed)
    sources = [p.read_bytes() for p in sorted(FIXTURES.iterdir())] + [GOOD.encode("utf-16")]
    for i in range(60):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data) + 1)
            action = rng.randrange(3)
            if action == 0:
                data[at:] = data[at : at + rng.randint(0, 40)]  # cut
            elif action == 1:
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
            else:
                data[at:at] = rng.choice(sources)[: rng.randint(0, 200)]  # splice another layout
        path = tmp_path / f"{i}{rng.choice(['.txt', '.json', '.jsonl', '.md', ''])}"
        path.write_bytes(bytes(data))
        result = parse_file(path, tmp_path)
        assert result.articles or result.problems
        for article in result.articles:
            assert article.title or article.problems
            assert article.body or article.problems
