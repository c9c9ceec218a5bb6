"""Telegram Desktop's chat export of a news channel, in JSON (``result.json``): each message
with text an article; runs of rich text joined; hashtags as tags; photos and service messages
counted, not listed one by one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reader.formats import parse_file

CHANNEL = "قناة الأخبار العاجلة"
EXPORT = {
    "name": CHANNEL,
    "type": "public_channel",
    "id": 1234567890,
    "messages": [
        {
            "id": 1,
            "type": "service",
            "date": "2026-11-01T09:00:00",
            "actor": CHANNEL,
            "action": "create_channel",
            "title": CHANNEL,
            "text": "",
            "text_entities": [],
        },
        {
            "id": 7,
            "type": "message",
            "date": "2026-11-03T10:00:00",
            "from": CHANNEL,
            "text": "عاجل: وزارة الصحة تفتتح مستشفى جديدا في صفاقس بحضور الوزير.",
        },
        {
            "id": 8,
            "type": "message",
            "date": "2026-11-03T11:00:00",
            "from": CHANNEL,
            "text": [
                "قال ",
                {"type": "bold", "text": "وزير الطاقة"},
                " إن أسعار النفط سترتفع بعد قرار أوبك. ",
                {"type": "link", "text": "https://example.org/oil"},
                "\n",
                {"type": "hashtag", "text": "#اقتصاد"},
                " ",
                {"type": "hashtag", "text": "#أسعار_النفط"},
            ],
        },
        {"id": 9, "type": "message", "date": "2026-11-03T12:00:00", "photo": "p.jpg", "text": ""},
    ],
}


def test_each_message_with_text_is_an_article_of_the_channel(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False, indent=1), encoding="utf-8")
    result = parse_file(path, tmp_path)
    first, second = result.articles
    # ids by message id: they stay the same when a later export holds more messages
    assert (first.id, first.date, first.source) == ("result.json#7", dt.date(2026, 11, 3), CHANNEL)
    # runs join into one text: a bold word inside a sentence stays inside it
    assert second.body.startswith("قال وزير الطاقة إن أسعار النفط سترتفع بعد قرار أوبك.")
    assert second.tags == ("اقتصاد", "أسعار النفط")
    assert [p.reason for p in result.problems] == [
        "2 messages without text (photos, service messages) are not articles"
    ]
