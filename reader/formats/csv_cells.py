"""What a table's cells hold beyond plain text: a list written as scrapy's CSV writes one
(``['first', 'second']``, a Python list's repr, or JSON), tags, and the cells of the columns
the reader has no field for.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator

from reader.formats.csv_columns import Columns
from reader.formats.jsonfmt import _text

_TAG_SPLIT = re.compile(r"\s*[,،;؛|]\s*")
_EMPTY_LIST = re.compile(r"\[\s*\]")


def cell_extras(cells: tuple[str, ...], columns: Columns) -> Iterator[tuple[str, str]]:
    """The unmapped columns' filled cells, and any cell past the header's last column."""
    for i, name in columns.extras:
        if i < len(cells) and cells[i].strip():
            yield name, cells[i].strip()
    for i in range(len(columns.names), len(cells)):
        if cells[i].strip():
            yield f"column {i + 1}", cells[i].strip()


def cell_tags(value: str) -> tuple[str, ...]:
    found = listed(value)
    words = found if isinstance(found, list) else _TAG_SPLIT.split(value)
    return tuple(dict.fromkeys(t for t in (_text(x) for x in words) if t))


def listed(value: str) -> str | list[str]:
    """A cell holding a list of strings as scrapy's CSV writes one (``['first', 'second']``,
    a Python list's repr, or JSON) as that list; any other cell as it is."""
    text = value.strip()
    if _EMPTY_LIST.fullmatch(text):  # an empty list written as a list: nothing, not "[]"
        return []
    if not (text.startswith(("['", '["', "[u'")) and text.endswith(("']", '"]'))):
        return value
    for read in (json.loads, ast.literal_eval):
        try:
            found = read(text)
        except Exception:  # a cell that only looks like a list: its text as written
            continue
        if isinstance(found, list) and all(isinstance(x, str) for x in found):
            return found
    return value
