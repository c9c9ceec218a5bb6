"""Excel workbooks (``.xlsx``, ``.xlsm``), the default export of point-and-click scraping tools:
each sheet is read as a CSV table would be (``csvfmt.parse_table``), one article a row.

A sheet whose header names no text column is not an article table (a tool's summary or settings
sheet); it is named as a problem only when no sheet of the workbook holds articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.formats.csv_columns import map_columns, summary_as_body
from reader.formats.csvfmt import CsvResult, Table, parse_table, under_preamble
from reader.formats.office import DAMAGED, office_refusal
from reader.model import Article, LoadProblem

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})


class NotWorkbook(ValueError):
    """The bytes are no workbook we can read; ``str(exc)`` is the reason for the user."""


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    table: Table


def parse_workbook(
    data: bytes,
    *,
    rel_path: str,
    sheets_of: Callable[[bytes], list[Sheet]] | None = None,
    kind: str = "Excel",
) -> CsvResult:
    """The articles of every sheet that holds a table of articles; ids ``book.xlsx#N``, numbered
    across the sheets, as a CSV's rows are. ``sheets_of``: the reader of another kind of
    workbook (an OpenDocument spreadsheet), named ``kind`` in problems."""
    try:
        sheets = (sheets_of or read_sheets)(data)
    except NotWorkbook as exc:
        return CsvResult((), (LoadProblem(rel_path, str(exc)),))
    tables = [s for s in sheets if "body" in summary_as_body(map_columns(s.table.header)).fields]
    if not tables:
        if not any(s.table.header for s in sheets):
            return CsvResult((), (LoadProblem(rel_path, f"empty {kind} workbook"),))
        tables = [next(s for s in sheets if s.table.header)]  # named: no text column
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    several = sum(len(s.table.rows) for s in tables) > 1
    offset = 0  # the rows of the sheets before: ids run on across the sheets
    for sheet in tables:
        found = parse_table(sheet.table, rel_path=rel_path, kind=f"{kind} sheet {sheet.name!r}")
        for article in found.articles:
            number = offset + (int(article.id.rsplit("#", 1)[1]) if "#" in article.id else 1)
            new_id = f"{rel_path}#{number}" if several else rel_path
            articles.append(dataclasses.replace(article, id=new_id))
        named = len(tables) > 1
        problems += [
            LoadProblem(p.path, f"sheet {sheet.name!r}, {p.reason}" if named else p.reason)
            for p in found.problems
        ]
        offset += len(sheet.table.rows)
    return CsvResult(tuple(articles), tuple(problems))


def read_sheets(data: bytes) -> list[Sheet]:
    """Every sheet of the workbook as a table: its first filled row the header, the others its
    rows (numbered from 1; their "line" is the sheet's row number). Raises ``NotWorkbook``."""
    refusal = office_refusal(data, "Excel workbook", ".xlsx or CSV")
    if refusal is not None:
        raise NotWorkbook(refusal)
    from openpyxl import load_workbook  # imported here: only folders holding workbooks pay for it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DAMAGED as exc:
        raise NotWorkbook(f"corrupt Excel workbook ({type(exc).__name__}: {exc})") from None
    try:
        return [Sheet(sheet.title, rows_table(sheet.iter_rows(values_only=True))) for sheet in book]
    except DAMAGED as exc:
        raise NotWorkbook(f"corrupt Excel workbook ({type(exc).__name__}: {exc})") from None
    finally:
        book.close()


def rows_table(rows: Iterable[Sequence[object]]) -> Table:
    """A sheet's rows (cell values as openpyxl gives them) as a table: the first filled row is
    the header (or the first that names the columns, under a report's title: ``under_preamble``),
    empty rows are left out, each row keeps its number in the sheet."""
    header: tuple[str, ...] | None = None
    header_line = 1
    body: list[tuple[int, int, tuple[str, ...]]] = []
    for line, values in enumerate(rows, 1):
        cells = tuple(_cell(v) for v in values)
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header, header_line = tuple(c.strip() for c in cells), line
        else:
            body.append((len(body) + 1, line, cells))
    return under_preamble(Table(header or (), tuple(body), header_line=header_line))


def _cell(value: object) -> str:
    """A cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
