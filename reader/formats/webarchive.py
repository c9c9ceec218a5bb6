"""Web pages Safari saved (``.webarchive``, its default "Save As" format on a Mac): a property
list whose main resource is the page's HTML, with its address and declared encoding; the
images, style sheets and frames beside it are of no use to a reader."""

from __future__ import annotations

import plistlib
from typing import Any

from reader.formats.decode import NotText
from reader.formats.mhtml import SavedPage, decoded_part

WEBARCHIVE_SUFFIXES = frozenset({".webarchive"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def safari_page(data: bytes) -> SavedPage:
    """The HTML page of a Safari web archive. Raises ``NotText`` with the reason."""
    try:
        archive: Any = plistlib.loads(data)
    except Exception as exc:  # plistlib raises several kinds on damaged data
        raise NotText(f"damaged Safari web archive ({type(exc).__name__}: {exc})") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict):
        raise NotText("a Safari web archive without its page (no WebMainResource)")
    payload = main.get("WebResourceData")
    if str(main.get("WebResourceMIMEType", "text/html")).lower() not in _HTML_TYPES:
        raise NotText(f"a Safari web archive of a {main.get('WebResourceMIMEType')}, not a page")
    if not isinstance(payload, bytes) or not payload.strip():
        raise NotText("a Safari web archive whose page is empty")
    url = main.get("WebResourceURL")
    charset = main.get("WebResourceTextEncodingName")
    return SavedPage(
        decoded_part(payload, charset if isinstance(charset, str) else None),
        url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
    )
