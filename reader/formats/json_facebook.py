"""Facebook's "Download your information" in JSON: the posts files
(``posts/your_posts_1.json``: ``[{"timestamp": ..., "data": [{"post": ...}], "title": ...}]``)
and Messenger's conversations (``messages/inbox/<chat>/message_1.json``).

A post with text is an article: its text from ``data[].post``, its date from ``timestamp`` (Unix
seconds), its address from the link it shares. Facebook's ``title`` there is an activity line
("X updated their status."), no headline: the title is made from the text, as for any untitled
record. A post without text (a photo, a check-in) is counted in one note.

A Messenger conversation is a chat, not a set of articles: the file is named as one.
"""

from __future__ import annotations

from typing import Any

from reader.formats.json_read import NotJson, Reading
from reader.formats.mojibake import repaired

# the keys of a posts file's entries: all Facebook writes there, so any other key means another
# shape that merely has a "timestamp"
_POST_KEYS = frozenset({"timestamp", "data", "attachments", "title", "tags", "backdated_timestamp"})
# a group's or a page's posts come wrapped: {"group_posts_v2": [...]}
_MOST_WRAPPER_KEYS = 2


def facebook_posts(data: Any, reading: Reading) -> list[tuple[int, dict[str, Any]]] | None:
    """(number, article-shaped item) of each post with text, when ``data`` is a Facebook posts
    file (None for any other JSON); ``reading`` is given the note counting the posts without
    text."""
    posts = _posts_list(data)
    if posts is None:
        return None
    items: list[tuple[int, dict[str, Any]]] = []
    for number, post in enumerate(posts, 1):
        # the text stays as Facebook encoded it (twice): the JSON reader repairs every item's
        # strings before it reads a field (json_mojibake)
        text = _post_text(post)
        if not text:
            continue
        items.append((number, {"text": text, "date": post["timestamp"], "url": _link(post)}))
    left_out = len(posts) - len(items)
    if left_out:
        reading.notes.append(
            f"{left_out} Facebook post(s) without text (a photo, a check-in, a link alone) left out"
        )
    return items


def _posts_list(data: Any) -> list[dict[str, Any]] | None:
    if isinstance(data, dict) and 0 < len(data) <= _MOST_WRAPPER_KEYS:
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list) or not data:
        return None
    if not all(isinstance(p, dict) and _is_post(p) for p in data):
        return None
    return data if any(_post_text(p) for p in data) else None


def _is_post(entry: dict[str, Any]) -> bool:
    stamp = entry.get("timestamp")
    return (
        isinstance(stamp, int | float)
        and not isinstance(stamp, bool)
        and set(entry) <= _POST_KEYS
        and isinstance(entry.get("data", []), list)
        and isinstance(entry.get("attachments", []), list)
    )


def _post_text(entry: dict[str, Any]) -> str:
    # stripped of plain whitespace only: U+0085 is the second byte of a "م" encoded twice
    parts = [
        part["post"].strip(_SPACE)
        for part in entry.get("data", [])
        if isinstance(part, dict) and isinstance(part.get("post"), str)
    ]
    return "\n".join(part for part in parts if part)


_SPACE = " \t\r\n"


def _link(entry: dict[str, Any]) -> str | None:
    """The address a post shares (``attachments[].data[].external_context.url``)."""
    for attachment in entry.get("attachments", []):
        inner = attachment.get("data") if isinstance(attachment, dict) else None
        for part in inner if isinstance(inner, list) else []:
            context = part.get("external_context") if isinstance(part, dict) else None
            url = context.get("url") if isinstance(context, dict) else None
            if isinstance(url, str) and url.strip():
                return url.strip()
    return None


def refuse_messenger(data: Any) -> None:
    """Raises ``NotJson`` naming a Messenger conversation: its messages are a chat's."""
    if not isinstance(data, dict) or not isinstance(data.get("participants"), list):
        return
    messages = data.get("messages")
    if not isinstance(messages, list):
        return
    if not all(isinstance(m, dict) and "sender_name" in m for m in messages):
        return
    title = data.get("title")
    title = repaired(title.strip(_SPACE), []).strip() if isinstance(title, str) else ""
    named = f" {title!r}" if title else ""
    raise NotJson(f"a Messenger conversation{named} ({len(messages)} messages), not articles")
