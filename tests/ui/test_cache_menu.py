"""The disk cache in the window: File › Clear Cache…, and a broken cache never costs a correct folder
(issue 6, acceptance 3 at window level: a note the user sees, the right articles listed, no crash)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cache_damage import garbage_db, garbage_snapshot, other_version, refused_writes
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, write_folder

import reader.storage.cache as cache_module
from reader.library.library import load_library
from reader.storage.cache import FolderCache, cache_root, cache_size, folder_dir
from reader.ui.common.i18n import set_language
from reader.ui.list.article_model import Roles
from reader.ui.status.cache_dialog import MAX_ERROR_LINES, Cleared, human_size, note_text

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def write_news(folder: Path) -> Path:
    """A few files of different formats, one of them broken (a problem, not an article)."""
    write_folder(folder)
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"عنوان الخبر {i}\nنص الخبر رقم {i} عن غزة\n", "utf-8")
    (folder / "bad.json").write_text("{oops", encoding="utf-8")
    return folder


def listed_titles(window) -> list[str]:
    model = window.list_panel.model
    return sorted(model.index(r).data(Roles.TITLE) for r in range(model.rowCount()))


def expected_titles(folder: Path) -> list[str]:
    return sorted(
        a.title for a in load_library(folder, entities=False, use_cache=False).articles.values()
    )


def answer_dialog(qtbot, name: str, button: str | None) -> list[tuple[str, str, str]]:
    """Answer the next modal message box named ``name`` the way a user would: click the button
    named ``button`` (None: the Cancel/OK/escape button). Returns what the box said: its text,
    informative text and buttons."""
    said: list[tuple[str, str, str]] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == name
                and widget.isVisible()
            ):
                buttons = sorted(b.text() for b in widget.buttons())
                said.append((widget.text(), widget.informativeText(), " | ".join(buttons)))
                if button is None:
                    widget.escapeButton().click()
                else:
                    widget.findChild(QPushButton, button).click()
                return
        QTimer.singleShot(10, answer)  # not shown yet: look again

    QTimer.singleShot(0, answer)
    return said


def clear_and_wait(qtbot, window) -> None:
    """File › Clear Cache… (its dialog answered by ``answer_dialog``), then wait for the clearing,
    which runs in the background."""
    with qtbot.waitSignal(window.cache_clearing.cleared, timeout=10_000):
        window.actions_.clear_cache.trigger()
        assert not window.actions_.clear_cache.isEnabled()  # one clearing at a time


@pytest.mark.parametrize(
    ("size", "english", "arabic"),
    [
        (0, "0 bytes", "0 بايت"),
        (1023, "1023 bytes", "1023 بايت"),
        (1024, "1 KB", "1 ك.ب"),
        (3_565_158, "3.4 MB", "3.4 م.ب"),
        (45 * 1024**2, "45 MB", "45 م.ب"),
        (2 * 1024**3, "2 GB", "2 غ.ب"),
    ],
)
def test_sizes_read_in_human_units(size: int, english: str, arabic: str) -> None:
    assert human_size(size) == english
    set_language("ar")
    try:
        assert human_size(size) == arabic
    finally:
        set_language("en")


def test_a_note_the_window_does_not_know_is_shown_as_it_is() -> None:
    assert note_text("cache exploded (test)") == "Cache: cache exploded (test)"


def test_many_errors_are_listed_up_to_a_few_lines(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    errors = tuple(f"cache: cannot delete /x/{i}: Permission denied" for i in range(20))
    monkeypatch.setattr(
        "reader.ui.status.cache_dialog.clear_now", lambda: Cleared(freed=2048, errors=errors)
    )
    monkeypatch.setattr("reader.ui.status.cache_dialog.cache_size", lambda: 4096)
    answer_dialog(qtbot, "clearCacheDialog", "confirmClearCache")
    warning = answer_dialog(qtbot, "clearCacheErrors", None)
    clear_and_wait(qtbot, window)
    ((text, lines, buttons),) = warning
    assert text == "Part of the cache could not be deleted (2 KB freed)."
    assert lines.splitlines() == [*errors[:MAX_ERROR_LINES], "… and 12 more"]
    assert buttons == "OK"
    assert window.status.cache_note.text() == text


def test_clear_cache_is_in_the_file_menu(make_window) -> None:
    window = make_window()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions_.clear_cache in file_menu.actions()
    assert window.actions_.clear_cache.text() == "Clear &Cache…"


def test_clear_cache_says_the_size_clears_and_the_folder_stays_open(
    qtbot, make_window, tmp_path: Path
) -> None:
    folder = write_news(tmp_path / "news")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    size = cache_size()
    assert size > 0 and folder_dir(folder).exists()
    said = answer_dialog(qtbot, "clearCacheDialog", "confirmClearCache")
    clear_and_wait(qtbot, window)
    ((text, info, _),) = said
    assert text == f"The cache takes {human_size(size)} on disk."
    assert "every file is read again" in info and "stays open" in info
    assert cache_size() == 0 and not folder_dir(folder).exists()
    assert window.status.cache_note.isVisible()
    assert window.status.cache_note.text() == f"Cache cleared: {human_size(size)} freed"
    assert listed_titles(window) == expected_titles(folder)  # still open, still searchable
    assert window.library is not None and window.library.search("غزة").total > 0
    open_and_wait(qtbot, window, folder)  # the next open reads every file again
    assert window.library.stats["cached_files"] == 0
    assert window.library.stats["parsed_files"] == len(window.library.files)
    assert not window.status.cache_note.isVisible()


def test_cancel_in_the_dialog_keeps_the_cache(qtbot, make_window, news_folder: Path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    size = cache_size()
    said = answer_dialog(qtbot, "clearCacheDialog", None)
    window.actions_.clear_cache.trigger()
    assert len(said) == 1
    assert cache_size() == size and folder_dir(news_folder).exists()
    assert not window.status.cache_note.isVisible()


def test_an_empty_cache_says_there_is_nothing_to_clear(qtbot, make_window) -> None:
    window = make_window()
    said = answer_dialog(qtbot, "clearCacheDialog", None)
    window.actions_.clear_cache.trigger()
    assert said[0][0] == "The cache is empty; there is nothing to clear."


def test_the_dialog_speaks_arabic_in_the_arabic_interface(
    qtbot, make_window, news_folder: Path
) -> None:
    window = make_window(language="ar")
    open_and_wait(qtbot, window, news_folder)
    said = answer_dialog(qtbot, "clearCacheDialog", "confirmClearCache")
    clear_and_wait(qtbot, window)
    ((text, info, buttons),) = said
    assert buttons == "إلغاء | مسح ذاكرة التخزين المؤقت"
    assert text.startswith("تشغل ذاكرة التخزين المؤقت")
    assert "يبقى المجلد المفتوح الآن مفتوحاً" in info
    assert window.status.cache_note.text().startswith("مُسحت ذاكرة التخزين المؤقت")


def test_clear_cache_waits_for_the_load_to_end(qtbot, make_window, news_folder: Path) -> None:
    window = make_window()
    action = window.actions_.clear_cache
    with qtbot.waitSignal(window.loader.idle, timeout=30_000):
        window.open_folder(news_folder)
        assert not action.isEnabled()  # the load reads and writes the cache
    assert action.isEnabled()


@contextlib.contextmanager
def _refuse_deleting(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As root, permissions cannot stop a delete: refuse it the way the OS would."""

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    with monkeypatch.context() as patch:
        patch.setattr(cache_module.shutil, "rmtree", refuse)
        yield


