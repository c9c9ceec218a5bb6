"""Where a JSON export keeps its articles: the top-level list, one object, a list under a
container key ("articles", "items", ...), objects keyed by their ids or addresses, a feed's
items, or a table's rows (``json_frames``)."""

from __future__ import annotations

from typing import Any

from reader.formats.json_fields import has_field
from reader.formats.json_frames import frame_rows, with_address

# Lists of articles inside an object: these keys first, then any list of objects.
_CONTAINER_KEYS = (
    "articles",
    "items",
    "data",
    "results",
    "docs",
    "documents",
    "posts",
    "entries",
    "news",
    "records",
    "hits",
)


def with_feed_source(data: Any, items: list[Any]) -> list[Any]:
    """A JSON Feed's items with the feed's title as their source where they name none: the
    feed is the publication (``{"version": "https://jsonfeed.org/version/1.1", "title": ...}``)."""
    if not (isinstance(data, dict) and "jsonfeed.org" in str(data.get("version", ""))):
        return items
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        return items
    return [
        {**item, "source": title.strip()}
        if isinstance(item, dict) and not has_field(item, "source")
        else item
        for item in items
    ]


def article_list(data: Any) -> list[Any] | None:
    """The list of article objects in ``data``: itself, or a list it holds (searched 3 levels
    deep). Fields are first looked for under their names only, and only if that finds nothing
    also under keys that hold a piece of a name: a wrapper's "status_text" is no article."""
    return _article_list(data, 0, pieces=False) or _article_list(data, 0, pieces=True)


def _article_list(data: Any, depth: int, *, pieces: bool) -> list[Any] | None:
    if isinstance(data, list):
        return data if any(isinstance(x, dict) for x in data) else None
    if not isinstance(data, dict) or depth > 3:
        return None
    # {"articles": {"results": [...], "totalResults": 120}}: a search API's page of results
    # under a container key; its counts and page numbers are no articles
    wrapped = _wrapped_list(data, pieces=pieces)
    if wrapped is not None:
        return wrapped
    rows = frame_rows(data)
    if rows is not None:
        return rows
    if has_field(data, "body", pieces=pieces):
        return [data]
    # a titled wrapper around the articles (a JSON Feed, a site's export named after the site)
    # is not itself the article; a titled object without a list of them is
    titled = has_field(data, "title", pieces=pieces)
    if titled and (inner := _container_list(data, pieces=pieces)) is not None:
        return inner
    if titled:
        return [data]
    # {"123": {...}, "124": {...}}: articles keyed by their ids, or by their addresses (which
    # are then their urls)
    keyed = [(k, v) for k, v in data.items() if isinstance(v, dict)]
    articles = sum(_is_article(v, pieces) for _, v in keyed)
    if articles >= 2 or (
        articles == len(keyed) == 1 and with_address(*keyed[0]) is not keyed[0][1]
    ):
        return [with_address(k, v) for k, v in keyed]
    keys = [k for k in _CONTAINER_KEYS if k in data] + [k for k in data if k not in _CONTAINER_KEYS]
    for key in keys:
        found = _article_list(data[key], depth + 1, pieces=pieces)
        if found is not None:
            return found
    return None


def _is_article(item: Any, pieces: bool) -> bool:
    return isinstance(item, dict) and (
        has_field(item, "title", pieces=pieces) or has_field(item, "body", pieces=pieces)
    )


def _wrapped_list(data: dict[str, Any], *, pieces: bool) -> list[Any] | None:
    """The list of articles one level down: an object under a container key that holds it
    under a container key of its own."""
    for key in _CONTAINER_KEYS:
        inner = data.get(key)
        if isinstance(inner, dict) and (found := _container_list(inner, pieces=pieces)):
            return found
    return None


def _container_list(data: dict[str, Any], *, pieces: bool) -> list[Any] | None:
    """The list of articles under one of the container keys, when its objects have a title or
    a text."""
    for key in _CONTAINER_KEYS:
        value = data.get(key)
        if isinstance(value, list) and any(_is_article(x, pieces) for x in value):
            return value
    return None
