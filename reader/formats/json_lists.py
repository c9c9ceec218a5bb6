"""Where a JSON export keeps its articles: the top-level list, one object, a list under a
container key ("articles", "items", ...), objects keyed by their ids, or a feed's items."""

from __future__ import annotations

from typing import Any

from reader.formats.json_fields import has_field

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


def article_list(data: Any, depth: int = 0) -> list[Any] | None:
    """The list of article objects in ``data``: itself, or a list it holds (searched 3 levels deep)."""
    if isinstance(data, list):
        return data if any(isinstance(x, dict) for x in data) else None
    if not isinstance(data, dict) or depth > 3:
        return None
    if has_field(data, "body"):
        return [data]
    # a titled wrapper around the articles (a JSON Feed, a site's export named after the site)
    # is not itself the article; a titled object without a list of them is
    titled = has_field(data, "title")
    if titled and (inner := _container_list(data)) is not None:
        return inner
    if titled:
        return [data]
    # {"123": {...}, "124": {...}}: articles keyed by their ids
    keyed = [v for v in data.values() if isinstance(v, dict)]
    if len(keyed) >= 2 and sum(has_field(v, "title") or has_field(v, "body") for v in keyed) >= 2:
        return keyed
    keys = [k for k in _CONTAINER_KEYS if k in data] + [k for k in data if k not in _CONTAINER_KEYS]
    for key in keys:
        found = article_list(data[key], depth + 1)
        if found is not None:
            return found
    return None


def _container_list(data: dict[str, Any]) -> list[Any] | None:
    """The list of articles under one of the container keys, when its objects have a title or
    a text."""
    for key in _CONTAINER_KEYS:
        value = data.get(key)
        if isinstance(value, list) and any(
            isinstance(x, dict) and (has_field(x, "title") or has_field(x, "body")) for x in value
        ):
            return value
    return None
