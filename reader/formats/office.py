"""What Office documents (Excel workbooks, Word files: zip archives inside) are checked for
before a reader unpacks them: encryption, damage, and a size unpacked that no real document has.
"""

from __future__ import annotations

import io
import zipfile
import zlib

# an encrypted (password-protected) document, or one in the old .xls/.doc format, is an OLE
# compound file, not a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# what a document's parts may hold unpacked: a real one is a few times its size, a zip bomb
# thousands of times
MAX_UNPACKED = 512 * 1024 * 1024
# what a damaged document raises while a reader unpacks and parses its parts (XML parse errors
# are SyntaxErrors, in lxml and the standard library alike; zipfile raises NotImplementedError
# for a mangled compression method or version, RuntimeError for a part flagged as encrypted)
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    OSError,
    TypeError,
    SyntaxError,
    NotImplementedError,
    RuntimeError,
)


def office_refusal(data: bytes, what: str, save_as: str) -> str | None:
    """Why the document (``what``: "Excel workbook", "Word document") is not read, or None.
    ``save_as``: the format to suggest for an encrypted or old one."""
    if data.startswith(OLE_MAGIC):
        return (
            f"an encrypted (password-protected) {what}, or one in the old format under a new "
            f"name; save it without a password as {save_as}"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.LargeZipFile, *DAMAGED) as exc:
        return f"corrupt {what} ({type(exc).__name__}: {exc})"
    if size > MAX_UNPACKED:
        return (
            f"{what} too large unpacked ({size / 1e6:,.0f} MB; the limit is "
            f"{MAX_UNPACKED // (1024 * 1024)} MB): not read"
        )
    return None
