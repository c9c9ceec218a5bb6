"""CSV and TSV exports: one article per row, its fields found by the header's column names.

Scrapers name their columns in English or Arabic, in any case, with underscores or spaces
("date_published", "Article Text", "العنوان"): ``csv_columns`` maps them to fields. Columns
that map to no field are kept on the article as ``extra`` (name, value) pairs, so nothing the
scraper wrote is lost; a table with no text column but a summary one ("description") gives the
summary as the text, with a note.

The delimiter is counted in the header line (, ; tab |); ``csv.Sniffer`` is asked only on a tie,
because on Arabic prose it often picks a letter or a space. Bodies may span lines inside quotes.
A report's title, period or blank rows above the header are left out, counted on each article
(``csv_preamble``); a date column's numeric dates are read in one order, month-first when the
column shows it (``csv_dates``); a title cell that is only a web address is the article's url,
its title made from the text.

A table without a text column may be a metadata sidecar: a column naming files of the folder,
with their title, date, url... (``reader.formats.sidecar`` joins it onto those files' articles).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.formats.bylines import author_name
from reader.formats.csv_cells import cell_extras, cell_tags, listed
from reader.formats.csv_columns import (
    Columns,
    exact_fields,
    map_columns,
    summary_as_body,
    without_field,
)
from reader.formats.csv_dates import ColumnDates, column_date, column_dates
from reader.formats.csv_files import file_column
from reader.formats.csv_headerless import HEADERLESS_NOTE, columns_by_content, is_data_row
from reader.formats.csv_preamble import (
    PREAMBLE_ROWS,
    header_below,
    header_cell,
    names_columns,
    preamble_note,
)
from reader.formats.dates import field_date
from reader.formats.debris import url_of_line
from reader.formats.jsonfmt import _paragraphs, _text
from reader.formats.relative_dates import dated_back
from reader.formats.titles import TITLE_FROM_FIRST_WORDS
from reader.model import Article, LoadProblem

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
BODY_IS_SUMMARY = "text is the summary column: the table has no text column"
_DELIMITERS = (",", ";", "\t", "|")
# A body may be a whole long article (the csv module's default limit is 128 KiB); the file
# itself is limited by file_bytes.size_limit, and no article's text comes near this.
_FIELD_LIMIT = 64 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))

# Excel's delimiter hint, a first line of its own ("sep=;"), written for Excel in locales whose
# lists are split by semicolons
HEADLINES_ONLY = "no body text: the table holds headlines only (it has no text column)"
_SEP_HINT = re.compile(r'^\ufeff?"?sep=([^\n"])"?[^\n]*(?:\n|$)', re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Table:
    """A delimited file read into rows: the header, the data rows as ``(number, line, cells)``
    (numbered from 1, blank lines not counted) and the reason reading stopped early, if it did."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, int, tuple[str, ...]], ...]
    error: str | None = None
    # the filled rows left out above the header (a report's title: csv_preamble), and the
    # header's line (a sheet's row)
    left_out: int = 0
    header_line: int = 1


@dataclass(frozen=True, slots=True)
class CsvResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]
    # the table names files of its folder instead of holding articles: see reader/formats/sidecar.py
    sidecar: bool = False


def looks_delimited(text: str) -> bool:
    """Is a text file (not named .csv/.tsv) clearly a table of articles? Its first line must be a
    header of short names, split by one delimiter, naming a text column and another known field
    exactly, and a row must follow."""
    head = text[:2000].lstrip("\n")  # sliced first: this runs on every text file
    line, newline, rest = head.partition("\n")
    if not newline or not rest.strip() or len(line) > 500:
        return False
    delimiter = _counted_delimiter(line)
    if delimiter is None:
        return False
    names = [cell.strip().strip('"').strip() for cell in line.split(delimiter)]
    if len(names) < 2 or any(len(name) > 40 for name in names):
        return False
    exact = exact_fields(names)
    return "body" in exact and len(exact) >= 2


def _counted_delimiter(line: str) -> str | None:
    """The one delimiter the header line holds most of, None on a tie or when it has none."""
    counts = {d: line.count(d) for d in _DELIMITERS}
    best = max(counts.values())
    winners = [d for d, n in counts.items() if n == best]
    return winners[0] if best and len(winners) == 1 else None


