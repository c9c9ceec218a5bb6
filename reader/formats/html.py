"""Saved web pages (``.html``, ``.htm``, ``.xhtml``, and HTML under other names): the article's
main text and its metadata, with menus, share bars, ad scripts and cookie notices left out.

Main text, title, author, date (htmldate), site name, categories and tags come from trafilatura,
the reference extractor for news pages. It reads the tree parsed here, never a URL: nothing in
this module touches the network. trafilatura costs ~0.3 s to import, so it is imported on the
first page, and the app's start-up and the other layouts never pay for it. A page where it finds
no main text (a very short one) falls back to the page's text outside scripts, menus, headers,
footers and sidebars, with a problem saying so.

Around the extractor: error pages and bot checks are named (``page_errors``), listing pages too
(``listing``); the headline and site name are chosen in ``html_titles``, the date line shown
near the headline read in ``html_dates``, and a paywall's teaser replaced by the page's JSON-LD
text in ``page_paywall``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from reader.formats.bylines import author_name
from reader.formats.dates import parse_date
from reader.formats.html_dates import page_date
from reader.formats.html_titles import page_title
from reader.formats.listing import listed_headlines
from reader.formats.page_data import embedded_article
from reader.formats.page_errors import not_an_article
from reader.formats.page_paywall import FULL_TEXT_NOTE, holds_teaser, looks_cut, without_prompts
from reader.formats.titles import TITLE_FROM_FIRST_WORDS
from reader.model import Article, LoadProblem

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Pages saved under the address's own extension (a mirror of a PHP or ASP.NET site): read as
# pages when they hold tags, as text otherwise, like .html.
SERVER_PAGE_SUFFIXES = frozenset(
    {".php", ".php3", ".php4", ".php5", ".phtml", ".asp", ".aspx", ".jsp", ".jspx", ".cfm", ".cgi"}
)
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"}) | SERVER_PAGE_SUFFIXES

# Tags that make a .html file a page; one without any of them is plain text saved as .html.
_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|p|div|span|br|a|img"
    r"|table|ul|ol|li|h[1-6]|article|section|header|footer|nav|main|b|i|strong|em)\b[^<>]*>",
    re.IGNORECASE,
)
# The first element of a file, past an XML declaration, comments and a doctype.
_FIRST_ELEMENT = re.compile(
    r"\s*(?:<\?[^>]*>\s*|<!--(?:(?!-->).)*-->\s*|<!doctype\s+(?P<doctype>[\w:.-]+)[^>]*>\s*)*"
    r"<(?P<name>[\w:.-]+)",
    re.IGNORECASE | re.DOTALL,
)
_PAGE_ROOTS = frozenset({"html", "head", "body"})
_XML_NEWS_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "timeml"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# where a browser or SingleFile wrote the page's address: "<!-- saved from url=(0044)https://..."
_SAVED_FROM = re.compile(
    r"<!--\s*(?:saved from url=\(\d+\)|Page saved with SingleFile\s*url:\s*)(https?://[^\s>]+)",
    re.IGNORECASE,
)
# HTTrack's "<!-- Mirrored from www.site.com/news.php?id=1 by HTTrack Website Copier/3.x ... -->"
_MIRRORED_FROM = re.compile(r"<!--\s*Mirrored from\s+(\S+)\s+by HTTrack", re.IGNORECASE)
# where those notes stand: the page's first or last few kilobytes
_NOTE_SPAN = 4096
# Elements whose text is never the article's; the fallback also leaves out page furniture.
_NEVER_TEXT = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "title"}
)
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "button", "select", "menu"})
# Elements that start a new paragraph when their text is read.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "figure", "figcaption"}
    | {"header", "footer", "aside", "nav", "address", "center", "hr", "body", "html"}
)
# short pages are news too: trafilatura's defaults (250 characters before it tries its fallback
# extractors) drop a one-paragraph brief
_MIN_EXTRACTED_SIZE = 100


@dataclass(frozen=True, slots=True)
class HtmlResult:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


def has_tags(text: str) -> bool:
    """Does ``text`` hold HTML tags (in its first 64 kB), or is it plain text?"""
    return _TAG.search(text, 0, 65536) is not None


def looks_html(text: str, suffix: str) -> bool:
    """A web page rather than XML: an ``<html>``/``<head>``/``<body>`` first element, an HTML
    doctype, or a page's name (unless a feed or TimeML is inside: a feed saved as .html)."""
    match = _FIRST_ELEMENT.match(text, 0, 65536)
    if match is None:
        return suffix in HTML_SUFFIXES
    doctype = (match["doctype"] or "").lower()
    name = match["name"].lower()
    if doctype == "html" or name in _PAGE_ROOTS:
        return True
    return suffix in HTML_SUFFIXES and name not in _XML_NEWS_ROOTS


