"""WhatsApp's chat exports (reader/formats/whatsapp.py): each message with text an article of
the chat, its sender the author, its stamp the date; notices, media and deleted messages
counted in one line."""

from __future__ import annotations

from pathlib import Path

from export_run import export_records

from reader.formats.titles import TITLE_FROM_FIRST_WORDS

NEWS = "عاجل: البنك المركزي يرفع الفائدة 200 نقطة أساس"
MORE = "التضخم عند 35.7% في فبراير"
LINK = "https://www.example-news.net/story/2024/3/1/6512345"
VISIT = "الصفدي يستقبل سيجورنيه في عمّان اليوم"

ANDROID = f"""12/03/2024, 10:15 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.
12/03/2024, 10:15 - أحمد سمير created group "مجموعة الأخبار"
12/03/2024, 10:16 - أحمد سمير: {NEWS}
{MORE}
{LINK}
12/03/2024, 10:20 - رنا الحسيني: <Media omitted>
13/03/2024, 09:00 - رنا الحسيني: {VISIT}
13/03/2024, 09:05 - +20 100 123 4567: تم حذف هذه الرسالة
"""

# the iPhone in Arabic: Arabic-Indic digits, ص/م, direction marks, the notice as the group's
IPHONE = (
    "\u200e[١٢\u200f/٣\u200f/٢٠٢٤ ١٠:١٥:٠٠ ص] مجموعة الأخبار: \u200eالرسائل والمكالمات مشفرة تماماً.\n"
    f"[١٢\u200f/٣\u200f/٢٠٢٤ ١٠:١٦:٠٠ ص] أحمد سمير: {NEWS}\n"
    f"[١٣\u200f/٣\u200f/٢٠٢٤ ٩:٠٠:٠٠ ص] رنا الحسيني: {VISIT}\n"
    "\u200e[١٣\u200f/٣\u200f/٢٠٢٤ ٩:٠١:٠٠ ص] رنا الحسيني: \u200eصورة محذوفة\n"
)


def test_an_android_export_gives_each_message_with_text(tmp_path: Path) -> None:
    (tmp_path / "WhatsApp Chat with مجموعة الأخبار.txt").write_text(ANDROID, encoding="utf-8")
    records, err = export_records(tmp_path)
    got = [(r["id"], r["date"], r["source"], r["author"], r["url"], r["body"]) for r in records]
    name = "WhatsApp Chat with مجموعة الأخبار.txt"
    assert got == [
        (f"{name}#3", "2024-03-12", "مجموعة الأخبار", "أحمد سمير", LINK, f"{NEWS}\n{MORE}\n{LINK}"),
        (f"{name}#5", "2024-03-13", "مجموعة الأخبار", "رنا الحسيني", None, VISIT),
    ]
    assert all(r["problems"] == [TITLE_FROM_FIRST_WORDS] for r in records)
    assert err == [
        f"{name}: 4 messages without text (notices, photos, deleted) are not articles",
        "2 articles from 1 files, 0 files skipped",
    ]


def test_an_iphone_export_in_arabic_names_its_group_from_the_notice(tmp_path: Path) -> None:
    (tmp_path / "_chat.txt").write_text(IPHONE, encoding="utf-8")
    records, _ = export_records(tmp_path)
    assert [(r["body"], r["date"], r["source"], r["author"]) for r in records] == [
        (NEWS, "2024-03-12", "مجموعة الأخبار", "أحمد سمير"),
        (VISIT, "2024-03-13", "مجموعة الأخبار", "رنا الحسيني"),
    ]


def test_a_chat_written_month_first_is_read_so(tmp_path: Path) -> None:
    chat = (
        f"3/12/24, 10:16 AM - Ahmed: {NEWS}\n"
        f"3/13/24, 9:00 AM - Rana: {VISIT}\n"
        "3/14/24, 9:00 AM - Rana: Hello everyone\n"
    )
    (tmp_path / "WhatsApp Chat - News.txt").write_text(chat, encoding="utf-8")
    records, _ = export_records(tmp_path)
    assert [(r["date"], r["source"]) for r in records] == [
        ("2024-03-12", "News"),
        ("2024-03-13", "News"),
        ("2024-03-14", "News"),
    ]


def test_a_text_with_a_few_dated_lines_is_no_chat(tmp_path: Path) -> None:
    text = f"{NEWS}\n\n12/03/2024, 10:15 - بيان\n{MORE} وقال الوزير إن الخطة جاهزة للتنفيذ.\n{VISIT}.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (record,), _ = export_records(tmp_path)
    assert (record["id"], record["title"]) == ("a.txt", NEWS)


def test_a_timeline_that_stamps_every_line_is_one_article(tmp_path: Path) -> None:
    """A live blog's timeline writes the chat's stamps too: without WhatsApp's file name or
    notice it is one article."""
    timeline = (
        f"12/03/2024, 10:15 - القاهرة: {NEWS}\n"
        f"12/03/2024, 11:00 - الدوحة: {VISIT}\n"
        f"12/03/2024, 12:30 - القاهرة: {MORE}\n"
    )
    (tmp_path / "timeline.txt").write_text(timeline, encoding="utf-8")
    (record,), _ = export_records(tmp_path)
    assert record["id"] == "timeline.txt"
    assert record["author"] is None
