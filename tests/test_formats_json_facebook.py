"""Facebook's "Download your information" in JSON (reader/formats/json_facebook.py): the posts
files are read as articles, with their text encoded twice as Facebook writes it; a Messenger
conversation is named as one, not read."""

from __future__ import annotations

import json
from pathlib import Path

from export_run import export_records

from reader.formats.jsonfmt import parse_json

POSTS = [
    "البنك المركزي المصري يرفع أسعار الفائدة 200 نقطة أساس.\nالتضخم بلغ 35.7% في فبراير 2024.",
    "الصفدي يستقبل سيجورنيه في عمّان اليوم 🇯🇴🇫🇷",
]
LINK = "https://news.example/story/2024/3/1/6512345"


def _facebook(text: str) -> str:
    """``text`` as Facebook writes it: its UTF-8 bytes, each escaped as a character."""
    return text.encode("utf-8").decode("latin-1")


def _posts() -> list[dict[str, object]]:
    return [
        {
            "timestamp": 1709288100,
            "attachments": [{"data": [{"external_context": {"url": LINK}}]}],
            "data": [{"post": _facebook(POSTS[0])}, {"update_timestamp": 1709288200}],
            "title": _facebook("شارك أحمد سمير رابطًا."),
        },
        {
            "timestamp": 1709366400,
            "data": [{"post": _facebook(POSTS[1])}],
            "title": _facebook("كتب أحمد سمير على يومياته."),
        },
        {
            "timestamp": 1709366500,
            "attachments": [{"data": [{"media": {"uri": "photos/x.jpg", "title": ""}}]}],
            "title": "Ahmed Samir updated his status.",
        },
    ]


def _write(folder: Path, name: str, data: object) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")  # escaped as Facebook does


def test_facebook_posts_are_articles(tmp_path: Path) -> None:
    _write(tmp_path, "your_facebook_activity/posts/your_posts_1.json", _posts())
    records, stderr = export_records(tmp_path, "--no-cache")
    assert [(r["body"], r["date"], r["url"]) for r in records] == [
        (POSTS[0], "2024-03-01", LINK),
        (POSTS[1], "2024-03-02", None),
    ]
    # the activity line is no headline: the title is made from the text, noted
    assert records[0]["title"] == POSTS[0].split("\n")[0].rstrip(".")
    assert "no title: made from the first words of the text" in records[0]["problems"]
    assert any("repaired text encoded twice" in p for p in records[0]["problems"])
    assert any("1 Facebook post(s) without text" in line for line in stderr)


def test_a_groups_posts_wrapped_in_an_object_are_read() -> None:
    text = json.dumps({"group_posts_v2": _posts()[:2]})
    result = parse_json(text, rel_path="group_posts/your_posts_in_groups.json")
    assert [a.body for a in result.articles] == POSTS


def test_a_messenger_conversation_is_named_not_read(tmp_path: Path) -> None:
    chat = {
        "participants": [{"name": _facebook("أحمد سمير")}, {"name": _facebook("رنا الحسيني")}],
        "messages": [
            {
                "sender_name": _facebook("أحمد سمير"),
                "timestamp_ms": 1709288160000,
                "content": _facebook(POSTS[0]),
                "share": {"link": LINK},
            },
            {
                "sender_name": _facebook("رنا الحسيني"),
                "timestamp_ms": 1709288460000,
                "content": _facebook(POSTS[1]),
            },
        ],
        "title": _facebook("غرفة الأخبار"),
        "is_still_participant": True,
        "thread_path": "inbox/newsroom_123",
    }
    _write(tmp_path, "messages/inbox/newsroom_123/message_1.json", chat)
    records, stderr = export_records(tmp_path, "--no-cache")
    assert records == []
    assert (
        "messages/inbox/newsroom_123/message_1.json: a Messenger conversation 'غرفة الأخبار' "
        "(2 messages), not articles"
    ) in stderr


def test_a_letter_encoded_twice_keeps_its_byte_85(tmp_path: Path) -> None:
    # "م" is D9 85: read as Latin-1 its second byte is U+0085, which is no line break there
    body = "الصفدي يستقبل نظيره في عمّان اليوم ويبحثان معه وقف إطلاق النار في غزة"
    item = {"title": _facebook("مباحثات أردنية فرنسية في عمّان"), "text": _facebook(body)}
    _write(tmp_path, "posts.json", [item])
    (record,), _ = export_records(tmp_path, "--no-cache")
    assert (record["title"], record["body"]) == ("مباحثات أردنية فرنسية في عمّان", body)


def test_a_next_line_character_between_words_still_breaks_the_line() -> None:
    text = json.dumps([{"title": "خبر", "text": "السطر الأول\u0085السطر الثاني"}])
    (article,) = parse_json(text, rel_path="x.json").articles
    assert article.body == "السطر الأول\nالسطر الثاني"
