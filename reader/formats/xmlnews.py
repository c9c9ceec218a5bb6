"""XML news that is not TREC: TimeML (``.tml``), RSS and Atom feeds, NewsML-like documents.

- TimeML: ``<TimeML><DOCID>…<DCT><TIMEX3 value="1998-02-27" …>…<TITLE>…<TEXT>…``, the text with
  inline ``<EVENT>``, ``<TIMEX3>``, ``<SIGNAL>`` tags; the date is the creation time's value.
- RSS 2.0 (and RSS 1.0) items and Atom entries: one article per item, ``file.xml#N`` as in JSON
  arrays, the HTML of a description or content reduced to paragraphs, the item's own source, else
  the feed's title (an aggregator's redirect links unwrapped: ``feed_links.py``).
- Documents (``<article>``, ``<doc>``, NITF, NewsML, Scrapy's ``<items><item>``): one article per
  record element, its fields found by name (``xml_records.py``).

The parser (``xml_tree.py``) is hardened: no entity expansion (billion laughs), no DTD, no network
(XXE). Malformed XML is read once more leniently (with a problem saying so); XML of any other kind
is named with its root element, never skipped in silence.
"""

from __future__ import annotations

import re
from typing import Any

from reader.formats import wordpress
from reader.formats.feed_links import headline_only, host_name, item_link
from reader.formats.html import element_text, has_tags, html_text
from reader.formats.xml_endnote import endnote_item, endnote_records, is_endnote
from reader.formats.xml_item import (
    Item,
    XmlNewsResult,
    dated,
    failed,
    item_results,
    with_note,
)
from reader.formats.xml_records import record_item, records
from reader.formats.xml_trafilatura import is_tei, is_trafilatura_xml, tei_item, trafilatura_item
from reader.formats.xml_tree import (
    child_named,
    children_named,
    element_date,
    entities_note,
    line_paragraphs,
    line_text,
    local_name,
    parse_xml,
    spaced,
    text_nodes,
    text_paragraphs,
    unique,
)
from reader.model import LoadProblem

__all__ = ["XmlNewsResult", "parse_xml_news"]

# the reason of an item that is no article, counted apart (a WordPress export's pictures)
_NOT_AN_ARTICLE = "no article"
# the note of a feed item that is a headline and a link only (a news aggregator's)
HEADLINE_ONLY = "no body text: the feed item is a headline only (its description only links to it)"


def parse_xml_news(text: str, *, rel_path: str) -> XmlNewsResult:
    """Every article of an XML news file; what cannot be read is a problem naming the reason."""
    root, error = parse_xml(text)
    if root is None:
        return failed(rel_path, f"malformed XML ({error}): cannot be read")
    lenient = f"malformed XML read leniently ({error}): some text may be missing" if error else ""
    note = "; ".join(n for n in (lenient, entities_note(root)) if n)
    kind = local_name(root)
    left_out = 0
    if kind == "timeml":
        items, what = [_timeml(root)], "document"
    elif kind in ("rss", "rdf"):
        items, what = _rss(root), "item"
        left_out = sum(1 for item in items if item.reason == _NOT_AN_ARTICLE)
        items = [item for item in items if item.reason != _NOT_AN_ARTICLE]
    elif kind == "feed":
        items, what = _atom(root), "entry"
    elif is_endnote(root):
        items, what = [endnote_item(r) for r in endnote_records(root)], "record"
    elif is_trafilatura_xml(root):
        items, what = [trafilatura_item(root)], "document"
    elif is_tei(root) or kind == "teicorpus":
        documents = [root] if is_tei(root) else [e for e in root if is_tei(e)]
        items, what = [tei_item(e) for e in documents], "document"
    else:
        found = records(root)
        if found is None:
            reason = f"XML of an unknown kind (<{root.tag.rsplit('}', 1)[-1]}> root element): not an article layout"
            return failed(rel_path, with_note(reason, note))
        items, what = [record_item(r) for r in found], "document"
    if error and not any(not item.reason for item in items):
        # what the lenient reading kept holds no article: the file is unreadable, not empty
        return failed(rel_path, f"malformed XML ({error}): cannot be read")
    result = item_results(items, what, rel_path=rel_path, note=note)
    if left_out:
        line = f"{left_out} item(s) of the site that are no articles (pictures, menu entries, ...) left out"
        result = XmlNewsResult(result.articles, (*result.problems, LoadProblem(rel_path, line)))
    return result


# ------------------------------------------------------------------------------ TimeML
def _timeml(root: Any) -> Item:
    item = Item()
    text = child_named(root, "text")
    item.body = text_paragraphs("".join(text_nodes(text))) if text is not None else ""
    if not item.body:
        item.reason = ("empty <TEXT>" if text is not None else "no <TEXT>") + ": nothing to read"
        return item
    item.title = line_text(child_named(root, "title"))
    dct = child_named(root, "dct")
    times = list(dct.iter("{*}TIMEX3", "{*}timex3")) if dct is not None else []
    creation = [t for t in times if t.get("functionInDocument") == "CREATION_TIME"]
    item.date, raw = element_date(t for t in creation + times)
    if item.date is None:
        item.problems.append(f"no date: <DCT> {'unreadable: ' + repr(raw) if raw else 'missing'}")
    return item


# ------------------------------------------------------------------------------ RSS, Atom
def _rss(root: Any) -> list[Item]:
    channel = child_named(root, "channel")
    source = line_text(child_named(channel, "title")) if channel is not None else ""
    items = [e for e in root.iter() if local_name(e) == "item"]
    if not wordpress.is_wordpress_export(channel):
        return [_rss_item(e, source) for e in items]
    names = wordpress.authors(channel)
    return [
        _wordpress_item(e, source, names)
        if wordpress.is_article(e)
        else Item(reason=_NOT_AN_ARTICLE)
        for e in items
    ]


