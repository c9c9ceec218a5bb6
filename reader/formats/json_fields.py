"""The names a JSON export gives an article's fields ("content", "Article Text", "النص"), and
the item's value for each field.

``ALIASES`` lists the names accepted for each field, first match wins; then those and
``MORE_NAMES`` (Arabic) in any spelling ("Title", "Published At"), worked out once for the keys
the items of one export share.
"""

from __future__ import annotations

import functools
import re
from typing import Any

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
    ),
    # trafilatura's "source" is the page's address: a URL here is the url (``_source_and_url``)
    "source": (
        "source",
        "site",
        "publisher",
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
# Names matched only once folded (see ``_folded_fields``): Arabic exports and the rare spellings.
MORE_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("عنوان", "العنوان"),
    "body": ("نص", "النص", "المحتوى", "محتوى", "المقال", "متن"),
    "date": ("تاريخ", "التاريخ"),
    "source": ("المصدر", "مصدر", "الموقع", "الجريدة"),
    "url": ("الرابط", "رابط"),
    "author": ("الكاتب", "كاتب", "المؤلف"),
    "tags": ("الكلمات", "الوسوم", "وسوم"),
    "category": ("القسم", "قسم", "التصنيف", "تصنيف"),
    "summary": ("الملخص", "ملخص", "الوصف", "وصف"),
}
ADDRESS = re.compile(r"(?i)https?://")
_KEY_FOLD = re.compile(r"[\s_\-.\u0640\ufeff]+")
_FOLDEDALIASES = {
    field: tuple(
        dict.fromkeys(
            _KEY_FOLD.sub("", name).lower() for name in (*names, *MORE_NAMES.get(field, ()))
        )
    )
    for field, names in ALIASES.items()
}


def has_field(item: dict[str, Any], field: str) -> bool:
    return present(get_field(item, field, folded_fields(tuple(item))))


def present(value: Any) -> bool:
    return value is not None and not isinstance(value, Unreadable) and value not in ("", [], {})


def get_field(item: dict[str, Any], field: str, folded: dict[str, Any]) -> Any:
    """The item's value for ``field``: its exact names first, then ``folded``, the item's own
    keys by field (``_folded_fields``)."""
    for key in ALIASES[field]:
        value = item.get(key)
        if present(value):
            return value
    # Exports also write "Title", "Published At", "article-text": the names folded, same order;
    # the first with a value ("text": null beside news-please's "maintext" is passed over)
    for own in folded.get(field, ()):
        if present(item[own]):
            return item[own]
    return None


@functools.lru_cache(maxsize=256)
def folded_fields(keys: tuple[Any, ...]) -> dict[str, tuple[Any, ...]]:
    """Field -> the item's own keys for it, found by folded names, in the aliases' order; the
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
    return found