def _delimiter(text: str, suffix: str) -> str:
    lines = [line for line in text.split("\n", 50)[:50] if line.strip()]
    first = lines[0] if lines else ""
    if suffix == ".tsv" and "\t" in first:
        return "\t"
    counted = _counted_delimiter(first)
    if counted is None or sum(1 for name in first.split(counted) if header_cell(name)) < 2:
        # a report's title above the header (alone on its line, or padded with delimiters):
        # the header's delimiter, not the title's
        below = next(
            (
                found
                for line in lines[1:PREAMBLE_ROWS]
                if (found := _counted_delimiter(line)) is not None
                and names_columns(line.split(found))
            ),
            None,
        )
        if below is not None:
            return below
    if counted is not None:
        return counted
    try:
        sniffed = csv.Sniffer().sniff(text[:16384], delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in _DELIMITERS:
        return sniffed
    return "\t" if suffix == ".tsv" else ","


def read_table(text: str, suffix: str, *, max_rows: int | None = None) -> Table:
    """The header and rows of a delimited ``text`` (decoded, "\\n" newlines); with ``max_rows``,
    no more rows than that."""
    hint = _SEP_HINT.match(text)
    if hint is not None:  # kept as an empty line, so that rows keep their line numbers
        delimiter, text = hint.group(1), "\n" + text[hint.end() :]
    else:
        delimiter = _delimiter(text, suffix)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, int, tuple[str, ...]]] = []
    error = None
    line = 0
    header_line = 1
    try:
        for cells in reader:
            if not cells or not any(cell.strip() for cell in cells):
                line = reader.line_num
                continue
            if header is None:
                header = tuple(cell.replace("\ufeff", "").strip() for cell in cells)
                header_line = line + 1
            elif max_rows is not None and len(rows) >= max_rows:
                break
            else:
                rows.append((len(rows) + 1, line + 1, tuple(cells)))
            line = reader.line_num
    except csv.Error as exc:
        error = f"CSV error at line {reader.line_num}: {exc}; the rest of the file is not read"
    return under_preamble(Table(header or (), tuple(rows), error, header_line=header_line))


def under_preamble(table: Table) -> Table:
    """``table`` with its header the first of its first rows that names its columns, when its
    first row does not (a report's title, a date range above the header), the rows above it
    left out and counted; otherwise ``table`` itself (see ``csv_preamble``)."""
    if not table.header or table.left_out:
        return table
    found = header_below(table.header, [cells for _, _, cells in table.rows[: PREAMBLE_ROWS - 1]])
    if found is None:
        return table
    _, line, cells = table.rows[found]
    rows = tuple((n, at, row) for n, (_, at, row) in enumerate(table.rows[found + 1 :], 1))
    header = tuple(header_cell(cell) for cell in cells)
    return Table(header, rows, table.error, left_out=found + 1, header_line=line)


def parse_csv(
    text: str, *, rel_path: str, suffix: str, names_file: Callable[[str], bool] | None = None
) -> CsvResult:
    """The articles of a CSV/TSV table, one a row. ``names_file(value)``: whether a cell names a
    file of the table's folder (then a table without a text column is a metadata sidecar)."""
    return parse_table(read_table(text, suffix), rel_path=rel_path, names_file=names_file)


def parse_table(
    table: Table,
    *,
    rel_path: str,
    names_file: Callable[[str], bool] | None = None,
    kind: str = "CSV",
) -> CsvResult:
    """The articles of a table read from a file (``kind`` names it in problems: "CSV", "Excel
    sheet"), one a row; see ``parse_csv``."""
    problems: list[LoadProblem] = []
    if not table.header:
        return CsvResult((), (LoadProblem(rel_path, table.error or f"empty {kind} file"),))
    headerless = _headerless(table)
    if headerless is not None:
        table, columns = headerless
    else:
        columns = map_columns(table.header)
        if "body" in columns.by_piece and _empty_column(table, columns.fields["body"]):
            # a name that only holds the word ("Series Text" in Zotero's export) and no text
            columns = without_field(columns, "body")
    if "body" not in columns.fields:
        if names_file is not None and file_column(table, columns, names_file) is not None:
            tail = (LoadProblem(rel_path, table.error),) if table.error else ()
            return CsvResult((), tail, sidecar=True)
        columns = summary_as_body(columns)
    headlines = "body" not in columns.fields and _headline_table(table, columns)
    if "body" not in columns.fields and not headlines:
        shown = ", ".join(name[:40] or "(empty)" for name in table.header[:12])
        more = f" and {len(table.header) - 12} more" if len(table.header) > 12 else ""
        problems.append(
            LoadProblem(rel_path, f"{kind} without a text column: columns are {shown}{more}")
        )
        if table.error:
            problems.append(LoadProblem(rel_path, table.error))
        return CsvResult((), tuple(problems))
    several = len(table.rows) > 1
    # the column's numeric dates read in one order (csv_dates)
    dates = column_dates(cell(cells, columns, "date") for _, _, cells in table.rows)
    notes: list[str] = [BODY_IS_SUMMARY] if columns.body_is_summary else []
    if headlines:
        notes.append(HEADLINES_ONLY)
    if columns.headerless:
        notes.append(HEADERLESS_NOTE)
    if table.left_out:
        where = f"{'line' if kind == 'CSV' else 'row'} {table.header_line}"
        notes.append(preamble_note(table.left_out, where))
    articles: list[Article] = []
    for number, line, cells in table.rows:
        article_id = f"{rel_path}#{number}" if several else rel_path
        article, reason = _article(
            cells,
            columns,
            article_id=article_id,
            rel_path=rel_path,
            notes=notes,
            dates=dates,
            sheet=kind != "CSV",
        )
        if article is None:
            problems.append(LoadProblem(rel_path, f"row {number} (line {line}): {reason}"))
        else:
            articles.append(article)
    if table.error:
        problems.append(LoadProblem(rel_path, table.error))
    if not table.rows and not table.error:
        problems.append(LoadProblem(rel_path, f"{kind} with a header and no rows"))
    return CsvResult(tuple(articles), tuple(problems))