def parse_html(text: str, *, rel_path: str) -> HtmlResult:
    """The article of a saved page; a page without text is a problem, not an article."""
    tree = page_tree(text)
    if tree is None:
        return _failed(rel_path, "HTML without any element: nothing to read")
    problems: list[str] = []
    found = _main_text(tree, problems)
    if found is None:
        # the extractor may have pruned the tree: the page is parsed again for its scripts
        fresh = page_tree(text)
        if (reason := not_an_article(tree if fresh is None else fresh, "")) is not None:
            return _failed(rel_path, reason)
        embedded = embedded_article(tree if fresh is None else fresh, rel_path=rel_path)
        if embedded is not None:
            return HtmlResult((embedded,), ())
        return _failed(
            rel_path,
            "a web page without article text (the page may load its text with JavaScript)",
        )
    body, meta = found
    if (reason := not_an_article(tree, body)) is not None:
        return _failed(rel_path, reason)
    field = _Fields(meta)
    url = field.one("url") or _saved_from(text)
    listed = listed_headlines(tree, field.one("pagetype"), url, body, name=rel_path)
    if listed:
        return _failed(
            rel_path,
            f"a page listing {listed} articles (a home, section or tag page), not an article",
        )
    named = page_title(tree, field.one("title"), field.one("sitename"), body)
    title, body = named.title, named.body
    if not title:
        problems.append(TITLE_FROM_FIRST_WORDS)
        title = _first_words(body)
    date, body, date_notes = page_date(_date(field.one("date")), tree, body, title)
    problems.extend(date_notes)
    body = _whole_text(tree, body, rel_path, problems)
    return HtmlResult(
        (
            Article(
                id=rel_path,
                title=title,
                body=body,
                date=date,
                source=named.source or field.one("hostname") or None,
                url=url or None,
                author=author_name(field.one("author") or "") or None,
                category=", ".join(field.many("categories")) or None,
                tags=field.many("tags"),
                problems=tuple(problems),
                path=rel_path,
            ),
        ),
        (),
    )


def _main_text(tree: Any, problems: list[str]) -> tuple[str, Any] | None:
    """The article's text and the extractor's document of it: the main text, else the page's own
    text outside its furniture (and a problem saying so); None for a page without text."""
    meta, failure = _extract(tree)
    if failure:
        problems.append(failure)
    body = _lines(meta.text or "") if meta is not None else ""
    if body:
        return body, meta
    body = _lines(element_text(tree, skip=_NEVER_TEXT | _FURNITURE))
    if not body:
        return None
    problems.append(
        "no main text found by the extractor: the body is the page's text outside "
        "menus, headers and footers"
    )
    meta, failure = _metadata(tree)
    if failure:
        problems.append(failure)
    return body, meta


def _whole_text(tree: Any, body: str, rel_path: str, problems: list[str]) -> str:
    """The body without a paywall's subscribe prompt; the whole article from the page's data
    (JSON-LD's articleBody) when the page showed only a teaser of it."""
    teaser, prompted = without_prompts(body)
    if not teaser or not looks_cut(teaser, prompted=prompted):
        return teaser or body
    embedded = embedded_article(tree, rel_path=rel_path)
    if embedded is None or not holds_teaser(embedded.body, teaser):
        return teaser
    problems.append(FULL_TEXT_NOTE)
    return embedded.body


