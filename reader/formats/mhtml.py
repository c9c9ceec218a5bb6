"""Web pages a browser saved as one file (MHTML: Chrome's and Edge's "Webpage, single file",
``.mhtml`` or ``.mht``): the page's HTML, its address and its declared encoding.

An MHTML file is a MIME message: the page is its first ``text/html`` part (quoted-printable or
base64), the images and style sheets are the other parts and are of no use to a reader.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from email import message_from_bytes, policy

from reader.formats.decode import Decoded, NotText, decode_bytes

MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})


@dataclass(frozen=True, slots=True)
class SavedPage:
    decoded: Decoded
    url: str | None  # the address the page was saved from


def saved_page(data: bytes) -> SavedPage:
    """The HTML page inside an MHTML file. Raises ``NotText`` with the reason when there is none."""
    try:
        return _saved_page(data)
    except NotText:
        raise
    except Exception as exc:  # what a damaged MIME message makes the email package raise varies
        raise NotText(f"damaged saved web page (MHTML): {type(exc).__name__}: {exc}") from None


def _saved_page(data: bytes) -> SavedPage:
    message = message_from_bytes(data, policy=policy.compat32)
    if not message.get("Content-Type"):
        raise NotText("not a saved web page (MHTML): no MIME header")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        url = message.get("Snapshot-Content-Location") or part.get("Content-Location")
        return SavedPage(decoded_part(payload, part.get_content_charset()), _header(url))
    raise NotText("a saved web page (MHTML) without an HTML part: nothing to read")


def decoded_part(payload: bytes, charset: str | None) -> Decoded:
    """The part in its declared encoding when that reads it cleanly; otherwise detected as any
    file is (a page that declares one encoding and is written in another)."""
    if charset:
        try:
            codec = codecs.lookup(charset).name
            text = payload.decode(codec)
        except (LookupError, UnicodeDecodeError, ValueError):  # ValueError: a NUL in the name
            pass
        else:
            text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
            return Decoded(text, "utf-8" if codec in {"utf-8", "ascii"} else charset.lower())
    return decode_bytes(payload)


def _header(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text if text.startswith(("http://", "https://")) else None
