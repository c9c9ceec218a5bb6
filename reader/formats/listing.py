"""Pages that list articles rather than hold one: a site's home page, a section, tag, author or
archive page, the second page of any of them. A mirror of a news site holds hundreds; the text
extractor takes the first teaser of one for "the article", a silently wrong article.

A page is a listing when its own markup says it is no article (``og:type`` ``website``) or its
address is a listing's (``/category/``, ``/tag/``, ``/page/2/``, the site's root), its main area
(menus, sidebars and footers left out) links eight headlines or more, and the extractor found
little text in it (a teaser). A page that says it is an article (``og:type`` ``article``, a
publication time, schema.org's NewsArticle) never is one, nor is a page with a long text of its
own: an article page with a "related news" box stays an article.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

_LISTING_PATH = re.compile(
    r"/(?:category|categories|tag|tags|topic|topics|section|sections|author|authors|archive"
    r"|archives|page|قسم|تصنيف|وسم)(?:/|$)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"[?&](?:page|p|paged)=\d+", re.IGNORECASE)
# headline links in the page's main area: outside menus, headers, footers and sidebars
_HEADLINE_LINKS = (
    "//*[self::h1 or self::h2 or self::h3 or self::h4]//a[@href]"
    "[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
)
MIN_HEADLINES = 8
# an extracted text this long is an article's, whatever links the page holds
ARTICLE_CHARS = 1500
# what an article page says of itself in its head
_SAYS_ARTICLE = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or (@property="og:type" and @content="article")]'
)
_LD_ARTICLE = re.compile(r'"@type"\s*:\s*"(?:\w*NewsArticle|Article|BlogPosting)"')


def listed_headlines(tree: Any, page_type: str, url: str, text: str) -> int:
    """How many articles the page lists when it is a listing page, else 0. ``text``: what the
    extractor took for its main text."""
    # string checks first: every saved page of a folder comes through here
    if len(text) >= ARTICLE_CHARS:
        return 0
    if page_type.lower() != "website" and not _listing_address(url):
        return 0
    if _says_article(tree):
        return 0
    hrefs = {link.get("href") for link in tree.xpath(_HEADLINE_LINKS)}
    return len(hrefs) if len(hrefs) >= MIN_HEADLINES else 0


def _says_article(tree: Any) -> bool:
    if tree.xpath(_SAYS_ARTICLE):
        return True
    scripts = tree.xpath('//script[@type="application/ld+json"]/text()')
    return any(_LD_ARTICLE.search(script) for script in scripts)


def _listing_address(url: str) -> bool:
    if not url:
        return False
    try:
        parsed = urlparse(url)
    except ValueError:  # "http://[::1" and other addresses no parser can read
        return False
    path = parsed.path.removesuffix("index.html").removesuffix("index.php")
    return (
        path in ("", "/")
        or bool(_LISTING_PATH.search(path))
        or bool(_PAGE_NUMBER.search("?" + parsed.query))
    )