class _Fields:
    """The fields of trafilatura's Document (None when it gave none), as clean strings."""

    def __init__(self, document: Any) -> None:
        self._document = document

    def one(self, name: str) -> str:
        value = getattr(self._document, name, None)
        return " ".join(str(value).split()) if value else ""

    def many(self, name: str) -> tuple[str, ...]:
        seen: list[str] = []
        for value in getattr(self._document, name, None) or ():
            text = " ".join(str(value).split())
            if text and text not in seen:
                seen.append(text)
        return tuple(seen)


def page_tree(text: str) -> HtmlElement | None:
    """``text`` parsed as HTML (lxml's parser, which fetches nothing), None when it holds no
    element. Parsed from UTF-8 bytes with the encoding given, so a ``<meta charset>`` naming the
    file's original encoding cannot make the parser decode the decoded text again."""
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
        no_network=True,
    )
    try:
        return document_fromstring(
            _XML_DECLARATION.sub("", text, count=1).encode("utf-8", "replace"),
            parser=parser,
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def html_text(fragment: str) -> str:
    """An HTML fragment (a feed item's description) as paragraphs joined by ``"\\n"``."""
    if "<" not in fragment and "&" not in fragment:
        return _lines(fragment)
    tree = page_tree(f"<html><body><div>{fragment}</div></body></html>")
    return _lines(element_text(tree, skip=_NEVER_TEXT)) if tree is not None else ""


def element_text(element: Any, *, skip: Iterable[str] = _NEVER_TEXT) -> str:
    """The text of an lxml element (HTML or XML), a line break around every block element and
    nothing from the ``skip`` elements (their tails, which follow them, are kept)."""
    skipped = frozenset(skip)
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            if node.tail:
                parts.append(node.tail)
            return
        name = tag.rsplit("}", 1)[-1].lower()
        if name not in skipped:
            block = name in _BLOCKS
            if block:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
            if block:
                parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    tail, element.tail = element.tail, None  # the element's own tail is not its text
    try:
        walk(element)
    finally:
        element.tail = tail
    return "".join(parts)


def _extract(tree: HtmlElement) -> tuple[Any, str | None]:
    """trafilatura's Document for the page (text and metadata), None when it finds no text;
    and what to tell the user when the extractor itself failed."""
    bare_extraction, config = _trafilatura()
    try:
        document = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_date_params(),
            config=config,
        )
    except Exception as exc:  # an extractor bug must cost the main text, not the page
        return None, f"the main-text extractor failed ({type(exc).__name__}: {exc})"
    return document, None


def _metadata(tree: HtmlElement) -> tuple[Any, str | None]:
    """trafilatura's metadata alone, for a page whose main text it did not find (and what to
    tell the user when that failed)."""
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(tree, date_config=_date_params()), None
    except Exception as exc:  # as in _extract: the page is still read from its own text
        return None, f"the metadata extractor failed ({type(exc).__name__}: {exc})"


@cache
def _trafilatura() -> tuple[Any, Any]:
    from trafilatura import bare_extraction
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED_SIZE))
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return bare_extraction, config


def _date_params() -> dict[str, Any]:
    # htmldate's extensive search guesses from any date-like string in the page (a copyright
    # year, a date in a "most read" link); the page's markup is evidence, its free text is not
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": dt.date.today().isoformat(),
    }


def _date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def _saved_from(text: str) -> str:
    """The address a saving tool wrote in the page: a browser or SingleFile above it, HTTrack
    above or below it (without the scheme, which it does not keep)."""
    match = _SAVED_FROM.search(text, 0, _NOTE_SPAN)
    if match:
        return match.group(1)
    for start in (0, max(len(text) - _NOTE_SPAN, _NOTE_SPAN)):
        if mirrored := _MIRRORED_FROM.search(text, start, start + _NOTE_SPAN):
            address = mirrored.group(1)
            return address if "://" in address else f"http://{address}"
    return ""


def _lines(text: str) -> str:
    """Paragraphs, one a line, inner whitespace squeezed, empty lines dropped."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _first_words(body: str, limit: int = 12) -> str:
    words = body.split("\n", 1)[0].split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _failed(rel_path: str, reason: str) -> HtmlResult:
    return HtmlResult((), (LoadProblem(rel_path, reason),))
