"""Plain text and Markdown: the first non-empty line is the title, the rest is the body.

A ``.txt`` keeps one paragraph per non-empty line (how scrapers write them). Markdown wraps a
paragraph over several lines and separates paragraphs with a blank line, so there consecutive lines
are joined back into one paragraph.
"""

from __future__ import annotations

import re

from reader.model import Article

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
_WS = re.compile(r"[ \t\f\v\u00a0]+")


def parse_plain(text: str, *, rel_path: str, markdown: bool = False) -> Article | None:
    """The article of a plain text or Markdown file; None when it has no line with text."""
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    start = next((i for i, line in enumerate(lines) if line), None)
    if start is None:
        return None
    title = _HEADING.sub("", lines[start]).strip().rstrip("#").strip() if markdown else lines[start]
    if not title:
        title = lines[start]
    rest = lines[start + 1 :]
    if markdown and rest and _SETEXT.match(rest[0]):  # Title\n=====
        rest = rest[1:]
    body = _markdown_paragraphs(rest) if markdown else "\n".join(line for line in rest if line)
    problems: tuple[str, ...] = ()
    if not body:
        problems = ("no body text: the file holds only a title line",)
    return Article(id=rel_path, title=title, body=body, problems=problems, path=rel_path)


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
