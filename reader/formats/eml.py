"""Saved e-mails (``.eml``): a news agency's bulletin or a newsletter a reader kept. The subject
is the title, the Date header the date, the sender the source; the text is the plain part, else
the HTML part's text.
"""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from reader.formats.debris import clean_body
from reader.formats.decode import NotText, decode_bytes
from reader.formats.html import html_text
from reader.formats.titles import TITLE_FROM_FIRST_WORDS, title_from_text
from reader.model import Article

EML_SUFFIXES = frozenset({".eml"})


def parse_eml(data: bytes, *, rel_path: str) -> Article:
    """The article of a saved e-mail. Raises ``NotText`` with the reason when it holds none."""
    message = message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not (message.get("From") or message.get("Subject")):
        raise NotText("not an e-mail: no From or Subject header")
    body = _body(message)
    if not body:
        raise NotText("an e-mail without text (attachments only, or empty)")
    problems: list[str] = []
    title = " ".join(str(message.get("Subject", "")).split())
    if not title:
        title = title_from_text(body.split("\n"))
        problems.append(TITLE_FROM_FIRST_WORDS)
    return Article(
        id=rel_path,
        title=title,
        body=body,
        date=_date(message.get("Date")),
        source=_sender(message),
        problems=tuple(problems),
        path=rel_path,
    )


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    charset = part.get_content_charset()
    try:
        text = payload.decode(charset) if charset else decode_bytes(payload).text
    except (LookupError, UnicodeDecodeError, NotText):
        text = payload.decode("utf-8", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_subtype() == "html":
        return clean_body(html_text(text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return clean_body("\n".join(line for line in lines if line))


def _date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).date()
    except (TypeError, ValueError, IndexError):
        return None


def _sender(message: EmailMessage) -> str | None:
    sender = message.get("From")
    if sender is None:
        return None
    addresses = getattr(sender, "addresses", ())
    if addresses:
        return addresses[0].display_name or addresses[0].addr_spec or None
    return " ".join(str(sender).split()) or None
