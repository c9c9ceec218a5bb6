"""Reading JSON text that Python's ``json`` cannot take whole, for ``jsonfmt``.

Hostile values cost their own item (or field), never the file: a number too long for Python's
``int`` and a value nested deeper than the parser's recursion are read as ``Unreadable``; a file
too deep to read at once is split into its members and read one by one (``load``). A JSON Lines
file keeps a line it cannot read as a ``LineError`` in the item's place (``json_lines``).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any

# Where a file too deep for ``json.loads`` is split into its members to read them one by one: the
# file, an article list, an article, a field and its members (deeper, a value is left out whole).
SPLIT_DEPTH = 4
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')
_MEMBER_KEY = re.compile(r'\s*("[^"\\]*(?:\\.[^"\\]*)*")\s*:')


class NotJson(ValueError):
    """The text is not JSON nor JSON Lines; ``str(exc)`` says where it breaks."""


class Unreadable:
    """A JSON value we could not read (``what`` says why): it stands in for the value so the rest
    of its item, line or file still loads."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what = what


class LineError(str):
    """A line of a JSON Lines file that holds no object: the reason, in the item's place."""

    __slots__ = ()


@dataclass(slots=True)
class Reading:
    """What reading one file met: notes about the whole file, whether any value had to be
    read the slow way (only then can an item hold an ``Unreadable``), and notes for each item."""

    notes: list[str]
    slow: bool = False
    # notes that hold for every item of the file (rows read without names), on each article
    item_notes: list[str] = field(default_factory=list)


def is_object_line(line: str) -> bool:
    try:
        return isinstance(load(line, Reading([])), dict)
    except ValueError:
        return False


def load(text: str, reading: Reading, depth: int = 0, *, top: bool = False) -> Any:
    """``json.loads``, except that what Python cannot read becomes ``Unreadable``: a number
    longer than ``int`` converts (4,300 digits), a value nested deeper than the recursion limit
    (the members of a file, an article list or an article that is too deep are read one by one,
    so only the deep one is lost). Raises ``json.JSONDecodeError`` for text that is not JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        pass
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer too long to convert: read the others, keep that one out
        reading.slow = True
        try:
            return json.loads(text, parse_int=_int)
        except RecursionError:
            pass
    reading.slow = True
    if depth >= SPLIT_DEPTH:
        return Unreadable("a value nested too deeply to read")
    split = _members(text)
    if split is None:
        return Unreadable("a value nested too deeply to read")
    if top:
        reading.notes.append(
            "JSON nested too deeply to read at once: its items were read one by one"
        )
    opener, members = split
    if opener == "[":
        return [load(member, reading, depth + 1) for member in members]
    value: dict[str, Any] = {}
    for member in members:
        key = _MEMBER_KEY.match(member)
        if key is None:
            raise json.JSONDecodeError("expected a quoted key", member, 0)
        value[json.loads(key.group(1))] = load(member[key.end() :], reading, depth + 1)
    return value


def _int(digits: str) -> int | Unreadable:
    try:
        return int(digits)
    except ValueError:
        return Unreadable(f"a number of {len(digits.lstrip('-')):,} digits")


def _members(text: str) -> tuple[str, list[str]] | None:
    """The members of the JSON array or object ``text`` as source slices (an object's with their
    keys), found by counting brackets outside strings; None when it is neither."""
    text = text.strip()
    if not text or text[0] not in "[{":
        return None
    members: list[str] = []
    depth = 0
    start = 1
    for token in _TOKEN.finditer(text):
        char = token.group()[0]
        if char == '"':
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                last = text[start : token.start()]
                if last.strip():
                    members.append(last)
                return (text[0], members) if not text[token.end() :].strip() else None
        elif depth == 1:  # a comma between two members
            members.append(text[start : token.start()])
            start = token.end()
    return None


def json_lines(text: str, reading: Reading) -> list[tuple[int, Any]]:
    """JSON Lines: a bad line is kept as an error string so the others still load."""
    items: list[tuple[int, Any]] = []
    count = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        count += 1
        line_reading = Reading([])
        try:
            # a line is one article: if too deep, its fields are read one by one
            value = load(line, line_reading, 1, top=True)
        except json.JSONDecodeError as exc:
            literal = _python_literal(line.strip()) if line.lstrip()[:1] == "{" else None
            if literal is None or len(literal[0]) != 1:
                error = f"line {line_no}: invalid JSON at column {exc.colno}: {exc.msg}"
                items.append((count, LineError(error)))
                continue
            value = literal[0][0]  # a line written with str(item): a Python dict
            if literal[1] not in reading.notes:
                reading.notes.append(literal[1] or "")
        reading.slow = reading.slow or line_reading.slow
        if isinstance(value, Unreadable):
            items.append((count, LineError(f"line {line_no}: {value.what}; left out")))
            continue
        if not isinstance(value, dict):
            deep = bool(line_reading.notes)
            what = (
                "nested too deeply to read"
                if deep
                else f"not a JSON object but {type(value).__name__}"
            )
            error = f"line {line_no}: {what}"
            items.append((count, LineError(error)))
            continue
        items.append((count, value))
    if not any(isinstance(v, dict) for _, v in items):
        first = next((v for _, v in items), "the file is empty")
        raise NotJson(f"no line holds a JSON object ({first})")
    return items


# what a salvaged file may hold at most: a Python literal is parsed in memory at several times
# its size, and a cut list item by item
_SALVAGE_LIMIT = 64 * 1024 * 1024
# ast builds a tree several times the text's size before it gives the value
_LITERAL_LIMIT = 16 * 1024 * 1024
_DECODER = json.JSONDecoder()
_BETWEEN = re.compile(r"[\s,]*")


def salvage(text: str) -> tuple[list[Any], str | None] | None:
    """The values of a file that is not one JSON document but holds JSON: a list cut short (a
    crawl's exporter stopped before writing its closing ``]``), a list with a comma before its
    ``]``, objects written one after another, or a Python literal (``str(items)``, with single
    quotes). Returns the values and a note for the user, or None when nothing can be read."""
    body = text.strip().lstrip("\ufeff")
    if len(body) > _SALVAGE_LIMIT or body[:1] not in ("[", "{"):
        return None
    found = _values(body)
    if found is not None:
        return found
    return _python_literal(body)


def _values(body: str) -> tuple[list[Any], str | None] | None:
    listed = body.startswith("[")
    at = 1 if listed else 0
    values: list[Any] = []
    while True:
        at = _BETWEEN.match(body, at).end()  # type: ignore[union-attr]
        if at >= len(body) or (listed and body[at] == "]"):
            break
        try:
            value, at = _DECODER.raw_decode(body, at)
        except (json.JSONDecodeError, RecursionError):
            if not values:
                return None
            return values, (
                f"the JSON ends part way (after {len(values)} complete item(s), at character "
                f"{at:,}): a crawl or an export that stopped early? The items before are read"
            )
        values.append(value)
    if listed and at >= len(body):
        return values, (
            f"the JSON list has no closing ']' (an export that stopped early?); its "
            f"{len(values)} item(s) are read"
        )
    return values, None


def _python_literal(body: str) -> tuple[list[Any], str | None] | None:
    if "'" not in body or len(body) > _LITERAL_LIMIT:
        return None
    try:
        value = ast.literal_eval(body)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    values = value if isinstance(value, list) else [value]
    return values, "Python literals, not JSON (single quotes): read as such"
