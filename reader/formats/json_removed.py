"""Records a news API keeps in place of an article it may no longer give out: NewsAPI writes
``"[Removed]"`` in every field (and ``https://removed.com`` as the address) for an article its
publisher withdrew. Such a record is no article; the file says how many it held."""

from __future__ import annotations

import re
from typing import Any

# "[Removed]", "[deleted]": a bracketed word where the record's headline should be
_PLACEHOLDER = re.compile(r"(?i)\[\s*(?:removed|deleted)\s*\]")
_REMOVED_ADDRESS = re.compile(r"(?i)^https?://(?:www\.)?removed\.com/?$")
_TEXT_KEYS = ("title", "content", "description", "body", "text")


def is_removed(item: Any) -> bool:
    """Whether ``item`` is a placeholder for a removed article: its title and every other text
    it has is the placeholder (or its address is the API's address for removed articles)."""
    if not isinstance(item, dict):
        return False
    title = item.get("title")
    if not (isinstance(title, str) and _PLACEHOLDER.fullmatch(title.strip())):
        return False
    url = item.get("url")
    if isinstance(url, str) and _REMOVED_ADDRESS.match(url.strip()):
        return True
    texts = [item.get(key) for key in _TEXT_KEYS[1:]]
    return all(
        value is None or (isinstance(value, str) and _is_placeholder(value)) for value in texts
    )


def _is_placeholder(text: str) -> bool:
    return not text.strip() or _PLACEHOLDER.fullmatch(text.strip()) is not None


def removed_note(count: int) -> str:
    records = "record" if count == 1 else "records"
    return f"{count} {records} removed by the news API ([Removed]) left out"
