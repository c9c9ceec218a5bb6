"""Text a scraper saved with its HTML still in (``<p>…</p>``, ``&quot;``): block tags become line
breaks, formatting tags go, entities are decoded. Script and style tags are left for the debris
pass, which drops their code with them."""

from __future__ import annotations

import html
import re

# tags of a page's text: what a scraper's "text" field or file keeps of the markup
_TEXT_TAG = re.compile(
    r"</?\s*(?:p|br|div|span|a|strong|em|b|i|u|h[1-6]|li|ul|ol|blockquote|font|center|small"
    r"|big|sup|sub|section|article|figure|figcaption|header|footer|table|tr|td|th|tbody|thead)"
    r"\b[^<>]{0,500}/?>",
    re.IGNORECASE,
)
_BREAK = re.compile(
    r"<\s*(?:br|/p|/div|/h[1-6]|/li|/tr|/blockquote|/section|/article|/figcaption)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
# paragraphs or line breaks written as tags: the text is a page's markup, not prose about it
_BLOCK = re.compile(r"<\s*(?:p|br|div)\b[^<>]{0,500}>|</\s*(?:p|div)\s*>", re.IGNORECASE)
# a named or numbered entity, with its semicolon: "AT&T" or "Q&A" is text
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")


def text_of_markup(text: str) -> str:
    """``text`` with its HTML text tags and entities resolved; as it is when it holds none.
    Tags go only from a text whose paragraphs or line breaks are tags: a lone ``<b>`` in prose
    stays as written. Markup escaped inside markup (``&lt;b&gt;``, a scraper escaping twice)
    goes the same way."""
    markup = has_block_tags(text)
    if markup:
        text = _TEXT_TAG.sub("", _BREAK.sub("\n", text))
    if "&" in text and _ENTITY.search(text):
        text = unescaped(text)
        if "<" in text and (markup or has_block_tags(text)):
            text = _TEXT_TAG.sub("", _BREAK.sub("\n", text))
    return text


def has_block_tags(text: str) -> bool:
    """Whether the text's paragraphs or line breaks are tags: it is markup, not prose."""
    return "<" in text and _BLOCK.search(text) is not None


# an entity whose ampersand was itself escaped: the text was escaped twice ("&amp;quot;")
_TWICE = re.compile(r"&amp;(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")


def unescaped(text: str) -> str:
    """``text`` with its HTML entities decoded; twice over where it was escaped twice."""
    twice = "&amp;" in text and _TWICE.search(text) is not None
    text = html.unescape(text)
    return html.unescape(text) if twice else text
