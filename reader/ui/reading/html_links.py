"""The links of the reading pane's HTML: private schemes the view interprets
(``entity:KIND:text``, ``tag:value``, ``article:id``, ``action:name``, ``source:``,
``category:``); values are percent-encoded so any text survives the round trip."""

from __future__ import annotations

from urllib.parse import quote, unquote


def anchor(scheme: str, *parts: str) -> str:
    return ":".join([scheme, *(quote(p, safe="") for p in parts)])


def parse_anchor(href: str) -> tuple[str, tuple[str, ...]]:
    """('entity', ('PERS', 'بوتين')) from 'entity:PERS:%D8…'; the scheme alone for other links."""
    scheme, _, rest = href.partition(":")
    if scheme == "entity":
        kind, _, value = rest.partition(":")
        return scheme, (unquote(kind), unquote(value))
    if scheme in ("tag", "article", "action", "source", "category"):
        return scheme, (unquote(rest),)
    return scheme, (href,)
