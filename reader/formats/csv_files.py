"""The files a table's cells name: a metadata sidecar's column of file names (``0001.txt``,
``pages/0001``, a Windows path), found and resolved against the table's folder.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Protocol

from reader.formats.csv_columns import Columns

# what a sidecar's bare page name ("0001") may stand for, tried in this order
_PAGE_SUFFIXES = (".txt", ".md", ".json", ".html", ".htm", ".xml")


class Rows(Protocol):
    """A table read from a file (``csvfmt.Table``), as far as its file names are concerned."""

    @property
    def header(self) -> tuple[str, ...]: ...

    @property
    def rows(self) -> tuple[tuple[int, int, tuple[str, ...]], ...]: ...


def file_column(table: Rows, columns: Columns, names_file: Callable[[str], bool]) -> int | None:
    """The column whose cells name files of the folder (at least half of its first 20 filled
    cells), a column called so first; None when there is none."""
    order = list(range(len(table.header)))
    named = columns.fields.get("file")
    if named is not None:
        order.remove(named)
        order.insert(0, named)
    for i in order:
        values = (cells[i].strip() for _, _, cells in table.rows if i < len(cells))
        sample = list(islice((v for v in values if v), 20))
        if sample and sum(1 for v in sample if names_file(v)) * 2 >= len(sample):
            return i
    return None


def names_file_in(folder: Path, value: str) -> bool:
    """Whether a cell names a file of ``folder`` (see ``named_file``)."""
    return named_file(folder, value) is not None


def named_file(folder: Path, value: str) -> str | None:
    """The file of ``folder`` a cell names: relative to it or absolute, "/" or "\\" separated, or
    a bare name the page's file has with an extension added ("0001" for 0001.txt: tables that
    name pages by their id); None when there is no such file."""
    name = value.strip().replace("\\", "/")
    if not name or "://" in name or len(name) > 1000 or "\n" in name:
        return None
    bare = "." not in name.rsplit("/", 1)[-1]
    for candidate in (name, *(name + s for s in _PAGE_SUFFIXES if bare)):
        try:
            if (folder / candidate).is_file():
                return candidate
        except (OSError, ValueError):  # a name too long for the system, or holding a NUL
            return None
    return None