def _wordpress_item(element: Any, source: str, names: dict[str, str]) -> Item:
    """A WordPress export's post: its author by name, its tags apart from its categories, its
    date from ``wp:post_date`` when it was never published, and a note if so."""
    item = _rss_item(element, source)
    if item.reason:
        return item
    item.author = names.get(item.author, item.author)
    item.tags, categories = wordpress.tags_and_categories(element)
    item.category = ", ".join(categories)
    if item.date is None:
        item.date = dated(item, children_named(element, "post_date"))
    note = wordpress.status_note(element)
    if note:
        item.problems.append(note)
    return item


def _rss_item(element: Any, source: str) -> Item:
    item = Item(title=_rss_title(child_named(element, "title")))
    own_source = line_text(child_named(element, "source"))
    content = child_named(element, "encoded")
    summary = child_named(element, "description")
    item.body = html_text("".join(text_nodes(content))) if content is not None else ""
    if not item.body and summary is not None:
        description = "".join(text_nodes(summary))
        if not _headline_only(item, description, own_source):
            item.body = html_text(description)
            if item.body:
                item.problems.append("body is the item's <description>: the feed's summary")
    if not item.body and HEADLINE_ONLY not in item.problems:
        item.reason = _no_text(item.title, "<description> or <content:encoded>")
        return item
    link = child_named(element, "link")
    url = line_text(link) or (link.get("href", "") if link is not None else "")
    if not url:
        guid = child_named(element, "guid")
        if guid is not None and guid.get("isPermaLink", "true") != "false":
            url = line_text(guid)
        url = url or element.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", "")
    item.date = dated(item, children_named(element, "pubdate", "date"))
    item.author = ", ".join(
        unique(_rss_author(e) for e in children_named(element, "creator", "author"))
    )
    item.category = ", ".join(unique(line_text(e) for e in children_named(element, "category")))
    _linked(item, url, own_source=own_source, feed_source=source)
    return item


def _rss_title(element: Any) -> str:
    """An item's title; HTML in it (a search feed's <b> around the words searched) as text."""
    if element is None:
        return ""
    text = "".join(text_nodes(element))
    return " ".join(html_text(text).split()) if has_tags(text) else line_text(element)


def _headline_only(item: Item, description: str, source: str) -> bool:
    """An aggregator's item whose description only links to the story (its headline and the
    publisher's name): a headline without text, not a body that repeats the title."""
    only_links, others = headline_only(description, title=item.title, source=source)
    if only_links:
        item.problems.append(HEADLINE_ONLY)
        item.related = others
    return only_links


def _linked(item: Item, url: str, *, own_source: str, feed_source: str) -> None:
    """The item's real address; its source the item's own, else, when the feed only led to the
    address (an alert's, a news search's), the site it is on rather than the feed's name."""
    link = item_link(url)
    item.url = link.url
    item.source = own_source or (host_name(link.url) if link.redirected else "") or feed_source


def _rss_author(element: Any) -> str:
    """ "news@example.com (Sara Ali)" -> "Sara Ali"."""
    text = line_text(element)
    match = re.fullmatch(r"\S+@\S+\s*\((.+)\)", text)
    return match.group(1) if match else text


def _atom(root: Any) -> list[Item]:
    source = line_text(child_named(root, "title"))
    return [_atom_entry(e, source) for e in children_named(root, "entry")]


def _atom_entry(element: Any, source: str) -> Item:
    item = Item(title=_atom_text(child_named(element, "title"), paragraphs=False))
    # an entry copied from another feed names that feed in <source><title>
    origin = child_named(element, "source")
    own_source = line_text(child_named(origin, "title")) if origin is not None else ""
    for name in ("content", "summary"):
        text = child_named(element, name)
        if _is_html(text) and _headline_only(item, "".join(text_nodes(text)), own_source):
            break
        item.body = _atom_text(text)
        if item.body:
            if name == "summary":
                item.problems.append("body is the entry's <summary>: the feed has no full text")
            break
    if not item.body and HEADLINE_ONLY not in item.problems:
        item.reason = _no_text(item.title, "<content> or <summary>")
        return item
    links = list(children_named(element, "link"))
    alternate = [e for e in links if e.get("rel", "alternate") == "alternate"]
    url = next((e.get("href", "") for e in alternate + links if e.get("href")), "")
    item.date = dated(item, children_named(element, "published", "updated"))
    item.author = ", ".join(
        unique(
            line_text(child_named(a, "name")) or line_text(a)
            for a in children_named(element, "author")
        )
    )
    item.category = ", ".join(
        unique(e.get("label") or e.get("term") or "" for e in children_named(element, "category"))
    )
    _linked(item, url, own_source=own_source, feed_source=source)
    return item


def _is_html(element: Any) -> bool:
    return element is not None and element.get("type", "text").lower() in ("html", "text/html")


def _atom_text(element: Any, *, paragraphs: bool = True) -> str:
    """An Atom text construct: ``type="text"`` (the default), ``"html"`` or ``"xhtml"``."""
    if element is None or element.get("src"):
        return ""
    kind = element.get("type", "text").lower()
    if kind == "xhtml":
        text = line_paragraphs(element_text(spaced(element)))
    elif kind in ("html", "text/html"):
        text = html_text("".join(text_nodes(element)))
    else:
        text = text_paragraphs("".join(text_nodes(element)))
    return text if paragraphs else " ".join(text.split())


def _no_text(title: str, where: str) -> str:
    about = f' ("{title[:60]}")' if title else ""
    return f"no text{about}: no {where} with text"
