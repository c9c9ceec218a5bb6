"""The article a page carries as data when its HTML holds no text: a site that draws its pages
with JavaScript still puts the article in the page for search engines (JSON-LD's
``articleBody``) or for its own scripts (Next.js's ``__NEXT_DATA__``), and a scraper that saved
the HTML without running the scripts saved that.

The article object is the one with the longest text anywhere in those scripts' JSON; its fields
are read by the JSON reader's names (``headline``, ``articleBody``, ``datePublished``...).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from reader.formats.json_fields import folded_fields, get_field, present
from reader.formats.jsonfmt import article_of
from reader.model import Article

EMBEDDED_NOTE = (
    "the text is the page's embedded data (JSON-LD or the site's script data): its HTML shows "
    "the article only with JavaScript"
)
_DATA_TYPES = frozenset({"application/ld+json", "application/json"})
# an article's text, not a teaser or a caption
_SHORTEST_BODY = 200
_MOST_SCRIPT = 16 * 1024 * 1024
# how much of a script's JSON is searched: a site's state may hold thousands of objects
_MOST_NODES = 200_000


def embedded_article(tree: Any, *, rel_path: str) -> Article | None:
    """The article in the page's data scripts, with a note saying where it came from; None when
    none holds an article's text."""
    best: tuple[int, dict[str, Any]] | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() not in _DATA_TYPES:
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MOST_SCRIPT:
            continue
        try:
            data = json.loads(raw, strict=False)  # control characters inside strings: common
        except (ValueError, RecursionError):
            continue
        for length, item in _with_text(data):
            if best is None or length > best[0]:
                best = (length, item)
    if best is None:
        return None
    article, _ = article_of(best[1], article_id=rel_path, rel_path=rel_path)
    if article is None:
        return None
    return dataclasses.replace(
        article,
        url=article.url or _page_address(tree),
        problems=(*article.problems, EMBEDDED_NOTE),
    )


def _page_address(tree: Any) -> str | None:
    """The page's own address: its canonical link, else its og:url."""
    for element in tree.iter("link", "meta"):
        if element.tag == "link" and (element.get("rel") or "").lower() == "canonical":
            return str(element.get("href") or "").strip() or None
        if element.tag == "meta" and (element.get("property") or "").lower() == "og:url":
            return str(element.get("content") or "").strip() or None
    return None


def _with_text(data: Any) -> list[tuple[int, dict[str, Any]]]:
    """The objects in ``data`` whose text field holds an article's text, with its length."""
    found: list[tuple[int, dict[str, Any]]] = []
    stack = [data]
    seen = 0
    while stack and seen < _MOST_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            body = get_field(node, "body", folded_fields(tuple(node)))
            if present(body) and isinstance(body, str) and len(body) >= _SHORTEST_BODY:
                found.append((len(body), node))
            stack.extend(v for v in node.values() if isinstance(v, list | dict))
    return found
