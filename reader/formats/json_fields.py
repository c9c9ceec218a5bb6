"""The names a JSON export gives an article's fields ("content", "Article Text", "النص"), and
the item's value for each field.

``ALIASES`` lists the names JSON exports use for each field, first match wins; then those in any
spelling ("Title", "Published At"); then the names a table's columns go by, in English, French
or Arabic ("تاريخ النشر", ``json_names``): worked out once for the keys the items of one export
share.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from reader.formats.json_names import table_names
from reader.formats.json_read import Unreadable

ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "subject"),
    "body": (
        "content",
        "body",
        "text",
        "article",
        "article_body",
        "articleBody",
        "article_text",
        "main_text",
        "maintext",
        "full_text",
        "fulltext",
        "story",
        "story_text",
        # JSON Feed (a feed's items, as feed readers and static sites publish them)
        "content_html",
        "content_text",
        # social media scrapers (snscrape, Twint, Apify)
        "rawContent",
        "renderedContent",
        "tweet",
        # Google Keep's notes (Google Takeout)
        "textContent",
    ),
    "date": (
        "date",
        "published",
        "published_at",
        "publishedAt",
        "date_published",
        "datePublished",
        "date_extracted",
        "pubDate",
        "pub_date",
        "time",
        "timestamp",
        "created_at",
        # news-please, newspaper3k and schema.org spellings
        "date_publish",
        "publish_date",
        "publication_date",
        "date_created",
        # Google Keep: microseconds since 1970
        "createdTimestampUsec",
        "userEditedTimestampUsec",
        # CSL JSON (reference managers): {"date-parts": [[2024, 3, 1]]}
        "issued",
    ),
    # trafilatura's "source" is the page's address: a URL here is the url (``_source_and_url``)
    "source": (
        "source",
        "site",
        # CSL JSON (reference managers): the newspaper or site an item appeared in
        "container-title",
        "publisher",
        # Bing News' API: [{"_type": "Organization", "name": ...}]
        "provider",
        "source_name",
        "website",
        "outlet",
        "sitename",
        "source-hostname",
        "source_domain",
        "hostname",
        "domain",
        # Media Cloud; wallabag
        "media_name",
        "domain_name",
        # feed readers' exports: Google Reader's API {"origin": {"title": ...}}, Miniflux
        "origin",
        "feed_title",
        "feed",
    ),
    # Google Reader's API (Inoreader, FreshRSS, The Old Reader): [{"href": ...}] lists
    "url": ("url", "link", "href", "source_url", "permalink", "canonical", "alternate"),
    "author": ("author", "authors", "byline", "writer", "published_by"),
    "tags": ("tags", "keywords", "tag", "labels"),
    "category": ("category", "section", "categories", "cat"),
    "summary": ("summary", "abstract", "description", "lead"),
}
# the keys a field's value is wrapped under ({"name": ...} authors, WordPress's {"rendered": ...})
INNER_TEXT_KEYS = ("name", "title", "text", "value", "rendered", "label", "href")
INNER_BODY_KEYS = ("text", "content", "body", "rendered", "value")
ADDRESS = re.compile(r"(?i)https?://")
_KEY_FOLD = re.compile(r"[\s_\-.\u0640\ufeff]+")
_FOLDEDALIASES = {
    field: tuple(dict.fromkeys(_KEY_FOLD.sub("", name).lower() for name in names))
    for field, names in ALIASES.items()
}
# exports write a missing value as NaN (pandas, newspaper3k) or as its name in a string
# (as programs write them: "Null" may be an exhibition's name, "none" a word)
_EMPTY_WORDS = frozenset({"nan", "NaN", "None", "null", "NULL", "NaT", "undefined"})
# a text field found by a piece of its key's name ("status_text") must read as prose to count
_FEWEST_BODY_WORDS = 8


@dataclass(frozen=True, slots=True)
class ItemKeys:
    """An item's own keys for each field, best first, and the fields found only by a piece of
    a key's name (``json_names``)."""

    own: dict[str, tuple[Any, ...]]
    by_piece: frozenset[str] = frozenset()


def has_field(item: dict[str, Any], field: str, *, pieces: bool = True) -> bool:
    """Whether ``item`` has a value for ``field``; without ``pieces``, only under a name for it
    (not a key that holds a piece of one)."""
    return present(get_field(item, field, folded_fields(tuple(item)), pieces=pieces))


def present(value: Any) -> bool:
    """Whether a field holds something: not null, empty, NaN nor a missing value's name."""
    if value is None or isinstance(value, Unreadable) or value in ("", [], {}):
        return False
    if isinstance(value, float):
        return not math.isnan(value)
    return not (isinstance(value, str) and len(value) < 12 and value.strip() in _EMPTY_WORDS)


def get_field(item: dict[str, Any], field: str, folded: ItemKeys, *, pieces: bool = True) -> Any:
    """The item's value for ``field``: its exact names first, then ``folded``, the item's own
    keys by field (``folded_fields``)."""
    for key in ALIASES[field]:
        value = item.get(key)
        if present(value):
            return value
    if field in folded.by_piece and not pieces:
        return None
    # Exports also write "Title", "Published At", "article-text": the names folded, same order;
    # the first with a value ("text": null beside news-please's "maintext" is passed over)
    for own in folded.own.get(field, ()):
        value = item[own]
        if present(value) and (field != "body" or field not in folded.by_piece or _prose(value)):
            return value
    return None


def _prose(value: Any) -> bool:
    if isinstance(value, list):
        value = " ".join(v for v in value if isinstance(v, str))
    return (
        isinstance(value, str)
        and len(value.split(None, _FEWEST_BODY_WORDS)) > _FEWEST_BODY_WORDS - 1
    )


@functools.lru_cache(maxsize=256)
def folded_fields(keys: tuple[Any, ...]) -> ItemKeys:
    """Field -> the item's own keys for it, found by folded names, in the aliases' order, then
    by the names a table's columns go by (``json_names``) for the fields still missing; the
    items of one export share their keys, so this is worked out once for them."""
    folded: dict[str, Any] = {}
    for key in keys:
        if isinstance(key, str):
            folded.setdefault(_KEY_FOLD.sub("", key).lower(), key)
    found: dict[str, tuple[Any, ...]] = {}
    for field, names in _FOLDEDALIASES.items():
        own = tuple(folded[name] for name in names if name in folded)
        if own:
            found[field] = own
    table = table_names(keys)
    taken = {key for own in found.values() for key in own}
    added = {
        field: key
        for field, key in table.keys.items()
        if field in ALIASES and field not in found and key not in taken
    }
    found.update((field, (key,)) for field, key in added.items())
    return ItemKeys(found, table.by_piece & set(added))
