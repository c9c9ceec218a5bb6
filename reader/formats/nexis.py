"""News-database exports in the Nexis layout (Word, RTF turned text, or plain text): one file
holds one or many documents, each ending in an "End of Document" line.

A document is a head of metadata lines (title, publication, date, then labelled lines such as
"Byline:", "Section:", "Length:"), the line "Body", the article's paragraphs, and a tail that
starts at "Classification", "Graphic", "Notes" or "Load-Date:" (subject terms, the date the
database loaded it). The labels stay English whatever the article's language. A file's cover
page (the list of documents it holds) has no "Body" line and is no article.
"""

from __future__ import annotations

import re

from reader.formats.dates import date_line_date, parse_date
from reader.model import Article, LoadProblem

_END = "End of Document"
_BODY = "Body"
_TAIL = re.compile(r"^(?:Classification|Graphic|Notes|Load-Date:.*)$")
_LABEL = re.compile(r"^(Byline|Section|Length|Dateline|Highlight|Copyright|Language):?\s*(.*)$")


def looks_nexis(text: str) -> bool:
    """A text in the Nexis layout: an "End of Document" line and a "Body" line."""
    if _END not in text:  # substring first: this runs on every text file
        return False
    lines = {line.strip() for line in text.split("\n")}
    return _END in lines and _BODY in lines


def parse_nexis(text: str, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """The documents of a Nexis export; ids ``file#N`` when it holds several."""
    chunks = [_lines(chunk) for chunk in re.split(r"(?m)^[ \t]*End of Document[ \t]*$", text)]
    documents = [chunk for chunk in chunks if _BODY in chunk]
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, lines in enumerate(documents, 1):
        article_id = f"{rel_path}#{number}" if len(documents) > 1 else rel_path
        article = _document(lines, article_id=article_id, rel_path=rel_path)
        if article is None:
            problems.append(
                LoadProblem(rel_path, f"document {number}: no text after its 'Body' line")
            )
        else:
            articles.append(article)
    return articles, problems


def _lines(chunk: str) -> list[str]:
    return [line.strip() for line in chunk.split("\n")]


def _document(lines: list[str], *, article_id: str, rel_path: str) -> Article | None:
    at = lines.index(_BODY)
    head = [line for line in lines[:at] if line]
    body: list[str] = []
    for line in lines[at + 1 :]:
        if _TAIL.match(line):
            break
        if line:
            body.append(line)
    if not body:
        return None
    fields: dict[str, str] = {}
    plain: list[str] = []  # the unlabelled lines above the first label
    for line in head:
        label = _LABEL.match(line)
        if label:
            fields.setdefault(label.group(1), label.group(2).strip())
        elif not fields:
            plain.append(line)
    problems: list[str] = []
    # anchored on the date line, the last one above the labels (a bulk export's cover page may
    # stand above the first document): title, publication, date
    at_date = next(
        (i for i in range(len(plain) - 1, -1, -1) if date_line_date(plain[i])), len(plain)
    )
    date = date_line_date(plain[at_date]) if at_date < len(plain) else None
    named = plain[max(0, at_date - 2) : at_date]
    if not named:
        named = [body[0]]
        problems.append("no title line: the first paragraph is the title")
    title, source = named[0], (named[1] if len(named) > 1 else None)
    if date is None:
        load = next((line for line in lines[at:] if line.startswith("Load-Date:")), "")
        date = parse_date(load.partition(":")[2])
        if date is not None:
            problems.append("no date line: dated by its Load-Date, when the database loaded it")
    section = fields.get("Section", "").split(";")[0].strip()
    return Article(
        id=article_id,
        title=title,
        body="\n".join(body),
        date=date,
        source=source,
        author=fields.get("Byline") or None,
        category=section or None,
        problems=tuple(problems),
        path=rel_path,
    )
