"""Outlook messages (``.msg``): what Outlook saves when a message is dragged out of the inbox,
so a journalist's folder of press releases and agency bulletins. Read as a saved e-mail is:
the subject the title, the sender the source, the time it was sent the date, the plain text
(else the HTML text) the article's.

A message is a compound file ([MS-OXMSG]): each property a stream named by its id and type
(``__substg1.0_0037001F``, the subject in UTF-16), the fixed-size ones (times) in the
``__properties_version1.0`` stream. Older Outlooks wrote 8-bit strings (type ``001E``) in the
message's code page.
"""

from __future__ import annotations

import datetime as dt
import struct

from reader.formats.decode import NotText, decode_bytes
from reader.formats.eml import message_text, parse_eml
from reader.formats.ole import OLE_MAGIC, NotOle, ole_streams
from reader.formats.titles import TITLE_FROM_FIRST_WORDS, title_from_text
from reader.model import Article

MSG_SUFFIXES = frozenset({".msg"})
_SUBJECT, _BODY, _HTML = 0x0037, 0x1000, 0x1013
_SENDERS = (0x0C1A, 0x0042, 0x0C1F)  # sender name, sent-representing name, sender address
_TIMES = (0x0039, 0x0E06)  # when it was sent, when it was delivered
_CODE_PAGE = 0x3FFD
_PROPERTIES = "__properties_version1.0"
_HEADER = 32  # the top-level message's properties stream begins after this
_UNICODE, _STRING8, _BINARY, _SYSTIME, _LONG = 0x001F, 0x001E, 0x0102, 0x0040, 0x0003


def parse_msg(data: bytes, *, rel_path: str) -> Article:
    """The article of an Outlook message. Raises ``NotText`` with the reason when it holds
    none."""
    if not data.startswith(OLE_MAGIC):
        # a saved e-mail named .msg (some mail programs' "save as"), read as one
        return parse_eml(data, rel_path=rel_path)
    ids = (_SUBJECT, _BODY, _HTML, *_SENDERS)
    names = [_name(i, kind) for i in ids for kind in (_UNICODE, _STRING8)]
    try:
        streams = ole_streams(data, [*names, _name(_HTML, _BINARY), _PROPERTIES])
    except NotOle as exc:
        raise NotText(f"corrupt Outlook message ({exc})") from None
    if _PROPERTIES not in streams:
        raise NotText("not an Outlook message (an Office file of another kind, named .msg)")
    fixed = _fixed_properties(streams[_PROPERTIES])
    # a 32-bit value fills the first half of its 8 bytes
    code_page = (
        f"cp{fixed[(_CODE_PAGE, _LONG)] & 0xFFFFFFFF}" if (_CODE_PAGE, _LONG) in fixed else None
    )

    def text(prop: int) -> str:
        unicode = streams.get(_name(prop, _UNICODE))
        if unicode is not None:
            return unicode.decode("utf-16-le", "replace").rstrip("\x00")
        eight = streams.get(_name(prop, _STRING8))
        return _eight_bit(eight, code_page).rstrip("\x00") if eight is not None else ""

    body = message_text(text(_BODY), html=False)
    if not body:
        html = streams.get(_name(_HTML, _BINARY))
        page = _eight_bit(html, None) if html is not None else text(_HTML)
        body = message_text(page, html=True) if page.strip() else ""
    if not body:
        raise NotText("an Outlook message without text (its text only as RTF, or empty)")
    title = " ".join(text(_SUBJECT).split())
    problems = []
    if not title:
        title = title_from_text(body.split("\n"))
        problems.append(TITLE_FROM_FIRST_WORDS)
    sender = next((s for s in (" ".join(text(p).split()) for p in _SENDERS) if s), None)
    sent = next((fixed[(p, _SYSTIME)] for p in _TIMES if (p, _SYSTIME) in fixed), None)
    return Article(
        id=rel_path,
        title=title,
        body=body,
        date=_date(sent) if sent else None,
        source=sender,
        problems=tuple(problems),
        path=rel_path,
    )


def _name(prop: int, kind: int) -> str:
    return f"__substg1.0_{prop:04X}{kind:04X}"


def _fixed_properties(stream: bytes) -> dict[tuple[int, int], int]:
    """(id, type) -> the 8-byte value read as an integer, for the message's properties."""
    found = {}
    for at in range(_HEADER, len(stream) - 15, 16):
        kind, prop, _flags, value = struct.unpack_from("<HHIQ", stream, at)
        found[(prop, kind)] = value
    return found


def _date(filetime: int) -> dt.date | None:
    """A FILETIME (100-nanosecond ticks since 1601) as a day; None for a damaged one."""
    try:
        return (dt.datetime(1601, 1, 1) + dt.timedelta(microseconds=filetime // 10)).date()
    except OverflowError:
        return None


def _eight_bit(data: bytes, code_page: str | None) -> str:
    if code_page:
        try:
            return data.decode(code_page)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(data).text
    except NotText:
        return ""
