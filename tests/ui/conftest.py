"""Fixtures of the window tests: a small folder written per test, windows that are always closed.

Every window made through ``make_window`` is closed after the test, and the test fails if one of
its background threads is still running then (napari's rule: no thread left behind).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from ui_fixtures import write_folder

from reader.ui.common.i18n import set_language
from reader.ui.common.settings import Settings
from reader.ui.window.main_window import MainWindow


@pytest.fixture
def news_folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "news")


@pytest.fixture
def seeds_copy(tmp_path: Path, seeds_dir: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(seeds_dir, target)
    return target


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, settings_file: Path) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(*, entities: bool = False, language: str = "en", use_cache: bool = True) -> MainWindow:
        settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        if not settings_file.exists():
            settings.language = language
        window = MainWindow(settings, entities=entities, use_cache=use_cache)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert window.loader.running_tasks() == 0, "a background thread is still running"
    # the language and direction are process-wide: leave them as the next test expects
    set_language("en")
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)