def _headline_table(table: Table, columns: Columns) -> bool:
    """A table of headlines without their text (a media-monitoring search's export, Media
    Cloud's or GDELT's): a title column, and most rows hold a web address or a date beside it
    (a list of names and values is no such table)."""
    if "title" not in columns.fields or not table.rows:
        return False
    sample = table.rows[:50]
    placed = sum(
        1
        for _, _, cells in sample
        if url_of_line(cell(cells, columns, "url").strip()) is not None
        or field_date(cell(cells, columns, "date")) is not None
    )
    return placed * 2 > len(sample)


def _empty_column(table: Table, index: int) -> bool:
    return not any(index < len(cells) and cells[index].strip() for _, _, cells in table.rows)


def _headerless(table: Table) -> tuple[Table, Columns] | None:
    """The table with its first row as data and its columns found by content, when that row is
    data (a scraper that wrote no header row); None for a table with a header."""
    if not is_data_row(table.header):
        return None
    rows = ((1, 1, table.header), *((n + 1, line, cells) for n, line, cells in table.rows))
    columns = columns_by_content([cells for _, _, cells in rows])
    if columns is None:
        return None
    columns = dataclasses.replace(columns, headerless=True)
    return Table(columns.names, rows, table.error), columns


def cell(cells: tuple[str, ...], columns: Columns, field: str) -> str:
    i = columns.fields.get(field)
    return cells[i] if i is not None and i < len(cells) else ""


def _article(
    cells: tuple[str, ...],
    columns: Columns,
    *,
    article_id: str,
    rel_path: str,
    notes: Sequence[str] = (),
    dates: ColumnDates | None = None,
    sheet: bool = False,
) -> tuple[Article | None, str]:
    """A row's article, or None and the reason. ``notes``: the table's, on every article;
    ``dates``: how its date column reads; ``sheet``: the row is a spreadsheet's."""
    body = _paragraphs(listed(cell(cells, columns, "body")))
    if not body and "body" not in columns.fields:  # a table of headlines (_headline_table)
        if not _text(cell(cells, columns, "title")):
            return None, "no headline in the row"
    elif not body:
        name = columns.names[columns.fields["body"]] or "text"
        return None, f"no text in the {name!r} column"
    problems = list(notes)
    title = _text(cell(cells, columns, "title"))
    url = _text(cell(cells, columns, "url"))
    extra = list(cell_extras(cells, columns))
    address = url_of_line(title) if title else None
    if address is not None:
        # a title that is only a web address is the article's address: the title is made
        # from the text (and the date from the address, in article_repairs)
        if not url:
            url = address
        elif address != url:
            extra.append((columns.names[columns.fields["title"]] or "title", address))
        title = ""
    if not title:
        words = body.split("\n", 1)[0].split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        problems.append(TITLE_FROM_FIRST_WORDS)
    width = len(columns.names)
    filled = len(cells) - next((n for n, c in enumerate(reversed(cells)) if c.strip()), len(cells))
    if filled > width or len(cells) < width:
        problems.append(f"the row has {len(cells)} fields where the header has {width}")
    return (
        Article(
            id=article_id,
            title=title,
            body=body,
            date=row_date(cell(cells, columns, "date"), problems, dates, serial=sheet)
            or dated_back(
                cell(cells, columns, "date").strip(), cell_extras(cells, columns), problems
            ),
            source=_text(cell(cells, columns, "source") or cell(cells, columns, "account")) or None,
            url=url or None,
            author=author_name(_text(cell(cells, columns, "author"))) or None,
            category=_text(cell(cells, columns, "category")) or None,
            tags=cell_tags(cell(cells, columns, "tags")),
            problems=tuple(problems),
            path=rel_path,
            extra=tuple(extra),
        ),
        "",
    )


def row_date(
    value: str, problems: list[str], column: ColumnDates | None = None, *, serial: bool = False
) -> dt.date | None:
    """A cell's date (any form ``field_date`` reads), numeric dates in the order of the column
    (``csv_dates.column_dates``); unreadable ones are noted. ``serial``: a spreadsheet's cell."""
    return column_date(value, problems, column, serial=serial)
