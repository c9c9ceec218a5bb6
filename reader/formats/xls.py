"""Excel workbooks in the old format (``.xls``), each sheet a table read as an ``.xlsx`` sheet is.

Three things are named ``.xls`` in the wild, and each is read: Excel 97-2003's binary workbook
(through xlrd), an HTML table (what web applications' "export to Excel" buttons send), and
Excel 2003's XML Spreadsheet (what .NET and PHP exporters write). A tab-separated text under
that name, the fourth, never reaches this module: ``legacy_office`` sends it to the CSV reader.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from collections.abc import Iterator
from typing import Any

from reader.formats.decode import NotText, decode_bytes
from reader.formats.office import DAMAGED
from reader.formats.ole import OLE_MAGIC, NotOle, ole_streams
from reader.formats.xlsx import NotWorkbook, Sheet, rows_table

XLS_SUFFIXES = frozenset({".xls"})
_WHAT = "Excel workbook"
_SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
_ENCRYPTED = (
    f"an encrypted (password-protected) {_WHAT}; save it without a password as .xlsx or CSV"
)
# what xlrd raises on damage besides its own errors: it reads records by their declared sizes
_BROKEN = (
    *DAMAGED,
    struct.error,
    AssertionError,
    IndexError,
    UnicodeError,
    OverflowError,
    LookupError,
)
_TEXT, _NUMBER, _DATE, _BOOLEAN = 1, 2, 3, 4  # xlrd's cell types that hold a value


def read_xls_sheets(data: bytes) -> list[Sheet]:
    """Every sheet (or HTML table) as a table: its first filled row the header. Raises
    ``NotWorkbook`` with the reason."""
    if data.startswith(OLE_MAGIC):
        return _binary_sheets(data)
    try:
        text = decode_bytes(data).text
    except NotText as exc:
        raise NotWorkbook(f"corrupt {_WHAT} ({exc})") from None
    if _SPREADSHEET_ML in text[:4096]:
        return _xml_spreadsheet_sheets(text)
    return html_table_sheets(text)


def _binary_sheets(data: bytes) -> list[Sheet]:
    import xlrd  # imported here: only folders holding .xls files pay for it

    try:
        streams = ole_streams(data, ("Workbook", "Book", "EncryptedPackage", "WordDocument"))
    except NotOle as exc:
        raise NotWorkbook(f"corrupt {_WHAT} ({exc})") from None
    stream = streams.get("Workbook", streams.get("Book"))
    if stream is None:
        if "EncryptedPackage" in streams:
            raise NotWorkbook(_ENCRYPTED)
        raise NotWorkbook(f"not an {_WHAT} (an Office file of another kind, named .xls)")
    try:
        # the workbook stream alone (xlrd reads it so), and xlrd's warnings in a log of its own:
        # it writes them on stdout otherwise
        book = xlrd.open_workbook(file_contents=stream, on_demand=True, logfile=io.StringIO())
    except xlrd.XLRDError as exc:
        encrypted = "encrypted" in str(exc).lower()
        raise NotWorkbook(_ENCRYPTED if encrypted else f"corrupt {_WHAT} ({exc})") from None
    except _BROKEN as exc:
        raise NotWorkbook(f"corrupt {_WHAT} ({type(exc).__name__}: {exc})") from None
    try:
        sheets = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = (
                tuple(_value(cell, book.datemode) for cell in sheet.row(r))
                for r in range(sheet.nrows)
            )
            sheets.append(Sheet(sheet.name, rows_table(rows)))
            book.unload_sheet(index)
        return sheets
    except (xlrd.XLRDError, *_BROKEN) as exc:
        raise NotWorkbook(f"corrupt {_WHAT} ({type(exc).__name__}: {exc})") from None
    finally:
        book.release_resources()


def _value(cell: Any, datemode: int) -> object:
    """A cell's value as openpyxl gives it: dates as dates, numbers as floats, text as str."""
    import xlrd

    if cell.ctype == _DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return cell.value
    if cell.ctype == _BOOLEAN:
        return bool(cell.value)
    if cell.ctype in (_TEXT, _NUMBER):
        return cell.value
    return None  # empty, blank, or an error value (#N/A)


def html_table_sheets(text: str) -> list[Sheet]:
    """The tables of an HTML page, a sheet each; a table that holds others is the page's
    layout, and only the tables inside it are read."""
    from reader.formats.html import page_tree

    root = page_tree(text)
    if root is None:
        raise NotWorkbook(f"corrupt {_WHAT} (neither a workbook nor a table)")
    tables = root.xpath("//table[not(.//table)]")
    if not tables:
        raise NotWorkbook(f"not an {_WHAT}: a web page without a table, named .xls")
    return [Sheet(f"table {n}", rows_table(_html_rows(table))) for n, table in enumerate(tables, 1)]


def _html_rows(table: Any) -> Iterator[tuple[str, ...]]:
    for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        yield tuple(" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th"))


def _xml_spreadsheet_sheets(text: str) -> list[Sheet]:
    """Excel 2003 XML: ``Worksheet`` > ``Table`` > ``Row`` > ``Cell`` > ``Data``; a cell's
    ``ss:Index`` skips to its column (the empty cells before it are not written)."""
    from reader.formats.xml_tree import parse_xml

    root, error = parse_xml(text)
    if root is None:
        raise NotWorkbook(f"corrupt {_WHAT} ({error})")
    ns = f"{{{_SPREADSHEET_ML}}}"
    sheets = []
    for n, sheet in enumerate(root.iter(f"{ns}Worksheet"), 1):
        rows = []
        for row in sheet.iter(f"{ns}Row"):
            cells: list[object] = []
            for cell in row.iter(f"{ns}Cell"):
                index = cell.get(f"{ns}Index")
                if index and index.isdigit():
                    cells.extend([None] * max(0, min(int(index), 16384) - 1 - len(cells)))
                data = cell.find(f"{ns}Data")
                cells.append(_xml_value(data) if data is not None else None)
            rows.append(tuple(cells))
        sheets.append(Sheet(sheet.get(f"{ns}Name") or f"sheet {n}", rows_table(rows)))
    if not sheets:
        raise NotWorkbook(f"empty {_WHAT}")
    return sheets


def _xml_value(data: Any) -> object:
    value = "".join(data.itertext())
    if data.get(f"{{{_SPREADSHEET_ML}}}Type") == "DateTime":
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value