@contextlib.contextmanager
def _chmod_folders(_monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A real read-only directory: what is inside each folder's cache goes, the folders stay."""
    folders = cache_root() / "folders"
    folders.chmod(0o555)
    try:
        yield
    finally:
        folders.chmod(0o755)


@pytest.mark.parametrize(
    "case",
    [
        (_refuse_deleting, "The cache could not be cleared."),
        pytest.param(
            (_chmod_folders, "Part of the cache could not be deleted"),
            marks=pytest.mark.skipif(
                os.geteuid() == 0, reason="root deletes through read-only permissions"
            ),
        ),
    ],
)
def test_a_cache_that_cannot_be_deleted_is_a_clear_message_not_a_crash(
    qtbot, make_window, news_folder: Path, monkeypatch: pytest.MonkeyPatch, case
) -> None:
    refuse, message = case
    window = make_window()
    open_and_wait(qtbot, window, news_folder)
    with refuse(monkeypatch):
        confirm = answer_dialog(qtbot, "clearCacheDialog", "confirmClearCache")
        warning = answer_dialog(qtbot, "clearCacheErrors", None)
        clear_and_wait(qtbot, window)
    assert len(confirm) == 1
    ((text, details, _),) = warning
    assert text.startswith(message)
    assert "Permission denied" in details and str(folder_dir(news_folder)) in details
    assert window.status.cache_note.text().startswith(message)
    assert window.list_panel.model.rowCount() == 6


# ------------------------------------------------------------------ a broken cache, seen in the window
@pytest.mark.parametrize(
    ("damage", "note"),
    [
        (garbage_db, "Damaged cache: rebuilt"),
        (other_version, "Cache from another version: rebuilt"),
        (garbage_snapshot, ""),  # a broken index snapshot is silently rebuilt
    ],
)
def test_a_damaged_cache_lists_the_right_articles_and_says_so(
    qtbot, make_window, tmp_path: Path, damage, note: str
) -> None:
    folder = write_news(tmp_path / "news")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    damage(folder)
    open_and_wait(qtbot, window, folder)
    assert listed_titles(window) == expected_titles(folder)
    fresh = load_library(folder, entities=False, use_cache=False)
    assert window.library is not None
    assert window.library.search("غزة").total == fresh.search("غزة").total > 0
    assert window.status.problems_button.text() == "1 file skipped"
    assert window.status.cache_note.text() == note
    assert window.status.cache_note.isVisible() is bool(note)
    if note:
        assert window.status.cache_note.toolTip().startswith("cache ")
    open_and_wait(qtbot, window, folder)  # rebuilt: answered by the cache again, no note
    assert window.library.stats["cached_files"] == len(window.library.files)
    assert listed_titles(window) == expected_titles(folder)
    assert not window.status.cache_note.isVisible()


@contextlib.contextmanager
def _chmod_cache(_monkeypatch: pytest.MonkeyPatch, directory: Path) -> Iterator[None]:
    modes = {p: p.stat().st_mode for p in [directory, *directory.rglob("*")]}
    try:
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


@pytest.mark.parametrize(
    "make_read_only",
    [
        refused_writes,
        pytest.param(
            _chmod_cache,
            marks=pytest.mark.skipif(
                os.geteuid() == 0, reason="root writes through read-only permissions"
            ),
        ),
    ],
)
def test_a_read_only_cache_lists_the_right_articles_and_says_so(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_read_only
) -> None:
    folder = write_news(tmp_path / "news")
    window = make_window()
    open_and_wait(qtbot, window, folder)
    (folder / "a9.txt").write_text("عنوان جديد\nنص عن غزة\n", encoding="utf-8")
    with make_read_only(monkeypatch, folder_dir(folder)):
        open_and_wait(qtbot, window, folder)
    assert listed_titles(window) == expected_titles(folder)
    assert "عنوان جديد" in listed_titles(window)
    assert window.library is not None and window.library.stats["cached_files"] > 0
    assert window.status.cache_note.text() == "Cache read-only: changes not saved"
    assert window.status.cache_note.isVisible()


def test_a_full_disk_lists_the_right_articles_and_says_so(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own "database or disk is full", by capping the database at its current size."""
    folder = write_news(tmp_path / "news")
    for i in range(40):  # rows bigger than the cache's (64 KB) pages hold together
        (folder / f"more{i}.txt").write_text(f"خبر آخر {i}\n" + f"نص عن غزة {i} " * 300, "utf-8")
    real_open = FolderCache._open_db

    def capped(self: FolderCache) -> sqlite3.Connection:
        db = real_open(self)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(FolderCache, "_open_db", capped)
    window = make_window()
    open_and_wait(qtbot, window, folder)
    assert listed_titles(window) == expected_titles(folder)
    assert window.status.cache_note.text() == "Cache not updated: disk full or read-only"


def test_a_cache_directory_that_cannot_be_created_lists_the_folder_and_says_so(
    qtbot, make_window, tmp_path: Path
) -> None:
    folder = write_news(tmp_path / "news")
    cache_root().parent.mkdir(parents=True, exist_ok=True)
    cache_root().write_text("a file where the cache directory should be", encoding="utf-8")
    window = make_window(language="ar")
    open_and_wait(qtbot, window, folder)
    assert listed_titles(window) == expected_titles(folder)
    assert window.status.cache_note.text() == "لا ذاكرة مؤقتة: قُرئت كل الملفات"
    assert "cache unavailable" in window.status.cache_note.toolTip()
