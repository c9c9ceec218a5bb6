"""XML news that is not TREC: TimeML (``.tml``), RSS and Atom feeds, NewsML-like documents.

- TimeML: ``<TimeML><DOCID>…<DCT><TIMEX3 value="1998-02-27" …>…<TITLE>…<TEXT>…``, the text with
  inline ``<EVENT>``, ``<TIMEX3>``, ``<SIGNAL>`` tags; the date is the creation time's value.
- RSS 2.0 (and RSS 1.0) items and Atom entries: one article per item, ``file.xml#N`` as in JSON
  arrays, the HTML of a description or content reduced to paragraphs, the feed's title as source.
- Documents (``<article>``, ``<doc>``, NITF, NewsML): one article per record element, its fields
  found by name (``title``/``headline``/``hl1``, ``text``/``body``/``content``, ``date``…).

The parser is hardened: no entity expansion (billion laughs), no DTD, no network (XXE). Malformed
XML is read once more leniently (with a problem saying so); XML of any other kind is named with
its root element, never skipped in silence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.entities import name2codepoint
from typing import Any

from reader.formats.dates import parse_date
from reader.formats.html import element_text, has_tags, html_text
from reader.model import Article, LoadProblem

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# HTML's named entities, less the five XML defines itself
_HTML_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]{1,31});")
# Elements that are one article each when a file holds several (or is one).
_RECORD_NAMES = frozenset(
    {"article", "doc", "document", "story", "newsitem", "news", "nitf", "record", "post"}
)
# field -> element names (lower case, without namespace), best first
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("headline", "hl1", "hedline", "title", "subject_line"),
    "text": (
        "text",
        "body.content",
        "bodytext",
        "articlebody",
        "article_body",
        "content",
        "datacontent",
        "body",
        "story",
    ),
    "date": (
        "date",
        "pubdate",
        "published",
        "publicationdate",
        "pub_date",
        "date.issue",
        "datetime",
        "firstcreated",
        "versioncreated",
        "time",
        "dateline",
    ),
    "author": ("author", "byline", "creator", "writer"),
    "source": ("source", "src", "publisher", "sitename", "provider"),
    "url": ("url", "link", "uri"),
    "category": ("category", "section", "cat"),
    "tags": ("keyword", "keywords", "tag", "tags"),
}
# attributes that carry a date in NITF, NewsML and TimeML
_DATE_ATTRIBUTES = ("norm", "value", "datetime", "content", "date")
# paragraphs inside a text element: then its newlines are only line wrapping
_PARAGRAPH_NAMES = frozenset({"p", "para", "paragraph", "br", "div", "li", "hl2"})
_TAG_SPLIT = re.compile(r"\s*[,،;؛|]\s*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class XmlNewsResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


@dataclass(slots=True)
class _Item:
    """One article's fields as found, or why it cannot be one (``reason``)."""

    title: str = ""
    body: str = ""
    date: dt.date | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)
    reason: str = ""


def parse_xml_news(text: str, *, rel_path: str) -> XmlNewsResult:
    """Every article of an XML news file; what cannot be read is a problem naming the reason."""
    root, error = _parse(text)
    if root is None:
        return _failed(rel_path, f"malformed XML ({error}): cannot be read")
    lenient = f"malformed XML read leniently ({error}): some text may be missing" if error else ""
    note = "; ".join(n for n in (lenient, _entities_note(root)) if n)
    kind = _local(root)
    if kind == "timeml":
        items, what = [_timeml(root)], "document"
    elif kind in ("rss", "rdf"):
        items, what = _rss(root), "item"
    elif kind == "feed":
        items, what = _atom(root), "entry"
    else:
        records = _records(root)
        if records is None:
            reason = f"XML of an unknown kind (<{root.tag.rsplit('}', 1)[-1]}> root element): not an article layout"
            return _failed(rel_path, _with_note(reason, note))
        items, what = [_record(r) for r in records], "document"
    if error and not any(not item.reason for item in items):
        # what the lenient reading kept holds no article: the file is unreadable, not empty
        return _failed(rel_path, f"malformed XML ({error}): cannot be read")
    return _results(items, what, rel_path=rel_path, note=note)


def _failed(rel_path: str, reason: str) -> XmlNewsResult:
    return XmlNewsResult((), (LoadProblem(rel_path, reason),))


def _results(items: list[_Item], what: str, *, rel_path: str, note: str) -> XmlNewsResult:
    several = len(items) > 1
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, item in enumerate(items, start=1):
        where = f"{what} {number}: " if several else ""
        if item.reason:
            problems.append(LoadProblem(rel_path, where + item.reason))
            continue
        if not item.title:
            words = item.body.split("\n", 1)[0].split()
            item.title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
            item.problems.append("no title element: title made from the first words of the text")
        articles.append(
            Article(
                id=f"{rel_path}#{number}" if several else rel_path,
                title=item.title,
                body=item.body,
                date=item.date,
                source=item.source or None,
                url=item.url or None,
                author=item.author or None,
                category=item.category or None,
                tags=item.tags,
                problems=(note, *item.problems) if note else tuple(item.problems),
                path=rel_path,
            )
        )
    if not items:
        problems.append(LoadProblem(rel_path, _with_note(f"a feed without any {what}", note)))
    return XmlNewsResult(tuple(articles), tuple(problems))


