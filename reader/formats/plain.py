"""Plain text and Markdown: the headline line is the title, the rest is the body.

Files from the wild (issue 16) open with debris: the page's URL on a line (the article's ``url``), a
date line (its ``date``), script and ad code (dropped, see ``debris.py``). The title is the first
line left when it reads as a headline; else the headline the file name holds; else the first
sentence.

A ``.txt`` keeps one paragraph per non-empty line (how scrapers write them), unless it is
hard-wrapped like an e-mail: short lines in blank-line-separated blocks. Markdown wraps a paragraph
over several lines and separates paragraphs with a blank line, so there (and in hard-wrapped text)
consecutive lines are joined back into one paragraph. Markdown written for static-site generators (Jekyll, Hugo)
starts with a front-matter block (``---`` … ``---`` of ``key: value`` lines) that carries the
title, date, tags and the rest; those fields are read from it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reader.formats.bylines import Header, header_lines
from reader.formats.dates import date_line_date, field_date, unreadable_date
from reader.formats.debris import (
    clean_lines,
    has_arabic,
    is_latin_only,
    mostly_arabic,
    url_of_line,
)
from reader.formats.front_matter import Meta, front_matter, property_lines
from reader.formats.markup_text import text_of_markup
from reader.formats.titles import (
    TITLE_FROM_FILE_NAME,
    TITLE_FROM_FIRST_SENTENCE,
    file_name_wins,
    reads_as_headline,
    title_from_filename,
    title_from_text,
)
from reader.model import Article

_ADDRESS = re.compile(r"(?i)https?://\S+$")
_SENTENCE_ENDS = (".", "!", "?", "؟", ":", "»", '"', "…")
_TAG_SPLIT = re.compile(r"\s*[,،;؛]\s*")

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S")
_WS = re.compile(r"[ \t\f\v\u00a0]+")
# how many of the first lines may hold the page's URL and date (title, URL, date, byline, ...)
_HEAD_LINES = 6
_SLICE = 1 << 16  # characters


def parse_plain(text: str, *, rel_path: str, markdown: bool = False) -> Article | None:
    """The article of a plain text or Markdown file; None when it has no line with text."""
    meta: Meta = {}
    if markdown:
        meta, text = front_matter(text)
    lines = _clean_lines(text_of_markup(text), markdown=markdown)
    raw_date = meta.get("date")
    head, lines = _read_head(lines, want_url=not meta.get("url"), want_date=not raw_date)
    start = next((i for i, line in enumerate(lines) if line), None)
    if start is None and not meta.get("title"):
        return None
    problems: list[str] = []
    note = None
    if isinstance(meta.get("title"), str) and meta["title"]:
        title, rest = str(meta["title"]), lines
        if start is not None and _heading_text(lines[start]) == collapse_spaces(title).strip():
            # blog engines' templates repeat the front matter's title as the first heading
            rest = _after_setext(lines[start + 1 :], markdown)
    else:
        assert start is not None
        title, rest, note = _title(lines, start, rel_path=rel_path, markdown=markdown)
        if note:
            problems.append(note)
    # Notion's property lines under the page's heading ("Source: …", "URL: …")
    properties, taken = property_lines(rest, 0)
    if taken:
        rest = [line for i, line in enumerate(rest) if i not in set(taken)]
        meta = {**properties, **meta}
        raw_date = meta.get("date")
    # under a headline line only: a text that opens with its first paragraph keeps every line
    header, rest = header_lines(rest) if note is None else (Header(), rest)
    if markdown or _hard_wrapped(rest):
        body = _markdown_paragraphs(rest)
    else:
        body = "\n".join(line for line in rest if line)
    if not body:
        problems.append("no body text: the file holds only a title line")
    date = field_date(raw_date) if isinstance(raw_date, str) and raw_date else head.date
    date = date or header.date
    if raw_date and date is None:
        problems.append(unreadable_date(str(raw_date)))
    tags = meta.get("tags", [])
    tags = list(tags) if isinstance(tags, list) else [t for t in _TAG_SPLIT.split(tags) if t]
    # a post in several categories: the first is its section, the others stand with its tags
    categories = meta.get("category")
    if isinstance(categories, list):
        tags += [c for c in categories[1:] if c not in tags]
        category = categories[0] if categories else None
    else:
        category = categories or None
    source, url = _one(meta.get("source")), _one(meta.get("url"))
    if source and _ADDRESS.match(source):  # web clippers' "source:" is the page's address
        source, url = None, url or source
    return Article(
        id=rel_path,
        title=title,
        body=body,
        date=date,
        source=source or header.source,
        url=url or head.url,
        author=_one(meta.get("author")) or header.author,
        category=category,
        tags=tuple(tags),
        problems=tuple(problems),
        path=rel_path,
    )


# a date label over a time of day alone, as pages print it above or under the headline; a bare
# "2:01" without a label or a half-day mark may be a record, a score or a verse
_TIME_LINE = re.compile(
    r"^\W*(?:(?:(?:آخر|اخر)\s+(?:تحديث|تعديل)|تم\s+(?:التحديث|النشر)|نشر\s+في|(?:last\s+)?updated"
    r"|published|posted)\s*(?:(?:في|at|on)\s+)?[:：\-–|]?\s*(?P<labelled>\d{1,2}[:.]\d{2})"
    r"|(?P<bare>\d{1,2}[:.]\d{2}))(?::\d{2})?"
    r"\s*(?P<half>ص|م|صباحا|مساء|am|pm|a\.m\.|p\.m\.)?\s*(?:\(?(?:gmt|utc|بتوقيت\s+\S+(?:\s+\S+)?)\)?"
    r"[^\w]*\d*[^\w]*)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Head:
    url: str | None = None
    date: dt.date | None = None


def _clean_lines(text: str, *, markdown: bool) -> list[str]:
    """The lines of ``text`` without script, ad and share lines (``debris.clean_lines``).

    In Markdown such a line leaves a blank line, so the paragraphs around it are not joined; in
    a ``.txt`` it goes, so the shape the hard-wrap test sees is the text's own.
    """
    lines = [collapse_spaces(raw) for raw in text.split("\n")]
    cleaned = clean_lines(lines)
    return [kept for line, kept in zip(lines, cleaned, strict=True) if kept or not line or markdown]


def _read_head(lines: list[str], *, want_url: bool, want_date: bool) -> tuple[_Head, list[str]]:
    """The page's URL line and date line among the first lines, and the lines without them.

    Scrapers print them above or under the headline (issue 16); further down, a line holding a
    date or a link is the article's own text and stays.
    """
    url: str | None = None
    date: dt.date | None = None
    head = [i for i, line in enumerate(lines) if line][:_HEAD_LINES]
    if len(head) < 2:
        return _Head(), lines  # a lone line is the text itself, whatever it holds
    taken: set[int] = set()
    for i in head:
        if want_url and url is None and (found := url_of_line(lines[i])) is not None:
            url = found
            taken.add(i)
        elif want_date and (day := date_line_date(lines[i])) is not None:
            date = date or day
            taken.add(i)
        elif (stamp := _TIME_LINE.match(lines[i])) and (stamp["labelled"] or stamp["half"]):
            taken.add(i)  # "آخر تحديث: 10:15 ص": a time without its day says nothing of the article
    if not taken:
        return _Head(), lines
    return _Head(url, date), [line for i, line in enumerate(lines) if i not in taken]


def _title(
    lines: list[str], start: int, *, rel_path: str, markdown: bool
) -> tuple[str, list[str], str | None]:
    """Title, the lines left for the body, and a note when no line of the text is the title.

    A headline-shaped first line is the title (a Markdown heading always is), unless the file
    name holds another headline (``titles.file_name_wins``); else the file name, when it reads as
    a headline; else the first sentence, and the body keeps every line. In an
    Arabic article a Latin-only line (a byline or site name) is never the title: up to two of them
    above the headline are passed over and stay in the body.
    """
    first = lines[start]
    underlined = start + 1 < len(lines) and _SETEXT.match(lines[start + 1]) is not None
    if markdown and (_HEADING.match(first) or underlined):
        title = _HEADING.sub("", first).strip().rstrip("#").strip() or first
        return title, _after_setext(lines[start + 1 :], markdown), None
    # a first line with Arabic letters is neither a byline nor passed over: no need to count
    arabic = has_arabic(first) or mostly_arabic(" ".join(lines[start : start + 40]))
    candidate = start
    following = [i for i, line in enumerate(lines) if line and i > start][:2]
    for i in following:
        if not (arabic and is_latin_only(lines[candidate])):
            break
        candidate = i
    line = lines[candidate]
    from_name = title_from_filename(rel_path)
    alone = not any(lines[candidate + 1 :])
    if reads_as_headline(line, arabic=arabic) and not (
        from_name and file_name_wins(line, from_name, alone=alone)
    ):
        rest = lines[start:candidate] + _after_setext(lines[candidate + 1 :], markdown)
        return line, rest, None
    if from_name:
        return from_name, lines[start:], TITLE_FROM_FILE_NAME
    title = title_from_text(lines[start:], arabic=arabic)
    return title, lines[start:], TITLE_FROM_FIRST_SENTENCE


def _heading_text(line: str) -> str:
    """A line's text without Markdown heading marks and emphasis."""
    text = _HEADING.sub("", line).strip().rstrip("#").strip().strip("*_").strip()
    return collapse_spaces(text)


def _after_setext(rest: list[str], markdown: bool) -> list[str]:
    if markdown and rest and _SETEXT.match(rest[0]):  # Title\n=====
        return rest[1:]
    return rest


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


def has_front_matter(text: str) -> bool:
    """Does ``text`` open with a front matter that names a field we know (a static site's page, a
    note-taking app's web clip)? Its ``source:`` must not make it read as a scraped page's
    source line."""
    return bool(front_matter(text)[0])


def _markdown_paragraphs(lines: list[str]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line or _HEADING.match(line) or _SETEXT.match(line) or _LIST_ITEM.match(line):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if line and _HEADING.match(line):
                paragraphs.append(_HEADING.sub("", line).strip())
            elif line and _LIST_ITEM.match(line):
                current = [line]  # an item of a list is a line of its own, with its mark
            continue
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(p for p in paragraphs if p)
