"""Plain text and Markdown: the first non-empty line is the title, the rest is the body.

A ``.txt`` keeps one paragraph per non-empty line (how scrapers write them), unless it is
hard-wrapped like an e-mail: short lines in blank-line-separated blocks. Markdown wraps a paragraph
over several lines and separates paragraphs with a blank line, so there (and in hard-wrapped text)
consecutive lines are joined back into one paragraph. Markdown written for static-site generators (Jekyll, Hugo)
starts with a front-matter block (``---`` … ``---`` of ``key: value`` lines) that carries the
title, date, tags and the rest; those fields are read from it.
"""

from __future__ import annotations

import re

from reader.formats.dates import parse_date
from reader.model import Article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_SENTENCE_ENDS = (".", "!", "?", "؟", ":", "»", '"', "…")
_TAG_SPLIT = re.compile(r"\s*[,،;؛]\s*")
_KEY_VALUE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_FRONT_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "tags": "tags",
    "keywords": "tags",
    "author": "author",
    "source": "source",
    "url": "url",
    "link": "url",
    "category": "category",
    "categories": "category",
}

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
_WS = re.compile(r"[ \t\f\v\u00a0]+")
_SLICE = 1 << 16  # characters


def parse_plain(text: str, *, rel_path: str, markdown: bool = False) -> Article | None:
    """The article of a plain text or Markdown file; None when it has no line with text."""
    meta: dict[str, str | list[str]] = {}
    if markdown:
        match = _FRONT_MATTER.match(text)
        if match is not None:
            meta = _front_matter(match.group(1))
            text = text[match.end() :]
    lines = [collapse_spaces(line) for line in text.split("\n")]
    start = next((i for i, line in enumerate(lines) if line), None)
    if start is None and not meta.get("title"):
        return None
    if isinstance(meta.get("title"), str) and meta["title"]:
        title, rest = str(meta["title"]), lines
    else:
        assert start is not None
        title = lines[start]
        if markdown:
            title = _HEADING.sub("", title).strip().rstrip("#").strip() or title
        rest = lines[start + 1 :]
        if markdown and rest and _SETEXT.match(rest[0]):  # Title\n=====
            rest = rest[1:]
    if markdown or _hard_wrapped(rest):
        body = _markdown_paragraphs(rest)
    else:
        body = "\n".join(line for line in rest if line)
    problems: list[str] = []
    if not body:
        problems.append("no body text: the file holds only a title line")
    raw_date = meta.get("date")
    date = parse_date(raw_date) if isinstance(raw_date, str) and raw_date else None
    if raw_date and date is None:
        problems.append(f"unreadable date: {raw_date!r}")
    tags = meta.get("tags", [])
    return Article(
        id=rel_path,
        title=title,
        body=body,
        date=date,
        source=_one(meta.get("source")),
        url=_one(meta.get("url")),
        author=_one(meta.get("author")),
        category=_one(meta.get("category")),
        tags=tuple(tags)
        if isinstance(tags, list)
        else tuple(t for t in _TAG_SPLIT.split(tags) if t),
        problems=tuple(problems),
        path=rel_path,
    )


def collapse_spaces(line: str) -> str:
    """The line with each run of spaces as one space, stripped. A long line is done a slice at a
    time, each slice ending before a non-space: re.sub holds a new string per match until it
    joins them, ~80 bytes a space, 440 MB for a 60 MB one-line article (issue 17)."""
    if len(line) <= _SLICE:
        return _WS.sub(" ", line).strip()
    parts = []
    start = 0
    while start < len(line):
        end = min(start + _SLICE, len(line))
        run = _WS.match(line, end)
        if run is not None:
            end = run.end()  # a run of spaces stays in one slice
        parts.append(_WS.sub(" ", line[start:end]))
        start = end
    return "".join(parts).strip()


def _hard_wrapped(lines: list[str]) -> bool:
    """Short lines (median <= 80 characters) in two or more blocks of several lines between blank
    lines, most lines inside such blocks and most of them not ending a sentence. Scraped pages
    put a paragraph on one long line, and one-line paragraphs end with a full stop."""
    text_lines = [line for line in lines if line]
    if len(text_lines) < 4 or len(text_lines) == len(lines):
        return False
    lengths = sorted(len(line) for line in text_lines)
    if lengths[len(lengths) // 2] > 80:
        return False
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    wrapped = [block for block in blocks if len(block) >= 2]
    inner = [line for block in wrapped for line in block[:-1]]  # lines that are not a block's last
    ended = sum(1 for line in inner if line.endswith(_SENTENCE_ENDS))
    return (
        len(wrapped) >= 2
        and sum(len(block) for block in wrapped) >= 0.7 * len(text_lines)
        and ended <= len(inner) // 2
    )


def _one(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return ", ".join(value) or None
    return value or None


def _front_matter(block: str) -> dict[str, str | list[str]]:
    """The fields of a YAML front matter we know, read without a YAML parser: ``key: value``,
    ``key: [a, b]`` and ``key:`` followed by ``- item`` lines."""
    meta: dict[str, str | list[str]] = {}
    key: str | None = None
    for line in block.split("\n"):
        item = line.strip()
        if item.startswith("- ") and key is not None:
            listed = meta.setdefault(key, [])
            if isinstance(listed, list):
                listed.append(_unquote(item[2:]))
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            continue
        key = _FRONT_KEYS.get(match.group(1).lower())
        if key is None or key in meta:  # unknown, or a second spelling of a known field
            key = None
            continue
        value = match.group(2)
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            meta[key] = _unquote(value)
    return meta


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _markdown_paragraphs(lines: list[str]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line or _HEADING.match(line) or _SETEXT.match(line):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if line and _HEADING.match(line):
                paragraphs.append(_HEADING.sub("", line).strip())
            continue
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(p for p in paragraphs if p)
