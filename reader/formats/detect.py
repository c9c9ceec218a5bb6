"""Which layout a file is in, decided by its content first and its extension second.

A ``.txt`` may hold TREC documents (the ANT corpora), a scraped page (``seeds/``) or plain text;
a ``.json`` may be JSON Lines. Extensions only break ties the content leaves open (Markdown).
"""

from __future__ import annotations

import json
import re
from enum import Enum

from reader.formats.csvfmt import CSV_SUFFIXES, looks_delimited
from reader.formats.html import HTML_SUFFIXES, has_tags
from reader.formats.jsonfmt import looks_json
from reader.formats.plain import has_front_matter
from reader.formats.scraped import looks_scraped
from reader.formats.trec import looks_trec

JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
JSON_SUFFIXES = frozenset({".json", *JSON_LINES_SUFFIXES})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


class Layout(Enum):
    TREC = "trec"
    JSON = "json"
    SCRAPED = "scraped"
    MARKDOWN = "markdown"
    PLAIN = "plain"
    MARKUP = "markup"  # XML or HTML that is not TREC: a saved page, a feed, other XML news
    CSV = "csv"  # a delimited table, one article a row (.csv, .tsv, or a text file that is one)


# XML/HTML that is not TREC-style (a saved web page, an RSS feed, TimeML): read by the HTML and
# XML news readers, never as text, which would show its tags to the reader. Browsers put a
# "saved from url" comment before the page.
_MARKUP = re.compile(
    r"^\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:\?xml|!doctype|html|head|body|rss|feed|rdf:rdf|timeml|urlset)\b",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP_SUFFIXES = frozenset({".xml", ".sgml", ".sgm", ".tml", ".rss", ".atom"})


def detect_layout(text: str, suffix: str, *, allow_json: bool = True) -> Layout:
    """The layout of decoded ``text`` from a file named ``*suffix`` (lower case, with the dot).

    ``allow_json=False`` asks again for a text file that starts like JSON but is not.
    """
    if suffix in CSV_SUFFIXES:
        # JSON Lines saved as .csv (an export tool's wrong extension): its lines are objects
        return Layout.JSON if _object_line(text) else Layout.CSV
    if looks_trec(text):
        return Layout.TREC
    if _MARKUP.match(text, 0, 65536) or (
        suffix in _MARKUP_SUFFIXES and text.lstrip().startswith("<")
    ):
        return Layout.MARKUP
    # a page saved as .html may be plain text inside: then it is read as text below
    if suffix in HTML_SUFFIXES and has_tags(text):
        return Layout.MARKUP
    if allow_json and (suffix in JSON_SUFFIXES or looks_json(text)):
        return Layout.JSON
    if has_front_matter(text):
        return Layout.MARKDOWN
    if looks_delimited(text):
        return Layout.CSV
    # a Markdown file's "## اقرأ أيضا" is a heading over a list, not the scraped layout's marker
    if suffix in MARKDOWN_SUFFIXES:
        return Layout.MARKDOWN
    if looks_scraped(text):
        return Layout.SCRAPED
    return Layout.PLAIN


def _object_line(text: str) -> bool:
    """Whether the first line of ``text`` with something on it is a whole JSON object."""
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if text[start : start + 1] != "{":
        return False
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
