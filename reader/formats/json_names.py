"""Which key of a JSON item holds which field, by the names the table readers know for a column
(``csv_columns.map_columns``: "تاريخ النشر", "Date de publication", "نص الخبر"), so that a JSON
export and a CSV export with the same names read alike from one list of names.

``json_fields`` asks this only for the fields its own names for JSON exports did not find. A
name matched by a piece of it ("date_download" holds "date") is passed over by ``map_columns``
when another piece says it names something else (the day a page was crawled, an image's
address).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reader.formats.csv_columns import map_columns, summary_as_body, without_field

# keys past these are not looked at: an object with thousands of keys is no article's record
_MOST_KEYS = 200
_LONGEST_KEY = 100


@dataclass(frozen=True, slots=True)
class TableNames:
    """Field -> the item's key for it by the table readers' names, and the fields matched only
    by a piece of a key's name (their values need a second look, ``json_fields.get_field``)."""

    keys: dict[str, Any]
    by_piece: frozenset[str]


@functools.lru_cache(maxsize=256)
def table_names(keys: tuple[Any, ...]) -> TableNames:
    """The fields ``keys`` name the way a table's header names its columns; "file" (a table's
    file-name column) is no field of a JSON item. A summary key is given as "summary"."""
    names = [
        key if isinstance(key, str) and len(key) <= _LONGEST_KEY else ""
        for key in keys[:_MOST_KEYS]
    ]
    columns = map_columns(tuple(names))
    found = {
        field: keys[index]
        for field, index in columns.fields.items()
        if field != "file" and names[index]
    }
    rest = without_field(columns, "body") if "body" in columns.fields else columns
    summary = summary_as_body(rest)
    if summary.body_is_summary and keys[summary.fields["body"]] != found.get("body"):
        found["summary"] = keys[summary.fields["body"]]
    return TableNames(found, frozenset(columns.by_piece & set(found)))
