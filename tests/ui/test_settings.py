"""Settings: typed values with defaults, validated on the way in and out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.index.types import SortKey
from reader.ui.common.settings import MAX_RECENT, ZOOM_MAX, ZOOM_MIN, Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_defaults(settings: Settings) -> None:
    assert settings.theme == "light"
    assert settings.zoom == 100
    assert settings.language in ("en", "ar")
    assert settings.recent_folders == []
    assert settings.geometry is None
    assert settings.sort_key == SortKey.NEWEST


@pytest.mark.parametrize(
    ("raw", "expected"), [(500, ZOOM_MAX), (1, ZOOM_MIN), ("abc", 100), (120, 120)]
)
def test_zoom_is_clamped_and_survives_junk(tmp_path: Path, raw: object, expected: int) -> None:
    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    q.setValue("view/zoom", raw)
    assert Settings(q).zoom == expected


@pytest.mark.parametrize(("raw", "expected"), [("dark", "dark"), ("neon", "light")])
def test_theme_is_validated(tmp_path: Path, raw: str, expected: str) -> None:
    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    q.setValue("view/theme", raw)
    assert Settings(q).theme == expected


def test_recent_folders_most_recent_first_without_duplicates(settings: Settings) -> None:
    for i in range(MAX_RECENT + 3):
        settings.add_recent_folder(f"/f{i}")
    settings.add_recent_folder("/f5")
    recent = settings.recent_folders
    assert recent[0] == "/f5" and len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
    assert settings.last_folder == "/f5"


def test_values_persist_across_instances(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    first.theme, first.zoom, first.language = "dark", 130, "ar"
    first.add_recent_folder("/only")
    first.sync()
    second = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert (second.theme, second.zoom, second.language) == ("dark", 130, "ar")
    assert second.recent_folders == ["/only"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("date_desc", SortKey.NEWEST),  # the names older versions stored
        ("date_asc", SortKey.OLDEST),
        ("starred", SortKey.STARRED),
        ("oldest", SortKey.OLDEST),
        ("sideways", SortKey.NEWEST),
        (3, SortKey.NEWEST),
    ],
)
def test_the_sort_order_loads_old_names_and_survives_junk(
    tmp_path: Path, raw: object, expected: SortKey
) -> None:
    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    q.setValue("list/sort", raw)
    assert Settings(q).sort_key == expected


def test_the_sort_order_is_stored_in_a_name_older_versions_read(tmp_path: Path) -> None:
    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    Settings(q).sort_key = SortKey.OLDEST
    assert q.value("list/sort") == "date_asc"
    assert Settings(q).sort_key is SortKey.OLDEST


def test_a_folder_name_that_is_not_utf8_comes_back_byte_for_byte(tmp_path: Path) -> None:
    """Open Recent must open the folder it names: a name with a byte that is not UTF-8 (a
    Windows-1256 folder name copied to Linux) reaches Python as a lone surrogate, which a Qt
    string cannot hold."""
    import os

    folder = os.fsdecode(str(tmp_path).encode() + b"/\xe4\xc8\xc7\xc1-news")
    path = str(tmp_path / "s.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    first.add_recent_folder(folder)
    first.add_recent_folder("/العادي")
    first.sync()
    second = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert second.recent_folders == ["/العادي", folder]
    assert (
        os.fsencode(second.recent_folders[1]) == str(tmp_path).encode() + b"/\xe4\xc8\xc7\xc1-news"
    )
    second.add_recent_folder(folder)
    assert second.last_folder == folder
