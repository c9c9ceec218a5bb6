"""Telegram Desktop's chat export (``result.json``): a channel's or group's messages, each an
article. Arabic news runs through Telegram channels, and analysts export them so.

The export is one object naming the chat (``name``, ``type``) and holding its ``messages``.
A message's ``text`` is a string or a list of runs (plain strings, and objects such as
``{"type": "bold", "text": ...}`` or ``{"type": "hashtag", "text": "#اقتصاد"}``) that join into
one text. Service messages (a channel created, a message pinned) and messages without text (a
photo alone) are not articles; they are counted in one note, not named one by one.
"""

from __future__ import annotations

from typing import Any

# the chat types Telegram Desktop writes
_CHAT_TYPES = frozenset(
    {
        "public_channel",
        "private_channel",
        "public_supergroup",
        "private_supergroup",
        "private_group",
        "personal_chat",
        "bot_chat",
        "saved_messages",
    }
)


def is_telegram_export(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and data.get("type") in _CHAT_TYPES
        and isinstance(data.get("messages"), list)
    )


def telegram_items(data: dict[str, Any]) -> tuple[list[tuple[int, dict[str, Any]]], str | None]:
    """(message id, article-shaped item) of each message with text, and a note counting the
    messages left out."""
    chat = data.get("name") if isinstance(data.get("name"), str) else None
    items: list[tuple[int, dict[str, Any]]] = []
    left_out = 0
    for number, message in enumerate(data["messages"], 1):
        text, tags = _runs(message.get("text")) if isinstance(message, dict) else ("", [])
        if not isinstance(message, dict) or message.get("type") != "message" or not text.strip():
            left_out += 1
            continue
        ident = message.get("id")
        items.append(
            (
                ident if isinstance(ident, int) else number,
                {
                    "text": text,
                    "date": message.get("date"),
                    "source": chat or message.get("from"),
                    "author": message.get("author"),
                    "tags": tags,
                },
            )
        )
    return items, left_out_note(left_out)


def left_out_note(count: int) -> str | None:
    """The one line that counts the messages that are no article (the JSON and HTML exports)."""
    if not count:
        return None
    return f"{count} messages without text (photos, service messages) are not articles"


def _runs(value: Any) -> tuple[str, list[str]]:
    """A message's text from its runs, and its hashtags (without #)."""
    if isinstance(value, str):
        return value, []
    if not isinstance(value, list):
        return "", []
    parts: list[str] = []
    tags: list[str] = []
    for run in value:
        if isinstance(run, str):
            parts.append(run)
        elif isinstance(run, dict) and isinstance(run.get("text"), str):
            parts.append(run["text"])
            if run.get("type") == "hashtag":
                tags.append(run["text"].lstrip("#").replace("_", " "))
    return "".join(parts), tags
