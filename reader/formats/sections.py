"""The section a folder names: ``root/سياسة/1.txt`` is a politics article (issue 16).

Corpora from the wild sort articles into one folder per section and write the section nowhere
else. ``folder_category`` reads it from the article's path relative to the opened folder: the
nearest enclosing folder named by a word. Folders named by a date or a number (``2012/05``) are
archive shelves, passed over on the way up; the opened folder itself never counts (its name is
the user's, not a section), and neither do names every dump uses (``data``, ``articles``), the
names tools give the folders they write (Telegram's ``ChatExport_2024-03-14``, ``New folder
(2)``, ``saved``, ``downloads``) or a site's address (a mirror's ``www.alayam.example``): those
name where the files came from, not what the articles are about.
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
        # what tools and people call the folders they save into
        "archive",
        "archives",
        "backup",
        "backups",
        "chatexport",
        "crawl",
        "crawled",
        "download",
        "downloads",
        "dump",
        "export",
        "exports",
        "input",
        "mirror",
        "new folder",
        "saved",
        "saved pages",
        "scrape",
        "scraped",
        "temp",
        "tmp",
        "untitled folder",
        "مجلد جديد",
    }
)
# a site's address as a folder name (an HTTrack or wget mirror): the source, not a section
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?", re.IGNORECASE)
# the id Notion's export puts after every page's and database's name ("Articles 8f3a…")
_NOTION_ID = re.compile(r"\s+[0-9a-f]{32}$")
# "New folder (2)", "export (1)": the copy number a file manager adds
_COPY_NUMBER = re.compile(r"\s*\(\d+\)$")


def folder_category(rel_path: str) -> str | None:
    """The section named by the folders of ``rel_path`` ("/"-separated, relative to the opened
    folder), with ``_`` and ``-`` read as spaces; ``None`` when no folder names one."""
    folders, _, _ = rel_path.rpartition("/")
    return _category(folders) if folders else None


@lru_cache(maxsize=4096)
def _category(folders: str) -> str | None:
    # cached: a folder of 10,000 files asks about the same few folder paths
    for folder in reversed(folders.split("/")):
        name = _SEPARATORS.sub(" ", _NOTION_ID.sub("", folder)).strip()
        if not name or folder.startswith(".") or _is_dated(name):
            continue  # "..", a hidden folder, or a date shelf: look further up
        if _is_tools(name) or _HOST.fullmatch(folder):
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


def _is_tools(name: str) -> bool:
    """A name every dump uses or a tool wrote, with any date and copy number it carries
    (``ChatExport 2024 03 14``, ``New folder (2)``)."""
    lowered = _COPY_NUMBER.sub("", name.lower())
    words = [word for word in lowered.split() if not _is_dated(word)]
    return " ".join(words) in _GENERIC or (len(words) == 1 and words[0] in _GENERIC)
