"""The streams of an OLE compound file, the container of Word 97-2003 and Excel 97-2003 files.

Read through olefile, with each stream's declared size checked against the file's before it
is read: a damaged sector chain that loops would otherwise be followed for as long as the size
it declares (xlrd's own reader follows it until memory runs out).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence

from reader.formats.office import OLE_MAGIC

__all__ = ["OLE_MAGIC", "NotOle", "ole_streams"]


class NotOle(ValueError):
    """The compound file is damaged; ``str(exc)`` says how."""


def ole_streams(data: bytes, wanted: Sequence[str]) -> dict[str, bytes]:
    """The streams of ``wanted`` that the file holds, by name (those it lacks are absent).
    Raises ``NotOle``."""
    import olefile  # imported here: only folders holding old Office files pay for it

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            found = {}
            for name in wanted:
                if not ole.exists(name):
                    continue
                size = ole.get_size(name)
                if size > len(data):
                    raise NotOle(f"its {name} stream claims {size:,} bytes, more than the file")
                found[name] = ole.openstream(name).read()
            return found
    except NotOle:
        raise
    except (
        OSError,
        ValueError,
        struct.error,
        IndexError,
        KeyError,
        TypeError,
        OverflowError,
    ) as exc:
        raise NotOle(f"{type(exc).__name__}: {exc}") from None
