"""Where the reader keeps its files on this machine: the per-user cache and data folders, both
named after the application so the cache and the reader's marks are found again."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "arabic-news-reader"


def cache_root() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME))


def data_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
