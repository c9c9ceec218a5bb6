"""Which layout a file is in, decided by its content first and its extension second.

A ``.txt`` may hold TREC documents (the ANT corpora), a scraped page (``seeds/``) or plain text;
a ``.json`` may be JSON Lines. Extensions only break ties the content leaves open (Markdown).
"""

from __future__ import annotations

import re
from enum import Enum

from reader.formats.csvfmt import CSV_SUFFIXES, looks_delimited
from reader.formats.jsonfmt import looks_json
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
    MARKUP = "markup"  # XML or HTML that is not TREC: not an article layout we read
    CSV = "csv"  # a delimited table, one article a row (.csv, .tsv, or a text file that is one)


# XML/HTML that is not TREC-style (an RSS feed, a saved web page): reading its tags as the text
# of an article would show markup to the reader, so it is reported instead.
_MARKUP = re.compile(r"^\s*<(?:\?xml|!doctype|html|rss|feed|urlset)\b", re.IGNORECASE)
_MARKUP_SUFFIXES = frozenset({".xml", ".sgml", ".sgm"})


def detect_layout(text: str, suffix: str, *, allow_json: bool = True) -> Layout:
    """The layout of decoded ``text`` from a file named ``*suffix`` (lower case, with the dot).

    ``allow_json=False`` asks again for a text file that starts like JSON but is not.
    """
    if suffix in CSV_SUFFIXES:
        return Layout.CSV
    if looks_trec(text):
        return Layout.TREC
    if _MARKUP.match(text) or (suffix in _MARKUP_SUFFIXES and text.lstrip().startswith("<")):
        return Layout.MARKUP
    if allow_json and (suffix in JSON_SUFFIXES or looks_json(text)):
        return Layout.JSON
    if looks_delimited(text):
        return Layout.CSV
    if looks_scraped(text):
        return Layout.SCRAPED
    if suffix in MARKDOWN_SUFFIXES:
        return Layout.MARKDOWN
    return Layout.PLAIN
