"""A table whose first row is already data (a scraper that wrote no header row): its columns
are found by what they hold instead of by their names. The longest text is the article's text,
a shorter text column its title, a column of dates its date, a column of addresses its url."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reader.formats.csv_columns import Columns, exact_fields
from reader.formats.dates import field_date

HEADERLESS_NOTE = (
    "the table has no header row: its columns were taken by what they hold (text, title, date, url)"
)
_URL = re.compile(r"^https?://\S+$")
_DIGIT = re.compile(r"\d")
# a header name is short; a cell this long is data
_LONGEST_NAME = 60
_SAMPLE = 50


def is_data_row(header: Sequence[str]) -> bool:
    """Whether a table's first row is data rather than column names: it names no known field,
    and a cell of it is a long text, a date or an address."""
    if exact_fields(list(header)):
        return False
    return any(
        len(cell) > _LONGEST_NAME
        or _URL.match(cell) is not None
        or (_DIGIT.search(cell) is not None and field_date(cell) is not None)
        for cell in (c.strip() for c in header)
    )


def columns_by_content(rows: Sequence[Sequence[str]]) -> Columns | None:
    """The fields of a headerless table's columns from its first rows; None when no column holds
    text long enough to be an article's."""
    sample = [[cell.strip() for cell in row] for row in rows[:_SAMPLE]]
    width = max((len(row) for row in sample), default=0)
    columns = [[row[i] for row in sample if i < len(row) and row[i]] for i in range(width)]
    fields: dict[str, int] = {}
    for field, test in (("url", _URL.match), ("date", _is_date)):
        for i, cells in enumerate(columns):
            if i not in fields.values() and cells and _share(cells, test) >= 0.8:
                fields.setdefault(field, i)
    lengths = {
        i: sum(len(c) for c in cells) / len(cells)
        for i, cells in enumerate(columns)
        if cells and i not in fields.values()
    }
    if not lengths or max(lengths.values()) < 40:
        return None
    fields["body"] = max(lengths, key=lambda i: lengths[i])
    titles = {i: n for i, n in lengths.items() if i != fields["body"] and 5 <= n <= 200}
    if titles:
        fields["title"] = max(titles, key=lambda i: titles[i])
    names = tuple(f"column {i + 1}" for i in range(width))
    extras = tuple((i, names[i]) for i in range(width) if i not in fields.values())
    return Columns(fields, extras, names)


def _is_date(cell: str) -> bool:
    return _DIGIT.search(cell) is not None and len(cell) <= 40 and field_date(cell) is not None


def _share(cells: list[str], test: Callable[[str], object]) -> float:
    return sum(1 for cell in cells if test(cell)) / len(cells)
