"""Saved e-mails: an agency's bulletin in plain text, a newsletter in HTML with an encoded
Arabic subject, and files named .eml that hold no e-mail."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from pathlib import Path

import pytest

from reader.formats import parse_file

SUBJECT = "افتتاح مستشفى جديد في صفاقس"
BODY = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."


def _email(*, html: bool) -> bytes:
    message = EmailMessage()
    message["From"] = "وكالة الأنباء <news@agency.example>"
    message["To"] = "desk@paper.example"
    message["Subject"] = SUBJECT  # written RFC 2047-encoded, as mail programs do
    message["Date"] = "Tue, 03 Nov 2026 10:00:00 +0200"
    if html:
        message.set_content("نسخة نصية مختصرة.")
        message.add_alternative(
            f"<html><body><h2>نشرة اليوم</h2><p>{BODY}</p><script>track()</script></body></html>",
            subtype="html",
        )
    else:
        message.set_content(BODY + "\n\nوقال الوزير إن المستشفى سيفتح أبوابه قريبا.\n")
    return bytes(message)


def test_a_plain_bulletin_is_an_article_with_its_headers(tmp_path: Path) -> None:
    (tmp_path / "bulletin.eml").write_bytes(_email(html=False))
    (article,) = parse_file(tmp_path / "bulletin.eml", tmp_path).articles
    assert (article.title, article.date, article.source) == (
        SUBJECT,
        dt.date(2026, 11, 3),
        "وكالة الأنباء",
    )
    assert article.body == BODY + "\nوقال الوزير إن المستشفى سيفتح أبوابه قريبا."


def test_the_plain_part_is_preferred_and_html_alone_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "both.eml").write_bytes(_email(html=True))
    (article,) = parse_file(tmp_path / "both.eml", tmp_path).articles
    assert article.body == "نسخة نصية مختصرة."
    message = EmailMessage()
    message["From"] = "news@agency.example"
    message["Subject"] = SUBJECT
    message.set_content(f"<html><body><p>{BODY}</p><script>track()</script></body></html>", "html")
    (tmp_path / "html.eml").write_bytes(bytes(message))
    (article,) = parse_file(tmp_path / "html.eml", tmp_path).articles
    assert article.body == BODY


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"just text, no headers at all", "not an e-mail"),
        (b"From: a@b.example\nSubject: x\nContent-Type: image/png\n\n\x89PNG", "without text"),
    ],
    ids=["no-headers", "attachment-only"],
)
def test_an_eml_without_an_email_text_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.eml").write_bytes(data)
    result = parse_file(tmp_path / "x.eml", tmp_path)
    assert result.articles == ()
    (problem,) = result.problems
    assert reason in problem.reason


def test_a_damaged_header_costs_only_itself(tmp_path: Path) -> None:
    """The email package parses a header when it is read, and raises on a damaged one: the
    article is still read, without what that header held."""
    data = _email(html=False).replace(
        b"From: ", b"From: =?utf-8?q?x?= <news@agency.example\r\n b@c>, ", 1
    )
    (tmp_path / "damaged.eml").write_bytes(data)
    (article,) = parse_file(tmp_path / "damaged.eml", tmp_path).articles
    assert (article.title, article.date) == (SUBJECT, dt.date(2026, 11, 3))
