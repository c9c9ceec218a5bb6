"""What a feed item's link and description really hold (``xmlnews.py``).

- A link through a redirect (``https://search.example/url?rct=j&url=https://site/story&ct=ga``)
  is the address it wraps; an aggregator's article id that encodes the address (base64 of a
  record holding it) is that address when the whole address is there, else the link is kept.
- An item whose link was a redirect comes from an aggregator (an alert, a news search): the
  feed's title names the search, not the publisher, so the source is the real address's host.
- A description that is only a link to the item (its headline, perhaps the publisher's name and
  links to other outlets' stories) is no text: the item is a headline only.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

# the last path segment of a redirect endpoint, and the query fields that carry the target
_REDIRECT_PATHS = frozenset(
    {"url", "l.php", "link", "redirect", "redir", "out", "goto", "away", "click", "r"}
)
_TARGET_FIELDS = ("url", "q", "u", "target", "dest", "destination", "to", "link")
_ABSOLUTE = re.compile(r"https?://[^\s/]+\.[^\s/]+", re.IGNORECASE)
_BASE64_ID = re.compile(r"[A-Za-z0-9_-]{24,}")
# words a headline-only description may hold besides its links (the publisher's name)
_LABEL_WORDS = 5
_SEPARATORS = re.compile(r"[\s\u00a0\-–—|·•:,،]+")


@dataclass(frozen=True, slots=True)
class ItemLink:
    """The address to show, and whether the feed's link only led to it through another site
    (an aggregator's redirect; a site's own tracking redirect is not one)."""

    url: str
    redirected: bool


def item_link(url: str) -> ItemLink:
    """The real address behind ``url`` (itself when it is one)."""
    start = url = url.strip()
    for _ in range(3):  # a redirect to a redirect, but not without end
        target = _redirect_target(url) or _encoded_target(url)
        if not target:
            break
        url = target
    return ItemLink(url, redirected=host_name(url) != host_name(start))


def _redirect_target(url: str) -> str:
    parts = urlsplit(url)
    if parts.path.rstrip("/").rsplit("/", 1)[-1].lower() not in _REDIRECT_PATHS:
        return ""
    fields = parse_qs(parts.query)
    for name in _TARGET_FIELDS:
        for value in fields.get(name, ()):
            if _ABSOLUTE.match(value):
                return value.strip()
    return ""


def _encoded_target(url: str) -> str:
    """The address an aggregator's article id encodes: base64 of a record whose fourth field is
    the address (its length first). An id cut short, or one that is only a key, gives none."""
    parts = urlsplit(url)
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if not parts.netloc or not _BASE64_ID.fullmatch(segment):
        return ""
    try:
        data = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        return ""
    start = data.find(b"\x22", 0, 4)  # field 4, a length-prefixed string
    if start < 0:
        return ""
    length, at = _varint(data, start + 1)
    address = data[at : at + length]
    if length <= 0 or len(address) < length:
        return ""
    try:
        text = address.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return text if _ABSOLUTE.match(text) and not any(c.isspace() for c in text) else ""


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while at < len(data) and shift < 35:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at += 1
        if not byte & 0x80:
            return value, at
        shift += 7
    return -1, at


def host_name(url: str) -> str:
    """The site an address is on, as people name it: ``www.youm7.com`` -> ``youm7.com``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def headline_only(description: str, *, title: str, source: str) -> tuple[bool, tuple[str, ...]]:
    """Whether an item's description (HTML) only links to stories, with no text of its own; and
    the other stories it links to (an aggregator's coverage of the same news), as headlines."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(description, create_parent="div")
    except (etree.ParserError, ValueError, TypeError):
        return False, ()
    links = [a for a in root.iter("a") if a.text_content().strip()]
    if not links:
        return False, ()
    outside = [root.text or ""]
    for element in root.iterdescendants():
        inside = any(parent.tag == "a" for parent in element.iterancestors())
        if not inside and element.tag != "a":
            outside.append(element.text or "")
        if not inside:
            outside.append(element.tail or "")
    rest = " ".join(outside)
    if source:
        rest = rest.replace(source, " ")
    words = _SEPARATORS.sub(" ", rest).split()
    # the publisher's name after each link (with no <source> to recognise it by) is allowed
    names_title = any(_same(a.text_content(), title) for a in links)
    if words and not (names_title and len(words) <= _LABEL_WORDS * len(links)):
        return False, ()
    others = (_headline(a) for a in links if not _same(a.text_content(), title))
    return True, tuple(h for h in others if h)


def _same(text: str, title: str) -> bool:
    text, title = " ".join(text.split()), " ".join(title.split())
    return bool(text) and (text == title or title.startswith(text))


def _headline(link: Any) -> str:
    """A linked story as "headline (publisher)" when the publisher's name follows the link."""
    text = " ".join(link.text_content().split())
    label = " ".join((link.tail or "").split())
    after = link.getnext()
    if not label and after is not None and after.tag != "a":
        label = " ".join(after.text_content().split())
    return f"{text} ({label})" if text and label and len(label.split()) <= _LABEL_WORDS else text
