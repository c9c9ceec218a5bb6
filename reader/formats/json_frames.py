"""Tables written as JSON: pandas' ``DataFrame.to_json`` and its kin, turned into one object per
row so that they read like any list of articles.

pandas writes a table by columns (``{"title": {"0": ..., "1": ...}, "text": {...}}``, its
default), split (``{"columns": [...], "index": [...], "data": [[...], ...]}``) or as bare rows
(``[[...], ...]``, no names: the columns are then found by what they hold, as for a CSV file
without a header row). Its "records", "index" and "table" shapes are lists or objects of
articles already (``json_lists``).
"""

from __future__ import annotations

from typing import Any

from reader.formats.csv_headerless import columns_by_content
from reader.formats.json_fields import (
    ADDRESS,
    INNER_BODY_KEYS,
    INNER_TEXT_KEYS,
    folded_fields,
    has_field,
)

_WRAPPER_WORDS = frozenset((*INNER_TEXT_KEYS, *INNER_BODY_KEYS, "raw", "protected", "html"))
# the names the fields of rows without names are given (``ALIASES``' first names)
_ROW_NAMES = {"title": "title", "body": "text", "date": "date", "url": "url"}


def frame_rows(data: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rows of a table written by columns or split, as objects; None for other objects."""
    return _split_rows(data) if "columns" in data else _column_rows(data)


def with_address(key: Any, item: Any) -> Any:
    """``item`` with ``key`` as its url when the key is a web address and the item has none:
    objects keyed by their pages' addresses (a crawl's results, a table indexed by url)."""
    if not isinstance(item, dict) or not isinstance(key, str) or not ADDRESS.match(key.strip()):
        return item
    return item if has_field(item, "url") else {**item, "url": key.strip()}


def _names_fields(names: list[Any]) -> bool:
    found = folded_fields(tuple(names)).own
    return "title" in found or "body" in found


def _split_rows(data: dict[str, Any]) -> list[dict[str, Any]] | None:
    columns, rows, index = data.get("columns"), data.get("data"), data.get("index")
    if not (isinstance(columns, list) and columns and isinstance(rows, list) and rows):
        return None
    if not all(isinstance(c, str) for c in columns) or not all(isinstance(r, list) for r in rows):
        return None
    if not _names_fields(columns):
        return None
    keys = index if isinstance(index, list) and len(index) == len(rows) else [None] * len(rows)
    return [
        with_address(key, dict(zip(columns, row, strict=False)))
        for key, row in zip(keys, rows, strict=True)
    ]


def _column_rows(data: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Rows of ``{"column": {"row key": value}}``: every value an object of plain values (not
    objects: those are articles keyed by their ids) with the same keys, the outer keys naming a
    title or a text and the inner keys naming neither (``{"article": {"title": ...}}`` is one
    article)."""
    if not data or not all(isinstance(v, dict) for v in data.values()):
        return None
    if not _names_fields(list(data)):
        return None
    columns = list(data.values())
    row_keys = dict.fromkeys(columns[0])
    if not row_keys or any(column.keys() != row_keys.keys() for column in columns):
        return None  # pandas writes every row of every column
    if any(isinstance(value, dict) for column in columns for value in column.values()):
        return None
    # a cell holding a list of articles is a wrapper's page of results, not a table's cell
    if any(_lists_articles(value) for column in columns for value in column.values()):
        return None
    if _names_fields(list(row_keys)):
        return None
    # rows under words ({"title": {"rendered": ..., "raw": ...}}) are an article's wrapped
    # fields, unless there are several rows and none is a wrapper's word (an index of names)
    numbered = all(isinstance(k, str) and (k.isdigit() or ADDRESS.match(k)) for k in row_keys)
    if not numbered and (len(row_keys) < 3 or any(k in _WRAPPER_WORDS for k in row_keys)):
        return None
    return [with_address(key, {name: data[name][key] for name in data}) for key in row_keys]


def _lists_articles(value: Any) -> bool:
    return isinstance(value, list) and any(
        isinstance(x, dict) and (has_field(x, "title") or has_field(x, "body")) for x in value
    )


def bare_rows(data: list[Any]) -> list[dict[str, Any]] | None:
    """Rows written without names (pandas' "values"): their columns found by what they hold;
    None when ``data`` is not a list of rows or no column holds an article's text."""
    if not data or not all(isinstance(row, list) for row in data):
        return None
    if any(isinstance(cell, dict | list) for row in data for cell in row):
        return None
    cells = [["" if cell is None else str(cell) for cell in row] for row in data]
    columns = columns_by_content(cells)
    if columns is None:
        return None
    return [
        {_ROW_NAMES[field]: row[i] for field, i in columns.fields.items() if i < len(row)}
        for row in data
    ]
