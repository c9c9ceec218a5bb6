"""News-database exports in Factiva's layout (RTF turned text, or plain text): one file holds
one or many documents, each ending in its accession number, a line "Document ALJAZ0020231114…".

Factiva writes a document in one of two ways, both read here:

- as an article: its headline, a "By" line, "523 words", the date (and time), the source's
  name and code, the language, a copyright line, then the text;
- with its indexing, each field after its code: HD headline, BY byline, WC words, PD date,
  SN source, LA language, CY copyright, LP lead paragraphs, TD the text, then subject codes
  (CO, IN, NS, RE...) and AN the accession number.

The labels stay English whatever the article's language.
"""

from __future__ import annotations

import dataclasses
import re

from reader.formats.dates import parse_date
from reader.formats.plain import parse_plain
from reader.model import Article, LoadProblem

_DOCUMENT = re.compile(r"(?m)^[ \t]*(?:AN[ \t]+)?Document[ \t]+[A-Za-z0-9]{16,40}[ \t]*$")
_WORDS = re.compile(r"^\d[\d,.]*\s+words$", re.IGNORECASE)
_CODE = re.compile(
    r"^(HD|BY|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|CT|RF|CO|IN|NS|RE|IPC|IPD|PUB|AN)(?:[ \t]+(.*))?$"
)
_TIME = re.compile(r"^\d{1,2}:\d{2}(?:\s*(?:GMT|UTC|[AP]M))?$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright|\(c\)|©)", re.IGNORECASE)
_LANGUAGES = frozenset({"arabic", "english", "french", "german", "spanish", "persian", "turkish"})
# the lines of an article's head after its word count: date, time, source, code, edition,
# page, language, copyright (at most)
_HEAD_LINES = 10


def looks_factiva(text: str) -> bool:
    """A text in Factiva's layout: a document's accession line and its word count."""
    if "Document " not in text:  # substring first: this runs on every text file
        return False
    if _DOCUMENT.search(text) is None:
        return False
    lines = (line.strip() for line in text.split("\n"))
    return any(_WORDS.match(line) or line.startswith("WC ") for line in lines)


def parse_factiva(text: str, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """The documents of a Factiva export; ids ``file#N`` when it holds several."""
    pieces = _DOCUMENT.split(text)
    chunks = [c for c in pieces[:-1] if c.strip()]
    # after the last accession line: the export's footer ("Search Summary"), or a document
    # whose accession line is missing (an export cut short)
    last = pieces[-1]
    cut = bool(last.strip()) and _document(last, article_id="", path="") is not None
    if cut:
        chunks.append(last)
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, chunk in enumerate(chunks, 1):
        article_id = f"{rel_path}#{number}" if len(chunks) > 1 else rel_path
        article = _document(chunk, article_id=article_id, path=rel_path)
        if cut and number == len(chunks) and article is not None:
            note = "no accession line after this document: the export may be cut short"
            article = dataclasses.replace(article, problems=(*article.problems, note))
        if article is None:
            article = parse_plain(chunk, rel_path=article_id)
            if article is None:
                problems.append(LoadProblem(rel_path, f"document {number}: no text"))
                continue
            note = f"document {number} is not in Factiva's layout: read as plain text"
            article = dataclasses.replace(
                article, path=rel_path, problems=(*article.problems, note)
            )
        articles.append(article)
    return articles, problems


def _document(chunk: str, *, article_id: str, path: str) -> Article | None:
    lines = [line.strip() for line in chunk.split("\n")]
    coded = any(_CODE.match(line) and line[:2] in ("HD", "TD", "LP") for line in lines)
    return (_coded if coded else _article)(lines, article_id=article_id, path=path)


def _article(lines: list[str], *, article_id: str, path: str) -> Article | None:
    """The article layout: everything before "N words" is the headline and byline."""
    at = next((i for i, line in enumerate(lines) if _WORDS.match(line)), None)
    if at is None:
        return None
    before = [line for line in lines[:at] if line]
    author = next((line[3:].strip() for line in before if line.lower().startswith("by ")), None)
    title = " ".join(line for line in before if not line.lower().startswith("by "))
    head: list[str] = []
    rest = lines[at + 1 :]
    for n, line in enumerate(rest[:_HEAD_LINES]):
        head.append(line)
        if _COPYRIGHT.match(line):
            rest = rest[n + 1 :]
            break
    else:
        # no copyright line: the head ends at the language line
        end = next((n for n, line in enumerate(head) if line.lower() in _LANGUAGES), None)
        if end is None:
            return None
        head, rest = head[: end + 1], rest[end + 1 :]
    filled = [line for line in head if line]
    date = next((d for d in (parse_date(line) for line in filled[:2]) if d), None)
    named = [line for line in filled if not (_TIME.match(line) or parse_date(line))]
    source = named[0] if named and not _COPYRIGHT.match(named[0]) else None
    body = "\n".join(line for line in rest if line)
    if not body:
        return None
    return Article(
        id=article_id, title=title, body=body, date=date, source=source, author=author, path=path
    )


def _coded(lines: list[str], *, article_id: str, path: str) -> Article | None:
    """The indexing layout: each field after its code, on the code's line or the next."""
    fields: dict[str, list[str]] = {}
    code: str | None = None
    for line in lines:
        match = _CODE.match(line)
        value = line
        if match is not None:
            code = match.group(1)
            fields.setdefault(code, [])
            value = match.group(2) or ""
        if code is not None and value:
            fields[code].append(value)
    body = "\n".join(fields.get("LP", []) + fields.get("TD", []))
    if not body:
        return None
    date = parse_date(" ".join(fields.get("PD", [])))
    by = " ".join(fields.get("BY", []))
    return Article(
        id=article_id,
        title=" ".join(fields.get("HD", [])),
        body=body,
        date=date,
        source=" ".join(fields.get("SN", [])) or None,
        author=(by[3:] if by.lower().startswith("by ") else by) or None,
        path=path,
    )
