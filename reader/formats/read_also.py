"""Links to other articles that a site prints inside or under a text ("اقرأ أيضا: الحكومة تقر
زيادة الأجور", Markdown's "**اقرأ أيضا:** [headline](url)", a "طالع أيضا" line over two or three
headlines): they are the site's, not the article's. Whatever the layout, they leave the body
for the article's "read also" list (``Article.related``), which the reading pane shows apart
and links to the folder's article of that title.
"""

from __future__ import annotations

import re

from reader.formats.debris import URL_IN_TEXT
from reader.formats.tags import READ_ALSO

# the marker then a separator, emphasis, a Markdown link or the line's end: "شاهد أيضا الحضور
# عرضا" opens a sentence
_MARKER = re.compile(
    rf"^\W*{READ_ALSO}(?:\s*[*_]*\s*[:：\-–—|»›]+[\s*_]*|\s*[*_]+\s*|\s*(?=\[)|\s*$)",
    re.IGNORECASE,
)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = "*_#>`"
_BULLET = re.compile(r"^\s*(?:[-*+•▪◦]|\d{1,2}[.)])\s")
_LINKED = re.compile(r"\]\(|https?://|www\.", re.IGNORECASE)
_HEADLINE_MAX_WORDS = 25
# headlines a marker line heads: a list under "اقرأ أيضا" is short
_LIST_MAX = 5
_LISTED_MAX_WORDS = 18


def split_read_also(body: str) -> tuple[str, tuple[str, ...]]:
    """``body`` without its "read also" lines, and the headlines they named, in order; the very
    same ``body`` and ``()`` when it has none."""
    lines = body.split("\n")
    if not any(_MARKER.match(line) for line in lines):  # the common case: anchored, so cheap
        return body, ()
    kept: list[str] = []
    related: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        marker = _MARKER.match(line)
        if marker is None:
            kept.append(line)
            i += 1
            continue
        rest = line[marker.end() :]
        headline = _headline(rest)
        if headline:
            related.append(headline)
            i += 1
            continue
        listed = [] if rest.strip() else _listed(lines, i + 1)
        if not listed:  # a marker over nothing: left as the text has it
            kept.append(line)
            i += 1
            continue
        related.extend(_headline(lines[j]) for j in listed)
        i = listed[-1] + 1
    if not related:
        return body, ()
    return "\n".join(kept), tuple(related)


def _headline(text: str) -> str:
    """The headline a link's text gives: without Markdown, addresses and emphasis; "" when what
    is left is no headline (a sentence, or nothing)."""
    text = URL_IN_TEXT.sub(" ", _MARKDOWN_LINK.sub(r"\1", text))
    text = " ".join(text.split()).strip(_EMPHASIS + " :：-–—|»›")
    words = text.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or not any(c.isalpha() for c in text):
        return ""
    if text.endswith(".") and not text.endswith(".."):
        return ""  # a sentence, not a headline
    return text


def _listed(lines: list[str], start: int) -> list[int]:
    """The indexes of the headline lines under a marker line: short, not ending a sentence or a
    clause, at most ``_LIST_MAX``; blank lines between them skipped."""
    found: list[int] = []
    for j in range(start, min(len(lines), start + 2 * _LIST_MAX)):
        line = lines[j].strip()
        if not line:
            continue
        headline = _headline(line)
        shaped = (
            headline
            and _MARKER.match(line) is None
            # a bulleted list under the heading is the article's points unless it links
            and (not _BULLET.match(line) or _LINKED.search(line) is not None)
            and len(headline.split()) <= _LISTED_MAX_WORDS
            and not headline.endswith((".", "،", ",", ":", "؛"))
        )
        if not shaped or len(found) == _LIST_MAX:
            break
        found.append(j)
    return found
