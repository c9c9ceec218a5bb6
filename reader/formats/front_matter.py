"""The fields a Markdown or text file declares above its text: a static site's or a note-taking
app's front matter, in YAML (``---``, Jekyll, Hugo, Obsidian's web clipper) or TOML (``+++``,
Hugo), and the property lines Notion writes under a page's heading (``Source: …``,
``URL: …``, ``Tags: …``). Only the fields the reader knows are taken.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

Meta = dict[str, str | list[str]]

YAML_BLOCK = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
TOML_BLOCK = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
FIELD_NAMES = {
    "title": "title",
    "date": "date",
    "published": "date",
    "date_published": "date",
    "pubdate": "date",
    "tags": "tags",
    "keywords": "tags",
    "author": "author",
    "source": "source",
    "url": "url",
    "link": "url",
    "category": "category",
    "categories": "category",
}
# Notion's property lines: a known name, a colon, a value; a few in a row under the heading
_PROPERTY = re.compile(
    r"^(?P<key>Source|URL|Link|Date|Created|Published|Tags|Keywords|Author|Category"
    r"|المصدر|الرابط|التاريخ|الوسوم|الكاتب|القسم)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
_PROPERTY_NAMES = {
    "created": "date",
    "المصدر": "source",
    "الرابط": "url",
    "التاريخ": "date",
    "الوسوم": "tags",
    "الكاتب": "author",
    "القسم": "category",
}
_LIST_SPLIT = re.compile(r"\s*[,،;؛]\s*")
_MOST_PROPERTY_LINES = 12


def front_matter(text: str) -> tuple[Meta, str]:
    """The known fields of ``text``'s front matter (none when it names no field the reader
    knows, ``layout: post``), and the text after it; ``({}, text)`` when it opens with none."""
    match = YAML_BLOCK.match(text, 0, 65536)
    if match is not None:
        return _yaml(match.group(1)), text[match.end() :]
    match = TOML_BLOCK.match(text, 0, 65536)
    if match is not None and (meta := _toml(match.group(1))) is not None:
        return meta, text[match.end() :]
    return {}, text


def property_lines(lines: list[str], start: int) -> tuple[Meta, list[int]]:
    """The fields of the property lines that follow line ``start`` (blank lines between them
    allowed), and their indexes; two at least, or none: one "Date: …" line may be text."""
    meta: Meta = {}
    taken: list[int] = []
    for i in range(start, min(len(lines), start + 2 * _MOST_PROPERTY_LINES)):
        line = lines[i].strip()
        if not line:
            continue
        match = _PROPERTY.match(line)
        if match is None:
            break
        key = match["key"].lower()
        field = (
            FIELD_NAMES.get(key) or _PROPERTY_NAMES.get(key) or _PROPERTY_NAMES.get(match["key"])
        )
        value = match["value"].strip()
        if field and field not in meta:
            meta[field] = _LIST_SPLIT.split(value) if field == "tags" else value
        taken.append(i)
    return (meta, taken) if len(taken) >= 2 else ({}, [])


def _yaml(block: str) -> Meta:
    """The known fields of a YAML block, read without a YAML parser: ``key: value``,
    ``key: [a, b]`` and ``key:`` followed by ``- item`` lines."""
    meta: Meta = {}
    key: str | None = None
    for line in block.split("\n"):
        item = line.strip()
        if item.startswith("- ") and key is not None:
            listed = meta.setdefault(key, [])
            if isinstance(listed, list):
                listed.append(unquote(item[2:]))
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            continue
        key = FIELD_NAMES.get(match.group(1).lower())
        if key is None or key in meta:  # unknown, or a second spelling of a known field
            key = None
            continue
        value = match.group(2)
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [unquote(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            meta[key] = unquote(value)
    return meta


def _toml(block: str) -> Meta | None:
    """The known fields of a TOML block; None when it is no TOML (then no front matter)."""
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return None
    meta: Meta = {}
    for name, value in data.items():
        key = FIELD_NAMES.get(name.lower())
        if key is None or key in meta:
            continue
        shown = _toml_value(value)
        if shown:
            meta[key] = shown
    return meta


def _toml_value(value: Any) -> str | list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str | int | float) and str(v).strip()]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip() if isinstance(value, str | int | float) else ""


def unquote(value: str) -> str:
    """A YAML scalar's text: quotes off, and a note-taking app's link brackets (Obsidian's web
    clipper writes ``author: "[[Name]]"``)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    if value.startswith("[[") and value.endswith("]]"):
        value = value[2:-2].split("|", 1)[-1]
    return value.strip()
