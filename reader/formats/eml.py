"""Saved e-mails (``.eml``): a news agency's bulletin or a newsletter a reader kept. The subject
is the title, the Date header the date, the sender the source; the text is the plain part, else
the HTML part's text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
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
    if not isinstance(message, EmailMessage) or not (
        _header(message, "From") or _header(message, "Subject")
    ):
        raise NotText("not an e-mail: no From or Subject header")
    try:
        body = _body(message)
    except Exception as exc:  # what a damaged MIME structure makes the email package raise varies
        raise NotText(f"damaged e-mail: {type(exc).__name__}: {exc}") from None
    if not body:
        raise NotText("an e-mail without text (attachments only, or empty)")
    problems: list[str] = []
    title = " ".join(str(_header(message, "Subject") or "").split())
    if not title:
        title = title_from_text(body.split("\n"))
        problems.append(TITLE_FROM_FIRST_WORDS)
    return Article(
        id=rel_path,
        title=title,
        body=body,
        date=_date(_header(message, "Date")),
        source=_sender(message),
        problems=tuple(problems),
        path=rel_path,
    )


def _header(message: EmailMessage, name: str) -> object | None:
    """A header's value, None when it is missing or too damaged to parse (the email package
    parses a header when it is read, and raises as it finds it)."""
    try:
        return message.get(name)
    except Exception:  # HeaderParseError, ValueError, IndexError: a damaged header is no header
        return None


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
    except (LookupError, UnicodeDecodeError, ValueError, NotText):  # ValueError: a NUL in a name
        text = payload.decode("utf-8", "replace")
    return message_text(text, html=part.get_content_subtype() == "html")


def message_text(text: str, *, html: bool) -> str:
    """A message's plain or HTML text as an article's body: a line a paragraph, debris out."""
    if html:
        return clean_body(html_text(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    sender = _header(message, "From")
    try:
        addresses = getattr(sender, "addresses", ())
    except Exception:  # the addresses are parsed when read: a damaged one is no sender
        return None
    if sender is None:
        return None
    if addresses:
        return addresses[0].display_name or addresses[0].addr_spec or None
    return " ".join(str(sender).split()) or None


MBOX_SUFFIXES = frozenset({".mbox", ".mbx"})
# a message starts at a "From " line after a blank line (or at the file's start); a "From " in
# a message's text is written ">From " by mail programs
_FROM_LINE = re.compile(rb"(?:\A|\n\n|\r\n\r\n)From [^\n]*\n")


def parse_mbox(data: bytes, *, rel_path: str) -> tuple[list[Article], list[str]]:
    """The articles of a mailbox file (Thunderbird's, or a Google Takeout export), one a message
    (ids ``box.mbox#N``, the mailbox their file), and a problem for each message that holds none."""
    lines = list(_FROM_LINE.finditer(data))
    if not lines:
        raise NotText("not a mailbox: no message starts with a 'From ' line")
    starts = [m.end() for m in lines]
    ends = [*(m.start() for m in lines[1:]), len(data)]
    articles: list[Article] = []
    problems: list[str] = []
    several = len(starts) > 1
    for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
        article_id = f"{rel_path}#{number}" if several else rel_path
        try:
            message = parse_eml(data[start:end], rel_path=article_id)
            articles.append(dataclasses.replace(message, path=rel_path))
        except NotText as exc:
            problems.append(f"message {number}: {exc}")
    return articles, problems
