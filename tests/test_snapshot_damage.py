"""A damaged index snapshot is rebuilt with its reason logged; a bug is not mistaken for damage."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from cache_damage import garbage_snapshot

from reader.library.library import load_library
from reader.storage import snapshot
from reader.storage.cache import folder_dir

PAGE = "عنوان: {title}\nالمصدر: الجزيرة\n\n{body}\n"


def _folder(root: Path) -> Path:
    root.mkdir(parents=True)
    for i in range(3):
        text = PAGE.format(title=f"الخبر {i}", body=f"نص الخبر {i} عن غزة والقدس")
        (root / f"p{i}.txt").write_text(text, encoding="utf-8")
    return root


def _titles(folder: Path) -> list[str]:
    library = load_library(folder, entities=False)
    return sorted(a.title for a in library.articles.values())


@pytest.mark.parametrize(
    ("damage", "error"),
    [
        (lambda data: b"truncated", "UnpicklingError"),
        (lambda data: data[: len(data) // 2], "Error"),
        (lambda data: b"", "EOFError"),
    ],
)
def test_a_damaged_snapshot_is_rebuilt_and_the_reason_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage, error: str
) -> None:
    folder = _folder(tmp_path / "news")
    expected = _titles(folder)
    meta = folder_dir(folder) / "index" / "meta.pickle"
    meta.write_bytes(damage(meta.read_bytes()))
    with caplog.at_level(logging.INFO, logger="reader.storage.snapshot"):
        library = load_library(folder, entities=False)
    assert sorted(a.title for a in library.articles.values()) == expected
    assert library.stats["index"] == "built"
    assert library.notes == []  # the user is not told: the folder is complete either way
    logged = [r.getMessage() for r in caplog.records if r.name == "reader.storage.snapshot"]
    assert any("not used" in m and error in m for m in logged), logged


def test_every_file_of_the_snapshot_garbage_still_gives_the_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path / "news")
    expected = _titles(folder)
    garbage_snapshot(folder)
    with caplog.at_level(logging.INFO, logger="reader.storage.snapshot"):
        assert _titles(folder) == expected
    assert any("not used" in r.getMessage() for r in caplog.records)


def test_a_bug_while_loading_the_snapshot_is_not_hidden_as_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path / "news")
    _titles(folder)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise TypeError("a bug in the index code")

    monkeypatch.setattr(snapshot, "load_index", broken)
    with pytest.raises(TypeError, match="a bug in the index code"):
        load_library(folder, entities=False)
