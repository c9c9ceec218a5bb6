"""The headline of a news record that names it ``name``: Bing News' API (and schema.org's
``NewsArticle`` written without ``headline``) gives ``{"name": ..., "url": ...,
"description": ..., "datePublished": ...}``.

``name`` is just as often a person's or an account's name (an author's record, a tweet's
account in Twint's JSON), so it is the title only when the record has no title field, reads as
a dated news item with an address, and has no key that belongs to a person or an account.
"""

from __future__ import annotations

import re
from typing import Any

from reader.formats.json_fields import has_field

_FOLD = re.compile(r"[\s_\-.@$]+")
# keys of a person's or an account's record (folded: lower case, no "_", "-" or ".")
_PERSON_KEYS = frozenset(
    {
        "email",
        "bio",
        "biography",
        "avatar",
        "username",
        "screenname",
        "handle",
        "userid",
        "followers",
        "followerscount",
        "following",
        "jobtitle",
        "role",
        "affiliation",
        "givenname",
        "familyname",
        "given",
        "family",
        "sendername",
        "participants",
        "profileurl",
        "profileimageurl",
        "nickname",
        "verified",
    }
)
_TYPE_KEYS = ("_type", "@type", "type", "kind")
_PERSON_TYPES = frozenset({"person", "author", "user", "account", "profile", "organization"})
# a headline is one line of words, not a paragraph
_LONGEST = 300


def name_headline(item: dict[str, Any]) -> str:
    """``item``'s ``name`` when it is the record's headline (see the module's note), else ""."""
    name = item.get("name")
    if not isinstance(name, str) or not name.strip() or has_field(item, "title"):
        return ""
    name = " ".join(name.split())
    if len(name) > _LONGEST or "\n" in item["name"].strip():
        return ""
    if not (has_field(item, "url", pieces=False) and has_field(item, "date", pieces=False)):
        return ""
    if any(_FOLD.sub("", str(key)).lower() in _PERSON_KEYS for key in item):
        return ""
    for key in _TYPE_KEYS:
        kind = item.get(key)
        if isinstance(kind, str) and _FOLD.sub("", kind).lower() in _PERSON_TYPES:
            return ""
    return name
