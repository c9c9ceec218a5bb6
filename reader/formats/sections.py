"""The section a folder names: ``root/سياسة/1.txt`` is a politics article (issue 16).

Corpora from the wild sort articles into one folder per section and write the section nowhere
else. ``folder_category`` reads it from the article's path relative to the opened folder: the
nearest enclosing folder named by a word. Folders named by a date or a number (``2012/05``) are
archive shelves, passed over on the way up; the opened folder itself never counts (its name is
the user's, not a section), and neither do names every dump uses (``data``, ``articles``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.formats.dates import month_names
from reader.text.normalize import normalize

_SEPARATORS = re.compile(r"[\s_\-]+")
_GENERIC = frozenset(
    {
        "articles",
        "article",
        "corpus",
        "data",
        "docs",
        "documents",
        "files",
        "html",
        "items",
        "json",
        "jsonl",
        "output",
        "pages",
        "raw",
        "text",
        "texts",
        "txt",
    }
)


def folder_category(rel_path: str) -> str | None:
    """The section named by the folders of ``rel_path`` ("/"-separated, relative to the opened
    folder), with ``_`` and ``-`` read as spaces; ``None`` when no folder names one."""
    folders, _, _ = rel_path.rpartition("/")
    return _category(folders) if folders else None


@lru_cache(maxsize=4096)
def _category(folders: str) -> str | None:
    # cached: a folder of 10,000 files asks about the same few folder paths
    for folder in reversed(folders.split("/")):
        name = _SEPARATORS.sub(" ", folder).strip()
        if not name or folder.startswith(".") or _is_dated(name):
            continue  # "..", a hidden folder, or a date shelf: look further up
        if name.lower() in _GENERIC:
            return None
        return name
    return None


def _is_dated(name: str) -> bool:
    """A number, a date or a month (``2012``, ``05``, ``2012-05-03``, ``May 2012``, ``ماي_2012``)."""
    folded = normalize(name)
    if not any(c.isalpha() for c in folded):
        return True
    for month in month_names():
        folded = re.sub(rf"(?<!\w){re.escape(month)}(?!\w)", " ", folded)
    return not any(c.isalpha() for c in folded)