def _with_note(reason: str, note: str) -> str:
    return f"{reason} ({note})" if note else reason


# ------------------------------------------------------------------------------ parsing
def _parser(*, recover: bool) -> Any:
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


def _parse(text: str) -> tuple[Any, str]:
    """(root element, error): the error (lxml's message, naming the line and column) says the
    XML was malformed and the root comes from a lenient second reading, or, with no root, that
    not even that worked."""
    from lxml import etree

    # lxml refuses a str that declares its encoding: the text is decoded already
    source = _XML_DECLARATION.sub("", text, count=1)
    try:
        return etree.fromstring(source, _parser(recover=False)), ""
    except etree.XMLSyntaxError as exc:
        error = str(exc.msg or exc)
    if "not defined" in error and _HTML_ENTITY.search(source):
        # feeds written by HTML tools use &nbsp; &laquo; …, which XML does not define
        source = _HTML_ENTITY.sub(_numeric_entity, source)
        try:
            return etree.fromstring(source, _parser(recover=False)), ""
        except etree.XMLSyntaxError as exc:
            error = str(exc.msg or exc)
    try:
        root = etree.fromstring(source, _parser(recover=True))
    except etree.XMLSyntaxError:
        root = None
    return root, error


def _numeric_entity(match: re.Match[str]) -> str:
    code = name2codepoint.get(match.group(1))
    return f"&#{code};" if code is not None else match.group(0)


def _entities_note(root: Any) -> str:
    """Entity references are never expanded (a billion-laughs file would expand to gigabytes):
    their text is left out, and the articles say so."""
    from lxml import etree

    names = _unique(f"&{e.name};" for e in root.iter(etree.Entity))
    if not names:
        return ""
    return f"entity references not expanded, their text left out: {', '.join(names[:5])}"


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _children(element: Any, *names: str) -> Iterator[Any]:
    for child in element:
        if _local(child) in names:
            yield child


def _child(element: Any, *names: str) -> Any:
    """The first child named by the first of ``names`` that has one."""
    for name in names:
        for child in _children(element, name):
            return child
    return None


def _line(element: Any) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _text_paragraphs(text: str) -> str:
    """Plain text as paragraphs: blank-line blocks (their wrapped lines joined) when there are
    blank lines, else one paragraph a line."""
    text = text.strip("\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return "\n".join(" ".join(block.split()) for block in blocks if block.strip())


def _lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _body(element: Any) -> str:
    """The paragraphs of a text element: its paragraph elements, HTML escaped inside it, or its
    own lines."""
    if element is None:
        return ""
    if any(_local(e) in _PARAGRAPH_NAMES for e in element.iter()):
        # newlines in the text are line wrapping; the paragraph elements break lines
        return _lines(element_text(_spaced(element)))
    text = "".join(_texts(element))
    if has_tags(text):
        return html_text(text)
    return _text_paragraphs(text)


def _spaced(element: Any) -> Any:
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


def _texts(element: Any) -> Iterator[str]:
    """The text of ``element`` and its descendants (entity references not expanded: left out)."""
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _texts(child)
        if child.tail:
            yield child.tail


def _date(elements: Iterable[Any]) -> tuple[dt.date | None, str]:
    """The first date the elements give (attribute or text), and the first raw value seen."""
    raw = ""
    for element in elements:
        values = [element.get(a) for a in _DATE_ATTRIBUTES] + [_line(element)]
        for value in values:
            if value:
                raw = raw or value
                found = parse_date(value)
                if found is not None:
                    return found, raw
    return None, raw


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        text = " ".join(value.split())
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)


# ------------------------------------------------------------------------------ TimeML
def _timeml(root: Any) -> _Item:
    item = _Item()
    text = _child(root, "text")
    item.body = _text_paragraphs("".join(_texts(text))) if text is not None else ""
    if not item.body:
        item.reason = ("empty <TEXT>" if text is not None else "no <TEXT>") + ": nothing to read"
        return item
    item.title = _line(_child(root, "title"))
    dct = _child(root, "dct")
    times = list(dct.iter("{*}TIMEX3", "{*}timex3")) if dct is not None else []
    creation = [t for t in times if t.get("functionInDocument") == "CREATION_TIME"]
    item.date, raw = _date(t for t in creation + times)
    if item.date is None:
        item.problems.append(f"no date: <DCT> {'unreadable: ' + repr(raw) if raw else 'missing'}")
    return item


# ------------------------------------------------------------------------------ RSS, Atom
def _rss(root: Any) -> list[_Item]:
    channel = _child(root, "channel")
    source = _line(_child(channel, "title")) if channel is not None else ""
    items = [e for e in root.iter() if _local(e) == "item"]
    return [_rss_item(e, source) for e in items]


