"""Mailbox files (``.mbox``: Thunderbird's folders, a Google Takeout export of newsletters): one
article a message, read as a saved e-mail is; a message without text named by its number."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from export_run import export_records

TEXT = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."


def _message(subject: str, body: str | None, date: str) -> bytes:
    message = EmailMessage()
    message["From"] = "نشرة الأخبار <news@example.tn>"
    message["Subject"] = subject
    message["Date"] = date
    if body is None:
        message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    else:
        message.set_content(body)
    return bytes(message)


def test_each_message_of_a_mailbox_is_an_article(tmp_path: Path) -> None:
    quoted = f"{TEXT}\n>From the archive: a line mail programs escape.\n"
    messages = [
        _message("نشرة الصباح", TEXT, "Tue, 03 Nov 2026 08:00:00 +0100"),
        _message("نشرة المساء", quoted, "Tue, 03 Nov 2026 18:00:00 +0100"),
        _message("مرفق فقط", None, "Wed, 04 Nov 2026 08:00:00 +0100"),
    ]
    mbox = b"".join(
        b"From news@example.tn Tue Nov  3 08:00:00 2026\n" + m.replace(b"\r\n", b"\n") + b"\n"
        for m in messages
    )
    (tmp_path / "Inbox.mbox").write_bytes(mbox)
    records, err = export_records(tmp_path)
    assert [(r["id"], r["title"], r["date"]) for r in records] == [
        ("Inbox.mbox#1", "نشرة الصباح", "2026-11-03"),
        ("Inbox.mbox#2", "نشرة المساء", "2026-11-03"),
    ]
    assert records[0]["body"] == TEXT
    assert err[0].startswith("Inbox.mbox: message 3: an e-mail without text")


def test_a_file_that_is_no_mailbox_is_named(tmp_path: Path) -> None:
    (tmp_path / "x.mbox").write_text("نص عادي وليس بريدا.\n", encoding="utf-8")
    records, err = export_records(tmp_path)
    assert records == []
    assert err[0] == "x.mbox: not a mailbox: no message starts with a 'From ' line"
