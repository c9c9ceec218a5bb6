"""trafilatura's own outputs (``xmlnews.py``): its XML (``<doc title= author= date= url=
sitename=…><main>…</main><comments>…</comments></doc>``) and its TEI (``<TEI><teiHeader>…
<text><body><div type="entry">…<div type="comments">…``), and other TEI documents.

The main text is the body; the reader comments are no part of the article (they would mix
readers' words into its text, its names and its counts), so they are kept beside it, as the
article's ``comments`` field in exports, never dropped.
"""

from __future__ import annotations

import re
from typing import Any

from reader.formats.dates import date_line_date
from reader.formats.xml_item import Item, dated, dated_text
from reader.formats.xml_tree import (
    child_named,
    children_named,
    line_paragraphs,
    line_text,
    local_name,
    spaced,
    unique,
)

# the elements trafilatura (and TEI) writes a text with that each start a line
_BLOCKS = frozenset(
    {"p", "head", "ab", "quote", "list", "item", "table", "row", "code", "div", "lg", "l"}
    | {"lb", "fw", "figure", "note"}
)
_SPLIT = re.compile(r"\s*[,،;؛]\s*")
# trafilatura's publisher: "sitename (hostname)"
_PUBLISHER = re.compile(r"(?P<name>.+?)\s*\((?P<host>[\w.-]+\.[a-z]{2,})\)\s*$", re.IGNORECASE)
COMMENTS = "comments"


def is_trafilatura_xml(root: Any) -> bool:
    return local_name(root) == "doc" and child_named(root, "main") is not None


def is_tei(root: Any) -> bool:
    return local_name(root) == "tei" and child_named(root, "text") is not None


def trafilatura_item(root: Any) -> Item:
    """An article of trafilatura's XML: its metadata in the root's attributes."""
    item = _with_text([child_named(root, "main")], [child_named(root, "comments")])
    if item.reason:
        return item
    item.title = _attribute(root, "title")
    item.author = ", ".join(_SPLIT.split(_attribute(root, "author"))) if root.get("author") else ""
    item.date = dated_text(item, _attribute(root, "date"))
    item.url = _attribute(root, "url")
    item.source = _attribute(root, "sitename") or _attribute(root, "hostname")
    item.category = ", ".join(unique(_SPLIT.split(_attribute(root, "categories"))))
    item.tags = unique(_SPLIT.split(_attribute(root, "tags")))
    item.body = _without_title(item.body, item.title)
    return item


def tei_item(root: Any) -> Item:
    """An article of a TEI document: its text's body less the comments, its header's fields."""
    body = child_named(child_named(root, "text"), "body")
    divisions = list(children_named(body, "div")) if body is not None else []
    comments = [d for d in divisions if d.get("type") == COMMENTS]
    entry = [d for d in divisions if d.get("type") != COMMENTS] if comments else [body]
    item = _with_text(entry, comments)
    if item.reason:
        return item
    header = child_named(root, "teiheader")
    if header is None:
        return item
    titles = [e for e in header.iter("{*}title") if line_text(e)]
    main = [e for e in titles if e.get("type") == "main"]
    item.title = line_text((main or titles)[0]) if titles else ""
    authors = (a for e in _first_statement(header, "author") for a in _SPLIT.split(line_text(e)))
    item.author = ", ".join(unique(authors))
    item.source = _publisher(header)
    pointers = [e.get("target", "") for e in header.iter("{*}ptr") if e.get("type") == "URL"]
    item.url = next((p for p in pointers if p), "")
    # the publication's date, never the profile's download date
    dates = [e for e in header.iter("{*}date") if e.get("type") not in ("download", "update")]
    item.date = dated(item, dates) if dates else _bibl_date(header)
    terms = list(header.iter("{*}term"))
    item.category = ", ".join(
        unique(
            c for e in terms if e.get("type") == "categories" for c in _SPLIT.split(line_text(e))
        )
    )
    tagged = [e for e in terms if e.get("type") != "categories"]
    keywords = tagged or [e for e in header.iter("{*}keywords") if not len(e)]
    item.tags = unique(t for e in keywords for t in _SPLIT.split(line_text(e)))
    item.body = _without_title(item.body, item.title)
    return item


def _with_text(main: list[Any], comments: list[Any]) -> Item:
    item = Item(body=_texts(main))
    if not item.body:
        item.reason = "no article text (its main text is empty)"
    elif said := _texts(comments):
        item.extra = ((COMMENTS, said),)
    return item


def _texts(elements: list[Any]) -> str:
    return "\n".join(t for t in (_text(e) for e in elements if e is not None) if t)


def _text(element: Any) -> str:
    """An element's paragraphs: a line for each block element (``p``, ``head``, ``item``…)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            return
        block = local_name(node) in _BLOCKS
        parts.append("\n" if block else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        # a table's cells are apart, not glued
        parts.append("\n" if block else " " if local_name(node) == "cell" else "")
        parts.append(node.tail or "")

    copy = spaced(element)
    copy.tail = None
    walk(copy)
    return line_paragraphs("".join(parts))


def _without_title(body: str, title: str) -> str:
    """A text whose first line is its headline again (trafilatura keeps the page's <h1>)."""
    first, _, rest = body.partition("\n")
    return rest if title and rest and " ".join(first.split()) == title else body


def _attribute(element: Any, name: str) -> str:
    return " ".join((element.get(name) or "").split())


def _first_statement(header: Any, name: str) -> list[Any]:
    return [e for e in header.iter(f"{{*}}{name}") if line_text(e)]


def _publisher(header: Any) -> str:
    for element in header.iter("{*}publisher", "{*}distributor", "{*}authority"):
        text = line_text(element)
        if text and text != "N/A":
            match = _PUBLISHER.fullmatch(text)
            return match["name"] if match else text
    return ""


def _bibl_date(header: Any) -> Any:
    """A date written as one piece of a citation (``author, title, 2024-03-02, site``)."""
    for bibl in header.iter("{*}bibl"):
        for piece in _SPLIT.split(line_text(bibl)):
            date = date_line_date(piece)
            if date is not None:
                return date
    return None
