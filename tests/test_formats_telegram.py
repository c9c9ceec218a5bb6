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


# the markup Telegram Desktop writes for a channel (trimmed: styles, scripts, userpics)
PAGE = """<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
  <title>Exported Data</title>
  <link href="css/style.css" rel="stylesheet"/>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
قناة الأخبار العاجلة
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
     <div class="message service" id="message-1">
      <div class="body details">
3 November 2026
      </div>
     </div>
     <div class="message default clearfix" id="message7">
      <div class="pull_left userpic_wrap"><div class="userpic userpic1"></div></div>
      <div class="body">
       <div class="pull_right date details" title="03.11.2026 10:00:00 UTC+02:00">
10:00
       </div>
       <div class="from_name">
قناة الأخبار العاجلة
       </div>
       <div class="text">
عاجل: وزارة الصحة تفتتح مستشفى جديدا في <strong>صفاقس</strong> بحضور الوزير.<br>وقال الوزير إن المستشفى سيفتح أبوابه قريبا.
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message8">
      <div class="body">
       <div class="pull_right date details" title="03.11.2026 11:00:00 UTC+02:00">
11:00
       </div>
       <div class="text">
ارتفاع أسعار النفط بعد قرار أوبك <a href="" onclick="return ShowHashtag(&quot;اقتصاد&quot;)">#اقتصاد</a>
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message10">
      <div class="body">
       <div class="pull_right date details" title="03.11.2026 11:30:00 UTC+02:00">
11:30
       </div>
       <div class="forwarded body">
        <div class="from_name">
وكالة الأنباء <span class="date details" title="03.11.2026 11:20:00"> 03.11.2026 11:20:00</span>
        </div>
        <div class="text">
منقول: الحكومة تعلن خطة جديدة للنقل العام في العاصمة.
        </div>
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message9">
      <div class="body">
       <div class="pull_right date details" title="03.11.2026 12:00:00 UTC+02:00">
12:00
       </div>
       <div class="media_wrap clearfix">
        <a class="photo_wrap clearfix pull_left" href="photos/photo_1.jpg"><img class="photo" src="photos/photo_1_thumb.jpg"/></a>
       </div>
      </div>
     </div>
    </div>
   </div>
  </div>
 </body>
</html>
"""


def test_the_html_export_is_read_as_the_json_one(tmp_path: Path) -> None:
    """Telegram's default export: before, a page of a thousand messages was one article."""
    path = tmp_path / "messages.html"
    path.write_text(PAGE, encoding="utf-8")
    result = parse_file(path, tmp_path)
    first, second, forwarded = result.articles
    # a forwarded message is the channel's article too
    assert (forwarded.id, forwarded.source, forwarded.body) == (
        "messages.html#10",
        CHANNEL,
        "منقول: الحكومة تعلن خطة جديدة للنقل العام في العاصمة.",
    )
    assert (first.id, first.date, first.source) == (
        "messages.html#7",
        dt.date(2026, 11, 3),
        CHANNEL,
    )
    assert first.body == (
        "عاجل: وزارة الصحة تفتتح مستشفى جديدا في صفاقس بحضور الوزير.\n"
        "وقال الوزير إن المستشفى سيفتح أبوابه قريبا."
    )
    assert first.title == "عاجل: وزارة الصحة تفتتح مستشفى جديدا في صفاقس بحضور الوزير"
    assert (second.id, second.source, second.tags) == ("messages.html#8", CHANNEL, ("اقتصاد",))
    assert [p.reason for p in result.problems] == [
        "2 messages without text (photos, service messages) are not articles"
    ]


def test_the_export_folder_names_its_media_folders_once_each(tmp_path: Path) -> None:
    from reader.formats import read_folder

    export = tmp_path / "ChatExport_2026-11-04"
    export.mkdir()
    (export / "messages.html").write_text(PAGE, encoding="utf-8")
    for folder, name in (("css", "style.css"), ("js", "script.js"), ("photos", "photo_1.jpg")):
        (export / folder).mkdir()
        (export / folder / name).write_bytes(b"\x89PNG" if name.endswith("jpg") else b"x")
    result = read_folder(tmp_path)
    assert [a.id for a in result.articles] == [
        "ChatExport_2026-11-04/messages.html#7",
        "ChatExport_2026-11-04/messages.html#8",
        "ChatExport_2026-11-04/messages.html#10",
    ]
    reason = "the media, styles and scripts of the Telegram export messages.html; not read"
    assert [(p.path, p.reason) for p in result.problems if p.reason == reason] == [
        (f"ChatExport_2026-11-04/{folder}", reason) for folder in ("css", "js", "photos")
    ]
