"""Pages that list articles rather than hold one: a site's home page, a section, tag, author or
archive page, the second page of any of them. A mirror of a news site holds hundreds; the text
extractor takes the first teaser of one for "the article", a silently wrong article.

A page is a listing when its main area (menus, sidebars and footers left out) links eight
headlines or more, the extractor found little text in it (a teaser), and either its own markup
says it is no article (``og:type`` ``website``), its address is a listing's (``/category/``,
``/tag/``, ``/page/2/``, the site's root), its file is a mirror's home page
(``www.site.com/index.html``), or its shape says so: a line or two of text for each headline
and no headline of its own. A page that says it is an article (``og:type`` ``article``, a
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
# headline links in the page's main area: outside menus, headers, footers and sidebars; a link
# in a headline, or a card's link around its headline
_OUTSIDE_FURNITURE = (
    "[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
)
_HEADLINE_LINKS = (
    f"//*[self::h1 or self::h2 or self::h3 or self::h4]//a[@href]{_OUTSIDE_FURNITURE}"
    f" | //a[@href][.//h1 or .//h2 or .//h3 or .//h4]{_OUTSIDE_FURNITURE}"
)
# links to no article: the page itself, the home page, scripts and mail
_NO_ARTICLE_HREF = re.compile(r"^(?:#|/?$|javascript:|mailto:|tel:)", re.IGNORECASE)
MIN_HEADLINES = 8
# a listing's text is its teasers: a line or two for each headline
_TEASER_CHARS = 200
# the page's own headline: an <h1> of a few words that links nowhere (a listing's <h1>, when it
# has one, names its section: "التصنيف: اقتصاد")
_OWN_HEADLINE = f"//h1[not(ancestor::a) and not(.//a)]{_OUTSIDE_FURNITURE}"
_OWN_HEADLINE_WORDS = 4
# a mirror's home page: the folder page at the top of the folder or in a folder named after the
# host ("www.site.com/index.html"); further down, wget saves articles as ".../story/index.html"
_SITE_ROOT_INDEX = re.compile(
    r"(?:^|(?:^|/)[\w-]+(?:\.[\w-]+)+/)(?:index|default)\.(?:html?|shtml|php|aspx?|jsp)$",
    re.IGNORECASE,
)
# an extracted text this long is an article's, whatever links the page holds
ARTICLE_CHARS = 1500
# what an article page says of itself in its head
_SAYS_ARTICLE = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or (@property="og:type" and @content="article")]'
)
_LD_ARTICLE = re.compile(r'"@type"\s*:\s*"(?:\w*NewsArticle|Article|BlogPosting)"')


def listed_headlines(tree: Any, page_type: str, url: str, text: str, *, name: str = "") -> int:
    """How many articles the page lists when it is a listing page, else 0. ``text``: what the
    extractor took for its main text; ``name``: the file's path."""
    # string checks first: every saved page of a folder comes through here
    if len(text) >= ARTICLE_CHARS:
        return 0
    declared = (
        page_type.lower() == "website"
        or _listing_address(url)
        or _SITE_ROOT_INDEX.search(name) is not None
    )
    if _says_article(tree):
        return 0
    hrefs = {
        href
        for link in tree.xpath(_HEADLINE_LINKS)
        if (href := (link.get("href") or "").strip()) and not _NO_ARTICLE_HREF.match(href)
    }
    if len(hrefs) < MIN_HEADLINES:
        return 0
    if declared:
        return len(hrefs)
    # a page that says nothing of itself: many headlines, little text, no headline of its own
    if len(text) <= len(hrefs) * _TEASER_CHARS and not _own_headline(tree):
        return len(hrefs)
    return 0


def _own_headline(tree: Any) -> bool:
    return any(
        len(element.text_content().split()) >= _OWN_HEADLINE_WORDS
        for element in tree.xpath(_OWN_HEADLINE)[:3]
    )


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
