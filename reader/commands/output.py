"""Standard output of the commands: UTF-8 that always encodes, with a note for what it changed.

An article's text may hold code points UTF-8 cannot encode: a lone surrogate, what JSON's
``"\\ud83d"`` decodes to when a scraper cut an emoji in half. Encoding one raised in the middle of
an export, so every article after it was lost. Every command writes through ``Output``, which
writes such a code point as U+FFFD, counts it and names where it was, so the output stays valid
UTF-8, nothing after it is lost, and stderr says what was changed.
"""

from __future__ import annotations

import io
import re
import sys
from typing import BinaryIO, TextIO

from reader.printable import printable

# the only code points UTF-8 cannot encode
_UNENCODABLE = re.compile("[\ud800-\udfff]")
# how many places the note names before "and N more"
_NAMED = 5


class Output:
    """A UTF-8 writer over a binary stream (``sys.stdout.buffer``) or a text one."""

    def __init__(self, stream: BinaryIO | TextIO) -> None:
        self._stream = stream
        self._text = isinstance(stream, io.TextIOBase)
        self.replaced = 0
        self.places: list[str] = []

    def clean(self, text: str, where: str = "") -> str:
        """``text`` with every unencodable code point as U+FFFD, counted (``where``: the article
        or query it came from, for the note)."""
        cleaned, count = _UNENCODABLE.subn("\ufffd", text)
        if count:
            self.replaced += count
            if where and where not in self.places:
                self.places.append(where)
        return cleaned

    def write(self, text: str, where: str = "") -> None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            text = self.clean(text, where)
            data = text.encode("utf-8")
        if self._text:
            self._stream.write(text)  # type: ignore[call-overload]
        else:
            self._stream.write(data)  # type: ignore[arg-type]

    def flush(self) -> None:
        self._stream.flush()

    def note(self) -> str | None:
        """What was replaced, for stderr; None when nothing was."""
        if not self.replaced:
            return None
        n = self.replaced
        what = "character" if n == 1 else "characters"
        note = (
            f"{n} {what} that UTF-8 cannot encode (lone surrogates, e.g. half of a cut emoji)"
            " written as U+FFFD"
        )
        if self.places:
            named = ", ".join(printable(p) for p in self.places[:_NAMED])
            more = len(self.places) - _NAMED
            note += f" in {named}" + (f" and {more} more" if more > 0 else "")
        return note


def tell(command: str, message: object) -> None:
    """One ``command: message`` line on stderr, a file name in it shown as it really is."""
    print(f"{command}: {printable(str(message))}", file=sys.stderr)
