"""A table whose header is not its first row: a report's title, its date range or a blank row
stand above the real header (media-monitoring exports, spreadsheets saved as reports).

The header is the first of the table's first rows (``PREAMBLE_ROWS``) that names its columns:
short cells, none a date or an address, naming a text column and another field the reader knows
(title, date, url...). The rows above it are left out, and each article says how many. A table
whose first row names its columns, or none of whose first rows does, is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.formats.csv_columns import map_columns, summary_as_body
from reader.formats.dates import field_date
from reader.formats.debris import url_of_line

# the header is looked for among the table's first filled rows, this many (the first included)
PREAMBLE_ROWS = 10
# a header name is short; a cell this long is data (as in csv_headerless)
_LONGEST_NAME = 60
_DIGIT = re.compile(r"\d")


def names_columns(cells: Sequence[str]) -> bool:
    """Whether a row is a header naming the table's columns: two short cells or more, none a
    date or an address, naming a text column (or a summary one) and another known field."""
    names = tuple(header_cell(cell) for cell in cells)
    filled = [name for name in names if name]
    if len(filled) < 2 or any(len(name) > _LONGEST_NAME for name in filled):
        return False
    if any(url_of_line(name) or (_DIGIT.search(name) and field_date(name)) for name in filled):
        return False
    fields = summary_as_body(map_columns(names)).fields
    return "body" in fields and bool(fields.keys() - {"body", "file"})


def header_cell(cell: str) -> str:
    """A header cell as a name: no byte-order mark, no spaces or quotes around it."""
    return cell.replace("\ufeff", "").strip().strip('"').strip()


def header_below(header: Sequence[str], rows: Sequence[Sequence[str]]) -> int | None:
    """The index in ``rows`` (the filled rows under the table's first one, ``header``) of the row
    that is the table's header; None when ``header`` names the columns itself, or when none of
    the first rows does (then the table is read as it is: headerless, or without a text column)."""
    if names_columns(header):
        return None
    for index, cells in enumerate(rows[: PREAMBLE_ROWS - 1]):
        if names_columns(cells):
            return index
    return None


def preamble_note(count: int, where: str) -> str:
    """The note on each article of a table whose header had ``count`` rows above it, the header
    being at ``where`` ("line 3" of a CSV file, "row 3" of a sheet)."""
    rows = "1 row" if count == 1 else f"{count} rows"
    articles = "an article" if count == 1 else "articles"
    return f"{rows} above the table's header ({where}) left out: a title or notes, not {articles}"
