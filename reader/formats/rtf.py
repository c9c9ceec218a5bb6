"""Rich Text Format (``.rtf``), as Word saves it and news databases export it: its text, for the
plain-text reader (the Nexis layout included). Arabic comes as ``\\'xx`` bytes of the code page
the file declares (``\\ansicpg1256``, or a font's Arabic charset) or as ``\\uN`` escapes;
striprtf reads both.
"""

from __future__ import annotations

RTF_SUFFIXES = frozenset({".rtf"})


class NotRtf(ValueError):
    """The bytes are no RTF we can read; ``str(exc)`` is the reason for the user."""


def rtf_text(data: bytes) -> str:
    """The text of an RTF file. Raises ``NotRtf`` with the reason."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise NotRtf("not an RTF file: it does not start with {\\rtf")
    from striprtf.striprtf import rtf_to_text  # imported here: only folders holding RTF pay for it

    # RTF is 7-bit text; its other characters are escapes, so Latin-1 maps its bytes one to one
    try:
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except (ValueError, LookupError, IndexError) as exc:
        raise NotRtf(f"damaged RTF file ({type(exc).__name__}: {exc})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
