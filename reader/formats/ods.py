"""OpenDocument spreadsheets (``.ods``: LibreOffice Calc's format, and Google Sheets' download):
each sheet a table, read as an Excel workbook's sheets are (``xlsx.parse_workbook``).

A sheet is ``content.xml``'s ``table:table``: rows and cells, either of which may stand for
several (``number-rows-repeated``, ``number-columns-repeated``); Calc writes the empty rest of a
sheet as one row repeated a million times, so empty repeats are never spelt out.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from reader.formats.csvfmt import Table, under_preamble
from reader.formats.odt import parse_content
from reader.formats.office import DAMAGED, office_refusal
from reader.formats.xlsx import NotWorkbook, Sheet

ODS_SUFFIXES = frozenset({".ods"})
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_WHAT = "OpenDocument spreadsheet"
# a filled row or cell repeated more than this is a damaged or hostile file's, not a table's
_MOST_REPEATS = 1000


def read_ods_sheets(data: bytes) -> list[Sheet]:
    """Every sheet as a table: its first filled row the header. Raises ``NotWorkbook``."""
    refusal = office_refusal(data, _WHAT, ".xlsx or CSV")
    if refusal is not None:
        raise NotWorkbook(refusal)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = (
                archive.read("META-INF/manifest.xml")
                if _has(archive, "META-INF/manifest.xml")
                else b""
            )
            if b"encryption-data" in manifest:
                raise NotWorkbook(
                    f"an encrypted (password-protected) {_WHAT}; save it without a password"
                )
            root = parse_content(archive.read("content.xml"))
        return [
            Sheet(str(table.get(f"{{{_TABLE}}}name") or f"sheet {n}"), _table(table))
            for n, table in enumerate(root.iter(f"{{{_TABLE}}}table"), start=1)
        ]
    except NotWorkbook:
        raise
    except DAMAGED as exc:
        raise NotWorkbook(f"corrupt {_WHAT} ({type(exc).__name__}: {exc})") from None


def _has(archive: zipfile.ZipFile, name: str) -> bool:
    return name in archive.namelist()


def _table(table: Any) -> Table:
    header: tuple[str, ...] | None = None
    header_line = 1
    body: list[tuple[int, int, tuple[str, ...]]] = []
    line = 0
    for row in table.iter(f"{{{_TABLE}}}table-row"):
        cells = _cells(row)
        repeats = _count(row.get(f"{{{_TABLE}}}number-rows-repeated"))
        if not any(c.strip() for c in cells):
            line += repeats
            continue
        for _ in range(min(repeats, _MOST_REPEATS)):
            line += 1
            if header is None:
                header, header_line = tuple(c.strip() for c in cells), line
            else:
                body.append((len(body) + 1, line, cells))
    # under a report's title, the first row that names the columns is the header
    return under_preamble(Table(header or (), tuple(body), header_line=header_line))


def _cells(row: Any) -> tuple[str, ...]:
    cells: list[str] = []
    for cell in row:
        if cell.tag not in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
            continue
        value = _value(cell)
        repeats = _count(cell.get(f"{{{_TABLE}}}number-columns-repeated"))
        cells.extend([value] * (min(repeats, _MOST_REPEATS) if value else min(repeats, 64)))
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def _value(cell: Any) -> str:
    """A cell as a CSV export of it would hold it: a date as ISO, a number as written."""
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind == "date" and cell.get(f"{{{_OFFICE}}}date-value"):
        return str(cell.get(f"{{{_OFFICE}}}date-value")).split("T00:00:00")[0]
    paragraphs = ["".join(p.itertext()) for p in cell.iter(f"{{{_TEXT}}}p")]
    return "\n".join(paragraphs)


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 1
