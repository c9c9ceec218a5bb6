"""The XML tree of a news file (``xmlnews.py``): parsed without expanding entities, with no DTD and
no network, and read by element names whatever their namespace; the text of an element as
paragraphs, its date from attributes or text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from html.entities import name2codepoint
from typing import Any

from reader.formats.dates import parse_date
from reader.formats.html import element_text, has_tags, html_text

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# HTML's named entities, less the five XML defines itself
_HTML_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]{1,31});")
# attributes that carry a date in NITF, NewsML and TimeML
_DATE_ATTRIBUTES = ("norm", "value", "datetime", "content", "date")
# paragraphs inside a text element: then its newlines are only line wrapping
_PARAGRAPH_NAMES = frozenset({"p", "para", "paragraph", "br", "div", "li", "hl2"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def safe_parser(*, recover: bool = False) -> Any:
    """lxml's XML parser for files from anywhere."""
    from lxml import etree

    # no entity expansion, no DTD, no network: the file decides nothing about what is fetched
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def parse_xml(text: str) -> tuple[Any, str]:
    """(root element, error): the error (lxml's message, naming the line and column) says the
    XML was malformed and the root comes from a lenient second reading, or, with no root, that
    not even that worked."""
    from lxml import etree

    # lxml refuses a str that declares its encoding: the text is decoded already
    source = _XML_DECLARATION.sub("", text, count=1)
    try:
        return etree.fromstring(source, safe_parser(recover=False)), ""
    except etree.XMLSyntaxError as exc:
        error = str(exc.msg or exc)
    if "not defined" in error and _HTML_ENTITY.search(source):
        # feeds written by HTML tools use &nbsp; &laquo; …, which XML does not define
        source = _HTML_ENTITY.sub(_numeric_entity, source)
        try:
            return etree.fromstring(source, safe_parser(recover=False)), ""
        except etree.XMLSyntaxError as exc:
            error = str(exc.msg or exc)
    try:
        root = etree.fromstring(source, safe_parser(recover=True))
    except etree.XMLSyntaxError:
        root = None
    return root, error


def _numeric_entity(match: re.Match[str]) -> str:
    code = name2codepoint.get(match.group(1))
    return f"&#{code};" if code is not None else match.group(0)


def entities_note(root: Any) -> str:
    """Entity references are never expanded (a billion-laughs file would expand to gigabytes):
    their text is left out, and the articles say so."""
    from lxml import etree

    names = unique(f"&{e.name};" for e in root.iter(etree.Entity))
    if not names:
        return ""
    return f"entity references not expanded, their text left out: {', '.join(names[:5])}"


def local_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def children_named(element: Any, *names: str) -> Iterator[Any]:
    for child in element:
        if local_name(child) in names:
            yield child


def child_named(element: Any, *names: str) -> Any:
    """The first child named by the first of ``names`` that has one."""
    for name in names:
        for child in children_named(element, name):
            return child
    return None


def line_text(element: Any) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def text_paragraphs(text: str) -> str:
    """Plain text as paragraphs: blank-line blocks (their wrapped lines joined) when there are
    blank lines, else one paragraph a line."""
    text = text.strip("\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return "\n".join(" ".join(block.split()) for block in blocks if block.strip())


def line_paragraphs(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def element_body(element: Any) -> str:
    """The paragraphs of a text element: its paragraph elements, HTML escaped inside it, or its
    own lines."""
    if element is None:
        return ""
    if any(local_name(e) in _PARAGRAPH_NAMES for e in element.iter()):
        # newlines in the text are line wrapping; the paragraph elements break lines
        return line_paragraphs(element_text(spaced(element)))
    text = "".join(text_nodes(element))
    if has_tags(text):
        return html_text(text)
    return text_paragraphs(text)


def spaced(element: Any) -> Any:
    """A copy of ``element`` whose text nodes hold no newlines (``element_text`` then breaks
    lines at its block elements only)."""
    from copy import deepcopy

    copy = deepcopy(element)
    for node in copy.iter():
        if isinstance(node.tag, str) and node.text:
            node.text = node.text.replace("\n", " ")
        if node is not copy and node.tail:
            node.tail = node.tail.replace("\n", " ")
    return copy


def text_nodes(element: Any) -> Iterator[str]:
    """The text of ``element`` and its descendants (entity references not expanded: left out)."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from text_nodes(child)
        if child.tail:
            yield child.tail


def element_date(elements: Iterable[Any]) -> tuple[dt.date | None, str]:
    """The first date the elements give (attribute or text), and the first raw value seen."""
    raw = ""
    for element in elements:
        values = [element.get(a) for a in _DATE_ATTRIBUTES] + [line_text(element)]
        for value in values:
            if value:
                raw = raw or value
                found = parse_date(value)
                if found is not None:
                    return found, raw
    return None, raw


def unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        text = " ".join(value.split())
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)