def _rss_item(element: Any, source: str) -> _Item:
    item = _Item(title=_line(_child(element, "title")))
    content = _child(element, "encoded")
    summary = _child(element, "description")
    item.body = html_text("".join(_texts(content))) if content is not None else ""
    if not item.body and summary is not None:
        item.body = html_text("".join(_texts(summary)))
        if item.body:
            item.problems.append("body is the item's <description>: the feed's summary")
    if not item.body:
        item.reason = _no_text(item.title, "<description> or <content:encoded>")
        return item
    link = _child(element, "link")
    item.url = _line(link) or (link.get("href", "") if link is not None else "")
    if not item.url:
        guid = _child(element, "guid")
        if guid is not None and guid.get("isPermaLink", "true") != "false":
            item.url = _line(guid)
        item.url = item.url or element.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", "")
    item.date = _dated(item, _children(element, "pubdate", "date"))
    item.author = ", ".join(
        _unique(_rss_author(e) for e in _children(element, "creator", "author"))
    )
    item.category = ", ".join(_unique(_line(e) for e in _children(element, "category")))
    item.source = _line(_child(element, "source")) or source
    return item


def _rss_author(element: Any) -> str:
    """ "news@example.com (Sara Ali)" -> "Sara Ali"."""
    text = _line(element)
    match = re.fullmatch(r"\S+@\S+\s*\((.+)\)", text)
    return match.group(1) if match else text


def _atom(root: Any) -> list[_Item]:
    source = _line(_child(root, "title"))
    return [_atom_entry(e, source) for e in _children(root, "entry")]


def _atom_entry(element: Any, source: str) -> _Item:
    item = _Item(title=_atom_text(_child(element, "title"), paragraphs=False))
    item.body = _atom_text(_child(element, "content"))
    if not item.body:
        item.body = _atom_text(_child(element, "summary"))
        if item.body:
            item.problems.append("body is the entry's <summary>: the feed has no full text")
    if not item.body:
        item.reason = _no_text(item.title, "<content> or <summary>")
        return item
    links = list(_children(element, "link"))
    alternate = [e for e in links if e.get("rel", "alternate") == "alternate"]
    item.url = next((e.get("href", "") for e in alternate + links if e.get("href")), "")
    item.date = _dated(item, _children(element, "published", "updated"))
    item.author = ", ".join(
        _unique(_line(_child(a, "name")) or _line(a) for a in _children(element, "author"))
    )
    item.category = ", ".join(
        _unique(e.get("label") or e.get("term") or "" for e in _children(element, "category"))
    )
    # an entry copied from another feed names that feed in <source><title>
    origin = _child(element, "source")
    item.source = (_line(_child(origin, "title")) if origin is not None else "") or source
    return item


def _atom_text(element: Any, *, paragraphs: bool = True) -> str:
    """An Atom text construct: ``type="text"`` (the default), ``"html"`` or ``"xhtml"``."""
    if element is None or element.get("src"):
        return ""
    kind = element.get("type", "text").lower()
    if kind == "xhtml":
        text = _lines(element_text(_spaced(element)))
    elif kind in ("html", "text/html"):
        text = html_text("".join(_texts(element)))
    else:
        text = _text_paragraphs("".join(_texts(element)))
    return text if paragraphs else " ".join(text.split())


def _dated(item: _Item, elements: Iterable[Any]) -> dt.date | None:
    date, raw = _date(elements)
    if date is None and raw:
        item.problems.append(f"unreadable date: {raw[:60]!r}")
    return date


def _no_text(title: str, where: str) -> str:
    about = f' ("{title[:60]}")' if title else ""
    return f"no text{about}: no {where} with text"


# ------------------------------------------------------------------------------ documents
def _records(root: Any) -> list[Any] | None:
    """The record elements of a document file: the root's (or its children's) children named
    like articles, else the root itself when it holds a text field; None when neither."""
    for level in ([root], list(root)):
        found = [c for parent in level for c in parent if _local(c) in _RECORD_NAMES]
        if found:
            return found
    if _find(_index(root), "text") is not None:
        return [root]
    return None


def _index(record: Any) -> dict[str, list[Any]]:
    index: dict[str, list[Any]] = {}
    for element in record.iter():
        if element is not record and isinstance(element.tag, str):
            index.setdefault(_local(element), []).append(element)
    return index


def _find(index: dict[str, list[Any]], name: str) -> Any:
    for alias in _ALIASES[name]:
        for element in index.get(alias, ()):
            if len(element) or (element.text and element.text.strip()) or element.attrib:
                return element
    return None


def _record(record: Any) -> _Item:
    index = _index(record)
    text = _find(index, "text")
    item = _Item(body=_body(text))
    if not item.body:
        item.reason = "no article text (no <text>, <body> or <content> element with text)"
        return item
    item.title = _line(_find(index, "title"))
    found = [e for alias in _ALIASES["date"] for e in index.get(alias, ())]
    item.date = _dated(item, found)
    item.author = _line(_find(index, "author"))
    item.source = _line(_find(index, "source"))
    url = _find(index, "url")
    item.url = (_line(url) or url.get("href", "")) if url is not None else ""
    item.category = _line(_find(index, "category"))
    tags = [e for alias in _ALIASES["tags"] for e in index.get(alias, ())]
    item.tags = _unique(t for e in tags for t in _TAG_SPLIT.split(_line(e)))
    return item
