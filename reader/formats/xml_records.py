"""XML documents that are neither feeds nor TimeML (``xmlnews.py``): one article per record
element, its fields found by name (``title``/``headline``/``hl1``, ``text``/``body``/``content``,
``date``…) in NITF, NewsML-like exports and Scrapy's XML feed exports.

Which elements are the records: those named like one (``article``, ``item``, ``record``…), else
elements of one name repeated under the same parent that hold a text field each (an export's
own name for its rows), else the root itself. A file of N repeated records gives N articles or
N named problems, never its first record alone.

Scrapy writes a list field as ``<body><value>para 1</value><value>para 2</value></body>``: the
values are a text's paragraphs, a list's entries (tags, authors), never glued together.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from reader.formats.xml_item import BODY_IS_SUMMARY, Item, dated, dated_text
from reader.formats.xml_tree import element_body, line_text, local_name, unique

# Elements that are one article each when a file holds several (or is one).
_RECORD_NAMES = frozenset(
    {"article", "doc", "document", "story", "newsitem", "news", "nitf", "record", "post", "item"}
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
    # a record without text may still have its summary
    "summary": ("abstract", "summary", "description", "lead", "teaser", "excerpt"),
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
# a record's fields given as its attributes (``<doc title="…" url="…">``)
_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate"),
    "author": ("author", "byline"),
    "source": ("sitename", "source", "publisher"),
    "url": ("url", "href", "link"),
}
_TAG_SPLIT = re.compile(r"\s*[,،;؛|]\s*")
# how deep under the root repeated records are looked for
_GROUP_DEPTH = 3


def records(root: Any) -> list[Any] | None:
    """The record elements of a document file; None when it holds no article layout."""
    own_text = _holds_text(root)
    # a text field of the root's own is one article's text, whatever repeats below it (its
    # comments, its related stories)
    direct = any(local_name(c) in _ALIASES["text"] and _has_content(c) for c in root)
    if direct and local_name(root) in _RECORD_NAMES:
        return [root]
    found = _named(root)
    # a single article's list of <item>s (its tags, its links) holds no text: not records
    if found and (not own_text or any(_holds_text(r) for r in found)):
        return found
    group = None if direct else _repeated(root)
    if group:
        return group
    return [root] if own_text else None


def _named(root: Any) -> list[Any]:
    """The outermost elements named like records, at any depth: all of them, so a record
    nested a level deeper than the others is not left out."""
    found: list[Any] = []

    def walk(parent: Any) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            if local_name(child) in _RECORD_NAMES:
                found.append(child)
            else:
                walk(child)

    walk(root)
    return found


def _repeated(root: Any) -> list[Any] | None:
    """The outermost elements of one name under one parent, one of them at least with a text
    field: an export's records under a name of its own choosing (those without text are then
    named as records without text, not dropped)."""
    level = [root]
    for _ in range(_GROUP_DEPTH):
        for parent in level:
            names = Counter(local_name(c) for c in parent if isinstance(c.tag, str))
            for name, count in names.most_common():
                if count < 2:
                    break
                group = [c for c in parent if local_name(c) == name]
                if any(_holds_text(c) for c in group):
                    return group
        level = [c for parent in level for c in parent if isinstance(c.tag, str)]
    return None


def _holds_text(element: Any) -> bool:
    return _find(_index(element), "text") is not None


def _index(record: Any) -> dict[str, list[Any]]:
    index: dict[str, list[Any]] = {}
    for element in record.iter():
        if element is not record and isinstance(element.tag, str):
            index.setdefault(local_name(element), []).append(element)
    return index


def _has_content(element: Any) -> bool:
    return bool(len(element) or (element.text and element.text.strip()) or element.attrib)


def _find(index: dict[str, list[Any]], name: str) -> Any:
    for alias in _ALIASES[name]:
        for element in index.get(alias, ()):
            if _has_content(element):
                return element
    return None


def _values(element: Any) -> list[Any]:
    """A list field's entries (Scrapy's ``<value>`` children), or the field itself."""
    if element is None:
        return []
    children = [c for c in element if isinstance(c.tag, str)]
    if children and all(local_name(c) == "value" for c in children):
        return children
    return [element]


def _texts(element: Any) -> list[str]:
    return [text for text in (line_text(v) for v in _values(element)) if text]


def _tag_names(element: Any) -> list[str]:
    """A tag field's tags: its values, or its child elements each a tag (``<tags><item>``),
    or its text split at commas."""
    children = [c for c in element if isinstance(c.tag, str)]
    if children and not any(len(c) for c in children):
        texts = [line_text(c) for c in children]
    else:
        texts = _texts(element)
    return [t for text in texts for t in _TAG_SPLIT.split(text)]


def _body(element: Any) -> str:
    paragraphs = (element_body(v) for v in _values(element))
    return "\n".join(p for p in paragraphs if p)


def _attribute(record: Any, name: str) -> str:
    return next((" ".join(v.split()) for a in _ATTRIBUTES[name] if (v := record.get(a))), "")


def record_item(record: Any) -> Item:
    index = _index(record)
    item = Item(body=_body(_find(index, "text")))
    if not item.body:
        item.body = _body(_find(index, "summary"))
        if not item.body:
            item.reason = "no article text (no <text>, <body> or <content> element with text)"
            return item
        item.problems.append(BODY_IS_SUMMARY)
    item.title = " ".join(_texts(_find(index, "title"))) or _attribute(record, "title")
    found = [v for alias in _ALIASES["date"] for e in index.get(alias, ()) for v in _values(e)]
    item.date = dated(item, found) if found else dated_text(item, _attribute(record, "date"))
    item.author = ", ".join(unique(_texts(_find(index, "author")))) or _attribute(record, "author")
    item.source = ", ".join(_texts(_find(index, "source"))) or _attribute(record, "source")
    url = _find(index, "url")
    if url is not None:
        url = _values(url)[0]
        item.url = line_text(url) or url.get("href", "")
    item.url = item.url or _attribute(record, "url")
    item.category = ", ".join(unique(_texts(_find(index, "category"))))
    tags = [e for alias in _ALIASES["tags"] for e in index.get(alias, ())]
    # a <tag> inside <tags> is read with its list, not once more on its own
    tags = [e for e in tags if not any(a in tags for a in e.iterancestors())]
    item.tags = unique(t for e in tags for t in _tag_names(e))
    return item
