"""WhatsApp's chat export ("Export chat" → ``WhatsApp Chat with NAME.txt``, or ``_chat.txt`` in
the iPhone's zip): a group's or a contact's messages, each an article, as Telegram's exports
are read. Newsrooms and monitors follow news groups this way.

Each message opens with its time stamp and sender: Android writes ``12/03/2024, 10:15 - NAME:
text``, the iPhone ``[12/03/2024, 10:15:00] NAME: text``, in Arabic phones with Arabic-Indic
digits, ``ص``/``م`` and direction marks. Lines without a time stamp continue the message
above. The group's notices (end-to-end encryption, "created group", "added") and messages
without text (a photo, "<Media omitted>", a deleted message) are no articles: they are counted
in one note. The day comes first unless a stamp of the file can only be month-first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from reader.formats.titles import TITLE_FROM_FIRST_WORDS, title_from_text
from reader.model import Article, LoadProblem

_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATE = r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{2,4}),?"
_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\s?(?P<half>[AaPp]\.?[Mm]\.?|ص|م))?"
# the iPhone's "[12/03/2024, 10:15:00] " and Android's "12/03/2024, 10:15 - "
_STAMPS = (
    re.compile(rf"^\[{_DATE}\s+{_TIME}\]\s+(?P<rest>.*)$"),
    re.compile(rf"^{_DATE}\s+{_TIME}\s+[-–]\s+(?P<rest>.*)$"),
)
# a sender's name, then ": " (a notice has no colon after a name: "أحمد created group")
_SENDER = re.compile(r"^(?P<name>[^:]{1,60}?):\s(?P<text>.*)$", re.DOTALL)
_NO_TEXT = re.compile(
    r"^<?(?:media omitted|الوسائط محذوفة|تم استبعاد الوسائط|(?:image|video|audio|sticker|gif"
    r"|document|contact card) omitted|(?:صورة|فيديو|مقطع صوتي|ملصق|مستند) (?:محذوف|مستبعد)ة?"
    r"|attached: [^>]*|this message was deleted|you deleted this message"
    r"|تم حذف هذه الرسالة|حذفت هذه الرسالة|null)>?$",
    re.IGNORECASE,
)
# WhatsApp's own notice at a chat's start; the iPhone writes it as the group's message, so
# its sender names the group
_ENCRYPTION = re.compile(
    r"^\W*(?:messages and calls are end-to-end encrypted|messages to this (?:group|chat) are now"
    r"|الرسائل والمكالمات مشفرة|الرسائل المرسلة إلى هذه (?:المجموعة|الدردشة))",
    re.IGNORECASE,
)
# the names WhatsApp gives the exported file, in English and Arabic
_CHAT_FILE = re.compile(
    r"^(?:WhatsApp Chat (?:with|-) .+|_chat|دردشة واتساب مع .+|محادثة واتساب مع .+)\.txt$",
    re.IGNORECASE,
)
# the sender before a notice the iPhone writes as the group's message
_SENDER_OF = re.compile(r"^[^:]{1,60}:\s")
_CHAT_NAME = re.compile(
    r"^(?:WhatsApp Chat (?:with|-) |دردشة واتساب مع )(?P<name>.+)$", re.IGNORECASE
)
_SAMPLE_LINES = 12
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True, slots=True)
class _Message:
    day: tuple[int, int, int]  # the stamp's first, second and year numbers
    sender: str | None  # None for the group's notices
    lines: list[str]


def looks_whatsapp(text: str, rel_path: str) -> bool:
    """Whether ``text`` is a chat export: it opens with a message's stamp, most of its first
    lines do, and it carries WhatsApp's name for the file or its notice (a timeline article or
    a log stamps its lines too)."""
    lines = [line for line in text[:4096].split("\n") if line.strip()][:_SAMPLE_LINES]
    if not lines or _stamp(_plain(lines[0])) is None:
        return False
    stamped = [match for line in lines if (match := _stamp(_plain(line))) is not None]
    if len(stamped) < 2 or len(stamped) * 4 < len(lines) * 3:
        return False
    name = PurePosixPath(rel_path).name
    if _CHAT_FILE.match(name):
        return True
    return any(_ENCRYPTION.match(_SENDER_OF.sub("", match["rest"])) for match in stamped)


def parse_whatsapp(text: str, *, rel_path: str) -> tuple[list[Article], list[LoadProblem]]:
    """Each message with text an article (id ``chat.txt#N``, N the message's place in the chat)."""
    messages = _messages(text)
    month_first = any(m.day[1] > 12 for m in messages) and not any(m.day[0] > 12 for m in messages)
    chat = _chat_name(rel_path)
    articles: list[Article] = []
    left_out = 0
    for number, message in enumerate(messages, 1):
        body = "\n".join(line.strip() for line in message.lines if line.strip())
        if _ENCRYPTION.match(body):
            chat = chat or message.sender
            left_out += 1
            continue
        if message.sender is None or not body or _NO_TEXT.match(body):
            left_out += 1
            continue
        url = _URL.search(body)
        articles.append(
            Article(
                id=f"{rel_path}#{number}",
                title=title_from_text(body.split("\n")),
                body=body,
                date=_date(message.day, month_first=month_first),
                source=chat,
                url=url.group().rstrip(".,،)") if url else None,
                author=message.sender,
                problems=(TITLE_FROM_FIRST_WORDS,),
                path=rel_path,
            )
        )
    problems = []
    if left_out:
        problems.append(
            LoadProblem(
                rel_path,
                f"{left_out} messages without text (notices, photos, deleted) are not articles",
            )
        )
    return articles, problems


def _stamp(line: str) -> re.Match[str] | None:
    for pattern in _STAMPS:
        match = pattern.match(line)
        if match is not None:
            return match
    return None


def _plain(line: str) -> str:
    return line.translate(_MARKS).translate(_DIGITS).strip()


def _messages(text: str) -> list[_Message]:
    messages: list[_Message] = []
    for raw in text.split("\n"):
        line = _plain(raw)
        stamp = _stamp(line)
        if stamp is None:
            if messages:
                messages[-1].lines.append(raw.translate(_MARKS))
            continue
        day = (int(stamp["a"]), int(stamp["b"]), int(stamp["y"]))
        sender = _SENDER.match(stamp["rest"])
        if sender is None:
            messages.append(_Message(day, None, [stamp["rest"]]))
        else:
            messages.append(_Message(day, sender["name"].strip(), [sender["text"]]))
    return messages


def _date(day: tuple[int, int, int], *, month_first: bool) -> dt.date | None:
    first, second, year = day
    month, dom = (first, second) if month_first else (second, first)
    try:
        return dt.date(year + 2000 if year < 100 else year, month, dom)
    except ValueError:
        return None


def _chat_name(rel_path: str) -> str | None:
    stem = PurePosixPath(rel_path).stem
    match = _CHAT_NAME.match(stem)
    return match["name"].strip() if match else None
